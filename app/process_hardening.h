#pragma once
// What both programs do first: no core dump may carry a PIN, a portrait or a patient's data to
// disk. RLIMIT_CORE 0 (no core file) and PR_SET_DUMPABLE 0 (no core, no ptrace attach by other
// processes of the same user).
namespace madoguchi::app {

void disableCoreDumps();

}  // namespace madoguchi::app

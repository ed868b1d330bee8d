#include "app/process_hardening.h"

#ifdef _WIN32
#include <windows.h>
#else
#include <sys/prctl.h>
#include <sys/resource.h>
#endif

namespace madoguchi::app {

void disableCoreDumps() {
#ifdef _WIN32
    // No crash dialog offering to send a report (with the process's memory) to Windows Error
    // Reporting. Excluding the process from WER's local dumps is still to do (docs/windows.md).
    SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX);
#else
    const rlimit none{0, 0};
    setrlimit(RLIMIT_CORE, &none);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}

}  // namespace madoguchi::app

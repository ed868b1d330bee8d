#pragma once
// madoguchi-cli: one entry point per command family, each in its own file.
// Every command prints JSON on stdout; errors go to stderr with a non-zero exit.
#include <string>
#include <vector>

namespace madoguchi::cli {

using Arguments = std::vector<std::string>;  // the arguments after the command words

// Exit codes shared by every command.
// kUnreachable: the journal's site server did not answer; nothing was read or written.
enum ExitCode : int { kOk = 0, kNegative = 1, kBadInput = 2, kUndecided = 3, kUnreachable = 4 };

int runCopay(const Arguments& args);           // copay_command.cpp
int runInsurerNumber(const Arguments& args);   // insurer_number_command.cpp
int runScenario(const Arguments& args);        // scenario_command.cpp
int runOqs(const Arguments& args);             // oqs_command.cpp      (parse, query)
int runSimOqs(const Arguments& args);          // sim_oqs_command.cpp
int runSimCard(const Arguments& args);         // sim_card_command.cpp
int runCard(const Arguments& args);            // card_command.cpp     (read, verify-pin, check)
int runReport(const Arguments& args);          // report_command.cpp
int runAudit(const Arguments& args);           // audit_command.cpp
int runJournal(const Arguments& args);         // journal_command.cpp  (generate, migrate)
int runStaff(const Arguments& args);           // staff_command.cpp    (password)
int runSignIn(const Arguments& args);          // session_command.cpp  (a session ticket for scripts)
int runSignOut(const Arguments& args);         // session_command.cpp
int runClaim(const Arguments& args);           // claim_command.cpp    (remarks, contacted)
int runFollowup(const Arguments& args);        // followup_command.cpp (recheck)
int runDrugInfo(const Arguments& args);        // medical_info_command.cpp (fetch, parse)
int runCheckup(const Arguments& args);         // medical_info_command.cpp (fetch, parse)

}  // namespace madoguchi::cli

#pragma once
// The checks behind the set-up assistant's test buttons and the status bar's indicators: the
// eligibility terminal's req/ res/ face/ folders, the PC/SC card readers, the journal's folder.
// Each call may block (a share that went away, pcscd): call them off the GUI thread.
#include <filesystem>
#include <string>
#include <vector>

#include "storage/server_check.h"
#include "storage/server_probe.h"

namespace madoguchi::gui {

enum class Health { Good, Warning, Failing, NotUsed };

struct DeviceCheck {
    Health health = Health::Good;
    // English msgids (translated at the window); `problem` may hold one %s, replaced by `subject`.
    std::string problem;  // empty when all is well
    std::string remedy;   // what to do about it
    std::string subject;  // the folder, file or service the problem names
    std::vector<std::string> details;  // what was found: reader names, safety warnings (untranslated)
};

enum class FolderTest {
    Probe,      // the assistant: write and remove a probe file in req/, list face/ and res/
    LookOnly,   // the status bar every few seconds: req/ writable, face/ and res/ listable, nothing written
};

// root holds req/, res/ and face/ (the terminal's share, mounted on this PC).
DeviceCheck checkTerminalFolders(const std::filesystem::path& root, FolderTest test);
// The PC/SC readers; `required` when identity comes through our own reader (else a missing
// reader is only a warning).
DeviceCheck checkCardReaders(bool required);
// The journal's folder takes a new file (a probe, written and removed) and the journal file, if
// it exists, is writable; a nearly full disk is a warning.
DeviceCheck checkJournal(const std::filesystem::path& journalPath);
// A journal on the site server, over the probe's kept connection (storage/server_probe.h), the
// password from ~/.pgpass; what it found as a check (Ready: good; no journal yet or an older
// schema: warning; anything else: failing, with libpq's words in the details).
DeviceCheck checkJournalServer(storage::ServerProbe& probe);
DeviceCheck journalServerCheck(const storage::ServerCheck& found, const std::string& subject);

}  // namespace madoguchi::gui

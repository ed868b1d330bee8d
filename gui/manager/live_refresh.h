#pragma once
// What the manager's pages share for a live refresh (a journal notice): the read runs on the
// page's worker over a connection of the page's own, and notices that come during a read make
// one more read when it is done, not one each.
#include <memory>

#include "storage/visit_journal.h"

namespace madoguchi::gui {

// read(journal) over `reader`, opened from `journal` on first use and re-opened after a failure;
// a transient failure (a connection the server dropped) is tried once more. Worker thread only.
template <class Read>
auto readOverOwnConnection(std::unique_ptr<storage::FacilityJournal>& reader, const storage::FacilityJournal& journal,
                           const Read& read) {
    for (int attempt = 0;; ++attempt) {
        try {
            if (!reader) reader = journal.anotherConnection();
            return read(*reader);
        } catch (const storage::StorageError& error) {
            reader.reset();
            if (attempt == 0 && error.transient()) continue;
            throw;
        }
    }
}

// The coalescing of notices (GUI thread).
class LiveRefresh {
public:
    // A notice: true when a read should start now (else one more is due after the running one).
    bool start() {
        if (running_) {
            again_ = true;
            return false;
        }
        running_ = true;
        return true;
    }
    // The read is done (shown, or dropped for a day no longer shown): true when another is due.
    bool shown() {
        running_ = false;
        ++shown_;
        const bool again = again_;
        again_ = false;
        return again;
    }
    void failed() { running_ = again_ = false; }  // the journal watch says when it can be read again
    bool running() const { return running_; }
    int shownCount() const { return shown_; }

private:
    bool running_ = false;
    bool again_ = false;  // a notice came while reading
    int shown_ = 0;
};

}  // namespace madoguchi::gui

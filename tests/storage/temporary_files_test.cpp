// A journal's big writes leave no file in the temporary folder, so pages holding patients' rows
// are never written outside the journal's own private files: no statement journal (the pages a
// statement of many rows changes, kept to undo that statement alone; SQLite inserts one row a
// statement, storage/batched.h), and any other temporary pages in memory (temp_store). Linux
// (inotify sees a file that SQLite creates and unlinks at once).
#ifdef __linux__
#include <sys/inotify.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <functional>

#include "storage_fixtures.h"
#include "temp_folder.h"

using namespace madoguchi;
using madoguchi::test::at;

namespace {

std::vector<std::string> patients(int count, int stride) {
    std::vector<std::string> ids;
    for (int i = 0; i < count; ++i) ids.push_back("P-" + std::to_string((i * stride) % count + 100000));
    return ids;
}

// Files created in `folder` while `work` runs.
int filesCreatedDuring(const std::filesystem::path& folder, const std::function<void()>& work) {
    const int events = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    BOOST_REQUIRE(events >= 0);
    BOOST_REQUIRE(inotify_add_watch(events, folder.c_str(), IN_CREATE) >= 0);
    work();
    int created = 0;
    alignas(inotify_event) char buffer[4096];
    for (ssize_t got; (got = ::read(events, buffer, sizeof buffer)) > 0;)
        for (ssize_t offset = 0; offset < got; ++created)
            offset += static_cast<ssize_t>(sizeof(inotify_event) + reinterpret_cast<inotify_event*>(buffer + offset)->len);
    ::close(events);
    return created;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(TemporaryFiles)

BOOST_AUTO_TEST_CASE(AReportsReadAuditOfThousandsOfPatientsWritesNoTemporaryFile) {
    test::TempFolder folder;
    const auto temporary = folder / "tmp";
    std::filesystem::create_directory(temporary);
    ::setenv("SQLITE_TMPDIR", temporary.c_str(), 1);
    storage::FacilityJournal journal(test::location(folder / "journal.sqlite3"));
    journal.recordReads("jimucho", patients(3000, 1), "manager daily log 2026-11-02", at(2026, 11, 2, 18));

    // Every patient again in another order: one statement changes pages all over the audit index.
    const int created = filesCreatedDuring(temporary, [&] {
        journal.recordReads("jimucho", patients(3000, 7), "manager follow-up list", at(2026, 11, 3, 18));
    });
    ::unsetenv("SQLITE_TMPDIR");
    BOOST_CHECK_EQUAL(created, 0);
    BOOST_CHECK_EQUAL(test::scalar(folder / "journal.sqlite3", "SELECT COUNT(*) FROM audit_log WHERE action = 'patient.read'"),
                      6000);
    BOOST_CHECK(test::verifyJournal(folder / "journal.sqlite3").intact());
}

BOOST_AUTO_TEST_SUITE_END()
#endif

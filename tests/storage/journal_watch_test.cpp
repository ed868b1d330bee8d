// The manager window's live refresh (storage/journal_watch.h): another process records a visit
// and the watch wakes; a read by the manager (its audit rows) does not wake it. On the server the
// visit's NOTIFY arrives, with the visit's id, once the writer's transaction committed.
#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <cstdio>
#include <vector>

#include "child_process.h"
#include "storage/journal_watch.h"
#include "storage/open_database.h"
#include "storage/visit_journal.h"
#include "storage_fixtures.h"

using namespace madoguchi;
using madoguchi::test::at;

namespace {

// Another window: journal_writer records `count` visits PREFIX-1… in its own process.
void recordInAnotherProcess(const std::string& location, const std::string& prefix, int count) {
    test::ChildProcess writer({JOURNAL_WRITER, location, prefix, std::to_string(count)});
    writer.readAll();  // the ids it committed
    BOOST_REQUIRE_EQUAL(test::ChildProcess::exitCode(writer.wait()), 0);
}

constexpr std::chrono::milliseconds kPoll{300};

}  // namespace

BOOST_AUTO_TEST_SUITE(JournalWatching)

BOOST_AUTO_TEST_CASE(AVisitOfAnotherWindowWakesTheWatchAndAReadDoesNot) {
    test::JournalPlace place;
    storage::FacilityJournal manager(place.journal());
    storage::JournalWatch watch(place.journal());
    BOOST_CHECK(!watch.waitForChange(kPoll));  // nothing written yet

    recordInAnotherProcess(place.journal(), "W2", 1);
    BOOST_CHECK(watch.waitForChange(kPoll));
    BOOST_CHECK(!watch.waitForChange(kPoll));  // told once

    manager.recordAccess("jimucho", "P1", "manager daily log 2026-11-25", at(2026, 11, 25, 10));
    BOOST_CHECK(!watch.waitForChange(kPoll));  // the manager's own reads never count

    BOOST_REQUIRE(manager.retag({"W2-1", ClaimRoute::Old, "jimucho", "the card was lost", "", at(2026, 11, 25, 11)}));
    BOOST_CHECK(watch.waitForChange(kPoll));
}

// SQLite has no notifications: the poll alone.
BOOST_AUTO_TEST_CASE(OnTheServerTheVisitsNotifyArrivesAfterItsCommitWithItsId,
                     *boost::unit_test::precondition([](boost::unit_test::test_unit_id) {
                         return boost::test_tools::assertion_result(test::onServer());
                     })) {
    test::JournalPlace place;
    { storage::FacilityJournal create(place.journal()); }
    auto listener = storage::openDatabase(place.journal());
    BOOST_REQUIRE(listener->listen("madoguchi_visits"));
    recordInAnotherProcess(place.journal(), "W3", 2);
    listener->execute("SELECT 1");  // reads what arrived meanwhile
    std::vector<std::string> payloads = listener->waitForNotices(std::chrono::milliseconds(0));
    BOOST_CHECK_EQUAL(payloads.size(), 2u);
    BOOST_CHECK(std::find(payloads.begin(), payloads.end(), "W3-1") != payloads.end());
    BOOST_CHECK(std::find(payloads.begin(), payloads.end(), "W3-2") != payloads.end());
}

BOOST_AUTO_TEST_SUITE_END()

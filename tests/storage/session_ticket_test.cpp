// Session tickets for scripts (storage/session_ticket.h) on a real journal file: the ticket file
// and its seal, the time window at its edges (the Clock port), a tampered, foreign, other-journal
// or signed-out ticket, and an account whose role, password or lock changed since.
#include <sys/stat.h>

#include "platform/posix_files.h"  // stat: on Windows the group/others bits come from the DACL

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <iterator>

#include "storage/audit_trail.h"
#include "storage/session_ticket.h"
#include "storage/staff_accounts.h"
#include "storage_fixtures.h"

using namespace madoguchi;
using madoguchi::test::at;

namespace {

const StaffMember kManager{"jimucho", "事務長", StaffRole::Manager};

struct Sessions {
    test::JournalPlace place;
    storage::FacilityJournal journal{place.journal(), place / "config" / "audit.key"};
    test::FixedTestClock clock{at(2026, 11, 30, 23, 30)};
    std::filesystem::path ticket = place / "session";

    Sessions() {
        std::string password = "a passphrase of four words";
        BOOST_REQUIRE(storage::createStaff(journal.database(), kManager, password).ok());
    }
    storage::IssuedSession open(int minutes = 60) {
        auto issued = storage::openSession(journal, kManager, clock, ticket, minutes);
        BOOST_REQUIRE_MESSAGE(issued, (issued ? "" : issued.problem().message));
        return issued.value();
    }
    std::string refusal() {  // the problem code of using the ticket now ("" when it signs in)
        auto member = storage::signInWithSession(journal, clock, ticket);
        return member ? "" : member.problem().code;
    }
    std::string text() {
        std::ifstream in(ticket);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }
    long long audited(const std::string& action) {
        return test::scalar(place.journal(), "SELECT COUNT(*) FROM audit_log WHERE action = '" + action + "'");
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(SessionTicket)

BOOST_AUTO_TEST_CASE(ATicketIsPrivateSealedAndSignsInTheMemberUntilItEnds) {
    Sessions s;
    const auto issued = s.open(60);
    BOOST_CHECK_EQUAL(issued.expires.iso(), "2026-12-01T00:30:00");  // across midnight
    BOOST_CHECK_EQUAL(issued.id.size(), 32u);
    struct stat info {};
    BOOST_REQUIRE(::stat(s.ticket.c_str(), &info) == 0);
    BOOST_CHECK_EQUAL(info.st_mode & 0777, 0600u);
    BOOST_CHECK(s.text().find("a passphrase") == std::string::npos);
    BOOST_CHECK(s.text().find("password_hash") == std::string::npos);

    auto member = storage::signInWithSession(s.journal, s.clock, s.ticket);
    BOOST_REQUIRE(member);
    BOOST_CHECK_EQUAL(member.value().id, "jimucho");
    BOOST_CHECK(member.value().role == StaffRole::Manager);
    BOOST_CHECK_EQUAL(member.value().displayName, "事務長");
    BOOST_CHECK_EQUAL(s.audited("staff.session_opened"), 1);
    BOOST_CHECK_EQUAL(s.audited("staff.sign_in"), 1);

    s.clock.time = at(2026, 12, 1, 0, 29);
    s.clock.time.second = 59;
    BOOST_CHECK_EQUAL(s.refusal(), "");  // the last second
    s.clock.time = at(2026, 12, 1, 0, 30);
    BOOST_CHECK_EQUAL(s.refusal(), "session.expired");  // ends at its end
    s.clock.time = at(2026, 11, 30, 23, 29);
    BOOST_CHECK_EQUAL(s.refusal(), "session.not_yet");  // a clock set back before it began
    s.clock.time = at(2026, 11, 30, 23, 30);
    BOOST_CHECK_EQUAL(s.refusal(), "");  // its first second
    BOOST_CHECK_EQUAL(s.audited("staff.sign_in_failed"), 2);
}

BOOST_AUTO_TEST_CASE(TheLengthOfASessionIsBounded) {
    Sessions s;
    BOOST_CHECK(!storage::openSession(s.journal, kManager, s.clock, s.ticket, 0));
    BOOST_CHECK(!storage::openSession(s.journal, kManager, s.clock, s.ticket, storage::kLongestSessionMinutes + 1));
    BOOST_CHECK(!std::filesystem::exists(s.ticket));
    const auto longest = s.open(storage::kLongestSessionMinutes);
    BOOST_CHECK_EQUAL(longest.expires.iso(), "2026-12-01T11:30:00");
}

BOOST_AUTO_TEST_CASE(AnEditedTicketIsRefusedAsForged) {
    Sessions s;
    s.open();
    std::string text = s.text();
    text.replace(text.find("role=manager"), 12, "role=admin");
    std::ofstream(s.ticket, std::ios::trunc) << text;
    BOOST_CHECK_EQUAL(s.refusal(), "session.forged");
    BOOST_CHECK_EQUAL(s.audited("session.refused"), 1);
}

BOOST_AUTO_TEST_CASE(AnotherPcsTicketAnotherJournalAndAnOpenFileAreRefused) {
    Sessions s;
    s.open();
    // The same journal, another PC's (or account's) audit key: the seal does not match.
    storage::FacilityJournal elsewhere(s.place.journal(), s.place / "other-pc" / "audit.key");
    BOOST_CHECK_EQUAL(storage::signInWithSession(elsewhere, s.clock, s.ticket).problem().code, "session.forged");
    // Another journal with the same key: sealed, but not for it.
    test::JournalPlace second;
    storage::FacilityJournal other(second.journal(), s.place / "config" / "audit.key");
    BOOST_CHECK_EQUAL(storage::signInWithSession(other, s.clock, s.ticket).problem().code, "session.other_journal");
    // A ticket others may read is refused before it is read.
    std::filesystem::permissions(s.ticket, std::filesystem::perms::group_read, std::filesystem::perm_options::add);
    BOOST_CHECK_EQUAL(s.refusal(), "session.not_private");
    std::filesystem::remove(s.ticket);
    BOOST_CHECK_EQUAL(s.refusal(), "session.unreadable");
    std::ofstream(s.ticket) << "host=db.lan\n";
    std::filesystem::permissions(s.ticket, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    BOOST_CHECK_EQUAL(s.refusal(), "session.malformed");
}

BOOST_AUTO_TEST_CASE(AChangedRoleANewPasswordOrALockEndTheSession) {
    Sessions s;
    s.open();
    BOOST_REQUIRE(storage::setStaffRole(s.journal.database(), "jimucho", StaffRole::Receptionist).ok());
    BOOST_CHECK_EQUAL(s.refusal(), "session.account_changed");
    BOOST_REQUIRE(storage::setStaffRole(s.journal.database(), "jimucho", StaffRole::Manager).ok());
    BOOST_CHECK_EQUAL(s.refusal(), "");  // the same standing again

    std::string fresh = "another passphrase of four words";
    BOOST_REQUIRE(storage::resetStaffPassword(s.journal.database(), "jimucho", fresh).ok());
    BOOST_CHECK_EQUAL(s.refusal(), "session.account_changed");

    s.open();  // a new ticket after the new password
    s.journal.database().execute("UPDATE staff SET locked_until = '2026-11-30T23:45:00' WHERE id = 'jimucho'");
    BOOST_CHECK_EQUAL(s.refusal(), "session.account_locked");
    s.journal.database().execute("DELETE FROM staff WHERE id = 'jimucho'");
    BOOST_CHECK_EQUAL(s.refusal(), "session.account_changed");
}

BOOST_AUTO_TEST_CASE(SigningOutRevokesTheTicketAndItsCopies) {
    Sessions s;
    const auto issued = s.open();
    const auto copy = s.place / "copy";
    std::filesystem::copy_file(s.ticket, copy);
    auto closed = storage::closeSession(s.journal, s.clock, s.ticket);
    BOOST_REQUIRE(closed);
    BOOST_CHECK_EQUAL(closed.value(), issued.id);
    BOOST_CHECK(!std::filesystem::exists(s.ticket));
    BOOST_CHECK_EQUAL(s.audited("staff.sign_out"), 1);
    auto again = storage::signInWithSession(s.journal, s.clock, copy);
    BOOST_REQUIRE(!again);
    BOOST_CHECK_EQUAL(again.problem().code, "session.signed_out");
    const auto revoked = storage::revokedSessionsPath(s.journal.auditKey());
    struct stat info {};
    BOOST_REQUIRE(::stat(revoked.c_str(), &info) == 0);
    BOOST_CHECK_EQUAL(info.st_mode & 0777, 0600u);
}

BOOST_AUTO_TEST_SUITE_END()

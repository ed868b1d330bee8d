// Staff accounts on a real journal file: PBKDF2-HMAC-SHA256 hashes only, lockout by an injected
// clock, the first-run administrator set-up.
#include <openssl/evp.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <iterator>

#include "storage/staff_accounts.h"
#include "storage_fixtures.h"
#include "temp_folder.h"

using namespace madoguchi;
using madoguchi::test::at;
using madoguchi::test::TempFolder;

namespace {

const StaffMember kReceptionist{"uketsuke1", "受付 一郎", StaffRole::Receptionist};

struct Accounts {
    test::JournalPlace folder;
    storage::FacilityJournal journal{folder.journal()};
    storage::Database& db() { return journal.database(); }
    Outcome<StaffMember> login(const std::string& id, std::string password, const LocalDateTime& now) {
        return storage::authenticate(db(), id, password, now);
    }
    void create(const StaffMember& member, std::string password) {
        BOOST_REQUIRE(storage::createStaff(db(), member, password).ok());
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(StaffAccounts)

BOOST_AUTO_TEST_CASE(OnlyASaltedPbkdf2HashIsStoredAndThePasswordIsWiped) {
    Accounts accounts;
    std::string password = "sakura-2026!";
    BOOST_REQUIRE(storage::createStaff(accounts.db(), kReceptionist, password).ok());
    BOOST_CHECK(password.empty());  // the caller's copy is wiped
    std::string other = "sakura-2026!";
    BOOST_REQUIRE(storage::createStaff(accounts.db(), {"uketsuke2", "受付 二郎", StaffRole::Receptionist}, other).ok());

    auto row = accounts.db().prepare("SELECT salt, iterations, password_hash FROM staff ORDER BY id");
    BOOST_REQUIRE(row.step());
    std::string salt = row.blob(0), hash = row.blob(2);
    BOOST_CHECK_EQUAL(row.integer(1), 600000);
    BOOST_CHECK_EQUAL(salt.size(), 16u);
    BOOST_CHECK_EQUAL(hash.size(), 32u);
    // The stored hash is PBKDF2-HMAC-SHA256(password, salt, 600,000), computed here independently.
    unsigned char expected[32];
    const std::string clear = "sakura-2026!";
    PKCS5_PBKDF2_HMAC(clear.data(), static_cast<int>(clear.size()), reinterpret_cast<const unsigned char*>(salt.data()),
                      static_cast<int>(salt.size()), 600000, EVP_sha256(), 32, expected);
    BOOST_CHECK(hash == std::string(reinterpret_cast<const char*>(expected), 32));
    BOOST_REQUIRE(row.step());
    BOOST_CHECK(row.blob(0) != salt);  // same password, another salt, another hash
    BOOST_CHECK(row.blob(2) != hash);
    if (test::onServer()) return;  // the server's files are the server's

    // The password appears nowhere in the file.
    std::ifstream file(accounts.folder.journal(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    std::ifstream wal(accounts.folder.journal() + "-wal", std::ios::binary);
    bytes.append((std::istreambuf_iterator<char>(wal)), std::istreambuf_iterator<char>());
    BOOST_CHECK_EQUAL(bytes.find("sakura-2026!"), std::string::npos);
}

BOOST_AUTO_TEST_CASE(TheRightPasswordLogsInAndAWrongOneIsRefused) {
    Accounts accounts;
    accounts.create(kReceptionist, "sakura-2026!");
    auto member = accounts.login("uketsuke1", "sakura-2026!", at(2026, 11, 25, 9));
    BOOST_REQUIRE(member.ok());
    BOOST_CHECK_EQUAL(member.value().displayName, "受付 一郎");
    BOOST_CHECK(member.value().role == StaffRole::Receptionist);
    BOOST_CHECK_EQUAL(accounts.login("uketsuke1", "sakura-2026?", at(2026, 11, 25, 9)).problem().code, "staff.login_failed");
    // An unknown ID gets the same answer as a wrong password.
    BOOST_CHECK_EQUAL(accounts.login("nobody", "sakura-2026!", at(2026, 11, 25, 9)).problem().code, "staff.login_failed");
}

BOOST_AUTO_TEST_CASE(FiveWrongPasswordsLockTheAccountForFifteenMinutes) {
    Accounts accounts;
    accounts.create(kReceptionist, "sakura-2026!");
    for (int attempt = 1; attempt <= 5; ++attempt)
        BOOST_CHECK_EQUAL(accounts.login("uketsuke1", "wrong", at(2026, 11, 25, 23, 50)).problem().code, "staff.login_failed");
    // Locked: even the right password is refused until 00:05 the next day, with the same answer
    // as a wrong password (the answer does not tell that the password was right).
    BOOST_CHECK_EQUAL(accounts.login("uketsuke1", "sakura-2026!", at(2026, 11, 25, 23, 51)).problem().code, "staff.login_failed");
    BOOST_CHECK_EQUAL(accounts.login("uketsuke1", "sakura-2026!", at(2026, 11, 26, 0, 4)).problem().code, "staff.login_failed");
    BOOST_CHECK(accounts.login("uketsuke1", "sakura-2026!", at(2026, 11, 26, 0, 5)).ok());
}

BOOST_AUTO_TEST_CASE(AfterALockRunsOutTheCountStartsAgain) {
    Accounts accounts;
    accounts.create(kReceptionist, "sakura-2026!");
    for (int attempt = 1; attempt <= 5; ++attempt) accounts.login("uketsuke1", "wrong", at(2026, 11, 25, 10));
    // One more mistake after the lock is one mistake, not a new lock.
    BOOST_CHECK_EQUAL(accounts.login("uketsuke1", "wrong", at(2026, 11, 25, 10, 16)).problem().code, "staff.login_failed");
    BOOST_CHECK(accounts.login("uketsuke1", "sakura-2026!", at(2026, 11, 25, 10, 17)).ok());
}

BOOST_AUTO_TEST_CASE(ARightPasswordResetsTheFailureCount) {
    Accounts accounts;
    accounts.create(kReceptionist, "sakura-2026!");
    for (int attempt = 1; attempt <= 4; ++attempt) accounts.login("uketsuke1", "wrong", at(2026, 11, 25, 10));
    BOOST_CHECK(accounts.login("uketsuke1", "sakura-2026!", at(2026, 11, 25, 10)).ok());
    BOOST_CHECK_EQUAL(accounts.login("uketsuke1", "wrong", at(2026, 11, 25, 10)).problem().code, "staff.login_failed");
    BOOST_CHECK(accounts.login("uketsuke1", "sakura-2026!", at(2026, 11, 25, 10)).ok());
}

BOOST_AUTO_TEST_CASE(TheFirstRunAsksForAnAdministratorOnce) {
    Accounts accounts;
    BOOST_CHECK(!storage::anyAdministrator(accounts.db()));
    std::string password = "first-admin-pass";
    BOOST_CHECK_EQUAL(storage::setUpFirstAdministrator(accounts.db(), kReceptionist, password).problem().code,
                      "staff.first_must_be_admin");
    BOOST_CHECK(password.empty());
    password = "first-admin-pass";
    BOOST_REQUIRE(storage::setUpFirstAdministrator(accounts.db(), {"admin", "院長", StaffRole::Admin}, password).ok());
    BOOST_CHECK(storage::anyAdministrator(accounts.db()));
    password = "second-admin-pass";
    BOOST_CHECK_EQUAL(storage::setUpFirstAdministrator(accounts.db(), {"admin2", "誰か", StaffRole::Admin}, password).problem().code,
                      "staff.already_set_up");
    auto admin = accounts.login("admin", "first-admin-pass", at(2026, 11, 25, 8));
    BOOST_REQUIRE(admin.ok());
    BOOST_CHECK(admin.value().role == StaffRole::Admin);
}

BOOST_AUTO_TEST_CASE(ShortPasswordsAndTakenIdsAreRefused) {
    Accounts accounts;
    std::string shortPassword = "12345678901";  // 11 characters
    BOOST_CHECK_EQUAL(storage::createStaff(accounts.db(), kReceptionist, shortPassword).problem().code, "staff.password_short");
    BOOST_CHECK(shortPassword.empty());
    accounts.create(kReceptionist, "sakura-2026!");
    std::string again = "another-password";
    BOOST_CHECK_EQUAL(storage::createStaff(accounts.db(), kReceptionist, again).problem().code, "staff.exists");
}

BOOST_AUTO_TEST_CASE(TwelveCharactersOrAPassphraseOfFourWords) {
    BOOST_CHECK(!storage::passwordProblem("twelve-chars"));
    BOOST_CHECK(storage::passwordProblem("eleven-char"));
    BOOST_CHECK(storage::passwordProblem("さくらさくら"));  // 6 characters (18 bytes): too short
    BOOST_CHECK(!storage::passwordProblem("さくらさくらさくらさくら"));  // 12 characters
    BOOST_CHECK(!storage::passwordProblem("a bb cc dd"));  // a passphrase of four words
    BOOST_CHECK(storage::passwordProblem("a bb  cc"));     // three words
}

BOOST_AUTO_TEST_CASE(AnAccountAnAdministratorMadeMustChooseItsOwnPassword) {
    Accounts accounts;
    test::FixedTestClock clock{at(2026, 11, 25, 8)};
    storage::StaffAccounts staff(accounts.journal, clock);
    std::string password = "first-admin-pass";
    BOOST_REQUIRE(staff.createFirstAdministrator({"admin", "院長", StaffRole::Admin}, password).ok());
    BOOST_CHECK(!staff.mustChangePassword("admin"));  // chose their own
    StaffMember admin{"admin", "院長", StaffRole::Admin};
    password = "given-by-the-admin";
    BOOST_REQUIRE(staff.create(admin, kReceptionist, password).ok());
    BOOST_CHECK(staff.mustChangePassword("uketsuke1"));
    std::string current = "given-by-the-admin", fresh = "short";
    BOOST_CHECK_EQUAL(staff.changeOwnPassword("uketsuke1", current, fresh).problem().code, "staff.password_short");
    BOOST_CHECK(staff.mustChangePassword("uketsuke1"));
    current = "given-by-the-admin";
    fresh = "my own secret phrase";
    BOOST_REQUIRE(staff.changeOwnPassword("uketsuke1", current, fresh).ok());
    BOOST_CHECK(!staff.mustChangePassword("uketsuke1"));
    password = "reset-by-the-admin";
    BOOST_REQUIRE(staff.resetPassword(admin, "uketsuke1", password).ok());
    BOOST_CHECK(staff.mustChangePassword("uketsuke1"));
}

BOOST_AUTO_TEST_CASE(SignInsLockOutsAndStaffChangesAreInTheAuditTrail) {
    Accounts accounts;
    accounts.journal.setWindow("受付1");
    test::FixedTestClock clock{at(2026, 11, 25, 8)};
    storage::StaffAccounts staff(accounts.journal, clock);
    std::string password = "first-admin-pass";
    BOOST_REQUIRE(staff.createFirstAdministrator({"admin", "院長", StaffRole::Admin}, password).ok());
    StaffMember admin{"admin", "院長", StaffRole::Admin};
    password = "given-by-the-admin";
    BOOST_REQUIRE(staff.create(admin, kReceptionist, password).ok());
    BOOST_REQUIRE(staff.setRole(admin, "uketsuke1", StaffRole::Manager).ok());
    password = "reset-by-the-admin";
    BOOST_REQUIRE(staff.resetPassword(admin, "uketsuke1", password).ok());
    password = "first-admin-pass";
    BOOST_REQUIRE(staff.authenticate("admin", password, clock.now()).ok());
    password = "no-such-person";
    BOOST_CHECK(!staff.authenticate("nobody", password, clock.now()));
    for (int attempt = 1; attempt <= storage::kFailuresBeforeLock; ++attempt) {
        password = "wrong-password";
        BOOST_CHECK(!staff.authenticate("uketsuke1", password, clock.now()));
    }
    password = "reset-by-the-admin";
    BOOST_CHECK(!staff.authenticate("uketsuke1", password, clock.now()));  // locked
    staff.recordSignOut(admin, true);
    staff.recordSignOut(admin, false);

    auto rows = accounts.db().prepare("SELECT staff_id, action, detail, \"window\" FROM audit_log ORDER BY seq");
    std::vector<std::string> trail;
    while (rows.step()) {
        trail.push_back(rows.text(0) + " " + rows.text(1) + " " + rows.text(2));
        BOOST_CHECK_EQUAL(rows.text(3), "受付1");
    }
    std::vector<std::string> expected{
        "admin staff.created admin role=admin (first administrator)",
        "admin staff.created uketsuke1 role=receptionist",
        "admin staff.role_changed uketsuke1 receptionist -> manager",
        "admin staff.password_reset uketsuke1",
        "admin staff.sign_in ",
        "nobody staff.sign_in_failed unknown staff ID",
        "uketsuke1 staff.sign_in_failed wrong password",
        "uketsuke1 staff.sign_in_failed wrong password",
        "uketsuke1 staff.sign_in_failed wrong password",
        "uketsuke1 staff.sign_in_failed wrong password",
        "uketsuke1 staff.sign_in_failed wrong password",
        "uketsuke1 staff.locked_out 5 wrong passwords in a row, locked for 15 minutes",
        "uketsuke1 staff.sign_in_failed account locked",
        "admin staff.idle_lock ",
        "admin staff.sign_out ",
    };
    BOOST_CHECK_EQUAL_COLLECTIONS(trail.begin(), trail.end(), expected.begin(), expected.end());
    BOOST_CHECK(test::verifyJournal(accounts.folder.journal()).intact());
}

BOOST_AUTO_TEST_CASE(APasscodeIsFourToEightDigitsStoredAsAHash) {
    Accounts accounts;
    accounts.create(kReceptionist, "sakura-2026!");
    for (const char* wrongForm : {"123", "123456789", "12a4", "", "１２３４"}) {
        std::string passcode = wrongForm;
        BOOST_TEST_CONTEXT(wrongForm) {
            BOOST_CHECK_EQUAL(storage::setStaffPasscode(accounts.db(), "uketsuke1", passcode).problem().code,
                              "staff.passcode_form");
        }
    }
    std::string passcode = "482913";
    BOOST_REQUIRE(storage::setStaffPasscode(accounts.db(), "uketsuke1", passcode).ok());
    BOOST_CHECK(passcode.empty());  // wiped
    auto row = accounts.db().prepare("SELECT passcode_salt, passcode_hash FROM staff WHERE id = 'uketsuke1'");
    BOOST_REQUIRE(row.step());
    BOOST_CHECK_EQUAL(row.blob(0).size(), 16u);
    BOOST_CHECK_EQUAL(row.blob(1).size(), 32u);
    BOOST_CHECK(row.blob(1).find("482913") == std::string::npos);
    row.reset();
    passcode = "482913";
    auto member = storage::signInWithPasscode(accounts.db(), "uketsuke1", passcode);
    BOOST_REQUIRE(member.outcome.ok());
    BOOST_CHECK_EQUAL(member.outcome.value().id, "uketsuke1");
    passcode = "482913";  // an account without a passcode, and an unknown one: the same answer
    BOOST_CHECK_EQUAL(storage::signInWithPasscode(accounts.db(), "nobody", passcode).outcome.problem().code,
                      "staff.login_failed");
}

BOOST_AUTO_TEST_CASE(ThreeWrongPasscodesLeaveOnlyThePasswordWhichClearsTheCount) {
    Accounts accounts;
    accounts.create(kReceptionist, "sakura-2026!");
    std::string passcode = "4829";
    BOOST_REQUIRE(storage::setStaffPasscode(accounts.db(), "uketsuke1", passcode).ok());
    std::vector<storage::SignInResult> results;
    for (int attempt = 1; attempt <= storage::kPasscodeFailuresBeforeLock; ++attempt) {
        passcode = "0000";
        results.push_back(storage::signInWithPasscode(accounts.db(), "uketsuke1", passcode).result);
    }
    BOOST_CHECK(results.back() == storage::SignInResult::LockedNow);
    passcode = "4829";  // the right passcode: refused now, with the same answer
    auto locked = storage::signInWithPasscode(accounts.db(), "uketsuke1", passcode);
    BOOST_CHECK(locked.result == storage::SignInResult::Locked);
    BOOST_CHECK_EQUAL(locked.outcome.problem().code, "staff.login_failed");
    BOOST_REQUIRE(accounts.login("uketsuke1", "sakura-2026!", at(2026, 11, 25, 10)).ok());  // the password still works
    passcode = "4829";
    BOOST_CHECK(storage::signInWithPasscode(accounts.db(), "uketsuke1", passcode).outcome.ok());
}

BOOST_AUTO_TEST_SUITE_END()

// The site server's connection test (storage/server_check.h) and the password file it saves to
// (storage/pgpass.h). PasswordFile runs everywhere; SiteConnection only on the server runs
// (label postgres), against this run's private cluster with a role that needs its password.
#include <sys/stat.h>
#include <sys/wait.h>

#include <boost/test/unit_test.hpp>
#include <fstream>

#include "postgres_server.h"
#include "storage/open_database.h"
#include "storage/pgpass.h"
#include "storage/schema.h"
#include "storage/server_address.h"
#include "storage/server_check.h"
#include "storage/server_probe.h"
#include "storage/visit_journal.h"
#include "storage_fixtures.h"

using namespace madoguchi;
using storage::ServerReach;

namespace {

std::string fileText(const std::filesystem::path& file) {
    std::ifstream in(file);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

unsigned mode(const std::filesystem::path& file) {
    struct stat info {};
    ::stat(file.c_str(), &info);
    return info.st_mode & 0777;
}

boost::test_tools::assertion_result serverRun(boost::unit_test::test_unit_id) { return test::onServer(); }

// The test's database handed to a role that must give its password; the role's URI.
std::string roleJournal(const test::JournalPlace& place, const std::string& role, const std::string& password) {
    storage::ServerAddress address = storage::serverAddress(place.journal());
    {
        auto admin = storage::openDatabase(place.journal());
        admin->execute("DO $$ BEGIN CREATE ROLE " + role + " LOGIN PASSWORD '" + password +
                       "'; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        admin->execute("ALTER DATABASE " + address.database + " OWNER TO " + role);
    }
    test::testServer().requirePassword(role);
    address.user = role;
    return storage::serverUri(address);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(PasswordFile)

BOOST_AUTO_TEST_CASE(TheLineOfTheServerIsReplacedTheOthersKeptAndTheFileIsPrivate) {
    test::JournalPlace place;
    const auto file = place / "pgpass";
    std::ofstream(file) << "# the IT vendor's line\nother.lan:5432:*:backup:keep-me\n";
    std::string password = "first:secret\\1";
    BOOST_REQUIRE(storage::savePassword(file, "db.clinic.lan", "", "madoguchi", "uketsuke", password).ok());
    BOOST_CHECK(password.empty());  // wiped
    BOOST_CHECK_EQUAL(fileText(file), "# the IT vendor's line\nother.lan:5432:*:backup:keep-me\n"
                                      "db.clinic.lan:5432:madoguchi:uketsuke:first\\:secret\\\\1\n");
    BOOST_CHECK_EQUAL(mode(file), 0600u);
    password = "second";
    BOOST_REQUIRE(storage::savePassword(file, "db.clinic.lan", "5432", "madoguchi", "uketsuke", password).ok());
    BOOST_CHECK_EQUAL(fileText(file), "# the IT vendor's line\nother.lan:5432:*:backup:keep-me\n"
                                      "db.clinic.lan:5432:madoguchi:uketsuke:second\n");
    BOOST_CHECK(storage::hasPassword(file, "db.clinic.lan", "5432", "madoguchi", "uketsuke"));
    BOOST_CHECK(!storage::hasPassword(file, "db.clinic.lan", "5432", "madoguchi", "kanri"));
    password = "two\nlines";
    auto refused = storage::savePassword(file, "db.clinic.lan", "5432", "madoguchi", "uketsuke", password);
    BOOST_CHECK(!refused.ok());
    BOOST_CHECK(password.empty());
    BOOST_CHECK(fileText(file).find("second") != std::string::npos);  // the saved one is untouched
}

BOOST_AUTO_TEST_CASE(TheAddressGoesToFieldsAndBackWithoutLosingAnything) {
    storage::ServerAddress address{"db.clinic.lan", "6543", "madoguchi", "受付1", "verify-full", "/etc/ca dir/root.crt"};
    const std::string uri = storage::serverUri(address);
    BOOST_CHECK(uri.starts_with("postgresql://%E5%8F%97%E4%BB%981@db.clinic.lan:6543/madoguchi?sslmode=verify-full"));
    const storage::ServerAddress back = storage::serverAddress(uri);
    BOOST_CHECK_EQUAL(back.host, address.host);
    BOOST_CHECK_EQUAL(back.port, address.port);
    BOOST_CHECK_EQUAL(back.database, address.database);
    BOOST_CHECK_EQUAL(back.user, address.user);
    BOOST_CHECK_EQUAL(back.sslmode, address.sslmode);
    BOOST_CHECK_EQUAL(back.caFile, address.caFile);
    const storage::ServerAddress socket = storage::serverAddress(storage::serverUri({"/run/pg sock", "", "j", "u", "", ""}));
    BOOST_CHECK_EQUAL(socket.host, "/run/pg sock");
    BOOST_CHECK(storage::isLocalServerHost(socket.host));
    BOOST_CHECK(!storage::isLocalServerHost("db.clinic.lan"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(SiteConnection, *boost::unit_test::precondition(serverRun))

BOOST_AUTO_TEST_CASE(TheTestTellsAWrongPasswordFromARightOneAndTheSchemaItFinds) {
    test::JournalPlace place;
    const std::string uri = roleJournal(place, "window_one", "the-right-password");
    const auto pgpass = place / "pgpass";
    setenv("PGPASSFILE", pgpass.c_str(), 1);

    BOOST_CHECK(storage::checkServer(uri).reach == ServerReach::PasswordNeeded);
    const auto wrong = storage::checkServer(uri, std::string("not-the-password"));
    BOOST_CHECK(wrong.reach == ServerReach::WrongPassword);
    BOOST_CHECK(wrong.detail.find("not-the-password") == std::string::npos);
    BOOST_CHECK(storage::checkServer(uri, std::string("the-right-password")).reach == ServerReach::EmptyDatabase);

    std::string password = "the-right-password";
    const auto address = storage::serverAddress(uri);
    BOOST_REQUIRE(storage::savePassword(pgpass, address.host, address.port, address.database, address.user, password));
    BOOST_CHECK(storage::checkServer(uri).reach == ServerReach::EmptyDatabase);  // now from the file

    {
        auto db = storage::openDatabase(uri);
        storage::migrate(*db, 4);
    }
    const auto older = storage::checkServer(uri);
    BOOST_CHECK(older.reach == ServerReach::SchemaOlder);
    BOOST_CHECK_EQUAL(older.schemaVersion, 4);
    { storage::FacilityJournal journal(uri); }  // a window's start migrates it
    const auto ready = storage::checkServer(uri);
    BOOST_CHECK(ready.usable());
    BOOST_CHECK_EQUAL(ready.schemaVersion, storage::currentSchemaVersion());
    unsetenv("PGPASSFILE");
}

BOOST_AUTO_TEST_CASE(AStoppedServerABadAddressAndAMissingDatabaseAreToldApart) {
    test::JournalPlace place;
    storage::ServerAddress missing = storage::serverAddress(place.journal());
    missing.database = "no_such_journal";
    BOOST_CHECK(storage::checkServer(storage::serverUri(missing)).reach == ServerReach::Refused);
    BOOST_CHECK(storage::checkServer("postgresql://u:pw@db.clinic.lan/j").reach == ServerReach::BadAddress);
    test::testServer().stop();
    const auto down = storage::checkServer(place.journal());
    test::testServer().start();
    BOOST_CHECK(down.reach == ServerReach::Unreachable);
    BOOST_CHECK_MESSAGE(!down.detail.empty(), "libpq's words are kept for the details");
    BOOST_CHECK(storage::checkServer(place.journal()).reach == ServerReach::EmptyDatabase);
}

BOOST_AUTO_TEST_CASE(TheJournalLightKeepsOneConnectionAndMakesItAgainWhenItBreaks) {
    test::JournalPlace place;
    const std::string uri = roleJournal(place, "window_light", "the-light-password");
    const auto pgpass = place / "pgpass";
    setenv("PGPASSFILE", pgpass.c_str(), 1);
    std::string password = "the-light-password";
    const auto address = storage::serverAddress(uri);
    BOOST_REQUIRE(storage::savePassword(pgpass, address.host, address.port, address.database, address.user, password));
    { storage::FacilityJournal journal(uri); }  // ready
    auto admin = storage::openDatabase(place.journal());

    storage::ServerProbe probe(uri);
    BOOST_CHECK(probe.check().usable());
    // the role may not log in any more: a new connection is refused, the kept one still answers
    admin->execute("ALTER ROLE window_light NOLOGIN");
    BOOST_CHECK(!storage::checkServer(uri).usable());
    for (int check = 0; check < 3; ++check) BOOST_CHECK(probe.check().usable());

    // the kept connection broken: the check says why (it cannot connect again yet)...
    admin->execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'window_light'");
    const auto broken = probe.check();
    BOOST_CHECK(!broken.usable());
    BOOST_CHECK_MESSAGE(broken.detail.find("window_light") != std::string::npos, broken.detail);  // the server's words
    // ... and connects again once it may
    admin->execute("ALTER ROLE window_light LOGIN");
    BOOST_CHECK(probe.check().usable());
    admin->execute("ALTER ROLE window_light NOLOGIN");
    BOOST_CHECK(probe.check().usable());  // kept again
    admin->execute("ALTER ROLE window_light LOGIN");
    unsetenv("PGPASSFILE");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(SiteDown, *boost::unit_test::precondition(serverRun))

BOOST_AUTO_TEST_CASE(AReportWhileTheServerIsDownSaysSoAndShowsNothing) {
    test::JournalPlace place;
    const auto password = test::passwordFile(place.path(), "jimucho-password-1");
    const std::string report = std::string(MADOGUCHI_CLI) + " report daily --date 2026-11-25 --db '" + place.journal() +
                               "' --user jimucho --password-file '" + password.string() + "'";
    const std::string generate = std::string(MADOGUCHI_CLI) + " journal generate --db '" + place.journal() +
                                 "' --start 2026-11-25 --days 1 --per-day 5 --user jimucho --password-file '" +
                                 password.string() + "' >/dev/null 2>&1";
    BOOST_REQUIRE_EQUAL(std::system(generate.c_str()), 0);
    BOOST_REQUIRE_EQUAL(std::system((report + " >/dev/null 2>&1").c_str()), 0);

    test::testServer().stop();
    const auto out = place / "out.txt", err = place / "err.txt";
    const int status = std::system((report + " >'" + out.string() + "' 2>'" + err.string() + "'").c_str());
    test::testServer().start();
    BOOST_CHECK(WIFEXITED(status));
    BOOST_CHECK_EQUAL(WEXITSTATUS(status), 4);
    BOOST_CHECK(fileText(out).empty());  // no report at all rather than an old one
    BOOST_CHECK(fileText(err).find("the journal's server cannot be reached") != std::string::npos);
    BOOST_CHECK_EQUAL(std::system((report + " >/dev/null 2>&1").c_str()), 0);  // back
}

BOOST_AUTO_TEST_SUITE_END()

// The site server's engine as a module of its own (storage/postgres_engine.h) and the URI read
// without libpq (storage/server_address.h). Runs everywhere, no server needed: the URI reader
// is compared with libpq's own parser (linked into this test only), and a missing, foreign or
// unusable module is a clear StorageError(EngineMissing).
#include <libpq-fe.h>
#include <stdlib.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <map>
#include <optional>

#include "storage/open_database.h"
#include "storage/postgres_engine.h"
#include "storage/server_address.h"
#include "storage/server_check.h"
#include "storage_fixtures.h"

using namespace madoguchi;

namespace {

// libpq's reading of the URI: its options in its order, or nullopt when it refuses the URI.
std::optional<storage::ConnectionOptions> libpqOptions(const std::string& uri) {
    char* error = nullptr;
    PQconninfoOption* parsed = PQconninfoParse(uri.c_str(), &error);
    PQfreemem(error);
    if (!parsed) return std::nullopt;
    storage::ConnectionOptions options;
    for (PQconninfoOption* o = parsed; o->keyword; ++o)
        if (o->val) options.emplace_back(o->keyword, o->val);
    PQconninfoFree(parsed);
    return options;
}

std::optional<storage::ConnectionOptions> ourOptions(const std::string& uri) {
    try {
        return storage::uriOptions(uri);
    } catch (const storage::StorageError&) {
        return std::nullopt;
    }
}

std::string shown(const std::optional<storage::ConnectionOptions>& options) {
    if (!options) return "refused";
    std::string text;
    for (const auto& [k, v] : *options) text += k + "=" + v + " ";
    return text;
}

// Sets an environment variable for one scope.
class ScopedEnvironment {
public:
    ScopedEnvironment(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        ::setenv(name, value.c_str(), 1);
    }
    ~ScopedEnvironment() {
        if (old_) ::setenv(name_, old_->c_str(), 1);
        else ::unsetenv(name_);
    }

private:
    const char* name_;
    std::optional<std::string> old_;
};

void requireEngineMissing(const std::filesystem::path& module) {
    try {
        storage::loadPostgresEngine(module);
        BOOST_FAIL("the module was accepted: " + module.string());
    } catch (const storage::StorageError& error) {
        BOOST_CHECK(error.failure == storage::StorageFailure::EngineMissing);
        BOOST_CHECK(std::string(error.what()).find(module.string()) != std::string::npos);
        BOOST_CHECK(std::string(error.what()).find("not installed") != std::string::npos);
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ServerEngine)

BOOST_AUTO_TEST_CASE(TheUriIsReadAsLibpqReadsIt) {
    const char* uris[] = {
        "postgresql://uketsuke@db.clinic.example/journal",
        "postgres://db.clinic.example:6543/journal?sslmode=require&sslrootcert=%2Fetc%2Fca.pem",
        "postgresql://u:secret-pw@h/d",
        "postgresql://%E5%8F%97%E4%BB%98@%E3%82%B5%E3%83%BC%E3%83%90/%E5%8F%B0%E5%B8%B3",
        "postgresql:///journal?host=%2Fvar%2Frun%2Fpostgresql",
        "postgresql://[::1]:5433/journal",
        "postgresql://[fe80::1%25eth0]/j",
        "postgresql://h1:1,h2,[::1]:3/db?target_session_attrs=read-write",
        "postgresql://h/d?ssl=true",
        "postgresql://h/d?ssl=false",
        "postgresql://h/d?requiressl=1",
        "postgresql://h/d?requiressl=0&sslmode=verify-ca",
        "postgresql://h/d?application_name=",
        "postgresql://h/d?unknown=1",
        "postgresql://h/d?a",
        "postgresql://h/d?sslmode=a=b",
        "postgresql://h/d?&",
        "postgresql://h/d?",
        "postgresql://h/d%",
        "postgresql://h/d%4",
        "postgresql://h/d%zz",
        "postgresql://h/d%00",
        "postgresql://[::1",
        "postgresql://[]/d",
        "postgresql://[::1]x/d",
        "postgresql://",
        "postgresql://@/",
        "postgresql://:5432",
        "postgresql://h?x=a@b/c",
        "postgresql://us:er:pw@h/d?user=other",
        "postgresql://h/d/more?port=1&port=2",
        "mysql://h/d",
        "postgresql:/h/d",
    };
    for (const char* uri : uris) BOOST_CHECK_MESSAGE(shown(ourOptions(uri)) == shown(libpqOptions(uri)),
                                                     uri << ": ours " << shown(ourOptions(uri)) << ", libpq "
                                                         << shown(libpqOptions(uri)));
}

BOOST_AUTO_TEST_CASE(TheConnectionOptionsRefuseAPasswordAndSecureARemoteHost) {
    try {
        storage::connectionOptions("postgresql://uketsuke:secret-pw@db.clinic.example/journal");
        BOOST_FAIL("a password in the URI was accepted");
    } catch (const storage::StorageError& error) {
        BOOST_CHECK(std::string(error.what()).find("secret-pw") == std::string::npos);
        BOOST_CHECK(std::string(error.what()).find(".pgpass") != std::string::npos);
    }
    BOOST_CHECK_THROW(storage::connectionOptions("postgresql://h/d?password=x"), storage::StorageError);
    std::map<std::string, std::string> remote, local, chosen;
    for (const auto& [k, v] : storage::connectionOptions("postgresql://uketsuke@db.clinic.example/journal")) remote[k] = v;
    for (const auto& [k, v] : storage::connectionOptions("postgresql://uketsuke@localhost/journal")) local[k] = v;
    for (const auto& [k, v] : storage::connectionOptions("postgresql://u@db.clinic.example/j?sslmode=require")) chosen[k] = v;
    BOOST_CHECK_EQUAL(remote["sslmode"], "verify-full");
    BOOST_CHECK_EQUAL(remote["connect_timeout"], "5");
    BOOST_CHECK(!local.count("sslmode"));
    BOOST_CHECK_EQUAL(chosen["sslmode"], "require");
}

BOOST_AUTO_TEST_CASE(AMissingForeignOrOldModuleIsRefusedByName) {
    test::JournalPlace place;
    requireEngineMissing(place / storage::kPostgresModuleFileName);
    const auto notAModule = place / "libnot-a-module.so";
    std::ofstream(notAModule) << "not an ELF file\n";
    requireEngineMissing(notAModule);
    requireEngineMissing(MADOGUCHI_FOREIGN_LIBRARY);  // a real shared library without the entry points
}

BOOST_AUTO_TEST_CASE(WithoutTheModuleAServerJournalSaysSoAndAFileJournalNeedsNone) {
    test::JournalPlace place;
    ScopedEnvironment missing(storage::kPostgresModuleOverride, (place / "gone.so").string());
    try {
        storage::openDatabase("postgresql://uketsuke@localhost/journal");
        BOOST_FAIL("a server journal opened without its engine");
    } catch (const storage::StorageError& error) {
        BOOST_CHECK(error.failure == storage::StorageFailure::EngineMissing);
        BOOST_CHECK(!error.transient());
    }
    const storage::ServerCheck check = storage::checkServer("postgresql://uketsuke@localhost/journal");
    BOOST_CHECK(check.reach == storage::ServerReach::EngineMissing);
    BOOST_CHECK(check.detail.find("gone.so") != std::string::npos);
    // The settings' address fields, the anchor's name and a journal file need no engine.
    BOOST_CHECK_EQUAL(storage::serverAddress("postgresql://u@db.lan:6543/journal").port, "6543");
    BOOST_CHECK_EQUAL(storage::anchorPathForLocation("postgresql://u@db.lan:6543/journal").filename().string(),
                      "site-journal-db.lan-6543.anchor");
    auto file = storage::openDatabase((place / "journal.db").string());
    BOOST_CHECK(file->engine() == storage::Engine::Sqlite);
}

BOOST_AUTO_TEST_CASE(TheBuiltModuleIsOpenedAndAnswersForAServerThatIsNotThere) {
    test::JournalPlace place;
    storage::PostgresEngine& engine = storage::loadPostgresEngine(MADOGUCHI_POSTGRES_MODULE_FILE);
    // A socket folder without a server: the engine answers, the server does not.
    const auto options = storage::connectionOptions("postgresql:///journal?host=" + place.path().string());
    BOOST_CHECK(engine.probe(options).reach == storage::ServerReach::Unreachable);
    try {
        engine.connect(options);
        BOOST_FAIL("connected to no server");
    } catch (const storage::StorageError& error) {  // thrown inside the module, caught here
        BOOST_CHECK(error.failure == storage::StorageFailure::Unreachable);
    }
}

BOOST_AUTO_TEST_SUITE_END()

// openDatabase hands back an owner that must be named before a statement is made from it: a
// statement made through the temporary would outlive its connection (a use-after-free that
// compiled before and showed up as garbage on a reconnect). The refusal is at compile time; the
// concepts below are what the compiler is asked, on both engines' shared handle.
#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>
#include <utility>

#include "storage/open_database.h"
#include "storage_fixtures.h"

using namespace madoguchi;

namespace {

template <class Handle>
concept PreparesThroughTheTemporary = requires(Handle handle) { std::move(handle)->prepare(std::string()); };
template <class Handle>
concept DereferencesTheTemporary = requires(Handle handle) { (*std::move(handle)).prepare(std::string()); };
template <class Handle>
concept PreparesThroughAName = requires(Handle& handle) { handle->prepare(std::string()); };

static_assert(!PreparesThroughTheTemporary<storage::OpenedDatabase>);
static_assert(!DereferencesTheTemporary<storage::OpenedDatabase>);
static_assert(PreparesThroughAName<storage::OpenedDatabase>);
// A std::unique_ptr would let it through: the check above is not vacuous.
static_assert(PreparesThroughTheTemporary<std::unique_ptr<storage::Database>>);

}  // namespace

BOOST_AUTO_TEST_SUITE(OpenedDatabase)

BOOST_AUTO_TEST_CASE(ANamedDatabaseMakesStatementsAndHandsItsOwnershipOn) {
    test::JournalPlace place;
    {
        auto db = storage::openDatabase(place.journal());
        db->execute("CREATE TABLE IF NOT EXISTS handed(n INTEGER)");
        db->execute("INSERT INTO handed(n) VALUES(7)");
        auto statement = db->prepare("SELECT n FROM handed");
        BOOST_REQUIRE(statement.step());
        BOOST_CHECK_EQUAL(statement.integer(0), 7);
    }
    std::unique_ptr<storage::Database> owned = storage::openDatabase(place.journal());
    BOOST_REQUIRE(owned);
    auto statement = owned->prepare("SELECT COUNT(*) FROM handed");
    BOOST_REQUIRE(statement.step());
    BOOST_CHECK_EQUAL(statement.integer(0), 1);
}

BOOST_AUTO_TEST_SUITE_END()

// A report's rows read as the engine makes them (Statement::streamed): every row in order, and the
// connection free for the next statement however the read ends — at its last row, reset halfway,
// dropped halfway, or failed halfway on the server. On both engines (qa_storage and
// qa_storage_postgres); on PostgreSQL the rows arrive one by one (libpq's single-row mode).
#include <boost/test/unit_test.hpp>

#include <memory>

#include "storage/open_database.h"
#include "storage_fixtures.h"

using namespace madoguchi;

namespace {

constexpr int kRows = 3000;

std::unique_ptr<storage::Database> numbered(const test::JournalPlace& place) {
    std::unique_ptr<storage::Database> db = storage::openDatabase(place.journal());
    db->execute("CREATE TABLE numbers(n INTEGER NOT NULL)");
    storage::Transaction transaction(*db);
    storage::Statement insert = db->prepare("INSERT INTO numbers(n) VALUES(?)");
    for (int n = 1; n <= kRows; ++n) {
        insert.bind(1, std::int64_t{n}).run();
        insert.reset();
    }
    transaction.commit();
    return db;
}

// The connection takes another statement and answers it.
long long countOn(storage::Database& db) {
    storage::Statement count = db.prepare("SELECT COUNT(*) FROM numbers");
    BOOST_REQUIRE(count.step());
    return count.integer(0);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(StreamedRows)

BOOST_AUTO_TEST_CASE(EveryRowComesInOrderAndTheConnectionIsFreeAfterTheLast) {
    test::JournalPlace place;
    auto db = numbered(place);
    storage::Statement rows = db->prepare("SELECT n, 'row ' || n FROM numbers WHERE n > ? ORDER BY n");
    rows.bind(1, std::int64_t{10}).streamed();
    int expected = 11;
    while (rows.step()) {
        BOOST_REQUIRE_EQUAL(rows.integer(0), expected);
        BOOST_REQUIRE_EQUAL(rows.text(1), "row " + std::to_string(expected));
        ++expected;
    }
    BOOST_CHECK_EQUAL(expected, kRows + 1);
    BOOST_CHECK_EQUAL(countOn(*db), kRows);
}

BOOST_AUTO_TEST_CASE(AReadResetHalfwayLeavesTheConnectionFreeAndStartsOverWhenSteppedAgain) {
    test::JournalPlace place;
    auto db = numbered(place);
    storage::Statement rows = db->prepare("SELECT n FROM numbers WHERE n >= ? ORDER BY n");
    rows.bind(1, std::int64_t{1}).streamed();
    for (int n = 1; n <= 10; ++n) {
        BOOST_REQUIRE(rows.step());
        BOOST_REQUIRE_EQUAL(rows.integer(0), n);
    }
    rows.reset();
    BOOST_CHECK_EQUAL(countOn(*db), kRows);
    rows.bind(1, std::int64_t{2999});
    BOOST_REQUIRE(rows.step());
    BOOST_CHECK_EQUAL(rows.integer(0), 2999);
    BOOST_REQUIRE(rows.step());
    BOOST_CHECK_EQUAL(rows.integer(0), 3000);
    BOOST_CHECK(!rows.step());
}

BOOST_AUTO_TEST_CASE(AReadDroppedHalfwayLeavesTheConnectionFree) {
    test::JournalPlace place;
    auto db = numbered(place);
    {
        storage::Statement rows = db->prepare("SELECT n FROM numbers ORDER BY n");
        rows.streamed();
        BOOST_REQUIRE(rows.step());
    }
    BOOST_CHECK_EQUAL(countOn(*db), kRows);
}

BOOST_AUTO_TEST_CASE(AServerErrorHalfwayIsAStorageErrorAfterTheRowsBeforeIt) {
    if (!test::onServer()) return;  // SQLite's division by zero is NULL, not an error
    test::JournalPlace place;
    auto db = numbered(place);
    // Divided after the sort (the sub-query is kept by OFFSET 0): rows 1 to 1499 are sent first.
    storage::Statement rows = db->prepare("SELECT 100 / (n - 1500) FROM (SELECT n FROM numbers ORDER BY n OFFSET 0) s");
    rows.streamed();
    int read = 0;
    BOOST_CHECK_THROW(
        while (rows.step()) ++read, storage::StorageError);
    BOOST_CHECK_EQUAL(read, 1499);  // every row before the failing one
    BOOST_CHECK_EQUAL(countOn(*db), kRows);
}

BOOST_AUTO_TEST_SUITE_END()

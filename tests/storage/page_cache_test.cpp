// SQLite keeps a journal's pages in the one block storage gives it before the first connection
// (storage/sqlite.cpp: on Linux a 2 MiB huge page, faulted in once), not page by page from
// malloc: a report's read audit, which descends the audit's indexes, uses the block.
#include <sqlite3.h>

#include <boost/test/unit_test.hpp>

#include "storage_fixtures.h"
#include "temp_folder.h"

using namespace madoguchi;
using madoguchi::test::at;

namespace {

struct PageCacheUse {
    sqlite3_int64 slotsNow = 0, slotsMost = 0, mallocBytesMost = 0;
};

PageCacheUse pageCacheUse() {
    PageCacheUse use;
    sqlite3_int64 ignored = 0;
    sqlite3_status64(SQLITE_STATUS_PAGECACHE_USED, &use.slotsNow, &use.slotsMost, 0);
    sqlite3_status64(SQLITE_STATUS_PAGECACHE_OVERFLOW, &ignored, &use.mallocBytesMost, 0);
    return use;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(PageCache)

BOOST_AUTO_TEST_CASE(AJournalsPagesLiveInTheBlockGivenToSqlite) {
    test::TempFolder folder;
    storage::FacilityJournal journal(test::location(folder / "journal.sqlite3"));
    std::vector<std::string> patients;
    for (int i = 0; i < 400; ++i) patients.push_back("P-" + std::to_string(100000 + i * 7919 % 400));
    journal.recordReads("jimucho", patients, "manager daily log 2026-11-02", at(2026, 11, 2, 18));

    const PageCacheUse use = pageCacheUse();
    BOOST_TEST_MESSAGE("page cache slots in use " << use.slotsNow << ", at most " << use.slotsMost
                                                  << "; malloc'ed beyond the block at most " << use.mallocBytesMost
                                                  << " bytes");
    BOOST_CHECK_GT(use.slotsNow, 0);  // the open journal's pages are in the block
    BOOST_CHECK_GE(use.slotsMost, 10);
}

BOOST_AUTO_TEST_SUITE_END()

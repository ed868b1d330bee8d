// The saved 申立書 PDFs on a real folder and a real journal file, with the day from a FixedClock:
// deleted after the retention period, once per day, each deletion audited; files 0600 in a 0700
// folder; a PDF saved before the day led its name keeps the whole period from the day it is seen.
#include <sys/stat.h>

#include "platform/posix_files.h"  // stat: on Windows the group/others bits come from the DACL

#include <boost/test/unit_test.hpp>
#include <fstream>

#include "fixed_clock.h"
#include "storage/self_declaration_archive.h"
#include "storage_fixtures.h"

using namespace madoguchi;
namespace fs = std::filesystem;

namespace {

const LocalDateTime kFirstDay{*Date::fromYmd(2026, 1, 5), 8, 30, 0};

struct Archive {
    test::TempFolder folder;
    storage::FacilityJournal journal{(folder / "journal.sqlite3").string()};
    test::FixedClock clock{kFirstDay};
    fs::path forms = folder / "forms";
    storage::SelfDeclarationArchive archive{forms, 30, journal, clock};

    Archive() { fs::create_directories(forms); }
    fs::path print(const std::string& visitId) const {
        const fs::path file = forms / storage::selfDeclarationFileName(visitId, clock.now().date);
        std::ofstream(file) << "%PDF-1.5 " << visitId;
        return file;
    }
    void advanceDays(int days) { clock.set({clock.now().date.plusDays(days), 8, 30, 0}); }
    std::vector<std::string> auditRows(const std::string& action) {
        auto query = journal.database().prepare(
            "SELECT staff_id, visit_id, detail, at FROM audit_log WHERE action = ? ORDER BY seq");
        query.bind(1, action);
        std::vector<std::string> rows;
        while (query.step())
            rows.push_back(query.text(0) + "|" + query.text(1) + "|" + query.text(2) + "|" + query.text(3));
        return rows;
    }
};

#ifndef _WIN32  // used by the Linux-only case below
unsigned mode(const fs::path& path) {
    struct stat info {};
    BOOST_REQUIRE_EQUAL(::stat(path.c_str(), &info), 0);
    return info.st_mode & 0777;
}
#endif

}  // namespace

BOOST_AUTO_TEST_SUITE(SelfDeclarationArchive)

BOOST_AUTO_TEST_CASE(TheDayItWasPrintedLeadsTheName) {
    BOOST_CHECK_EQUAL(storage::selfDeclarationFileName("V-0042", *Date::fromYmd(2026, 3, 9)),
                      "2026-03-09_V-0042-self-declaration.pdf");
}

// The medication and checkup views saved as PDF are kept under the same rule, audited as their kind.
BOOST_AUTO_TEST_CASE(MedicationAndCheckupPdfsFollowTheSameRetention) {
    Archive a;
    BOOST_CHECK_EQUAL(storage::patientPdfFileName("V-7", "medication", a.clock.now().date),
                      "2026-01-05_V-7-medication.pdf");
    const fs::path medication = a.forms / storage::patientPdfFileName("V-7", "medication", a.clock.now().date);
    const fs::path checkups = a.forms / storage::patientPdfFileName("V-7", "checkups", a.clock.now().date);
    std::ofstream(medication) << "%PDF-1.5";
    std::ofstream(checkups) << "%PDF-1.5";
    a.advanceDays(30);
    BOOST_CHECK(a.archive.deleteExpired().empty());
    a.advanceDays(1);
    BOOST_CHECK_EQUAL(a.archive.deleteExpired().size(), 2u);
    BOOST_CHECK(!fs::exists(medication) && !fs::exists(checkups));
    BOOST_CHECK_EQUAL(a.auditRows("medication.pdf_deleted").size(), 1u);
    BOOST_REQUIRE_EQUAL(a.auditRows("checkups.pdf_deleted").size(), 1u);
    BOOST_CHECK(a.auditRows("checkups.pdf_deleted")[0].starts_with("system|V-7|" + checkups.filename().string()));
    BOOST_CHECK(a.auditRows("self_declaration.deleted").empty());
}

// The terminal's own PDF answers, kept for viewing at the window, go by the same rule and name
// their visit in the deletion's row.
BOOST_AUTO_TEST_CASE(TheTerminalsPdfAnswersFollowTheSameRetention) {
    Archive a;
    const fs::path medication = a.forms / storage::patientPdfFileName("V-8", "medication-answer", a.clock.now().date);
    const fs::path checkups = a.forms / storage::patientPdfFileName("V-8", "checkups-answer", a.clock.now().date);
    std::ofstream(medication) << "%PDF-1.4";
    std::ofstream(checkups) << "%PDF-1.4";
    a.advanceDays(30);
    BOOST_CHECK(a.archive.deleteExpired().empty());
    a.advanceDays(1);
    BOOST_CHECK_EQUAL(a.archive.deleteExpired().size(), 2u);
    BOOST_CHECK(!fs::exists(medication) && !fs::exists(checkups));
    BOOST_REQUIRE_EQUAL(a.auditRows("medication.pdf_deleted").size(), 1u);
    BOOST_CHECK(a.auditRows("medication.pdf_deleted")[0].starts_with("system|V-8|" + medication.filename().string()));
    BOOST_REQUIRE_EQUAL(a.auditRows("checkups.pdf_deleted").size(), 1u);
    BOOST_CHECK(a.auditRows("checkups.pdf_deleted")[0].starts_with("system|V-8|" + checkups.filename().string()));
    BOOST_CHECK(a.auditRows("self_declaration.deleted").empty());
}

BOOST_AUTO_TEST_CASE(APdfIsDeletedOnceItsRetentionHasPassedAndTheDeletionIsAudited) {
    Archive a;
    const fs::path early = a.print("V-early");
    a.advanceDays(10);
    const fs::path later = a.print("V-later");

    a.advanceDays(20);  // 30 days after the first: still within the period
    BOOST_CHECK(a.archive.deleteExpired().empty());
    BOOST_CHECK(fs::exists(early));

    a.advanceDays(1);  // 31 days: the first one goes, the later one stays
    const auto deleted = a.archive.deleteExpired();
    BOOST_REQUIRE_EQUAL(deleted.size(), 1u);
    BOOST_CHECK(deleted[0] == early);
    BOOST_CHECK(!fs::exists(early));
    BOOST_CHECK(fs::exists(later));
    const auto rows = a.auditRows("self_declaration.deleted");
    BOOST_REQUIRE_EQUAL(rows.size(), 1u);
    BOOST_CHECK_EQUAL(rows[0], "system|V-early|" + early.filename().string() + "|2026-02-05T08:30:00");
    BOOST_CHECK(test::verifyJournal((a.folder / "journal.sqlite3").string()).intact());

    a.advanceDays(10);
    BOOST_REQUIRE_EQUAL(a.archive.deleteExpired().size(), 1u);
    BOOST_CHECK(!fs::exists(later));
    BOOST_CHECK_EQUAL(a.auditRows("self_declaration.deleted").size(), 2u);
}

BOOST_AUTO_TEST_CASE(ItActsOncePerDayOfTheClock) {
    Archive a;
    BOOST_CHECK(a.archive.deleteExpired().empty());  // today's run: nothing old yet
    a.advanceDays(-40);                               // a PDF dated 40 days back appears later the same day
    const fs::path old = a.print("V-old");
    a.advanceDays(40);
    BOOST_CHECK(a.archive.deleteExpired().empty());  // the same day: already done
    BOOST_CHECK(fs::exists(old));
    a.clock.advanceMinutes(24 * 60);  // the next morning
    BOOST_REQUIRE_EQUAL(a.archive.deleteExpired().size(), 1u);
    BOOST_CHECK(!fs::exists(old));
}

#ifndef _WIN32  // Windows: the private DACL is set on the existing file and folder (SetNamedSecurityInfoW),
                // which Wine answers with success and does not keep (docs/windows.md)
BOOST_AUTO_TEST_CASE(FilesArePrivateInAPrivateFolder) {
    Archive a;
    fs::permissions(a.forms, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                 fs::perms::others_read | fs::perms::others_exec);
    const fs::path pdf = a.print("V-1");
    fs::permissions(pdf, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
    a.archive.deleteExpired();
    BOOST_CHECK_EQUAL(mode(a.forms), 0700u);
    BOOST_CHECK_EQUAL(mode(pdf), 0600u);
}
#endif

BOOST_AUTO_TEST_CASE(APdfWithoutItsDayInTheNameKeepsTheWholePeriodFromTheDayItIsSeen) {
    Archive a;
    const fs::path legacy = a.forms / "V-0007-self-declaration.pdf";
    std::ofstream(legacy) << "%PDF-1.5 legacy";
    std::ofstream(a.forms / "notes.txt") << "not a PDF";
    BOOST_CHECK(a.archive.deleteExpired().empty());
    const fs::path dated = a.forms / ("2026-01-05_" + legacy.filename().string());
    BOOST_CHECK(!fs::exists(legacy));
    BOOST_REQUIRE(fs::exists(dated));
    a.advanceDays(30);
    BOOST_CHECK(a.archive.deleteExpired().empty());
    a.advanceDays(1);
    BOOST_REQUIRE_EQUAL(a.archive.deleteExpired().size(), 1u);
    BOOST_CHECK(!fs::exists(dated));
    BOOST_CHECK(fs::exists(a.forms / "notes.txt"));  // only PDFs are the archive's
    BOOST_CHECK_EQUAL(a.auditRows("self_declaration.deleted").at(0).substr(0, 14), "system|V-0007|");
}

BOOST_AUTO_TEST_SUITE_END()

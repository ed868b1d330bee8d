// 薬剤情報 and 特定健診 at the window: the actions exist only with the patient's consent and outside
// mode ③; a fetch runs in the background through the demo's folders (the simulator answers P001),
// opens the view, and is audited with every refused fetch and view; the views in the clinic's and
// the pharmacy's wording, their filters, and the A4 PDF read back with pdftotext.
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "../pcsc/pcsc_stack.h"
#include "gui/forms/a4_pdf.h"
#include "gui/medical/medical_info_fetcher.h"
#include "gui/medical/medical_info_frame.h"
#include "gui/medical/medical_info_panel.h"
#include "storage/self_declaration_archive.h"
#include "fixed_clock.h"
#include "reception_demo_fixture.h"

using namespace madoguchi;
using S = ReceptionState;

namespace {

struct AuditRow {
    std::string staff, patient, visit, detail;
};

std::vector<AuditRow> auditRows(test::ReceptionDemo& window, const std::string& action) {
    auto query = window.demo->journal().database().prepare(
        "SELECT staff_id, patient_id, visit_id, detail FROM audit_log WHERE action = ? ORDER BY seq");
    query.bind(1, action);
    std::vector<AuditRow> rows;
    while (query.step()) rows.push_back({query.text(0), query.text(1), query.text(2), query.text(3)});
    return rows;
}

void click(wxButton* button) {
    BOOST_REQUIRE(button);
    wxCommandEvent event(wxEVT_BUTTON, button->GetId());
    event.SetEventObject(button);
    button->GetEventHandler()->ProcessEvent(event);
    test::pumpEvents();
}

// P001 (both consents) received by face, the result confirmed.
void receive(test::ReceptionDemo& window, const std::string& person) {
    BOOST_REQUIRE(window.demo->dropFaceResult(person, IdentityMethod::Face));
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::EligibilityConfirmed));
    test::pumpEvents();
}

gui::MedicalInfoFrame* fetchAndOpen(test::ReceptionDemo& window, const std::string& button) {
    auto* panel = window.frame->medicalInfoPanel();
    click(window.find<wxButton>(button));
    MADOGUCHI_REQUIRE_EVENTUALLY(!panel->fetching() && panel->lastView() != nullptr);
    return panel->lastView();
}

bool contains(const wxString& text, const std::string& part) { return text.Find(wxString::FromUTF8(part)) != wxNOT_FOUND; }

std::string pdfText(const std::filesystem::path& pdf) {
    int status = 0;
    std::string text = test::runAndCapture({"pdftotext", "-layout", pdf.string(), "-"}, status);
    BOOST_CHECK_EQUAL(status, 0);
    return text;
}

// The text of each page (pdftotext separates pages by a form feed).
std::vector<std::string> pdfPages(const std::filesystem::path& pdf) {
    std::vector<std::string> pages;
    std::string text = pdfText(pdf);
    for (std::size_t from = 0, feed; (feed = text.find('\f', from)) != std::string::npos; from = feed + 1)
        pages.push_back(text.substr(from, feed - from));
    return pages;
}

// Every page's foot names the facility, the day printed (the demo clock's) and "n / N ページ".
void checkFooterOnEveryPage(const std::filesystem::path& pdf, const std::string& facility, const Date& printed) {
    const auto pages = pdfPages(pdf);
    BOOST_REQUIRE(!pages.empty());
    const std::string day = std::to_string(printed.year()) + "年" + std::to_string(static_cast<unsigned>(printed.month())) +
                            "月" + std::to_string(static_cast<unsigned>(printed.day())) + "日";
    for (std::size_t n = 1; n <= pages.size(); ++n) {
        const std::string& page = pages[n - 1];
        const std::string number = std::to_string(n) + " / " + std::to_string(pages.size()) + " ページ";
        BOOST_CHECK_MESSAGE(page.find(facility) != std::string::npos, "page " << n << " lacks the facility");
        BOOST_CHECK_MESSAGE(page.find("印刷日 " + day) != std::string::npos, "page " << n << " lacks the day " << day);
        BOOST_CHECK_MESSAGE(page.find(number) != std::string::npos, "page " << n << " lacks \"" << number << "\"");
        // The foot comes after the page's body.
        BOOST_CHECK(page.rfind(number) > page.size() / 2);
    }
}

void savePagePicture(const std::filesystem::path& pdf, const std::string& name) {
    int status = 0;
    const std::string stem = (test::screenshotDir() / name).string();
    test::runAndCapture({"pdftoppm", "-r", "80", "-png", "-f", "1", "-singlefile", pdf.string(), stem}, status);
    BOOST_CHECK_MESSAGE(std::filesystem::exists(stem + ".png"), "page picture not written: " << stem << ".png");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(MedicalInformation)

BOOST_AUTO_TEST_CASE(MedicationViewForTheDoctorFlagsTheDuplicateFirstAndIsAudited) {
    test::ReceptionDemo window(FacilityKind::Clinic);
    receive(window, "P001");
    auto* panel = window.frame->medicalInfoPanel();
    BOOST_REQUIRE(panel->IsShown());
    auto* months = window.find<wxChoice>("medication_months");
    BOOST_REQUIRE(months);
    BOOST_CHECK(months->GetStringSelection().Contains("6"));  // the default, as deployed software asks
    test::saveScreenshot(window.frame, "60-medical-info-actions-clinic");
    auto* view = fetchAndOpen(window, "fetch_medication");
    const wxString text = view->shownText();
    // The duplicate (ロキソプロフェン from the 整形外科 and from 日比谷クリニック) comes before the timeline.
    const int flag = text.Find(wxString::FromUTF8("重複投薬の可能性"));
    const int firstMonth = text.Find(wxString::FromUTF8("2026年10月"));
    BOOST_REQUIRE(flag != wxNOT_FOUND && firstMonth != wxNOT_FOUND);
    BOOST_CHECK(flag < firstMonth);
    BOOST_CHECK(contains(text, "ロキソプロフェンナトリウム水和物"));
    BOOST_CHECK(contains(text, "1日3回毎食後"));
    BOOST_CHECK(contains(text, "霞ヶ関整形外科"));
    BOOST_CHECK(contains(text, "アムロジピンOD錠10mg"));
    BOOST_CHECK(contains(text, "処方の前に確認"));  // the doctor's wording
    BOOST_CHECK(contains(text, "修正"));            // the dispensing copy of a claims day is marked revised
    test::saveScreenshot(view, "61-medication-view-clinic");

    // Filters: one institution, then a period without any medication.
    view->filterBy("1319876543", 0);
    BOOST_CHECK(contains(view->shownText(), "レバミピド"));
    BOOST_CHECK(!contains(view->shownText(), "アムロジピン"));
    BOOST_CHECK(contains(view->shownText(), "重複投薬の可能性"));  // the flags cover the whole answer
    view->filterBy("", 1);  // November: nothing dispensed
    BOOST_CHECK(!contains(view->shownText(), "レバミピド"));

    const auto fetches = auditRows(window, "medication.fetch");
    BOOST_REQUIRE_EQUAL(fetches.size(), 1u);
    BOOST_CHECK_EQUAL(fetches[0].staff, gui::kDemoStaffId);
    BOOST_CHECK_EQUAL(fetches[0].patient, window.session()->record().patientId);
    BOOST_CHECK_EQUAL(fetches[0].visit, window.session()->record().visitId);
    BOOST_CHECK(fetches[0].detail.starts_with("YZKsiquc01req_"));
    BOOST_CHECK(fetches[0].detail.find("6 months") != std::string::npos);
    const auto views = auditRows(window, "medication.view");
    BOOST_REQUIRE_EQUAL(views.size(), 1u);
    BOOST_CHECK_EQUAL(views[0].patient, fetches[0].patient);
    BOOST_CHECK(!fetches[0].patient.empty());
}

BOOST_AUTO_TEST_CASE(MedicationViewForThePharmacistPrintsToAnA4PdfInJapanese) {
    test::ReceptionDemo window(FacilityKind::Pharmacy);
    receive(window, "P001");
    test::saveScreenshot(window.frame, "62-medical-info-actions-pharmacy");
    auto* view = fetchAndOpen(window, "fetch_medication");
    BOOST_CHECK(contains(view->shownText(), "疑義照会"));  // the pharmacist's wording
    BOOST_CHECK(contains(view->shownText(), "医療機関・薬局"));
    // On the 27th the dispensing record comes before its revised prescription copy.
    BOOST_CHECK(view->shownText().Find(wxString::FromUTF8("ひまわり薬局")) <
                view->shownText().Find(wxString::FromUTF8("処方情報（電子処方箋）")));
    test::saveScreenshot(view, "63-medication-view-pharmacy");
    auto pdf = view->savePdf();
    BOOST_REQUIRE_MESSAGE(pdf, (pdf ? "" : pdf.problem().message));
    BOOST_CHECK(pdf.value().filename().string().ends_with("-medication.pdf"));
    BOOST_CHECK((std::filesystem::status(pdf.value()).permissions() & std::filesystem::perms::all) ==
                (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    const std::string text = pdfText(pdf.value());
    BOOST_CHECK(text.find("重複投薬の可能性") != std::string::npos);
    BOOST_CHECK(text.find("ロキソプロフェンナトリウム水和物") != std::string::npos);
    BOOST_CHECK(text.find("ひまわり薬局") != std::string::npos);
    BOOST_CHECK(text.find("窓口　花子") != std::string::npos || text.find("窓口 花子") != std::string::npos);
    checkFooterOnEveryPage(pdf.value(), "窓口デモ薬局", window.demo->clock().now().date);
    savePagePicture(pdf.value(), "64-medication-pdf-pharmacy");
    BOOST_CHECK_EQUAL(auditRows(window, "medication.pdf").size(), 1u);
}

// A page longer than A4 runs over several pages, each with its own rows and the footer.
BOOST_AUTO_TEST_CASE(ALongViewRunsOverSeveralA4PagesEachWithItsRowsAndFooter) {
    test::TempFolder folder;
    wxString html = "<html><body>";
    for (int row = 1; row <= 150; ++row) html += wxString::Format("<p>row %d</p>", row);
    html += "</body></html>";
    const Date printed = *Date::fromYmd(2026, 12, 1);
    const auto pdf = folder.path() / "long.pdf";
    BOOST_REQUIRE(gui::writeHtmlPdf(pdf.string(), "long", html, {"テスト薬局", printed}));
    const auto pages = pdfPages(pdf);
    BOOST_REQUIRE_GE(pages.size(), 3u);
    checkFooterOnEveryPage(pdf, "テスト薬局", printed);
    for (const std::string& page : pages) BOOST_CHECK(page.find("row ") != std::string::npos);  // no blank page
    BOOST_CHECK(pages.back().find("row 150") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(CheckupViewShowsLatestValuesBesideEarlierOnesWithOutOfRangeMarked) {
    for (FacilityKind kind : {FacilityKind::Clinic, FacilityKind::Pharmacy}) {
        test::ReceptionDemo window(kind);
        receive(window, "P001");
        auto* view = fetchAndOpen(window, "fetch_checkups");
        const wxString text = view->shownText();
        BOOST_CHECK(contains(text, "2026年6月15日"));  // the latest first
        BOOST_CHECK(text.Find(wxString::FromUTF8("2026年6月15日")) < text.Find(wxString::FromUTF8("2025年6月10日")));
        BOOST_CHECK(contains(text, "6.2 %") || contains(text, "6.2"));
        BOOST_CHECK(contains(text, "138 mmHg"));
        BOOST_CHECK(contains(text, "範囲外"));
        // LDL 118 (≤ 119) this year is not marked; 142 last year is.
        BOOST_CHECK(contains(text, "118 mg/dL") && !contains(text, "118 mg/dL (範囲外)"));
        BOOST_CHECK(contains(text, "142 mg/dL (範囲外)"));
        test::saveScreenshot(view, kind == FacilityKind::Clinic ? "65-checkup-view-clinic" : "66-checkup-view-pharmacy");
        auto pdf = view->savePdf();
        BOOST_REQUIRE(pdf);
        BOOST_CHECK(pdfText(pdf.value()).find("HbA1c") != std::string::npos);
        checkFooterOnEveryPage(pdf.value(), kind == FacilityKind::Clinic ? "窓口デモ診療所" : "窓口デモ薬局",
                               window.demo->clock().now().date);
        if (kind == FacilityKind::Clinic) savePagePicture(pdf.value(), "67-checkup-pdf-clinic");
        BOOST_CHECK_EQUAL(auditRows(window, "checkups.fetch").size(), 1u);
        BOOST_CHECK_EQUAL(auditRows(window, "checkups.view").size(), 1u);
    }
}

BOOST_AUTO_TEST_CASE(ASecondFetchWithinSixHoursIsRefusedAndAuditedUnlessAskedAgain) {
    test::ReceptionDemo window;
    receive(window, "P001");
    auto* panel = window.frame->medicalInfoPanel();
    fetchAndOpen(window, "fetch_medication");
    window.closeOtherWindows();
    click(window.find<wxButton>("fetch_medication"));  // the journal is asked in the background
    MADOGUCHI_REQUIRE_EVENTUALLY(!panel->fetching());
    BOOST_CHECK(contains(panel->status(), "6時間"));
    BOOST_CHECK(panel->lastView() == nullptr);  // nothing opened, nothing placed
    BOOST_CHECK_EQUAL(auditRows(window, "medication.fetch").size(), 1u);
    const auto refused = auditRows(window, "medication.fetch_refused");
    BOOST_REQUIRE_EQUAL(refused.size(), 1u);
    BOOST_CHECK_EQUAL(refused[0].detail, "medical_info.recently_fetched");
    BOOST_CHECK_EQUAL(refused[0].staff, gui::kDemoStaffId);
    window.tick("medical_info_again");
    fetchAndOpen(window, "fetch_medication");
    const auto fetches = auditRows(window, "medication.fetch");
    BOOST_REQUIRE_EQUAL(fetches.size(), 2u);
    BOOST_CHECK(fetches[1].detail.find("asked again on purpose") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(NoActionWithoutTheKindsConsent) {
    test::ReceptionDemo window;
    receive(window, "P002");  // 薬剤 consent only
    BOOST_CHECK(window.find<wxButton>("fetch_medication") != nullptr);
    BOOST_CHECK(window.find<wxButton>("fetch_checkups") == nullptr);
}

BOOST_AUTO_TEST_CASE(NoActionInModeThree) {
    test::ReceptionDemo window(FacilityKind::Pharmacy, FacilityMode::QualificationOnly);
    receive(window, "P001");
    BOOST_CHECK(!window.frame->medicalInfoPanel()->IsShown());
    BOOST_CHECK(window.find<wxButton>("fetch_medication") == nullptr);
    BOOST_CHECK(window.find<wxButton>("fetch_checkups") == nullptr);
    test::saveScreenshot(window.frame, "68-mode-three-no-medical-info");
}

BOOST_AUTO_TEST_CASE(NoActionBeforeTheResultIsConfirmed) {
    test::ReceptionDemo window;
    BOOST_CHECK(!window.frame->medicalInfoPanel()->IsShown());
    BOOST_CHECK(window.find<wxButton>("fetch_medication") == nullptr);
}

// Asked for the terminal's PDF, the answer is kept in the forms folder (0600, named for the 申立書's
// retention rule), shown as saved with an open button that audits a view and opens it; the rule
// deletes it with the other patient PDFs.
BOOST_AUTO_TEST_CASE(TheTerminalsPdfIsKeptForViewingAndOpenedFromThePanel) {
    test::ReceptionDemo window(FacilityKind::Pharmacy);
    receive(window, "P001");
    auto* panel = window.frame->medicalInfoPanel();
    std::vector<std::filesystem::path> opened;
    panel->setPdfOpener([&](const std::filesystem::path& pdf) {
        opened.push_back(pdf);
        return true;
    });
    auto* open = window.find<wxButton>("medical_info_open_pdf");
    BOOST_REQUIRE(open);
    BOOST_CHECK(!open->IsShown());
    window.tick("medical_info_as_pdf");
    click(window.find<wxButton>("fetch_checkups"));
    MADOGUCHI_REQUIRE_EVENTUALLY(!panel->fetching());
    const std::filesystem::path kept = panel->keptPdf();
    BOOST_REQUIRE_MESSAGE(!kept.empty(), panel->status().utf8_string());
    const Date today = window.demo->clock().now().date;
    BOOST_CHECK_EQUAL(kept.filename().string(),
                      storage::patientPdfFileName(window.session()->record().visitId, "checkups-answer", today));
    BOOST_CHECK_EQUAL(kept.parent_path().filename().string(), "forms");
    BOOST_CHECK((std::filesystem::status(kept).permissions() & std::filesystem::perms::all) ==
                (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
    std::ifstream file(kept, std::ios::binary);
    std::string head(5, '\0');
    file.read(head.data(), 5);
    BOOST_CHECK_EQUAL(head, "%PDF-");
    BOOST_CHECK(contains(panel->status(), kept.string()));
    BOOST_CHECK(panel->lastView() == nullptr);  // a PDF is not read, only kept and opened
    BOOST_REQUIRE_EQUAL(auditRows(window, "checkups.fetch").size(), 1u);
    BOOST_CHECK(auditRows(window, "checkups.fetch")[0].detail.find("as PDF") != std::string::npos);
    BOOST_CHECK(auditRows(window, "checkups.view").empty());
    BOOST_CHECK(open->IsShown());
    test::saveScreenshot(window.frame, "69-medical-info-pdf-answer-kept");

    click(open);
    BOOST_REQUIRE_EQUAL(opened.size(), 1u);
    BOOST_CHECK(opened[0] == kept);
    const auto views = auditRows(window, "checkups.view");
    BOOST_REQUIRE_EQUAL(views.size(), 1u);
    BOOST_CHECK_EQUAL(views[0].staff, gui::kDemoStaffId);
    BOOST_CHECK_EQUAL(views[0].patient, window.session()->record().patientId);
    BOOST_CHECK_EQUAL(views[0].visit, window.session()->record().visitId);
    BOOST_CHECK_EQUAL(views[0].detail, kept.filename().string());

    // The retention rule of the 申立書 deletes it once its period has passed.
    test::FixedClock later(LocalDateTime{today.plusDays(91), 8, 0, 0});
    storage::SelfDeclarationArchive archive(kept.parent_path(), 90, window.demo->journal(), later);
    archive.deleteExpired();
    BOOST_CHECK(!std::filesystem::exists(kept));
    BOOST_CHECK_EQUAL(auditRows(window, "checkups.pdf_deleted").size(), 1u);
}

// The gate runs in the fetch's background job with the journal's last fetch: a patient without a
// patient number is named by the visit (never by the insurance numbers), a second fetch for that
// visit within 6 hours is refused before anything is placed, another visit is not; no consent and
// mode ③ place nothing either.
BOOST_AUTO_TEST_CASE(TheGateRunsInTheBackgroundJobAndNamesAPatientWithoutNumberByTheVisit) {
    test::TempFolder folder;
    const gateway::FolderLayout layout{folder.path() / "gateway"};
    std::filesystem::create_directories(layout.req());
    std::filesystem::create_directories(layout.res());
    storage::FacilityJournal journal((folder.path() / "journal.sqlite").string(), folder.path() / "audit.key");
    test::FixedClock clock(*LocalDateTime::parseIso("2026-11-30T10:00:00"));
    gui::MedicalInfoOrder order;
    order.record.insurerNumber = "01130012";
    order.record.insuredIdentificationNumber = "10015";
    order.record.birthdate = "19800101";
    order.record.pharmacistsInfo.flag.raw = "1";
    order.record.pharmacistsInfo.availableTime = "20261201235959";
    order.staffId = "yakuzaishi";
    order.visitId = "V-9";
    auto fetch = [&](const gui::MedicalInfoOrder& o) {
        return gui::fetchMedicalInfo(gui::MedicalInfoFolders{layout, "1312345678"}, o, journal, clock, std::stop_token{},
                                     std::chrono::milliseconds(20));
    };
    auto requests = [&] {
        return std::distance(std::filesystem::directory_iterator(layout.req()), std::filesystem::directory_iterator());
    };
    BOOST_CHECK(fetch(order).pending);  // nobody answers
    BOOST_CHECK_EQUAL(requests(), 1);
    clock.set(*LocalDateTime::parseIso("2026-11-30T15:59:00"));
    auto again = fetch(order);
    BOOST_REQUIRE(again.refused);
    BOOST_CHECK_EQUAL(again.refused->code, "medical_info.recently_fetched");
    BOOST_CHECK_EQUAL(requests(), 1);
    auto otherVisit = order;
    otherVisit.visitId = "V-10";
    BOOST_CHECK(fetch(otherVisit).pending);
    BOOST_CHECK_EQUAL(requests(), 2);
    auto noConsent = order;
    noConsent.visitId = "V-11";
    noConsent.record.pharmacistsInfo.flag.raw = "0";
    BOOST_CHECK_EQUAL(fetch(noConsent).refused.value_or(Problem{}).code, "medical_info.no_consent");
    auto modeThree = order;
    modeThree.visitId = "V-12";
    modeThree.mode = FacilityMode::QualificationOnly;
    BOOST_CHECK_EQUAL(fetch(modeThree).refused.value_or(Problem{}).code, "medical_info.mode");
    BOOST_CHECK_EQUAL(requests(), 2);

    auto rows = journal.database().prepare(
        "SELECT action, patient_id, visit_id, detail FROM audit_log WHERE action LIKE 'medication.%' ORDER BY seq");
    std::vector<std::string> seen;
    while (rows.step()) {
        BOOST_CHECK_EQUAL(rows.text(1), "");  // no patient number: the visit names the patient
        BOOST_CHECK(rows.text(3).find("01130012") == std::string::npos);
        seen.push_back(rows.text(0) + " " + rows.text(2));
    }
    const std::vector<std::string> expected{"medication.fetch V-9", "medication.fetch_refused V-9", "medication.fetch V-10",
                                            "medication.fetch_refused V-11", "medication.fetch_refused V-12"};
    BOOST_CHECK_EQUAL_COLLECTIONS(seen.begin(), seen.end(), expected.begin(), expected.end());
}

// The terminal's refusal (ResultCode ≠ 1) comes back with its own text, through real folders.
BOOST_AUTO_TEST_CASE(TheTerminalsRefusalComesBackWithItsText) {
    test::TempFolder folder;
    const gateway::FolderLayout layout{folder.path() / "gateway"};
    std::filesystem::create_directories(layout.req());
    std::filesystem::create_directories(layout.res());
    storage::FacilityJournal journal((folder.path() / "journal.sqlite").string(), folder.path() / "audit.key");
    test::FixedClock clock(*LocalDateTime::parseIso("2026-11-30T10:00:00"));
    gui::MedicalInfoOrder order;
    order.record.insurerNumber = "01130012";
    order.record.insuredIdentificationNumber = "10015";
    order.record.pharmacistsInfo.flag.raw = "1";
    order.record.pharmacistsInfo.availableTime = "20261201";
    order.staffId = "yakuzaishi";
    order.patientId = "P-77";
    gui::FetchedMedicalInfo fetched;
    std::jthread worker([&](std::stop_token stop) {
        fetched = gui::fetchMedicalInfo(gui::MedicalInfoFolders{layout, "1312345678"}, order, journal, clock, stop,
                                        std::chrono::seconds(20));
    });
    std::filesystem::path request;
    BOOST_REQUIRE(test::pumpUntil([&] {
        for (const auto& entry : std::filesystem::directory_iterator(layout.req())) request = entry.path();
        return !request.empty();
    }));
    std::ifstream answer(std::string(MADOGUCHI_SOURCE_DIR) + "/tests/gateway/data/YZKsiquc01res_error.xml", std::ios::binary);
    std::stringstream bytes;
    bytes << answer.rdbuf();
    std::string name = request.filename().string();
    name.replace(name.find("req_"), 4, "res_");
    std::ofstream(layout.res() / name, std::ios::binary) << bytes.str();
    worker.join();
    BOOST_CHECK(fetched.rejected);
    BOOST_CHECK_EQUAL(fetched.terminalText, "薬剤情報の閲覧に係る同意がないため、情報を提供できません。");
    BOOST_CHECK(!fetched.medication);
    auto rows = journal.database().prepare("SELECT staff_id, patient_id, detail FROM audit_log WHERE action = 'medication.fetch'");
    BOOST_REQUIRE(rows.step());
    BOOST_CHECK_EQUAL(rows.text(0), "yakuzaishi");
    BOOST_CHECK_EQUAL(rows.text(1), "P-77");
    BOOST_CHECK_EQUAL(rows.text(2), request.filename().string() + ", 6 months");
}

BOOST_AUTO_TEST_SUITE_END()

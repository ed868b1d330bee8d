// The eligibility panel shows what the terminal says beyond health insurance: a 医療扶助 answer's
// welfare office and its 医療券・調剤券, and whether the limit certificate changed (the golden
// file tests/gateway/data/medical_aid_tickets.xml, read by the real codec).
#include <fstream>
#include <sstream>

#include "code_tables.h"
#include "devices/gateway/result_xml.h"
#include "gui/reception/eligibility_panel.h"
#include "gui_harness.h"

using namespace madoguchi;
using namespace madoguchi::gui;

namespace {

std::string goldenMedicalAid() {
    std::ifstream in(std::string(MADOGUCHI_SOURCE_DIR) + "/tests/gateway/data/medical_aid_tickets.xml", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(EligibilityPanelContent)

BOOST_AUTO_TEST_CASE(AMedicalAidAnswerShowsTheWelfareOfficeAndEachTicket) {
    auto result = gateway::parseResultXml(goldenMedicalAid(), test::codeTables());
    BOOST_REQUIRE(result.ok());
    ReceptionContext context;
    context.facility.medicalInstitutionCode = "1312345678";
    context.datedSettings = DatedSettings::parse("legacy_insurance_card_last_day\t2025-12-01\n").value();
    context.staffId = "uketsuke1";
    context.visitId = "V-1";
    const LocalDateTime now = *LocalDateTime::parseIso("2026-11-25T10:15:00");
    ReceptionSession session(context, now);
    BOOST_REQUIRE(session.apply(event::CertifiedReaderResult{result.value(), IdentityMethod::Face, ""}, now).ok());
    wxString shown = eligibilityHtml(session, context.facility);
    shown.Replace("<br>", "");  // long values are broken into lines for the panel's width
    const std::string html = shown.utf8_string();
    for (const char* shown : {"千代田区福祉事務所", "0012345", "0012346", "窓口内科クリニック", "通院は月2回まで", "2026"})
        BOOST_CHECK_MESSAGE(html.find(shown) != std::string::npos, shown << " not in " << html);
    BOOST_CHECK_NE(html.find(_("changed since the last check").utf8_string()), std::string::npos);
    BOOST_CHECK_NE(html.find(_("Welfare office").utf8_string()), std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

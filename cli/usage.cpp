#include "usage.h"

namespace madoguchi::cli {

const std::vector<CommandUsage>& commandUsages() {
    static const std::vector<CommandUsage> usages{
        {"copay", {},
         "copay --birth YYYY-MM-DD --on YYYY-MM-DD [--elderly-ratio 020|030] [--kouki-ratio 010|020|030]\n"
         "      [--preschool] [--printed-share 1|2|3] [--declared-share 1|2|3] [--insurer NUMBER] [--points N]\n"},
        {"insurer-number", {"check"}, "insurer-number check NUMBER\n"},
        {"scenario", {}, "scenario FILE      (docs/scenario.md)\n"},
        {"oqs", {"parse", "query"},
         "oqs parse FILE [--patient ID] [--db FILE|URI] SIGN-IN\n"
         "oqs query --root DIR --insurer N --number N [--symbol S] [--branch B] --birth YYYY-MM-DD\n"
         "      [--timeout-ms MS] [--institution CODE] [--today YYYY-MM-DD] [--encoding utf-8|shift_jis|auto]\n"},
        {"sim oqs", {},
         "sim oqs --root DIR [--dataset FILE] [--today YYYY-MM-DD] [--once]\n"
         "sim oqs --root DIR --face ID --method face|pin|visual\n"
         "sim oqs --root DIR [--answer-encoding utf-8|shift_jis] [--face-trash DIR [--face-trash-after-ms N]]\n"
         "      [--bulk-processing-asks N] [--bulk-zip]   (bulk jobs: N answers \"still processing\" first; .zip)\n"
         "sim oqs --root DIR --http-port N [--ca-cert PEM] [--challenge-ttl-ms N]\n"
         "      --today: answer as on that day (at the machine's time of day); default the machine's date\n"},
        {"sim card", {},
         "sim card --profile FILE [--host 127.0.0.1] [--port 35963] [--pull-after N]\n"
         "sim card --make-profiles --dataset F --ca-key K --ca-cert C --out DIR [--pin 1234]\n"},
        {"card", {"read", "pin-status", "verify-pin", "check", "portrait-status", "face-check"},
         "card read [--wait-ms N] [--on YYYY-MM-DD] [--der-out FILE]\n"
         "card pin-status [--wait-ms N]\n"
         "card verify-pin [--wait-ms N]              (PIN on standard input)\n"
         "card check --url https://HOST:N [--gateway-ca PEM] [--demo] [--wait-ms N] [--timeout-ms N] [--xml-out FILE]\n"
         "card portrait-status [--wait-ms N]\n"
         "card face-check [--camera-image FILE | --camera N] [--wait-ms N]\n"},
        {"report", {"daily", "followup", "usage"},
         "report daily --date YYYY-MM-DD [--format json|csv] [--bom] [--db FILE|URI] SIGN-IN\n"
         "report followup [--format json|csv] [--bom] [--db FILE|URI] SIGN-IN\n"
         "report usage --month YYYY-MM [--set-official RATE] [--format json|csv] [--bom] [--db FILE|URI] SIGN-IN\n"},
        {"audit", {"verify"}, "audit verify [--db FILE|URI] [--export DAILY-CSV] SIGN-IN\n"},
        {"journal", {"generate", "migrate", "copy"},
         "journal generate --db FILE|URI --start YYYY-MM-DD --days N --per-day N [--seed N] [--patients N] SIGN-IN\n"
         "journal migrate --db FILE|URI SIGN-IN\n"
         "journal copy --from FILE --to URI SIGN-IN\n"},
        {"staff", {"password"},
         "staff password [--db FILE|URI] --user ID [--password-file FILE] [--new-password-file FILE]\n"},
        {"sign-in", {},
         "sign-in --session FILE [--minutes N] [--db FILE|URI] --user ID [--password-file FILE]\n"
         "      (checks the password once; FILE, 0600, then signs in later commands: --session FILE)\n"},
        {"sign-out", {}, "sign-out --session FILE [--db FILE|URI]      (ends the session, removes FILE)\n"},
        {"claim", {"remarks", "contacted"},
         "claim remarks --visit ID [--db FILE|URI] SIGN-IN      (the 摘要欄 text of a 申立書 visit)\n"
         "claim contacted --visit ID --on YYYY-MM-DD [--at T] [--db FILE|URI] SIGN-IN\n"},
        {"followup", {"recheck"},
         "followup recheck --root DIR [--institution CODE] [--encoding utf-8|shift_jis|auto] [--timeout-ms MS]\n"
         "      [--ask-again-ms MS] [--max-asks N] [--today YYYY-MM-DD] [--db FILE|URI] SIGN-IN\n"
         "      (one bulk 照会 of every OLD/UNKNOWN visit; the confirmed ones are re-tagged CURRENT)\n"},
        {"druginfo", {"fetch", "parse"},
         "druginfo fetch --root DIR --result RESULT-XML --patient ID [--months 6] [--with-treatments] [--pdf --out FILE]\n"
         "      [--mode 1|2|3] [--force] [--institution CODE] [--encoding utf-8|shift_jis|auto] [--timeout-ms MS]\n"
         "      [--today YYYY-MM-DD] [--db FILE|URI] SIGN-IN\n"
         "      (薬剤情報 with the consent RESULT-XML carries; not in mode 3; not again within 6 h unless --force)\n"
         "druginfo parse FILE [--patient ID] [--db FILE|URI] SIGN-IN\n"
         "      (a YZKsiquc01res answer as JSON: merged days, 重複投薬の可能性 pairs; audited)\n"},
        {"checkup", {"fetch", "parse"},
         "checkup fetch --root DIR --result RESULT-XML --patient ID [--pdf --out FILE] [--mode 1|2|3] [--force]\n"
         "      [--institution CODE] [--encoding utf-8|shift_jis|auto] [--timeout-ms MS] [--today YYYY-MM-DD]\n"
         "      [--db FILE|URI] SIGN-IN      (特定健診 results, with the consent RESULT-XML carries)\n"
         "checkup parse FILE [--patient ID] [--db FILE|URI] SIGN-IN\n"
         "      (a TKKsiquc01res answer as JSON, newest first; audited)\n"},
    };
    return usages;
}

std::optional<CommandUsage> usageOf(const std::string& name) {
    for (const auto& usage : commandUsages())
        if (usage.name == name) return usage;
    return std::nullopt;
}

namespace {

constexpr const char* kSignInHelp =
    "SIGN-IN: --user ID, the password from the prompt or --password-file FILE (private to you),\n"
    "         or --session FILE from sign-in;\n"
    "         on a new journal, journal generate/migrate create this first administrator\n";

std::string indented(const std::string& lines, const std::string& prefix) {
    std::string text;
    for (std::size_t start = 0; start < lines.size();) {
        const auto end = lines.find('\n', start);
        const std::string line = lines.substr(start, end - start);
        text += (line.rfind("  ", 0) == 0 ? "  " : prefix) + line + "\n";
        start = end == std::string::npos ? lines.size() : end + 1;
    }
    return text;
}

}  // namespace

std::string fullUsage() {
    std::string text = "usage: madoguchi-cli COMMAND [ARGS...]   (COMMAND --help for one command)\ncommands:\n";
    for (const auto& usage : commandUsages()) text += indented(usage.text, "  ");
    return text + kSignInHelp;
}

std::string commandHelp(const std::vector<std::string>& names) {
    std::string text = "usage:\n";
    bool signsIn = false;
    for (const auto& name : names)
        if (auto usage = usageOf(name)) {
            text += indented(usage->text, "  madoguchi-cli ");
            signsIn = signsIn || usage->text.find("SIGN-IN") != std::string::npos;
        }
    return signsIn ? text + kSignInHelp : text;
}

}  // namespace madoguchi::cli

// madoguchi-cli copay: the copay share (and amount) for a birth date on a day.
#include <Poco/JSON/Array.h>
#include <iostream>
#include <stdexcept>

#include "arguments.h"
#include "commands.h"
#include "domain/copay_rules.h"
#include "json_output.h"

namespace madoguchi::cli {
namespace {

Date requiredDate(const Options& options, const std::string& name) {
    auto date = Date::parseIso(options.required(name));
    if (!date) throw std::invalid_argument(name + " must be a date YYYY-MM-DD");
    return *date;
}

std::optional<std::string> ratioOption(const Options& options, const std::string& name, bool allowTenPercent) {
    auto ratio = options.value(name);
    if (!ratio) return std::nullopt;
    if (!CopayShare::fromGatewayRatio(*ratio) || (*ratio == "010" && !allowTenPercent))
        throw std::invalid_argument(name + (allowTenPercent ? " must be 010, 020 or 030" : " must be 020 or 030"));
    return ratio;
}

std::optional<std::int64_t> pointsOption(const Options& options) {
    auto text = options.value("--points");
    if (!text) return std::nullopt;
    std::size_t used = 0;
    long long points = -1;
    try {
        points = std::stoll(*text, &used);
    } catch (const std::exception&) {
    }
    if (used != text->size() || points < 0 || points > 100'000'000)
        throw std::invalid_argument("--points must be a whole number of points from 0 to 100000000");
    return points;
}

std::optional<CopayShare> shareOption(const Options& options, const std::string& name) {
    auto text = options.value(name);
    if (!text) return std::nullopt;
    auto share = text->size() == 1 ? CopayShare::fromTenths(text->front() - '0') : std::nullopt;
    if (!share || share->isFullCharge()) throw std::invalid_argument(name + " must be 1, 2 or 3 (割)");
    return share;
}

}  // namespace

int runCopay(const Arguments& args) {
    Options options(args, {"--birth", "--on", "--elderly-ratio", "--kouki-ratio", "--points", "--printed-share",
                           "--declared-share", "--insurer"},
                    {"--preschool"});
    Date birth = requiredDate(options, "--birth");
    Date on = requiredDate(options, "--on");
    if (on < birth) throw std::invalid_argument("--on is before --birth");
    ShareEvidence evidence;
    evidence.elderlyRecipientRatio = ratioOption(options, "--elderly-ratio", false);
    evidence.lateElderlyRatio = ratioOption(options, "--kouki-ratio", true);
    evidence.preschoolFlag = options.flag("--preschool");
    evidence.printedShare = shareOption(options, "--printed-share");
    evidence.declaredShare = shareOption(options, "--declared-share");
    evidence.lateElderlyInsured = options.value("--insurer").value_or("").starts_with("39");
    auto points = pointsOption(options);

    ShareDecision decision = decideShare(birth, on, evidence);
    Poco::JSON::Object json;
    json.set("age_band", std::string(ageBandName(decision.band)));
    json.set("age", completedYearsOn(birth, on));
    json.set("basis", decision.basis);
    Poco::JSON::Array warnings;
    for (const auto& warning : decision.warnings) warnings.add(warning);
    json.set("warnings", warnings);
    Poco::JSON::Array candidates;
    for (const auto& candidate : decision.candidates) candidates.add(candidate.tenths());
    json.set("candidates_tenths", candidates);
    if (!decision.share) {
        json.set("share_tenths", Poco::Dynamic::Var());
        printJson(json);
        std::cerr << "copay: the share cannot be decided from the birth date alone: " << decision.basis
                  << " (give --kouki-ratio 010|020|030 or --printed-share; staff choose from candidates_tenths)\n";
        return kUndecided;
    }
    json.set("share_tenths", decision.share->tenths());
    if (points) json.set("amount_yen", copayAmount(*points, *decision.share).value);
    printJson(json);
    return kOk;
}

}  // namespace madoguchi::cli

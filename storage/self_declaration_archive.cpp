#include "storage/self_declaration_archive.h"

#include <system_error>

#include "storage/private_files.h"

namespace madoguchi::storage {
namespace {

constexpr std::size_t kDayLength = 10;  // YYYY-MM-DD
constexpr char kDaySeparator = '_';

const std::string kSuffix = "-self-declaration.pdf";

// The visit of a dated name (<day>_<visitId>-self-declaration.pdf); empty for other PDFs.
std::string visitOf(const std::string& name) {
    if (name.size() <= kDayLength + 1 + kSuffix.size() || name.compare(name.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0)
        return {};
    return name.substr(kDayLength + 1, name.size() - kSuffix.size() - kDayLength - 1);
}

bool isPdf(const std::filesystem::directory_entry& entry) {
    std::error_code ec;
    return entry.is_regular_file(ec) && entry.path().extension() == ".pdf";
}

}  // namespace

std::string selfDeclarationFileName(const std::string& visitId, const Date& printed) {
    return printed.iso() + kDaySeparator + visitId + kSuffix;
}

SelfDeclarationArchive::SelfDeclarationArchive(std::filesystem::path folder, int retentionDays,
                                               FacilityJournal& journal, const Clock& clock)
    : folder_(std::move(folder)), retentionDays_(retentionDays), journal_(journal), clock_(clock) {}

std::optional<Date> SelfDeclarationArchive::printedOn(const std::filesystem::path& file) const {
    const std::string name = file.filename().string();
    if (name.size() <= kDayLength || name[kDayLength] != kDaySeparator) return std::nullopt;
    return Date::parseIso(name.substr(0, kDayLength));
}

std::vector<std::filesystem::path> SelfDeclarationArchive::deleteExpired() {
    const LocalDateTime now = clock_.now();
    std::vector<std::filesystem::path> deleted;
    std::error_code ec;
    if (lastRun_ == now.date || !std::filesystem::is_directory(folder_, ec)) return deleted;
    lastRun_ = now.date;
    makePrivateFolder(folder_);
    const Date oldestKept = now.date.plusDays(-retentionDays_);
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder_, ec))
        if (isPdf(entry)) files.push_back(entry.path());
    for (std::filesystem::path file : files) {
        std::optional<Date> printed = printedOn(file);
        if (!printed) {  // saved before the day led the name: its retention starts today
            std::filesystem::path dated = folder_ / (now.date.iso() + kDaySeparator + file.filename().string());
            std::filesystem::rename(file, dated, ec);
            if (ec) continue;
            file = dated;
            printed = now.date;
        }
        if (*printed >= oldestKept) {
            makePrivateFile(file);
            continue;
        }
        if (std::filesystem::remove(file, ec) && !ec) {
            const std::string name = file.filename().string();
            journal_.audit({now.iso(), "system", "self_declaration.deleted", "", visitOf(name), name, ""});
            deleted.push_back(file);
        } else {
            const std::string name = file.filename().string();
            journal_.audit({now.iso(), "system", "self_declaration.delete_failed", "", visitOf(name),
                            name + ": " + ec.message(), ""});
            lastRun_.reset();
        }
    }
    return deleted;
}

}  // namespace madoguchi::storage

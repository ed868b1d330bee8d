#include "storage/self_declaration_archive.h"

#include <system_error>
#include <vector>

#include "storage/private_files.h"

namespace madoguchi::storage {
namespace {

constexpr std::size_t kDayLength = 10;  // YYYY-MM-DD
constexpr char kDaySeparator = '_';

struct PdfKind {
    std::string suffix;  // after the visit: "-medication.pdf"
    std::string deleted, deleteFailed;  // the audit actions
};

const std::vector<PdfKind>& pdfKinds() {
    static const std::vector<PdfKind> kinds{
        {"-self-declaration.pdf", "self_declaration.deleted", "self_declaration.delete_failed"},
        {"-medication.pdf", "medication.pdf_deleted", "medication.pdf_delete_failed"},
        {"-checkups.pdf", "checkups.pdf_deleted", "checkups.pdf_delete_failed"},
        {"-medication-answer.pdf", "medication.pdf_deleted", "medication.pdf_delete_failed"},
        {"-checkups-answer.pdf", "checkups.pdf_deleted", "checkups.pdf_delete_failed"},
    };
    return kinds;
}

// The kind of a dated name (<day>_<visitId><suffix>); the 申立書's for other PDFs.
const PdfKind& kindOf(const std::string& name) {
    for (const auto& kind : pdfKinds())
        if (name.size() > kDayLength + 1 + kind.suffix.size() && name.ends_with(kind.suffix)) return kind;
    return pdfKinds().front();
}

// The visit of a dated name; empty for other PDFs.
std::string visitOf(const std::string& name) {
    const std::string& suffix = kindOf(name).suffix;
    if (name.size() <= kDayLength + 1 + suffix.size() || !name.ends_with(suffix)) return {};
    return name.substr(kDayLength + 1, name.size() - suffix.size() - kDayLength - 1);
}

bool isPdf(const std::filesystem::directory_entry& entry) {
    std::error_code ec;
    return entry.is_regular_file(ec) && entry.path().extension() == ".pdf";
}

}  // namespace

std::string patientPdfFileName(const std::string& visitId, const std::string& what, const Date& saved) {
    return saved.iso() + kDaySeparator + visitId + "-" + what + ".pdf";
}

std::string selfDeclarationFileName(const std::string& visitId, const Date& printed) {
    return patientPdfFileName(visitId, "self-declaration", printed);
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
            journal_.audit({now.iso(), "system", kindOf(name).deleted, "", visitOf(name), name, ""});
            deleted.push_back(file);
        } else {
            const std::string name = file.filename().string();
            journal_.audit({now.iso(), "system", kindOf(name).deleteFailed, "", visitOf(name),
                            name + ": " + ec.message(), ""});
            lastRun_.reset();
        }
    }
    return deleted;
}

}  // namespace madoguchi::storage

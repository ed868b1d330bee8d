#include "devices/gateway/medical_info_client.h"

#include <thread>

#include "devices/gateway/medical_info_xml.h"
#include "devices/gateway/message_reader.h"
#include "devices/gateway/request_placement.h"
#include "devices/gateway/stable_file.h"
#include "devices/gateway/terminal_rejection.h"

namespace madoguchi::gateway {
namespace {

std::optional<Problem> cp932ProblemIn(const MedicalInfoRequest& request) {
    for (const auto& [field, text] :
         {std::pair<const char*, const std::string&>{"InsurerNumber", request.insurerNumber},
          {"InsuranceCardSymbol", request.insuranceCardSymbol},
          {"InsuredPersonIdentificationNumber", request.insuredPersonIdentificationNumber},
          {"BranchNumber", request.branchNumber}})
        if (auto problem = cp932Problem(field, text)) return problem;
    return std::nullopt;
}

class IgnoreElements : public MessageVisitor {
    void open(const std::string&, const std::string&) override {}
    void leaf(const std::string&, const std::string&, const std::string&) override {}
    void close(const std::string&) override {}
};

// A writer that pauses between pieces can fool two equal reads: an answer that is not yet a whole
// document (or PDF) is taken as still being written until it has been left alone for a while.
bool looksUnfinished(MedicalInfoFile::Kind kind, const std::string& content) {
    if (kind == MedicalInfoFile::Kind::Pdf) return !content.starts_with("%PDF-");
    IgnoreElements ignore;
    return !readXmlMessage(content, ignore);
}

std::filesystem::path pdfAnswerOf(const FolderLayout& layout, const std::string& requestName) {
    return layout.res() / std::filesystem::path(answerNameFor(requestName)).replace_extension(".pdf");
}

}  // namespace

MedicalInfoRequest medicalInfoRequestFor(MedicalInformation kind, const QualificationRecord& record,
                                         const std::string& medicalInstitutionCode, int months, const Date& today,
                                         AnswerFormat format, bool withTreatments) {
    auto yearMonth = [](const Date& day) { return day.compact().substr(0, 6); };
    MedicalInfoRequest request;
    request.medicalInstitutionCode = medicalInstitutionCode;
    request.insurerNumber = record.insurerNumber;
    request.insuranceCardSymbol = record.insuredCardSymbol;
    request.insuredPersonIdentificationNumber = record.insuredIdentificationNumber;
    request.branchNumber = record.insuredBranchNumber;
    request.startDate = yearMonth(today.firstOfMonth().plusMonths(-(months - 1)));
    request.endDate = yearMonth(today);
    request.fileCategory = fileCategoryFor(kind, format, withTreatments);
    return request;
}

Outcome<std::string> placeMedicalInfoRequest(const FolderLayout& layout, RequestCounter& counter, const Clock& clock,
                                             RequestEncoding setting, MedicalInformation kind,
                                             MedicalInfoRequest request) {
    PrologEncoding encoding = encodingFor(setting, layout);
    if (encoding == PrologEncoding::ShiftJis)
        if (auto problem = cp932ProblemIn(request)) return *problem;
    auto placed = placeRequest(
        layout, counter, requestPrefixFor(kind), clock.now().date.compact(), encoding,
        [&](const std::string& identifier) {
            request.arbitraryFileIdentifier = identifier;
            return medicalInfoRequestXml(request, kind);
        },
        [&](const std::string& name) {
            std::error_code error;
            return std::filesystem::exists(std::filesystem::symlink_status(pdfAnswerOf(layout, name), error));
        });
    if (!placed) return placed.problem();
    return placed.value().name;
}

std::optional<Outcome<MedicalInfoFile>> medicalInfoAnswerIfPresent(const FolderLayout& layout,
                                                                   const std::string& requestName) {
    MedicalInfoFile file;
    file.requestName = requestName;
    if (auto rejection = findRejection(layout, requestName)) {
        file.kind = MedicalInfoFile::Kind::Rejected;
        file.rejection = rejection->reason;
        return file;
    }
    for (auto kind : {MedicalInfoFile::Kind::Xml, MedicalInfoFile::Kind::Pdf}) {
        std::filesystem::path path = kind == MedicalInfoFile::Kind::Xml ? layout.res() / answerNameFor(requestName)
                                                                        : pdfAnswerOf(layout, requestName);
        auto content = readStableFile(path, {.maxBytes = kMaxPdfBytes});
        if (!content) continue;
        if (!*content) return Outcome<MedicalInfoFile>(content->problem());
        if (looksUnfinished(kind, content->value())) {
            if (modifiedRecently(path)) return std::nullopt;
            if (kind == MedicalInfoFile::Kind::Pdf)
                return Outcome<MedicalInfoFile>(Problem{"gateway.malformed", "the answer is not a PDF"});
        }
        file.kind = kind;
        file.answerName = path.filename().string();
        file.content = content->value();
        return file;
    }
    return std::nullopt;
}

Outcome<MedicalInfoFile> waitForMedicalInfoAnswer(const FolderLayout& layout, const std::string& requestName,
                                                  std::chrono::milliseconds timeout, std::stop_token stop) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    do {
        if (auto answer = medicalInfoAnswerIfPresent(layout, requestName)) return *answer;
    } while (std::chrono::steady_clock::now() < deadline && !stop.stop_requested() &&
             (std::this_thread::sleep_for(std::chrono::milliseconds(50)), true));
    MedicalInfoFile pending;
    pending.requestName = requestName;
    return pending;
}

}  // namespace madoguchi::gateway

#include "devices/gateway/checkup_answer.h"

#include "devices/gateway/medical_info_fields.h"
#include "devices/gateway/message_reader.h"

namespace madoguchi::gateway {
namespace {

using namespace fields;

class CheckupReader : public MessageVisitor {
public:
    explicit CheckupReader(CheckupAnswer& answer) : answer_(answer) {}
    bool sawResultCode = false;

    void open(const std::string&, const std::string& name) override {
        auto& checkups = answer_.history.checkups;
        if (name == "SpecificHealthCheckupInfo") {
            checkups.emplace_back();
            inCheckup_ = true;
            inItem_ = false;
        } else if (inCheckup_ && name == "HealthCheckupResultAndQuestionInfo") {
            checkups.back().items.emplace_back();
            inItem_ = true;
        }
    }

    void leaf(const std::string& parent, const std::string& name, const std::string& value) override {
        if (assignStatus(answer_.status, sawResultCode, name, value)) return;
        auto& checkups = answer_.history.checkups;
        if (parent == "QualificationsInfo") assignText(kCheckupPatientFields, answer_.history.patient, name, value);
        else if (inItem_ && parent == "HealthCheckupResultAndQuestionInfo")
            assignText(kCheckupItemFields, checkups.back().items.back(), name, value);
        else if (inCheckup_ && parent == "SpecificHealthCheckupInfo" && name == "EffectiveTime")
            checkups.back().effectiveTime = value;
    }

    void close(const std::string& name) override {
        if (name == "HealthCheckupResultAndQuestionInfo") inItem_ = false;
        if (name == "SpecificHealthCheckupInfo") inCheckup_ = inItem_ = false;
    }

private:
    CheckupAnswer& answer_;
    bool inCheckup_ = false, inItem_ = false;
};

}  // namespace

Outcome<CheckupAnswer> parseCheckupAnswer(std::string_view bytes) {
    CheckupAnswer answer;
    CheckupReader reader(answer);
    auto read = readXmlMessage(bytes, reader);
    if (!read) return read.problem();
    if (!reader.sawResultCode) return malformedMessage("no ResultCode");
    return answer;
}

}  // namespace madoguchi::gateway

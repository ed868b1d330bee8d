#include "devices/gateway/drug_info_answer.h"

#include <optional>

#include "devices/gateway/medical_info_fields.h"
#include "devices/gateway/message_reader.h"

namespace madoguchi::gateway {
namespace {

using namespace fields;

class DrugInfoReader : public MessageVisitor {
public:
    explicit DrugInfoReader(DrugInfoAnswer& answer) : answer_(answer) {}
    bool sawResultCode = false;

    void open(const std::string&, const std::string& name) override {
        if (auto* source = drugSourceByMonth(name)) return startMonth(*source);
        if (!month_) return;
        auto& days = answer_.history.days;
        if (name == month_->date) {
            days.emplace_back().source = month_->source;
            date_ = days.size() - 1;
            inDrug_ = inTreatment_ = false;
            monthDays_.push_back(*date_);
        } else if (date_ && name == month_->drug) {
            days[*date_].drugs.emplace_back();
            inDrug_ = true;
        } else if (date_ && name == "MeTrInf" && month_->source == DrugSource::Claims) {
            days[*date_].treatments.emplace_back();
            inTreatment_ = true;
        }
    }

    void leaf(const std::string& parent, const std::string& name, const std::string& value) override {
        if (assignStatus(answer_.status, sawResultCode, name, value)) return;
        if (parent == "QuaInf") {
            assignText(kDrugPatientFields, answer_.history.patient, name, value);
            return;
        }
        if (!month_) return;
        auto& days = answer_.history.days;
        if (inDrug_ && parent == month_->drug) assignText(*month_->drugFields, days[*date_].drugs.back(), name, value);
        else if (inTreatment_ && parent == "MeTrInf")
            assignText(kTreatmentFields, days[*date_].treatments.back(), name, value);
        else if (date_ && parent == month_->date) assignText(*month_->dateFields, days[*date_], name, value);
        else if (parent == month_->month) assignText(*month_->monthFields, monthFields_, name, value);
    }

    void close(const std::string& name) override {
        if (!month_) return;
        if (name == month_->drug) inDrug_ = false;
        else if (name == "MeTrInf") inTreatment_ = false;
        else if (name == month_->date) inDrug_ = inTreatment_ = false, date_.reset();
        else if (name == month_->month) finishMonth();
    }

    void finishMonth() {
        if (!month_) return;
        // The month's own elements may come before or after its dates: copied to its days at the end.
        for (auto index : monthDays_)
            for (const auto& [element, member] : *month_->monthFields)
                answer_.history.days[index].*member = monthFields_.*member;
        month_ = nullptr;
        date_.reset();
        inDrug_ = inTreatment_ = false;
        monthDays_.clear();
    }

private:
    void startMonth(const DrugSourceNames& source) {
        finishMonth();  // a month inside a month (hostile): the outer one ends here
        month_ = &source;
        monthFields_ = {};
    }

    DrugInfoAnswer& answer_;
    const DrugSourceNames* month_ = nullptr;
    MedicationDay monthFields_;
    std::vector<std::size_t> monthDays_;
    std::optional<std::size_t> date_;
    bool inDrug_ = false, inTreatment_ = false;
};

}  // namespace

Outcome<DrugInfoAnswer> parseDrugInfoAnswer(std::string_view bytes) {
    DrugInfoAnswer answer;
    DrugInfoReader reader(answer);
    auto read = readXmlMessage(bytes, reader);
    if (!read) return read.problem();
    reader.finishMonth();
    if (!reader.sawResultCode) return malformedMessage("no ResultCode");
    return answer;
}

}  // namespace madoguchi::gateway

#include "devices/gateway/request_xml.h"

#include "devices/gateway/medical_info_fields.h"
#include "devices/gateway/message_reader.h"
#include "devices/gateway/result_fields.h"

namespace madoguchi::gateway {
namespace {

using namespace fields;

// A request: header elements, body elements, and repeated items (one per person or entry) in the
// body. Item is void-like when the request has none (items == nullptr).
template <class Message, class Item>
class RequestReader : public MessageVisitor {
public:
    struct Layout {
        const TextFields<Message>* header;
        const TextFields<Message>* body;  // may be null
        const char* itemName;             // may be null
        const TextFields<Item>* itemFields;
        std::vector<Item> Message::*items;
    };

    RequestReader(Message& message, Layout layout) : message_(message), layout_(layout) {}

    bool sawHeader = false, sawBody = false;

    void open(const std::string& parent, const std::string& name) override {
        if (name == "MessageHeader") sawHeader = true;
        if (name == "MessageBody") sawBody = true;
        if (isItem(name) && parent == "MessageBody") (message_.*layout_.items).emplace_back();
    }

    void leaf(const std::string& parent, const std::string& name, const std::string& value) override {
        if (name == "MessageHeader" || name == "MessageBody" || isItem(name)) return;
        if (parent == "MessageHeader" && assignText(*layout_.header, message_, name, value)) return;
        if (parent == "MessageBody" && layout_.body && assignText(*layout_.body, message_, name, value)) return;
        if (isItem(parent) && !(message_.*layout_.items).empty() &&
            assignText(*layout_.itemFields, (message_.*layout_.items).back(), name, value))
            return;
        message_.otherElements.emplace_back(parent + "/" + name, value);
    }

    void close(const std::string&) override {}

private:
    bool isItem(const std::string& name) const { return layout_.itemName && name == layout_.itemName; }

    Message& message_;
    Layout layout_;
};

template <class Message, class Item>
Outcome<Message> readRequest(std::string_view bytes, typename RequestReader<Message, Item>::Layout layout,
                             const MessageLimits& limits = {}) {
    Message message;
    RequestReader<Message, Item> reader(message, layout);
    auto read = readXmlMessage(bytes, reader, limits);
    if (!read) return read.problem();
    if (!reader.sawHeader || !reader.sawBody) return malformedMessage("MessageHeader or MessageBody is missing");
    return message;
}

}  // namespace

Outcome<QueryRequest> parseQueryRequest(std::string_view bytes) {
    auto request = readRequest<QueryRequest, SearchInfo>(
        bytes, {&kQueryRequestHeader, nullptr, "QualificationConfirmSearchInfo", &kSearchInfoText, &QueryRequest::people},
        kBulkMessageLimits);  // a bulk 照会 asks for up to kMaxBulkPeople
    if (request && request.value().people.empty()) return malformedMessage("no QualificationConfirmSearchInfo");
    return request;
}

Outcome<BulkDownloadRequest> parseBulkDownloadRequest(std::string_view bytes) {
    // No items: the layout has no item name, so the null item member is never followed.
    return readRequest<BulkDownloadRequest, SearchInfo>(
        bytes, {&kDownloadRequestHeader, &kDownloadRequestBody, nullptr, &kSearchInfoText, nullptr});
}

Outcome<RegistrationRequest> parseRegistrationRequest(std::string_view bytes) {
    auto request = readRequest<RegistrationRequest, ReferenceRegistration>(
        bytes, {&kRegistrationRequestHeader, nullptr, "ReferenceNumberRegistrationInfo", &kRegistrationText,
                &RegistrationRequest::entries});
    if (request && request.value().entries.empty()) return malformedMessage("no ReferenceNumberRegistrationInfo");
    return request;
}

Outcome<MedicalInfoRequest> parseMedicalInfoRequest(std::string_view bytes) {
    auto request = readRequest<MedicalInfoRequest, SearchInfo>(
        bytes, {&kMedicalInfoRequestHeader, &kMedicalInfoRequestBody, nullptr, &kSearchInfoText, nullptr});
    if (request && request.value().fileCategory.empty()) return malformedMessage("no FileCategory");
    return request;
}

}  // namespace madoguchi::gateway

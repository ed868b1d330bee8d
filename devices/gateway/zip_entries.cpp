#include "devices/gateway/zip_entries.h"

#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>
#include <Poco/Zip/ParseCallback.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipLocalFileHeader.h>
#include <Poco/Zip/ZipStream.h>
#include <Poco/Zip/ZipUtil.h>
#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace madoguchi::gateway {
namespace {

// Thrown inside Poco's parse to stop it with our reason.
struct Refused : std::runtime_error {
    using std::runtime_error::runtime_error;
};

bool endsWithXml(const std::string& name) {
    if (name.size() < 4) return false;
    std::string tail = name.substr(name.size() - 4);
    std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return tail == ".xml";
}

void checkName(const std::string& name) {
    if (name.empty() || name.size() > 255) throw Refused("an entry without a usable name");
    if (name.front() == '/' || name.find('\\') != std::string::npos || name.find(':') != std::string::npos)
        throw Refused("an entry with a path: " + name.substr(0, 80));
    if (name.find('/') != std::string::npos) throw Refused("an entry in a folder: " + name.substr(0, 80));
    if (name == "." || name == ".." || name.find("..") != std::string::npos) throw Refused("an entry named with '..'");
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7F) throw Refused("an entry name with control characters");
}

class CappedReader : public Poco::Zip::ParseCallback {
public:
    explicit CappedReader(const ZipLimits& limits) : limits_(limits) {}

    bool handleZipEntry(std::istream& zip, const Poco::Zip::ZipLocalFileHeader& header) override {
        if (++entries_ > limits_.maxEntries) throw Refused("more than " + std::to_string(limits_.maxEntries) + " entries");
        // The name first: Poco's isDirectory() reads the last character of an empty name (fuzz_bulk_answers);
        // a folder entry ends in '/', which checkName refuses.
        checkName(header.getFileName());
        if (header.isEncrypted()) throw Refused("an encrypted entry");
        auto method = header.getCompressionMethod();
        if (method != Poco::Zip::ZipCommon::CM_STORE && method != Poco::Zip::ZipCommon::CM_DEFLATE)
            throw Refused("an entry compressed with an unsupported method");
        if (!header.searchCRCAndSizesAfterData() && header.getUncompressedSize() > limits_.maxEntryBytes)
            throw Refused("an entry larger than " + std::to_string(limits_.maxEntryBytes) + " bytes");
        std::string content = inflate(zip, header);
        if (endsWithXml(header.getFileName())) xml_.push_back({header.getFileName(), std::move(content)});
        return true;
    }

    std::vector<ZipEntry> take() { return std::move(xml_); }

private:
    // Reads the entry to its end (so the archive's stream stands at the next header), stopping at
    // the caps plus one byte whatever the header claims.
    std::string inflate(std::istream& zip, const Poco::Zip::ZipLocalFileHeader& header) {
        Poco::Zip::ZipInputStream in(zip, header, false);
        std::string content;
        char buffer[16384];
        while (in.read(buffer, sizeof buffer), in.gcount() > 0) {
            auto got = static_cast<std::size_t>(in.gcount());
            total_ += got;
            if (content.size() + got > limits_.maxEntryBytes)
                throw Refused("an entry larger than " + std::to_string(limits_.maxEntryBytes) + " bytes");
            if (total_ > limits_.maxTotalBytes)
                throw Refused("entries larger than " + std::to_string(limits_.maxTotalBytes) + " bytes together");
            content.append(buffer, got);
        }
        if (!in.eof() || !in.crcValid()) throw Refused("an entry that is damaged (its check sum differs)");
        return content;
    }

    const ZipLimits& limits_;
    std::size_t entries_ = 0, total_ = 0;
    std::vector<ZipEntry> xml_;
};

}  // namespace

bool looksLikeZip(std::string_view bytes) { return bytes.starts_with(std::string_view("PK\x03\x04", 4)); }

Outcome<std::vector<ZipEntry>> xmlEntriesOfZip(std::string_view bytes, const ZipLimits& limits) {
    if (!looksLikeZip(bytes)) return Problem{"gateway.bad_zip", "not a zip archive"};
    std::istringstream in(std::string(bytes), std::ios::binary);
    CappedReader reader(limits);
    try {
        Poco::Zip::ZipArchive archive(in, reader);
    } catch (const Refused& refused) {
        return Problem{"gateway.bad_zip", std::string("zip archive refused: ") + refused.what()};
    } catch (const Poco::Exception& error) {
        return Problem{"gateway.bad_zip", "zip archive unreadable: " + error.displayText().substr(0, 200)};
    } catch (const std::exception& error) {
        return Problem{"gateway.bad_zip", std::string("zip archive unreadable: ") + error.what()};
    }
    return reader.take();
}

std::string zipOf(const std::vector<ZipEntry>& entries) {
    std::ostringstream out(std::ios::binary);
    Poco::Zip::Compress compress(out, true);
    for (const auto& entry : entries) {
        std::istringstream content(entry.content, std::ios::binary);
        compress.addFile(content, Poco::DateTime(2026, 1, 1), Poco::Path(entry.name), Poco::Zip::ZipCommon::CM_DEFLATE,
                         Poco::Zip::ZipCommon::CL_NORMAL);
    }
    compress.close();
    return out.str();
}

}  // namespace madoguchi::gateway

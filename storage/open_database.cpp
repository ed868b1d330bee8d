#include "storage/open_database.h"

#include "storage/audit_anchor.h"
#include "storage/postgres_engine.h"
#include "storage/server_address.h"
#include "storage/sqlite.h"
#include "storage/visit_journal.h"
#include "platform/utf8_path.h"

namespace madoguchi::storage {

bool isServerLocation(const std::string& location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

OpenedDatabase openDatabase(const std::string& location, bool readOnly) {
    if (isServerLocation(location)) return OpenedDatabase(postgresEngine().connect(connectionOptions(location)));
    return OpenedDatabase(std::make_unique<SqliteDatabase>(platform::utf8Path(location), readOnly));
}

std::string displayLocation(const std::string& location) {
    if (!isServerLocation(location)) return location;
    return location.substr(0, location.find('?'));
}

std::filesystem::path localFolderFor(const std::string& location) {
    return isServerLocation(location) ? defaultJournalPath().parent_path()
                                      : platform::utf8Path(location).parent_path();
}

std::filesystem::path anchorPathForLocation(const std::string& location) {
    if (!isServerLocation(location)) return anchorPathFor(platform::utf8Path(location));
    std::string name = "site";
    for (const auto& [keyword, value] : connectionOptions(location))
        if (keyword == "host" || keyword == "port" || keyword == "dbname") name += "-" + value;
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') c = '_';
    return localFolderFor(location) / (name + ".anchor");
}

}  // namespace madoguchi::storage

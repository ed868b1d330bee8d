#include "storage/server_probe.h"

#include "storage/open_database.h"
#include "storage/schema.h"

namespace madoguchi::storage {

ServerProbe::ServerProbe(std::string uri) : uri_(std::move(uri)) {}

ServerProbe::~ServerProbe() = default;

ServerCheck ServerProbe::check() {
    if (kept_) {
        try {
            const int version = kept_->schemaVersion();
            if (version == currentSchemaVersion()) return {ServerReach::Ready, "", version};
        } catch (const StorageError&) {  // the connection broke: checkServer says why
        }
        kept_.reset();
    }
    ServerCheck found = checkServer(uri_);
    if (found.usable()) {
        try {
            kept_ = openDatabase(uri_);
        } catch (const StorageError&) {  // went away meanwhile: the next check asks again
        }
    }
    return found;
}

}  // namespace madoguchi::storage

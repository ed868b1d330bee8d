#include "storage/journal_watch.h"

#include <libpq-fe.h>
#include <sys/select.h>

#include <thread>

#include "storage/open_database.h"
#include "storage/postgres.h"

namespace madoguchi::storage {
namespace {

constexpr const char* kChannel = "madoguchi_visits";

}  // namespace

void notifyVisitsChanged(Database& db, const std::string& visitId) {
    if (db.engine() != Engine::Postgres) return;
    db.cached(std::string("SELECT pg_notify('") + kChannel + "', ?)").bind(1, visitId).run();
}

JournalWatch::JournalWatch(const std::string& location) : db_(openDatabase(location, true)) {}

JournalWatch::~JournalWatch() = default;

std::string JournalWatch::mark() {
    Statement counts = db_->prepare(
        "SELECT (SELECT COUNT(*) FROM visits), (SELECT COUNT(*) FROM retags), "
        "(SELECT COUNT(*) FROM eligibility_snapshots), (SELECT COUNT(*) FROM visits WHERE cancelled <> 0)");
    if (!counts.step()) return {};
    return std::to_string(counts.integer(0)) + "/" + std::to_string(counts.integer(1)) + "/" +
           std::to_string(counts.integer(2)) + "/" + std::to_string(counts.integer(3));
}

bool JournalWatch::notified(std::chrono::milliseconds wait) {
    auto* server = dynamic_cast<PostgresDatabase*>(db_.get());
    if (!server) {
        std::this_thread::sleep_for(wait);
        return false;
    }
    if (!listening_) {
        server->execute(std::string("LISTEN ") + kChannel);  // re-opens a dropped connection first
        listening_ = true;
    }
    PGconn* connection = server->connection();
    const int socket = PQsocket(connection);
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(socket, &readable);
    timeval timeout{static_cast<time_t>(wait.count() / 1000), static_cast<suseconds_t>(wait.count() % 1000 * 1000)};
    if (::select(socket + 1, &readable, nullptr, nullptr, &timeout) <= 0) return false;
    if (!PQconsumeInput(connection)) {
        listening_ = false;
        throw StorageError(std::string("the site server cannot be reached: ") + PQerrorMessage(connection),
                           StorageFailure::Unreachable);
    }
    bool any = false;
    while (PGnotify* notice = PQnotifies(connection)) {
        any = true;
        PQfreemem(notice);
    }
    return any;
}

bool JournalWatch::waitForChange(std::chrono::milliseconds poll) {
    try {
        if (lastMark_.empty()) {
            lastMark_ = mark();
            if (db_->engine() == Engine::Postgres) notified(std::chrono::milliseconds(0));  // LISTEN now
        }
        const bool notice = notified(poll);
        std::string now = mark();
        const bool changed = notice || now != lastMark_;
        lastMark_ = std::move(now);
        return changed;
    } catch (const StorageError&) {
        listening_ = false;
        throw;
    }
}

}  // namespace madoguchi::storage

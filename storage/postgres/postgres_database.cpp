#include "storage/postgres/postgres_database.h"

#include <libpq-fe.h>
#include <sys/select.h>

#include <cstdlib>
#include <optional>

namespace madoguchi::storage {
namespace {

constexpr const char* kSiteWriteLock = "SELECT pg_advisory_xact_lock(7240241620231130)";

StorageFailure failureOf(const std::string& state) {
    if (state.starts_with("23")) return StorageFailure::Constraint;
    if (state == "53100") return StorageFailure::DiskFull;
    if (state.starts_with("08") || state.starts_with("57P")) return StorageFailure::Unreachable;
    if (state.starts_with("53") || state.starts_with("40") || state == "55P03" || state.starts_with("58"))
        return StorageFailure::Busy;
    return StorageFailure::Other;
}

std::string hexDecoded(const std::string& text) {  // bytea's text output: \x then two hex digits a byte
    if (!text.starts_with("\\x")) return text;
    std::string bytes;
    for (std::size_t i = 2; i + 1 < text.size(); i += 2) bytes += static_cast<char>(std::stoi(text.substr(i, 2), nullptr, 16));
    return bytes;
}

class PostgresStatement : public StatementEngine {
public:
    PostgresStatement(PostgresDatabase& db, std::string sql) : db_(db), sql_(std::move(sql)) {}
    ~PostgresStatement() override { release(); }

    void bindText(int index, const std::string& value) override { slot(index) = {value, 0}; }
    void bindInteger(int index, std::int64_t value) override { slot(index) = {std::to_string(value), 0}; }
    void bindBlob(int index, const std::string& bytes) override { slot(index) = {bytes, 1}; }
    void bindNull(int index) override { slot(index) = {std::nullopt, 0}; }
    void streamRows() override { streamed_ = true; }

    bool step() override {
        if (streamed_) return stepStreamed();
        if (!result_) execute();
        ++row_;
        return row_ < PQntuples(result_);
    }
    void reset() override {
        release();
        row_ = -1;
        params_.clear();
    }
    std::string_view view(int column) const override {
        return {PQgetvalue(result_, row_, column), static_cast<std::size_t>(PQgetlength(result_, row_, column))};
    }
    std::int64_t integer(int column) const override {
        const char* value = PQgetvalue(result_, row_, column);
        if (value[0] == 't' && value[1] == '\0') return 1;  // a boolean
        return std::strtoll(value, nullptr, 10);
    }
    std::string blob(int column) const override { return hexDecoded(std::string(view(column))); }
    bool isNull(int column) const override { return PQgetisnull(result_, row_, column) != 0; }

private:
    struct Param {
        std::optional<std::string> value;
        int format = 0;  // 0 text, 1 binary
    };
    enum class Stream { NotSent, Arriving, Ended };

    Param& slot(int index) {
        if (params_.size() < static_cast<std::size_t>(index)) params_.resize(static_cast<std::size_t>(index));
        return params_[static_cast<std::size_t>(index - 1)];
    }
    struct Arguments {
        std::vector<const char*> values;
        std::vector<int> lengths, formats;
    };
    Arguments arguments() const {
        Arguments a;
        for (const Param& p : params_) {
            a.values.push_back(p.value ? p.value->data() : nullptr);
            a.lengths.push_back(p.value ? static_cast<int>(p.value->size()) : 0);
            a.formats.push_back(p.format);
        }
        return a;
    }
    void execute() {
        const Arguments a = arguments();
        result_ = PQexecParams(db_.connection(), sql_.c_str(), static_cast<int>(params_.size()), nullptr,
                               a.values.data(), a.lengths.data(), a.formats.data(), 0);
        ExecStatusType status = PQresultStatus(result_);
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
            PGresult* failed = result_;
            result_ = nullptr;
            db_.fail("cannot execute", failed);
        }
        row_ = -1;
    }

    // Streamed: libpq's single-row mode, each row its own small result read as it arrives (where the
    // mode cannot be set, the rows come in one last result, read the same way).
    bool stepStreamed() {
        if (stream_ == Stream::NotSent) send();
        for (;;) {
            if (result_ && ++row_ < PQntuples(result_)) return true;
            if (stream_ == Stream::Ended) return false;
            PQclear(result_);
            row_ = -1;
            result_ = PQgetResult(sentOn_);  // never a connection re-opened halfway: a lost one fails here
            const ExecStatusType status = result_ ? PQresultStatus(result_) : PGRES_FATAL_ERROR;
            if (status == PGRES_SINGLE_TUPLE) continue;
            if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
                PGresult* failed = result_;
                result_ = nullptr;
                endStream();
                db_.fail("cannot execute", failed);
            }
            endStream();  // the last result: its rows, if any, are still read
        }
    }
    void send() {
        const Arguments a = arguments();
        sentOn_ = db_.connection();
        if (!PQsendQueryParams(sentOn_, sql_.c_str(), static_cast<int>(params_.size()), nullptr, a.values.data(),
                               a.lengths.data(), a.formats.data(), 0))
            db_.fail("cannot execute", nullptr);
        PQsetSingleRowMode(sentOn_);
        stream_ = Stream::Arriving;
        row_ = -1;
    }
    // The connection takes another statement only once libpq has handed over every result.
    void endStream() {
        if (stream_ == Stream::Arriving)
            while (PGresult* rest = PQgetResult(sentOn_)) PQclear(rest);
        stream_ = Stream::Ended;
    }
    void release() {
        PQclear(result_);
        result_ = nullptr;
        if (stream_ == Stream::Arriving) endStream();
        stream_ = Stream::NotSent;
    }

    PostgresDatabase& db_;
    std::string sql_;
    std::vector<Param> params_;
    PGresult* result_ = nullptr;
    int row_ = -1;
    bool streamed_ = false;
    Stream stream_ = Stream::NotSent;
    PGconn* sentOn_ = nullptr;  // the connection the streamed rows arrive on
};

void ignoreNotice(void*, const char*) {}  // "relation already exists, skipping" and the like

}  // namespace

std::string numberedPlaceholders(const std::string& sql) {
    std::string out;
    int number = 0;
    char quote = 0;
    for (char c : sql) {
        if (quote) {
            if (c == quote) quote = 0;
            out += c;
        } else if (c == '\'' || c == '"') {
            quote = c;
            out += c;
        } else if (c == '?') {
            out += "$" + std::to_string(++number);
        } else {
            out += c;
        }
    }
    return out;
}

PGconn* connectWith(const ConnectionOptions& options) {
    std::vector<const char*> keywords, values;
    for (const auto& [keyword, value] : options) {
        keywords.push_back(keyword.c_str());
        values.push_back(value.c_str());
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);
    return PQconnectdbParams(keywords.data(), values.data(), 0);
}

PostgresDatabase::PostgresDatabase(const ConnectionOptions& options) {
    connection_ = connectWith(options);
    if (!connection_) throw StorageError("cannot connect to the site server: out of memory", StorageFailure::Busy);
    if (PQstatus(connection_) != CONNECTION_OK) {
        std::string message = PQerrorMessage(connection_);
        PQfinish(connection_);
        connection_ = nullptr;
        throw StorageError("cannot connect to the site server: " + message, StorageFailure::Unreachable);
    }
    PQsetNoticeProcessor(connection_, ignoreNotice, nullptr);
}

PostgresDatabase::~PostgresDatabase() { PQfinish(connection_); }

PGconn* PostgresDatabase::connection() {
    if (PQstatus(connection_) != CONNECTION_OK && !inTransaction_) {
        PQreset(connection_);
        if (PQstatus(connection_) != CONNECTION_OK)
            throw StorageError("the site server cannot be reached: " + std::string(PQerrorMessage(connection_)),
                               StorageFailure::Unreachable);
        PQsetNoticeProcessor(connection_, ignoreNotice, nullptr);
    }
    return connection_;
}

void PostgresDatabase::fail(const std::string& what, PGresult* result) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string message = result ? PQresultErrorMessage(result) : "";
    if (message.empty()) message = PQerrorMessage(connection_);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    PQclear(result);
    StorageFailure failure = PQstatus(connection_) != CONNECTION_OK ? StorageFailure::Unreachable
                             : state                               ? failureOf(state)
                                                                   : StorageFailure::Other;
    throw StorageError(what + ": " + message, failure);
}

void PostgresDatabase::execute(const std::string& sql) {
    PGresult* result = PQexec(connection(), sql.c_str());
    ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail("cannot execute", result);
    PQclear(result);
}

Statement PostgresDatabase::prepare(const std::string& sql) {
    return Statement(std::make_unique<PostgresStatement>(*this, numberedPlaceholders(sql)));
}

int PostgresDatabase::schemaVersion() {
    Statement exists = prepare("SELECT to_regclass('schema_version') IS NOT NULL");
    if (!exists.step() || exists.integer(0) == 0) return 0;
    Statement version = prepare("SELECT version FROM schema_version");
    return version.step() ? static_cast<int>(version.integer(0)) : 0;
}

void PostgresDatabase::setSchemaVersion(int version) {
    execute("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL); DELETE FROM schema_version; "
            "INSERT INTO schema_version(version) VALUES(" + std::to_string(version) + ")");
}

void PostgresDatabase::begin(const std::string& sql) {
    connection();  // a dropped connection is re-opened before the transaction, never inside it
    inTransaction_ = true;
    try {
        execute(sql);
    } catch (const StorageError&) {
        rollback();
        throw;
    }
}

void PostgresDatabase::beginWrite() { begin(std::string("BEGIN; ") + kSiteWriteLock); }

void PostgresDatabase::beginSnapshot() { begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); }

void PostgresDatabase::commit() {
    // Still "in the transaction" while COMMIT is sent: a lost connection must fail here, not be
    // re-opened for a COMMIT that would then succeed on nothing.
    execute("COMMIT");
    inTransaction_ = false;
}

void PostgresDatabase::rollback() {
    inTransaction_ = false;
    if (PQstatus(connection_) != CONNECTION_OK) return;  // the server ended the transaction with the connection
    PQclear(PQexec(connection_, "ROLLBACK"));
}

bool PostgresDatabase::listen(const std::string& channel) {
    execute("LISTEN " + channel);  // re-opens a dropped connection first
    return true;
}

namespace {

// The notices libpq has already read from the socket (during any statement), in order.
void takeNotices(PGconn* connection, std::vector<std::string>& payloads) {
    while (PGnotify* notice = PQnotifies(connection)) {
        payloads.emplace_back(notice->extra);
        PQfreemem(notice);
    }
}

}  // namespace

std::vector<std::string> PostgresDatabase::waitForNotices(std::chrono::milliseconds wait) {
    PGconn* connection = this->connection();
    std::vector<std::string> payloads;
    takeNotices(connection, payloads);
    if (!payloads.empty()) return payloads;
    const int socket = PQsocket(connection);
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(socket, &readable);
    timeval timeout{static_cast<time_t>(wait.count() / 1000), static_cast<suseconds_t>(wait.count() % 1000 * 1000)};
    if (::select(socket + 1, &readable, nullptr, nullptr, &timeout) <= 0) return payloads;
    if (!PQconsumeInput(connection))
        throw StorageError(std::string("the site server cannot be reached: ") + PQerrorMessage(connection),
                           StorageFailure::Unreachable);
    takeNotices(connection, payloads);
    return payloads;
}

}  // namespace madoguchi::storage

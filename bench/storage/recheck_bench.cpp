// bench_recheck [--dir DIR] [--visits N] [--runs R] [--server URI | --private-server]: the bulk
// re-check of the follow-up list (domain/follow_up_recheck.h) over N OLD visits (default 10,000),
// every one confirmed by the answer, on a SQLite file in DIR and, with a server, on PostgreSQL too.
//
// "Our own time" is everything the program does, not the terminal's: reading the follow-up list,
// building the OQSmuquc01req (the gateway's writer, written into a req/ folder like the folder
// client does), reading and parsing the OQSmuquc02res answer (the gateway's reader and
// bulkCheckAnswerOf, each person's evidence XML), matching the answers to the visits and applying
// the re-tags in one transaction (with their audit rows and the anchor). The terminal's part —
// writing the answer file — is timed apart and left out; so is the wait for it.
//
// The floors: the same re-tags as a hand-written transaction through the engine's own C API
// (sqlite3, libpq) — no list read, no XML, no audit chain. Per visit: one UPDATE of its claim
// route and one INSERT of its retags row with the same reason and evidence, prepared once, then
// COMMIT (on SQLite the best way there is: no round trips). Batched (the server only): one UPDATE
// over an array of the ids and one INSERT … SELECT FROM unnest() over arrays of the ids, reasons
// and evidence, built here as array literals — two round trips in all. Our run and the floors
// take turns R times (default 3) on the same journal, which is put back to OLD (untimed) after
// each; medians are printed, and the ratios.
#include <libpq-fe.h>
#include <sqlite3.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/resources.h"
#include "app/visit_generator.h"
#include "devices/gateway/bulk_answer.h"
#include "devices/gateway/folder_bulk_check.h"
#include "devices/gateway/message_xml.h"
#include "devices/gateway/stable_file.h"
#include "domain/follow_up_recheck.h"
#include "postgres_server.h"
#include "storage/open_database.h"
#include "storage/visit_journal.h"

using namespace madoguchi;
using gateway::BulkResult;
using gateway::QueryRequest;
using Steady = std::chrono::steady_clock;

namespace {

const StaffMember kManager{"bench", "benchmark", StaffRole::Manager};
const LocalDateTime kNow{*Date::fromYmd(2025, 12, 1), 10, 0, 0};
const char* kInstitution = "1312345678";

double msSince(Steady::time_point start) { return std::chrono::duration<double, std::milli>(Steady::now() - start).count(); }

// This thread's CPU time: beside the wall clock, as the machine is shared (the load is printed).
double cpuMs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6;
}

double loadAverage() {
    double load[1] = {0};
    return getloadavg(load, 1) == 1 ? load[0] : -1;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

// The terminal in-process: our request is built and written as the folder client writes it; the
// answer (every person confirmed since 2020) is made by the terminal's side (timed apart) and then
// read and parsed by ours.
class BenchTerminal : public BulkEligibilityCheck {
public:
    BenchTerminal(std::filesystem::path folder, CodeTables codes) : folder_(std::move(folder)), codes_(std::move(codes)) {}

    Outcome<BulkCheckAnswer> check(const std::vector<NumberQuery>& queries) override {
        QueryRequest request{queries.front().confirmationDate.compact(), kInstitution, "MDGBENCH", {}, {}};
        for (const auto& query : queries) request.people.push_back(gateway::searchInfoOf(query));
        auto written = gateway::writeFileAtomically(folder_ / "OQSmuquc01req_bench.xml", gateway::queryRequestXml(request));
        if (!written) return written.problem();

        const auto terminalStart = Steady::now();
        const double terminalCpuStart = cpuMs();
        const auto answerFile = folder_ / "OQSmuquc02res_bench.xml";
        const std::string answer = answerTo(request);
        answerBytes = answer.size();
        gateway::writeFileAtomically(answerFile, answer);
        terminalCpuMs += cpuMs() - terminalCpuStart;
        terminalMs += msSince(terminalStart);

        auto bytes = gateway::readRegularFile(answerFile, 256 * 1024 * 1024);
        if (!bytes || !*bytes) return Problem{"bench.unreadable", "the answer file cannot be read"};
        auto parsed = gateway::parseBulkAnswer(bytes->value(), codes_);
        if (!parsed) return parsed.problem();
        const std::string reception = parsed.value().receptionNumber;
        return gateway::bulkCheckAnswerOf(std::move(parsed).value(), reception, answerFile.filename().string());
    }

    double terminalMs = 0, terminalCpuMs = 0;
    std::size_t answerBytes = 0;

private:
    static std::string answerTo(const QueryRequest& request) {
        BulkResult bulk;
        bulk.header.medicalInstitutionCode = kInstitution;
        bulk.header.segmentOfResult.raw = "1";
        bulk.header.processExecutionTime = kNow.compact();
        bulk.header.qualificationConfirmationDate = request.qualificationConfirmationDate;
        bulk.header.arbitraryFileIdentifier = request.arbitraryFileIdentifier;
        bulk.receptionNumber = "900000000001";
        for (const auto& person : request.people) {
            EligibilityResult result;
            result.processingResultStatus.raw = "1";
            result.qualificationValidity.raw = "1";
            result.results.emplace_back();
            QualificationRecord& record = result.results.back();
            record.insurerNumber = person.insurerNumber;
            record.insuredCardSymbol = person.insuredCardSymbol;
            record.insuredIdentificationNumber = person.insuredIdentificationNumber;
            record.birthdate = person.birthdate;
            record.qualificationDate = "20200401";
            record.name = "患者";
            bulk.units.push_back({person, std::move(result), {}});
        }
        bulk.numberOfProcessingResult = std::to_string(bulk.units.size());
        bulk.numberOfNormalProcessing = bulk.numberOfProcessingResult;
        bulk.numberOfError = "0";
        return gateway::bulkResultXml(bulk);
    }

    std::filesystem::path folder_;
    CodeTables codes_;
};

// A journal with `visits` OLD visits with numbers and birth dates, and CURRENT ones between them
// (every tenth visit of a day of 110).
void writeJournal(const std::string& location, int visits) {
    storage::FacilityJournal journal(location);
    app::VisitGenerator generator(7, visits / 3);
    const Date first = *Date::fromYmd(2025, 1, 6);
    for (int day = 0, old = 0; old < visits; ++day) {
        auto records = generator.day(first.plusDays(day), 110);
        for (std::size_t i = 0; i < records.size(); ++i) {
            VisitRecord& v = records[i];
            v.cancelled = false;
            v.insurance = InsuranceIdentity{"01130012", {"1234", v.patientId, "00"}};
            const bool current = old >= visits || i % 10 == 9;  // every tenth visit, and those after the N
            v.claimRoute = current ? ClaimRoute::Current : ClaimRoute::Old;
            old += current ? 0 : 1;
        }
        if (auto written = journal.recordVisits(records); !written) throw std::runtime_error(written.problem().message);
    }
}

struct RetagRow {
    std::string visitId, reason, evidence;
};

// What our run wrote, for the floor to write again; then the visits are OLD again (untimed).
std::vector<RetagRow> takeBack(const std::string& location) {
    auto db = storage::openDatabase(location);
    std::vector<RetagRow> rows;
    {
        auto query = db->prepare("SELECT visit_id, reason, evidence FROM retags WHERE staff_id = 'bench' ORDER BY id");
        while (query.step()) rows.push_back({query.text(0), query.text(1), query.text(2)});
    }
    db->execute("UPDATE visits SET claim_route = 'old' WHERE id IN (SELECT visit_id FROM retags WHERE staff_id IN "
                "('bench', 'floor')); DELETE FROM retags WHERE staff_id IN ('bench', 'floor')");
    return rows;
}

struct OurRun {
    double ms = 0, cpuMs = 0;  // our own time (wall, CPU): the whole re-check less the terminal's part
    std::map<RecheckStage, double> stageMs;
    std::size_t retagged = 0, answerBytes = 0;
};

OurRun ourRecheck(const std::string& location, const std::filesystem::path& folder, const CodeTables& codes) {
    storage::FacilityJournal journal(location);  // opened (and its statements warmed) outside the timer
    BenchTerminal terminal(folder, codes);
    OurRun run;
    RecheckStage stage = RecheckStage::ReadingList;
    auto stageStart = Steady::now();
    const auto start = Steady::now();
    const double cpuStart = cpuMs();
    auto report = recheckFollowUps(kManager, journal, terminal, journal, kNow, [&](const RecheckProgress& progress) {
        run.stageMs[stage] += msSince(stageStart);
        stage = progress.stage;
        stageStart = Steady::now();
    });
    run.ms = msSince(start) - terminal.terminalMs;
    run.cpuMs = cpuMs() - cpuStart - terminal.terminalCpuMs;
    run.answerBytes = terminal.answerBytes;
    run.stageMs[RecheckStage::Asking] -= terminal.terminalMs;
    if (!report) throw std::runtime_error(report.problem().message);
    run.retagged = static_cast<std::size_t>(report.value().count(RecheckVerdict::Retagged));
    return run;
}

void check(int rc, sqlite3* db, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}

const char* kFloorUpdate = "UPDATE visits SET claim_route = 'current' WHERE id = ?";
const char* kFloorInsert =
    "INSERT INTO retags(visit_id, from_route, to_route, staff_id, reason, evidence, at) "
    "VALUES(?, 'old', 'current', 'floor', ?, ?, '2025-12-01T10:00:00')";

double sqliteFloor(const std::string& file, const std::vector<RetagRow>& rows) {
    sqlite3* db = nullptr;
    check(sqlite3_open(file.c_str(), &db), db, "open");
    check(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL", nullptr, nullptr, nullptr), db, "pragma");
    const auto start = Steady::now();
    sqlite3_stmt *update = nullptr, *insert = nullptr;
    check(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), db, "begin");
    check(sqlite3_prepare_v2(db, kFloorUpdate, -1, &update, nullptr), db, "prepare");
    check(sqlite3_prepare_v2(db, kFloorInsert, -1, &insert, nullptr), db, "prepare");
    for (const auto& row : rows) {
        sqlite3_bind_text(update, 1, row.visitId.c_str(), -1, SQLITE_STATIC);
        check(sqlite3_step(update), db, "update");
        sqlite3_reset(update);
        sqlite3_bind_text(insert, 1, row.visitId.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, 2, row.reason.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, 3, row.evidence.c_str(), -1, SQLITE_STATIC);
        check(sqlite3_step(insert), db, "insert");
        sqlite3_reset(insert);
    }
    sqlite3_finalize(update);
    sqlite3_finalize(insert);
    check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
    const double ms = msSince(start);
    sqlite3_close(db);
    return ms;
}

void pgCheck(PGresult* result, PGconn* connection, const char* what) {
    const auto status = PQresultStatus(result);
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        throw std::runtime_error(std::string(what) + ": " + PQerrorMessage(connection));
}

double postgresFloor(const std::string& uri, const std::vector<RetagRow>& rows) {
    PGconn* connection = PQconnectdb(uri.c_str());
    if (PQstatus(connection) != CONNECTION_OK) throw std::runtime_error(PQerrorMessage(connection));
    const auto start = Steady::now();
    pgCheck(PQexec(connection, "BEGIN"), connection, "begin");
    pgCheck(PQprepare(connection, "u", "UPDATE visits SET claim_route = 'current' WHERE id = $1", 1, nullptr), connection,
            "prepare");
    pgCheck(PQprepare(connection, "i",
                      "INSERT INTO retags(visit_id, from_route, to_route, staff_id, reason, evidence, at) "
                      "VALUES($1, 'old', 'current', 'floor', $2, $3, '2025-12-01T10:00:00')",
                      3, nullptr),
            connection, "prepare");
    for (const auto& row : rows) {
        const char* id[] = {row.visitId.c_str()};
        pgCheck(PQexecPrepared(connection, "u", 1, id, nullptr, nullptr, 0), connection, "update");
        const char* values[] = {row.visitId.c_str(), row.reason.c_str(), row.evidence.c_str()};
        pgCheck(PQexecPrepared(connection, "i", 3, values, nullptr, nullptr, 0), connection, "insert");
    }
    pgCheck(PQexec(connection, "COMMIT"), connection, "commit");
    const double ms = msSince(start);
    PQfinish(connection);
    return ms;
}

// A PostgreSQL array literal of one field of the rows: {"…","…"}, a double quote or backslash
// escaped with a backslash.
std::string textArray(const std::vector<RetagRow>& rows, std::string RetagRow::*field) {
    std::string array = "{";
    for (const auto& row : rows) {
        array += array.size() > 1 ? ",\"" : "\"";
        for (char c : row.*field) {
            if (c == '"' || c == '\\') array += '\\';
            array += c;
        }
        array += '"';
    }
    return array + "}";
}

double postgresBatchedFloor(const std::string& uri, const std::vector<RetagRow>& rows) {
    PGconn* connection = PQconnectdb(uri.c_str());
    if (PQstatus(connection) != CONNECTION_OK) throw std::runtime_error(PQerrorMessage(connection));
    const auto start = Steady::now();
    const std::string ids = textArray(rows, &RetagRow::visitId), reasons = textArray(rows, &RetagRow::reason),
                      evidence = textArray(rows, &RetagRow::evidence);
    pgCheck(PQexec(connection, "BEGIN"), connection, "begin");
    const char* idValues[] = {ids.c_str()};
    pgCheck(PQexecParams(connection, "UPDATE visits SET claim_route = 'current' WHERE id = ANY($1::text[])", 1, nullptr,
                         idValues, nullptr, nullptr, 0),
            connection, "update");
    const char* values[] = {ids.c_str(), reasons.c_str(), evidence.c_str()};
    pgCheck(PQexecParams(connection,
                         "INSERT INTO retags(visit_id, from_route, to_route, staff_id, reason, evidence, at) "
                         "SELECT v, 'old', 'current', 'floor', r, e, '2025-12-01T10:00:00' "
                         "FROM unnest($1::text[], $2::text[], $3::text[]) AS u(v, r, e)",
                         3, nullptr, values, nullptr, nullptr, 0),
            connection, "insert");
    pgCheck(PQexec(connection, "COMMIT"), connection, "commit");
    const double ms = msSince(start);
    PQfinish(connection);
    return ms;
}

struct Floor {
    const char* name;
    std::function<double(const std::string&, const std::vector<RetagRow>&)> write;
    std::vector<double> ms, cpuMs;
};

std::vector<Floor> floorsOf(const std::string& location) {
    if (!storage::isServerLocation(location)) return {{"floor", sqliteFloor, {}, {}}};
    return {{"floor per visit", postgresFloor, {}, {}}, {"batched floor", postgresBatchedFloor, {}, {}}};
}

void runEngine(const char* engine, const std::string& location, const std::filesystem::path& folder, int visits,
               int runs, const CodeTables& codes) {
    const auto writeStart = Steady::now();
    writeJournal(location, visits);
    std::printf("%s: journal with %d OLD visits written in %.1f s\n", engine, visits, msSince(writeStart) / 1000.0);
    std::vector<double> ours, oursCpu;
    std::vector<Floor> floors = floorsOf(location);
    std::size_t answerBytes = 0;
    std::map<RecheckStage, std::vector<double>> stages;
    for (int i = 0; i < runs; ++i) {
        const OurRun run = ourRecheck(location, folder, codes);
        if (run.retagged != static_cast<std::size_t>(visits))
            throw std::runtime_error("re-tagged " + std::to_string(run.retagged) + " of " + std::to_string(visits));
        ours.push_back(run.ms);
        oursCpu.push_back(run.cpuMs);
        answerBytes = run.answerBytes;
        for (const auto& [stage, ms] : run.stageMs) stages[stage].push_back(ms);
        const auto rows = takeBack(location);
        std::printf("%s: run %d: ours %.0f ms (CPU %.0f ms)", engine, i + 1, ours.back(), oursCpu.back());
        for (Floor& floor : floors) {
            const double floorCpuStart = cpuMs();
            floor.ms.push_back(floor.write(location, rows));
            floor.cpuMs.push_back(cpuMs() - floorCpuStart);
            takeBack(location);
            std::printf(", %s %.0f ms (CPU %.0f ms)", floor.name, floor.ms.back(), floor.cpuMs.back());
        }
        std::printf(", load %.2f\n", loadAverage());
        std::fflush(stdout);
    }
    const double our = median(ours), ourCpu = median(oursCpu);
    std::printf("%s: re-check of %d OLD visits, all confirmed, median of %d: ours %.0f ms (CPU %.0f ms)\n", engine, visits,
                runs, our, ourCpu);
    for (const Floor& floor : floors)
        std::printf("%s:   %s %.0f ms (CPU %.0f ms) | ratio %.2f (CPU %.2f; the server's own CPU not counted)\n", engine,
                    floor.name, median(floor.ms), median(floor.cpuMs), our / median(floor.ms),
                    ourCpu / median(floor.cpuMs));
    std::printf("%s:   of ours: list %.0f ms, request + answer %.0f ms, matching %.0f ms, one transaction %.0f ms\n",
                engine, median(stages[RecheckStage::ReadingList]), median(stages[RecheckStage::Asking]),
                median(stages[RecheckStage::Matching]), median(stages[RecheckStage::Applying]));
    std::printf("%s:   the answer file: %.1f MB (%.0f bytes a person)\n", engine, static_cast<double>(answerBytes) / 1e6,
                static_cast<double>(answerBytes) / visits);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        std::vector<std::string> args(argv + 1, argv + argc);
        if (!std::getenv("MADOGUCHI_RESOURCES")) setenv("MADOGUCHI_RESOURCES", MADOGUCHI_RESOURCES_DIR, 0);
        std::filesystem::path dir = std::filesystem::temp_directory_path() / "madoguchi-bench-recheck";
        std::string server;
        bool privateServer = false;
        int visits = 10000, runs = 3;
        for (std::size_t i = 0; i < args.size(); ++i) {
            const bool hasValue = i + 1 < args.size();
            if (args[i] == "--dir" && hasValue) dir = args[++i];
            else if (args[i] == "--visits" && hasValue) visits = std::max(1, std::stoi(args[++i]));
            else if (args[i] == "--runs" && hasValue) runs = std::max(1, std::stoi(args[++i]));
            else if (args[i] == "--server" && hasValue) server = args[++i];
            else if (args[i] == "--private-server") privateServer = true;
            else
                throw std::invalid_argument(
                    "usage: bench_recheck [--dir DIR] [--visits N] [--runs R] [--server URI | --private-server]");
        }
        auto codes = app::loadCodeTables();
        if (!codes) throw std::runtime_error(codes.problem().message);
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir / "req");
        const std::string file = (dir / "journal.sqlite3").string();
        setenv("XDG_DATA_HOME", (dir / "data").c_str(), 1);  // the audit key and anchors stay in DIR
        runEngine("sqlite", file, dir / "req", visits, runs, codes.value());
        std::unique_ptr<test::PostgresServer> own;
        if (privateServer) {
            own = std::make_unique<test::PostgresServer>();
            server = own->createDatabase();
        }
        if (!server.empty()) {
            auto scratch = storage::openDatabase(server);  // a named handle: the storage port refuses a temporary
            scratch->execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
            runEngine(own ? "postgres (private, fsync=off)" : "postgres", server, dir / "req", visits, runs, codes.value());
        }
        std::filesystem::remove_all(dir);
    } catch (const std::exception& error) {
        std::cerr << "bench_recheck: " << error.what() << "\n";
        return 1;
    }
    return 0;
}

#include "storage/session_ticket.h"

#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <vector>

#include "platform/utf8_path.h"
#include "storage/crypto_primitives.h"
#include "storage/open_database.h"
#include "storage/private_files.h"

namespace madoguchi::storage {
namespace {

constexpr const char* kHeader = "madoguchi-session 1";
constexpr const char* kFields[] = {"id", "staff", "role", "journal", "issued", "expires", "stamp"};

struct Ticket {
    std::map<std::string, std::string> fields;
    std::string mac;

    const std::string& operator[](const std::string& name) const { return fields.at(name); }
    std::string body() const {  // what the seal covers: every line but the seal's own
        std::string text = std::string(kHeader) + "\n";
        for (const char* name : kFields) text += std::string(name) + "=" + fields.at(name) + "\n";
        return text;
    }
};

Problem problem(const char* code, const char* message) { return Problem{code, message}; }

LocalDateTime plusMinutes(LocalDateTime at, int minutes) {
    const int total = at.hour * 60 + at.minute + minutes;
    at.date = at.date.plusDays(total / (24 * 60));
    at.hour = total % (24 * 60) / 60;
    at.minute = total % 60;
    return at;
}

// The account's standing now; nullopt when there is no such account.
struct Account {
    std::string role, stamp, lockedUntil;
};
std::optional<Account> accountOf(FacilityJournal& journal, const std::string& staffId) {
    Statement query = journal.database().prepare("SELECT role, password_hash, locked_until FROM staff WHERE id = ?");
    query.bind(1, staffId);
    if (!query.step()) return std::nullopt;
    const std::string hash = query.blob(1);
    // A stamp of the password hash (never the hash): a new password makes every older ticket stale.
    const std::string stamp = journal.auditKey().hmacHex(
        "session stamp\n" + staffId + "\n" + toHex(reinterpret_cast<const unsigned char*>(hash.data()), hash.size()));
    return Account{query.text(0), stamp.substr(0, 32), query.text(2)};
}

Outcome<Ticket> readTicket(const std::filesystem::path& file) {
    if (!std::filesystem::exists(file))
        return problem("session.unreadable", "There is no session ticket at that path: sign in again (madoguchi-cli sign-in).");
    if (std::string reason = notPrivateReason(file); !reason.empty())
        return Problem{"session.not_private", "The session ticket is refused: " + reason};
    std::ifstream in(file, std::ios::binary);
    std::string line;
    if (!std::getline(in, line) || line != kHeader)
        return problem("session.malformed", "This file is not a Madoguchi session ticket.");
    Ticket ticket;
    while (std::getline(in, line)) {
        const std::size_t equals = line.find('=');
        if (equals == std::string::npos) return problem("session.malformed", "This file is not a Madoguchi session ticket.");
        const std::string name = line.substr(0, equals);
        if (name == "mac") ticket.mac = line.substr(equals + 1);
        else ticket.fields[name] = line.substr(equals + 1);
    }
    for (const char* name : kFields)
        if (!ticket.fields.count(name)) return problem("session.malformed", "This file is not a Madoguchi session ticket.");
    if (ticket.fields.size() != std::size(kFields) || ticket.mac.empty())
        return problem("session.malformed", "This file is not a Madoguchi session ticket.");
    return ticket;
}

bool sealed(const Ticket& ticket, const AuditKey& key) {
    const std::string expected = key.hmacHex(ticket.body());
    return expected.size() == ticket.mac.size() &&
           sameBytes(expected.data(), ticket.mac.data(), expected.size());
}

std::map<std::string, std::string> revokedSessions(const AuditKey& key) {  // id → when its ticket ends
    std::map<std::string, std::string> revoked;
    std::ifstream in(revokedSessionsPath(key));
    std::string id, until;
    while (in >> id >> until) revoked[id] = until;
    return revoked;
}

// A ticket of this PC's audit key for this journal, or why not.
Outcome<Ticket> trustedTicket(FacilityJournal& journal, const std::filesystem::path& file) {
    auto ticket = readTicket(file);
    if (!ticket) return ticket;
    if (!sealed(ticket.value(), journal.auditKey()))
        return problem("session.forged",
                       "The session ticket's seal does not match: it was changed, or issued on another PC or for "
                       "another user account. Sign in again (madoguchi-cli sign-in).");
    if (ticket.value()["journal"] != sessionJournalName(journal.location()))
        return problem("session.other_journal", "The session ticket was issued for another journal: sign in to this one.");
    return ticket;
}

// Why the ticket cannot sign in now, if it cannot.
std::optional<Problem> standingProblem(FacilityJournal& journal, const Ticket& ticket, const LocalDateTime& now) {
    const auto issued = LocalDateTime::parseIso(ticket["issued"]);
    const auto expires = LocalDateTime::parseIso(ticket["expires"]);
    if (!issued || !expires) return problem("session.malformed", "This file is not a Madoguchi session ticket.");
    if (now < *issued)
        return problem("session.not_yet", "The session ticket begins later than this PC's clock: check the clock, or sign in again.");
    if (now >= *expires) return problem("session.expired", "The session has ended: sign in again (madoguchi-cli sign-in).");
    if (revokedSessions(journal.auditKey()).count(ticket["id"]))
        return problem("session.signed_out", "This session was signed out: sign in again (madoguchi-cli sign-in).");
    const auto account = accountOf(journal, ticket["staff"]);
    if (!account || account->role != ticket["role"] || account->stamp != ticket["stamp"])
        return problem("session.account_changed",
                       "The account was removed, or its role or password changed since this session began: sign in again.");
    if (!account->lockedUntil.empty() && now.iso() < account->lockedUntil)
        return problem("session.account_locked", "The account is locked for now: the session cannot be used.");
    return std::nullopt;
}

void writePrivately(const std::filesystem::path& file, const std::string& content) {
    const std::filesystem::path temporary = file.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        makePrivateFile(temporary);
        out << content;
        if (!out.flush()) throw std::runtime_error("cannot write " + temporary.string());
    }
    std::filesystem::rename(temporary, file);
}

std::string shortId(const std::string& id) { return id.substr(0, 8); }

}  // namespace

std::string sessionJournalName(const std::string& location) {
    if (isServerLocation(location)) return displayLocation(location);
    return platform::utf8Text(std::filesystem::weakly_canonical(std::filesystem::absolute(platform::utf8Path(location))));
}

std::filesystem::path revokedSessionsPath(const AuditKey& key) { return key.path().parent_path() / "revoked-sessions"; }

Outcome<IssuedSession> openSession(FacilityJournal& journal, const StaffMember& member, const Clock& clock,
                                   const std::filesystem::path& file, int minutes) {
    if (minutes < 1 || minutes > kLongestSessionMinutes)
        return problem("session.minutes", "A session lasts from 1 minute to 12 hours (720 minutes).");
    const auto account = accountOf(journal, member.id);
    if (!account || member.id.find('\n') != std::string::npos)
        return problem("session.account_changed", "There is no such account.");
    unsigned char random[16];
    if (!randomBytes(random))
        return problem("session.random_failed", "The system's random source failed: no session was opened.");
    const LocalDateTime now = clock.now();
    const IssuedSession session{toHex(random, sizeof random), plusMinutes(now, minutes)};
    Ticket ticket;
    ticket.fields = {{"id", session.id},
                     {"staff", member.id},
                     {"role", account->role},
                     {"journal", sessionJournalName(journal.location())},
                     {"issued", now.iso()},
                     {"expires", session.expires.iso()},
                     {"stamp", account->stamp}};
    ticket.mac = journal.auditKey().hmacHex(ticket.body());
    try {
        writePrivately(file, ticket.body() + "mac=" + ticket.mac + "\n");
    } catch (const std::exception& error) {
        return Problem{"session.unwritable", std::string("The session ticket cannot be written: ") + error.what()};
    }
    journal.audit({now.iso(), member.id, "staff.session_opened", "", "",
                   "session " + shortId(session.id) + " until " + session.expires.iso(), ""});
    return session;
}

Outcome<StaffMember> signInWithSession(FacilityJournal& journal, const Clock& clock, const std::filesystem::path& file) {
    const LocalDateTime now = clock.now();
    auto ticket = trustedTicket(journal, file);
    if (!ticket) {
        journal.audit({now.iso(), "system", "session.refused", "", "", ticket.problem().code, ""});
        return ticket.problem();
    }
    const Ticket& t = ticket.value();
    if (auto refused = standingProblem(journal, t, now)) {
        journal.audit({now.iso(), t["staff"], "staff.sign_in_failed", "", "",
                       "session " + shortId(t["id"]) + ": " + refused->code, ""});
        return *refused;
    }
    journal.audit({now.iso(), t["staff"], "staff.sign_in", "", "", "by session " + shortId(t["id"]), ""});
    Statement name = journal.database().prepare("SELECT display_name FROM staff WHERE id = ?");
    name.bind(1, t["staff"]);
    const std::string displayName = name.step() ? name.text(0) : t["staff"];
    return StaffMember{t["staff"], displayName, staffRoleFromName(t["role"]).value_or(StaffRole::Receptionist)};
}

Outcome<std::string> closeSession(FacilityJournal& journal, const Clock& clock, const std::filesystem::path& file) {
    auto ticket = trustedTicket(journal, file);
    if (!ticket) return ticket.problem();
    const Ticket& t = ticket.value();
    const LocalDateTime now = clock.now();
    auto revoked = revokedSessions(journal.auditKey());
    revoked[t["id"]] = t["expires"];
    std::string list;
    for (const auto& [id, until] : revoked)
        if (now.iso() < until) list += id + " " + until + "\n";  // an ended ticket is refused anyway
    try {
        writePrivately(revokedSessionsPath(journal.auditKey()), list);
    } catch (const std::exception& error) {
        return Problem{"session.unwritable", std::string("The session could not be signed out: ") + error.what()};
    }
    std::filesystem::remove(file);
    journal.audit({now.iso(), t["staff"], "staff.sign_out", "", "", "session " + shortId(t["id"]), ""});
    return t["id"];
}

}  // namespace madoguchi::storage

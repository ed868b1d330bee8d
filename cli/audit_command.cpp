// madoguchi-cli audit verify [--db FILE]: walks the audit trail's hash chain.
#include <iostream>
#include <stdexcept>

#include "commands.h"
#include "journal_options.h"
#include "storage/audit_trail.h"

namespace madoguchi::cli {

int runAudit(const Arguments& args) {
    Options options(args, {"--db"}, {});
    if (options.positional().size() != 1 || options.positional()[0] != "verify")
        throw std::invalid_argument("usage: audit verify [--db FILE]");
    storage::Database db(journalPath(options), true);
    db.execute("BEGIN");  // one snapshot for the count and the walk, even while the window writes
    // The count and the last row's hash: written down elsewhere (a printout, a mail), they also
    // reveal rows cut from the end, which the chain alone cannot.
    auto rows = db.prepare("SELECT COUNT(*), COALESCE((SELECT row_hash FROM audit_log ORDER BY seq DESC LIMIT 1), '') FROM audit_log");
    rows.step();
    auto broken = storage::verifyAuditChain(db);
    if (broken) {
        std::cout << "{\"intact\": false, \"first_bad_row\": " << broken->seq << ", \"reason\": \"" << broken->why
                  << "\"}\n";
        std::cerr << "audit verify: row " << broken->seq << " " << broken->why << "\n";
        return kNegative;
    }
    std::cout << "{\"intact\": true, \"rows\": " << rows.integer(0) << ", \"last_hash\": \"" << rows.text(1) << "\"}\n";
    return kOk;
}

}  // namespace madoguchi::cli

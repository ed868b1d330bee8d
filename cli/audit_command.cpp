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
    auto rows = db.prepare("SELECT COUNT(*) FROM audit_log");
    rows.step();
    auto broken = storage::verifyAuditChain(db);
    if (broken) {
        std::cout << "{\"intact\": false, \"first_bad_row\": " << broken->seq << "}\n";
        std::cerr << "audit verify: row " << broken->seq << " " << broken->why << "\n";
        return kNegative;
    }
    std::cout << "{\"intact\": true, \"rows\": " << rows.integer(0) << "}\n";
    return kOk;
}

}  // namespace madoguchi::cli

#include "storage/batched.h"

#include <algorithm>

namespace madoguchi::storage {
namespace {

// `item` `count` times, comma-separated: "?,?,?", "(?,?),(?,?)".
std::string joined(const std::string& item, std::size_t count) {
    std::string list;
    list.reserve(count * (item.size() + 1));
    for (std::size_t i = 0; i < count; ++i) (list += i ? "," : "") += item;
    return list;
}

// A full batch and a single row recur (the same text each time): compiled once per connection;
// the odd remainder is not kept.
Statement batchStatement(Database& db, const std::string& sql, std::size_t rows, std::size_t fullBatch) {
    return rows == fullBatch || rows == 1 ? db.cached(sql) : db.prepare(sql);
}

}  // namespace

void insertRows(Database& db, const std::string& insert, int columns, std::size_t rows,
                const std::function<void(Statement&, std::size_t, int)>& bindRow) {
    const std::size_t perStatement = db.engine() == Engine::Sqlite
                                         ? 1  // no round trips to save (batched.h)
                                         : static_cast<std::size_t>(std::max(1, kMaxBatchParameters / columns));
    const std::string row = "(" + joined("?", static_cast<std::size_t>(columns)) + ")";
    for (std::size_t first = 0; first < rows; first += perStatement) {
        const std::size_t count = std::min(perStatement, rows - first);
        Statement statement = batchStatement(db, insert + " VALUES" + joined(row, count), count, perStatement);
        for (std::size_t i = 0; i < count; ++i) bindRow(statement, first + i, static_cast<int>(i) * columns + 1);
        statement.run();
    }
}

void forKeysIn(Database& db, const std::string& sql, const std::vector<std::string>& leading,
               const std::vector<std::string>& keys, const std::function<void(Statement&)>& eachRow) {
    const int leadingCount = static_cast<int>(leading.size());
    const std::size_t perStatement = static_cast<std::size_t>(std::max(1, kMaxBatchParameters - leadingCount));
    for (std::size_t first = 0; first < keys.size(); first += perStatement) {
        const std::size_t count = std::min(perStatement, keys.size() - first);
        Statement statement = batchStatement(db, sql + "(" + joined("?", count) + ")", count, perStatement);
        for (int i = 0; i < leadingCount; ++i) statement.bind(i + 1, leading[static_cast<std::size_t>(i)]);
        for (std::size_t i = 0; i < count; ++i) statement.bind(leadingCount + static_cast<int>(i) + 1, keys[first + i]);
        while (statement.step())
            if (eachRow) eachRow(statement);
    }
}

}  // namespace madoguchi::storage

#pragma once
// Many rows in few statements, on either engine with the same portable SQL: a multi-row VALUES
// list or an IN list of as many rows as kMaxBatchParameters allows (SQLite takes 32,766
// parameters a statement, PostgreSQL 65,535). On the site server each statement is one round
// trip for hundreds of rows instead of one a row (the bulk re-check's 10,000 re-tags).
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "storage/database.h"

namespace madoguchi::storage {

inline constexpr int kMaxBatchParameters = 4000;

// `insert` ("INSERT INTO t(a, b, c)") followed by VALUES(?,?,?),(?,?,?),… for `rows` rows of
// `columns` values each, in order. bindRow(statement, row, first) binds row `row`'s values to the
// parameters first, first + 1, …. Inside the caller's transaction. On SQLite one row a statement
// (one cached statement): an in-process engine has no round trips to save, and a statement of
// many rows inside a transaction keeps a statement journal, a copy of every page it changes (a
// day's read audit: ~450 KiB of index pages, written to a file in the temporary folder), besides
// compiling a statement of thousands of parameters.
void insertRows(Database& db, const std::string& insert, int columns, std::size_t rows,
                const std::function<void(Statement&, std::size_t row, int first)>& bindRow);

// `sql` (ending in "IN ") followed by (?,?,…) over `keys`, after the `leading` parameters the
// sql holds before it: as many keys a statement as the parameters allow. `eachRow` sees every row
// the statements return (a key matched by no row gives none; the order is the engine's).
void forKeysIn(Database& db, const std::string& sql, const std::vector<std::string>& leading,
               const std::vector<std::string>& keys, const std::function<void(Statement&)>& eachRow = {});

}  // namespace madoguchi::storage

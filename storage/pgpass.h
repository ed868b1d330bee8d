#pragma once
// The site server's password on this PC: one line of libpq's password file (~/.pgpass, or the
// file PGPASSFILE names), host:port:database:user:password, the file private (0600) — libpq
// ignores it otherwise. Never in the settings file.
#include <filesystem>
#include <string>

#include "domain/outcome.h"

namespace madoguchi::storage {

// PGPASSFILE, else $HOME/.pgpass.
std::filesystem::path passwordFilePath();
// Replaces the line for (host, port, database, user) or adds one; the other lines are kept.
// The file is written beside and renamed into place, mode 0600. `password` is wiped.
Outcome<bool> savePassword(const std::filesystem::path& file, const std::string& host, const std::string& port,
                           const std::string& database, const std::string& user, std::string& password);
// The saved password's line exists (the settings dialog says "saved" without reading it out).
bool hasPassword(const std::filesystem::path& file, const std::string& host, const std::string& port,
                 const std::string& database, const std::string& user);

}  // namespace madoguchi::storage

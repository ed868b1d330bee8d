#pragma once
// Patient data at rest: files only the owner can read, in folders only the owner can enter.
#include <filesystem>
#include <string>

namespace madoguchi::storage {

// umask 077 for the whole process: everything it creates afterwards is private to its user.
void usePrivateUmask();
// Creates the folder (and its parents) if needed; the folder itself is made 0700.
void makePrivateFolder(const std::filesystem::path& folder);
// chmod 0600 (no error when the file does not exist).
void makePrivateFile(const std::filesystem::path& file);
// Empty when `file` is a regular file owned by this process's user that neither its group nor
// others may read or write; else an English sentence saying what is wrong.
std::string notPrivateReason(const std::filesystem::path& file);
// Madoguchi's configuration folder: $XDG_CONFIG_HOME/madoguchi, else ~/.config/madoguchi
// (settings.json and the audit key live there); on Windows %LOCALAPPDATA%\Madoguchi.
std::filesystem::path configFolder();

}  // namespace madoguchi::storage

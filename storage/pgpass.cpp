#include "storage/pgpass.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "platform/posix_files.h"
#include "storage/crypto_primitives.h"

namespace madoguchi::storage {
namespace {

std::string escaped(const std::string& field) {
    std::string out;
    for (char c : field) {
        if (c == ':' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

// The first four fields of a line, unescaped; empty when the line is a comment or malformed.
std::vector<std::string> keyFields(const std::string& line) {
    if (line.empty() || line[0] == '#') return {};
    std::vector<std::string> fields(1);
    for (std::size_t i = 0; i < line.size() && fields.size() <= 4; ++i) {
        if (line[i] == '\\' && i + 1 < line.size()) fields.back() += line[++i];
        else if (line[i] == ':') fields.emplace_back();
        else fields.back() += line[i];
    }
    if (fields.size() < 5) return {};
    fields.pop_back();  // the password
    return fields;
}

std::string keyOf(const std::string& host, const std::string& port, const std::string& database,
                  const std::string& user) {
    return escaped(host.empty() ? "localhost" : host) + ":" + escaped(port.empty() ? "5432" : port) + ":" +
           escaped(database) + ":" + escaped(user) + ":";
}

std::vector<std::string> linesOf(const std::filesystem::path& file) {
    std::vector<std::string> lines;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

std::filesystem::path passwordFilePath() {
    if (const char* given = std::getenv("PGPASSFILE"); given && *given) return given;
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home ? home : ".") / ".pgpass";
}

bool hasPassword(const std::filesystem::path& file, const std::string& host, const std::string& port,
                 const std::string& database, const std::string& user) {
    const std::string key = keyOf(host, port, database, user);
    std::vector<std::string> lines = linesOf(file);
    bool found = false;
    for (std::string& line : lines) {
        found = found || line.starts_with(key);
        wipe(line);
    }
    return found;
}

Outcome<bool> savePassword(const std::filesystem::path& file, const std::string& host, const std::string& port,
                           const std::string& database, const std::string& user, std::string& password) {
    if (password.find('\n') != std::string::npos || password.find('\r') != std::string::npos) {
        wipe(password);
        return Problem{"site.password", N_("The password cannot contain a line break.")};
    }
    const std::string key = keyOf(host, port, database, user);
    const std::vector<std::string> wanted = keyFields(key + "x");
    std::vector<std::string> lines = linesOf(file);
    std::string text;
    for (std::string& line : lines) {
        if (keyFields(line) != wanted) text += line + "\n";
        wipe(line);
    }
    text += key + escaped(password) + "\n";
    wipe(password);
    std::filesystem::path beside = file;
    beside += ".new";
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    ::unlink(beside.c_str());
    const int fd = ::open(beside.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | platform::kPrivateAcl, 0600);
    bool written = fd >= 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                   ::fsync(fd) == 0;
    if (fd >= 0) written = ::close(fd) == 0 && written;
    wipe(text);
    if (written) std::filesystem::rename(beside, file, ec);  // replaces: rename(2), MoveFileExW on Windows
    if (!written || ec) {
        ::unlink(beside.c_str());
        return Problem{"site.password", N_("The password file could not be written.")};
    }
    return true;
}

}  // namespace madoguchi::storage

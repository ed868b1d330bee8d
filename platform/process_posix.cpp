#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "platform/process.h"

namespace madoguchi::platform {

std::string replaceProcess(const std::filesystem::path& program, const std::vector<std::string>& arguments) {
    std::vector<char*> argv;
    argv.reserve(arguments.size() + 1);
    for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    ::execv(program.c_str(), argv.data());
    return std::strerror(errno);
}

}  // namespace madoguchi::platform

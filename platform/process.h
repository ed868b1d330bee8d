#pragma once
// Running another program in this process's place (POSIX only: process_posix.cpp). madoguchi-cli
// hands its gateway and card commands to its helper this way, so the commands scripts call most
// (copay, reports) never load the network, XML and ZIP libraries (cli/CMakeLists.txt).
#include <filesystem>
#include <string>
#include <vector>

namespace madoguchi::platform {

// Replaces this process by `program` run with `arguments` (argv[0] first): same process id,
// environment, standard streams and exit code. Returns only when the program could not be
// started, with the reason.
std::string replaceProcess(const std::filesystem::path& program, const std::vector<std::string>& arguments);

}  // namespace madoguchi::platform

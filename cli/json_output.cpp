#include "json_output.h"

#include <array>
#include <iostream>
#include <streambuf>

namespace madoguchi::cli {
namespace {

// Poco's indented output ends every line with std::endl, and a flush per line is a write() per
// line (24,000 for a clinic's follow-up list). This buffer passes 64 KiB at a time to stdout and
// lets those flushes wait for the next block.
class BlockBuffer : public std::streambuf {
public:
    explicit BlockBuffer(std::streambuf& out) : out_(out) { setp(block_.data(), block_.data() + block_.size()); }

    bool drain() {
        const std::streamsize pending = pptr() - pbase();
        const bool written = pending == 0 || out_.sputn(pbase(), pending) == pending;
        setp(block_.data(), block_.data() + block_.size());
        return written && out_.pubsync() == 0;
    }

protected:
    int_type overflow(int_type next) override {
        if (!drain()) return traits_type::eof();
        if (!traits_type::eq_int_type(next, traits_type::eof())) sputc(traits_type::to_char_type(next));
        return traits_type::not_eof(next);
    }
    int sync() override { return 0; }  // a line's std::endl: kept for the block

private:
    std::streambuf& out_;
    std::array<char, 64 * 1024> block_;
};

}  // namespace

void printJson(const Poco::JSON::Object& json) {
    BlockBuffer block(*std::cout.rdbuf());
    std::ostream out(&block);
    // Keep non-ASCII (names, labels) as UTF-8 rather than \u escapes.
    json.stringify(out, 2, -1);
    out << "\n";
    if (!out || !block.drain()) std::cout.setstate(std::ios::badbit);  // runCaught says so
}

}  // namespace madoguchi::cli

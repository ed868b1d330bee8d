// journal_writer DB PREFIX [COUNT]: records visits PREFIX-1, PREFIX-2, ... one transaction each
// (synchronous=FULL) and prints each visit's id on its own line right after its commit returned.
// The reliability tests kill it with SIGKILL at random moments: every id it printed must survive.
#include <cstdio>
#include <string>

#include "storage_fixtures.h"

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: journal_writer DB PREFIX [COUNT]\n");
        return 2;
    }
    long count = argc > 3 ? std::stol(argv[3]) : -1;
    madoguchi::storage::FacilityJournal journal(argv[1]);
    for (long i = 1; count < 0 || i <= count; ++i) {
        auto visit = madoguchi::test::sampleVisit(std::string(argv[2]) + "-" + std::to_string(i),
                                                  "P" + std::to_string(i % 50));
        auto saved = journal.recordVisit(visit);
        if (!saved) {
            std::fprintf(stderr, "journal_writer: %s\n", saved.problem().message.c_str());
            return 1;
        }
        std::printf("%s\n", visit.visitId.c_str());
        std::fflush(stdout);
    }
    return 0;
}

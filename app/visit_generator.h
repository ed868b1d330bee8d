#pragma once
// Realistic days of visits at a clinic's window, for `madoguchi-cli journal generate`, the demo
// and the storage benchmark: the same mix everywhere (DOMAIN.md §13), reproducible from a seed.
#include <random>
#include <vector>

#include "domain/visit_record.h"

namespace madoguchi::app {

class VisitGenerator {
public:
    // `patients`: how many distinct patients the visits are drawn from.
    VisitGenerator(unsigned seed, int patients);
    std::vector<VisitRecord> day(const Date& date, int visits);

private:
    VisitRecord visit(const Date& date, int index);
    std::mt19937 random_;
    int patients_;
};

}  // namespace madoguchi::app

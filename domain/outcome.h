#pragma once
// A value or a Problem that explains, in words a receptionist can read, why there is none.
#include <string>
#include <utility>
#include <variant>

namespace madoguchi {

// Marks an English message id for gettext extraction; the GUI translates it at the edge.
#define N_(text) text

struct Problem {
    std::string code;     // stable, machine-readable ("insurer.check_digit")
    std::string message;  // English msgid, translated by the GUI
};

template <class T>
class Outcome {
public:
    Outcome(T value) : state_(std::move(value)) {}            // NOLINT: implicit by design
    Outcome(Problem problem) : state_(std::move(problem)) {}  // NOLINT: implicit by design

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<T>(state_); }
    T&& value() && { return std::get<T>(std::move(state_)); }
    const Problem& problem() const { return std::get<Problem>(state_); }

private:
    std::variant<T, Problem> state_;
};

}  // namespace madoguchi

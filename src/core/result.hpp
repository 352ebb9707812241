// A small stand-in for std::expected (g++ 12 lacks it): a value or an error,
// so that modules hand problems back as values instead of throwing.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace fineprint::core {

// A failure in a core parser: the lint rule it belongs to and a message that
// states the concrete value ("39.905 has 3 decimals, EUR allows 2").
struct Error {
  std::string rule;
  std::string message;
};

template <class T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const T& value() const { return std::get<0>(state_); }
  T& value() { return std::get<0>(state_); }
  const T& operator*() const { return value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace fineprint::core

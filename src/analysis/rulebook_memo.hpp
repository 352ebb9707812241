// One analysis result per thread, reused while several lint rules ask about
// the same rulebook: the same object (its identity, never reused, unlike its
// address) with the same content key (a rulebook edited in place in tests).
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "model/rulebook.hpp"

namespace fineprint::analysis {

template <class T>
class RulebookMemo {
 public:
  template <class Compute>
  const T& get(const model::Rulebook& rulebook, std::string key, Compute compute) {
    if (identity_ != rulebook.identity.value() || key_ != key) {
      value_ = compute();
      identity_ = rulebook.identity.value();
      key_ = std::move(key);
    }
    return value_;
  }

 private:
  std::uint64_t identity_ = 0;  // 0: no rulebook has it
  std::string key_;
  T value_{};
};

}  // namespace fineprint::analysis

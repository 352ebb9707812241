// One analysis result per thread, reused while several lint rules ask about
// the same rulebook (same address and the same content key).
#pragma once

#include <string>
#include <utility>

#include "model/rulebook.hpp"

namespace fineprint::analysis {

template <class T>
class RulebookMemo {
 public:
  template <class Compute>
  const T& get(const model::Rulebook& rulebook, std::string key, Compute compute) {
    if (address_ != &rulebook || key_ != key) {
      value_ = compute();
      address_ = &rulebook;
      key_ = std::move(key);
    }
    return value_;
  }

 private:
  const model::Rulebook* address_ = nullptr;
  std::string key_;
  T value_{};
};

}  // namespace fineprint::analysis

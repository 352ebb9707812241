// The error of every catalog problem, whether found when the build parses a
// catalog (catalog_parse.cpp) or when a letter formats a message
// (catalog.cpp).
#pragma once

#include <string>
#include <utility>

#include "core/result.hpp"

namespace fineprint::i18n {

inline core::Error catalog_error(std::string message) {
  return core::Error{"i18n/catalog", std::move(message)};
}

}  // namespace fineprint::i18n

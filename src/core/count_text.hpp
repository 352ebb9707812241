// Counts as the documentation writes them: 1999000 → "1,999,000" (fmt
// groups digits only through a locale, and output must not depend on one).
#pragma once

#include <cstdint>
#include <string>

namespace fineprint::core {

inline std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace fineprint::core

// Money as integer minor units with checked arithmetic, the currency table
// of docs/format.md §1.3, and exact decimal parsing: never a float, never a wrap.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace fineprint::core {

struct Currency {
  std::string code;
  int minor_digits = 2;

  friend bool operator==(const Currency&, const Currency&) = default;
};

// The currencies docs/format.md §1.3 knows; nullopt for any other code.
std::optional<Currency> find_currency(std::string_view code);

// Minor units. A plain integer wrapped so that arithmetic is always checked.
using Minor = std::int64_t;

// Checked operations: nullopt on 64-bit overflow.
std::optional<Minor> checked_add(Minor a, Minor b);
std::optional<Minor> checked_sub(Minor a, Minor b);
std::optional<Minor> checked_mul(Minor a, std::int64_t b);

// "39.90", "5", "0.5" → minor units of a currency with `minor_digits`.
// Errors: money/precision (too many decimals); schema/wrong-type for text
// that is no plain decimal, and for amounts past 64 bits.
Result<Minor> parse_money(std::string_view text, int minor_digits);

// Whole units (a TOML integer) → minor units, checked.
Result<Minor> money_from_units(std::int64_t units, int minor_digits);

// The same for a value read from a file: also at most limits::kMaxMoney
// minor units (docs/limits.md), or schema/wrong-type naming the bound. Every
// reader of rulebooks and claims uses these, never the two above.
Result<Minor> parse_bounded_money(std::string_view text, int minor_digits);
Result<Minor> bounded_money_from_units(std::int64_t units, int minor_digits);

// Minor units → "39.90" (always exactly minor_digits decimals).
std::string format_money(Minor amount, int minor_digits);

// Percent as integer hundredths of a percent: 20 → 2000, "12.5" → 1250.
using BasisPoints = std::int64_t;
constexpr BasisPoints kHundredPercent = 10000;

// Parses a percent string with at most 2 decimals; range is checked by the
// caller so it can name the key (money/percent-range).
Result<BasisPoints> parse_percent(std::string_view text);
Result<BasisPoints> percent_from_integer(std::int64_t whole);
std::string format_percent(BasisPoints percent);  // 1250 → "12.5", 2000 → "20"

enum class Rounding { half_up, half_even, down };
std::optional<Rounding> parse_rounding(std::string_view text);
std::string_view rounding_name(Rounding rounding);

// 128-bit intermediate for products like amount × percent (a GCC/Clang
// extension; __extension__ keeps -Wpedantic quiet about it).
__extension__ using Wide = __int128;

// numerator / denominator rounded to an integer with `mode`; denominator > 0.
// Works in 128 bits so that amount × percent never overflows before dividing.
std::optional<Minor> divide_rounded(Wide numerator, Wide denominator, Rounding mode);

// round(amount × percent / 100%) with the store's mode.
std::optional<Minor> percent_of(Minor amount, BasisPoints percent, Rounding mode);

}  // namespace fineprint::core

#include "core/money.hpp"

#include <array>
#include <cassert>
#include <limits>

#include <fmt/format.h>

#include "core/limits.hpp"

namespace fineprint::core {

namespace {

constexpr std::array<std::pair<std::string_view, int>, 15> kCurrencies{{
    {"EUR", 2},
    {"PLN", 2},
    {"USD", 2},
    {"GBP", 2},
    {"SEK", 2},
    {"NOK", 2},
    {"DKK", 2},
    {"CZK", 2},
    {"HUF", 2},
    {"CHF", 2},
    {"RON", 2},
    {"BGN", 2},
    {"JPY", 0},
    {"KRW", 0},
    {"ISK", 0},
}};

std::int64_t pow10(int digits) {
  std::int64_t result = 1;
  for (int i = 0; i < digits; ++i) result *= 10;
  return result;
}

// Parses "123" or "123.45" into an integer scaled by 10^scale; `decimals`
// reports how many decimals the text had so callers can name precision errors.
struct ScaledDecimal {
  std::int64_t value = 0;
  int decimals = 0;
};

// `too_large()` makes the error for a value past `max` (or past 64 bits),
// only when it is needed.
template <class TooLarge>
Result<ScaledDecimal> parse_scaled(std::string_view text, int scale, std::string_view what,
                                   std::int64_t max, TooLarge&& too_large) {
  auto not_decimal = [&] {
    return Error{
        "schema/wrong-type",
        fmt::format("\"{}\" is not a {} (expected digits with an optional '.' and decimals)", text,
                    what)};
  };
  if (text.empty()) return not_decimal();
  std::size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view fraction =
      dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && fraction.empty())) return not_decimal();
  for (char c : whole)
    if (c < '0' || c > '9') return not_decimal();
  for (char c : fraction)
    if (c < '0' || c > '9') return not_decimal();
  int decimals = static_cast<int>(fraction.size());
  if (decimals > scale) {
    return Error{"money/precision", fmt::format("\"{}\" has {} decimal{}, at most {} allowed", text,
                                                decimals, decimals == 1 ? "" : "s", scale)};
  }
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  std::int64_t value = 0;
  for (char c : whole) {
    if (value > (kMax - (c - '0')) / 10) return too_large();
    value = value * 10 + (c - '0');
  }
  for (int i = 0; i < scale; ++i) {
    int digit = i < decimals ? fraction[static_cast<std::size_t>(i)] - '0' : 0;
    if (value > (kMax - digit) / 10) return too_large();
    value = value * 10 + digit;
  }
  if (value > max) return too_large();
  return ScaledDecimal{value, decimals};
}

Error past_64_bits(std::string_view written) {
  return Error{"schema/wrong-type", fmt::format("{} is too large for 64-bit minor units", written)};
}

Error past_money_limit(std::string_view written, int minor_digits) {
  return Error{
      "schema/wrong-type",
      fmt::format(
          "{} is more than {}, the largest amount fineprint reads (10^12 minor units; docs/limits.md)",
          written, format_money(limits::kMaxMoney, minor_digits))};
}

}  // namespace

std::optional<Currency> find_currency(std::string_view code) {
  for (const auto& [name, digits] : kCurrencies)
    if (name == code) return Currency{std::string(name), digits};
  return std::nullopt;
}

std::optional<Minor> checked_add(Minor a, Minor b) {
  Minor out;
  if (__builtin_add_overflow(a, b, &out)) return std::nullopt;
  return out;
}

std::optional<Minor> checked_sub(Minor a, Minor b) {
  Minor out;
  if (__builtin_sub_overflow(a, b, &out)) return std::nullopt;
  return out;
}

std::optional<Minor> checked_mul(Minor a, std::int64_t b) {
  Minor out;
  if (__builtin_mul_overflow(a, b, &out)) return std::nullopt;
  return out;
}

Result<Minor> parse_money(std::string_view text, int minor_digits) {
  auto parsed =
      parse_scaled(text, minor_digits, "money amount", std::numeric_limits<std::int64_t>::max(),
                   [&] { return past_64_bits(fmt::format("\"{}\"", text)); });
  if (!parsed) return parsed.error();
  return parsed->value;
}

Result<Minor> parse_bounded_money(std::string_view text, int minor_digits) {
  auto parsed = parse_scaled(text, minor_digits, "money amount", limits::kMaxMoney, [&] {
    return past_money_limit(fmt::format("\"{}\"", text), minor_digits);
  });
  if (!parsed) return parsed.error();
  return parsed->value;
}

Result<Minor> bounded_money_from_units(std::int64_t units, int minor_digits) {
  auto scaled = money_from_units(units, minor_digits);
  if (scaled && *scaled > limits::kMaxMoney)
    return past_money_limit(std::to_string(units), minor_digits);
  if (!scaled && units > 0) return past_money_limit(std::to_string(units), minor_digits);
  return scaled;
}

Result<Minor> money_from_units(std::int64_t units, int minor_digits) {
  if (units < 0)
    return Error{"schema/wrong-type",
                 fmt::format("{} is negative; money is never negative here", units)};
  auto scaled = checked_mul(units, pow10(minor_digits));
  if (!scaled) return past_64_bits(std::to_string(units));
  return *scaled;
}

std::string format_money(Minor amount, int minor_digits) {
  bool negative = amount < 0;
  // Work in unsigned so that the most negative value formats too.
  unsigned long long magnitude = negative ? 0ULL - static_cast<unsigned long long>(amount)
                                          : static_cast<unsigned long long>(amount);
  // Written by hand, not with fmt: every amount of every decision record
  // `batch` writes comes through here (issue 19).
  // At most 20 digits of a 64-bit magnitude, a point, a sign and the
  // zeros of the minor digits (0 to 3 in the currency table).
  assert(minor_digits >= 0 && minor_digits <= 24);
  char text[48];
  char* end = text + sizeof text;
  char* at = end;
  auto digit = [&](unsigned long long& rest) {
    *--at = static_cast<char>('0' + rest % 10);
    rest /= 10;
  };
  for (int i = 0; i < minor_digits; ++i) digit(magnitude);
  if (minor_digits > 0) *--at = '.';
  do digit(magnitude);
  while (magnitude != 0);
  if (negative) *--at = '-';
  return std::string(at, end);
}

Result<BasisPoints> parse_percent(std::string_view text) {
  auto parsed = parse_scaled(text, 2, "percent", std::numeric_limits<std::int64_t>::max(),
                             [&] { return past_64_bits(fmt::format("\"{}\"", text)); });
  if (!parsed) {
    if (parsed.error().rule == "money/precision")
      return Error{"money/precision", fmt::format("percent \"{}\" has more than 2 decimals", text)};
    return parsed.error();
  }
  return parsed->value;
}

Result<BasisPoints> percent_from_integer(std::int64_t whole) {
  auto scaled = checked_mul(whole, 100);
  if (!scaled)
    return Error{"money/percent-range", fmt::format("percent {} is out of range", whole)};
  return *scaled;
}

std::string format_percent(BasisPoints percent) {
  std::string text = format_money(percent, 2);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

std::optional<Rounding> parse_rounding(std::string_view text) {
  if (text == "half_up") return Rounding::half_up;
  if (text == "half_even") return Rounding::half_even;
  if (text == "down") return Rounding::down;
  return std::nullopt;
}

std::string_view rounding_name(Rounding rounding) {
  switch (rounding) {
    case Rounding::half_up:
      return "half_up";
    case Rounding::half_even:
      return "half_even";
    case Rounding::down:
      return "down";
  }
  return "half_up";
}

std::optional<Minor> divide_rounded(Wide numerator, Wide denominator, Rounding mode) {
  if (denominator <= 0) return std::nullopt;
  bool negative = numerator < 0;
  Wide magnitude = negative ? -numerator : numerator;
  Wide quotient = magnitude / denominator;
  Wide remainder = magnitude % denominator;
  switch (mode) {
    case Rounding::down:
      break;  // toward zero
    case Rounding::half_up:
      if (remainder * 2 >= denominator) ++quotient;  // halves away from zero
      break;
    case Rounding::half_even:
      if (remainder * 2 > denominator || (remainder * 2 == denominator && quotient % 2 == 1))
        ++quotient;
      break;
  }
  if (negative) quotient = -quotient;
  if (quotient > std::numeric_limits<Minor>::max() || quotient < std::numeric_limits<Minor>::min())
    return std::nullopt;
  return static_cast<Minor>(quotient);
}

std::optional<Minor> percent_of(Minor amount, BasisPoints percent, Rounding mode) {
  return divide_rounded(static_cast<Wide>(amount) * percent, kHundredPercent, mode);
}

}  // namespace fineprint::core

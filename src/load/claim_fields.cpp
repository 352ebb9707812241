#include "load/claim_fields.hpp"

#include <fmt/format.h>

#include "core/limits.hpp"

namespace fineprint::load::claim_fields {

std::optional<model::ClaimKind> parse_kind(std::string_view text) {
  if (text == "return") return model::ClaimKind::return_claim;
  if (text == "promotion") return model::ClaimKind::promotion_claim;
  return std::nullopt;
}

std::string bad_kind_message(std::string_view where, std::string_view found) {
  return fmt::format("{} must be \"return\" or \"promotion\", found \"{}\"", where, found);
}

std::string needs_promotion_or_code(std::string_view context) {
  return fmt::format(
      "{} of kind \"promotion\" needs `promotion` (the promotion id) or `code` (the coupon code)",
      context);
}

std::string needs_items(std::string_view context, std::string_view items_name) {
  return fmt::format("{} of kind \"return\" needs at least one {}", context, items_name);
}

std::string needs_lines(std::string_view context, std::string_view lines_name) {
  return fmt::format("{} needs at least one {}", context, lines_name);
}

core::Result<std::int64_t> count(std::int64_t value, std::string_view where) {
  if (value < 0)
    return core::Error{"schema/wrong-type",
                       fmt::format("{} must not be negative, found {}", where, value)};
  if (value > core::limits::kMaxCount)
    return core::Error{"schema/wrong-type", fmt::format("{} is {}; at most {} (docs/limits.md)",
                                                        where, value, core::limits::kMaxCount)};
  return value;
}

core::Result<core::Minor> money_from_literal(std::string_view literal, int minor_digits) {
  if (literal.find_first_of("eE") != std::string_view::npos)
    return core::Error{
        "money/float",
        fmt::format(
            "{} has an exponent, which is not an exact decimal; write money as a string, e.g. \"39.90\"",
            literal)};
  if (!literal.empty() && literal.front() == '-')
    return core::Error{"schema/wrong-type",
                       fmt::format("{} is negative; money is never negative here", literal)};
  return core::parse_bounded_money(literal, minor_digits);
}

}  // namespace fineprint::load::claim_fields

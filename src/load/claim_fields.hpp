// The rules a claim's keys and values follow whatever the file form (TOML for
// `resolve`, JSON Lines for `batch`): claim kinds, counts, money written as a
// number, and the structural messages. The keys themselves are
// claim_schema.hpp's. Both readers call these, so a claim is invalid in one
// form exactly when it is in the other.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/money.hpp"
#include "core/result.hpp"
#include "model/claim.hpp"

namespace fineprint::load::claim_fields {

// "return" / "promotion"; nullopt for anything else.
std::optional<model::ClaimKind> parse_kind(std::string_view text);
// `where` names the key ("`kind` in [claim]", "`claim.kind`").
std::string bad_kind_message(std::string_view where, std::string_view found);

// `context` names the claim table ("[claim]", "`claim`").
std::string needs_promotion_or_code(std::string_view context);
std::string needs_items(std::string_view context, std::string_view items_name);
std::string needs_lines(std::string_view context, std::string_view lines_name);

// Counts (orders_before, returns_90d, redemptions) are never negative and at
// most limits::kMaxCount. `where` names the key; the error is schema/wrong-type.
core::Result<std::int64_t> count(std::int64_t value, std::string_view where);

// Money written as a number literal (a JSON number): accepted only when the
// literal is an exact decimal ("39.90", "5"); an exponent is money/float, as a
// TOML float is. Then the same parse, precision rule and bound as a money
// string (core::parse_bounded_money).
core::Result<core::Minor> money_from_literal(std::string_view literal, int minor_digits);

}  // namespace fineprint::load::claim_fields

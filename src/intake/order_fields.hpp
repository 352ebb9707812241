// Reading an exported order's fields (issue 16): typed getters that name the
// field's path in their errors, money as exact decimals, and the one failure
// every importer throws and import_order turns into a core::Error.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/instant.hpp"
#include "core/money.hpp"
#include "intake/json_tree.hpp"

namespace fineprint::intake::detail {

struct ImportFailure {
  std::string rule;  // import/...
  std::string message;
};

[[noreturn]] void fail(std::string rule, std::string message);

// The member `key` of `object` (whose path is `path`); missing or null:
// import/missing-field. `optional_member` returns null for both instead.
const JsonValue& member(const JsonValue& object, std::string_view path, std::string_view key);
const JsonValue* optional_member(const JsonValue& object, std::string_view key);

const JsonValue& as_object(const JsonValue& value, std::string_view path);
const JsonValue& as_array(const JsonValue& value, std::string_view path);
std::string as_string(const JsonValue& value, std::string_view path);
// A string, or an integer written as a number (ids): its text.
std::string as_id(const JsonValue& value, std::string_view path);
std::int64_t as_count(const JsonValue& value, std::string_view path);  // an integer ≥ 1
// A decimal string ("199.00") or a number whose literal is a plain decimal
// (no exponent): exact minor units, never through a double. Negative amounts
// are refused.
core::Minor as_money(const JsonValue& value, std::string_view path, int minor_digits);
// RFC 3339 with an offset; `assume_utc` appends "Z" to a text without one
// (WooCommerce's *_gmt fields).
core::Instant as_instant(const JsonValue& value, std::string_view path, bool assume_utc);

core::Minor add(core::Minor a, core::Minor b, std::string_view path);
core::Minor sub(core::Minor a, core::Minor b, std::string_view path);

// "order.line_items[2]"
std::string element_path(std::string_view array_path, std::size_t index);

}  // namespace fineprint::intake::detail

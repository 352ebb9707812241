#include "intake/order_fields.hpp"

#include <charconv>

#include <fmt/format.h>

#include "core/limits.hpp"

namespace fineprint::intake::detail {

namespace {

std::string_view kind_name(JsonValue::Kind kind) {
  switch (kind) {
    case JsonValue::Kind::null:
      return "null";
    case JsonValue::Kind::boolean:
      return "a boolean";
    case JsonValue::Kind::number:
      return "a number";
    case JsonValue::Kind::string:
      return "a string";
    case JsonValue::Kind::array:
      return "an array";
    case JsonValue::Kind::object:
      return "an object";
  }
  return "nothing";
}

[[noreturn]] void wrong_type(const JsonValue& value, std::string_view path,
                             std::string_view expected) {
  fail("import/wrong-type",
       fmt::format("`{}` must be {}, found {}", path, expected, kind_name(value.kind)));
}

}  // namespace

void fail(std::string rule, std::string message) {
  throw ImportFailure{std::move(rule), std::move(message)};
}

const JsonValue* optional_member(const JsonValue& object, std::string_view key) {
  const JsonValue* value = object.find(key);
  if (!value || value->kind == JsonValue::Kind::null) return nullptr;
  return value;
}

const JsonValue& member(const JsonValue& object, std::string_view path, std::string_view key) {
  const JsonValue* value = optional_member(object, key);
  if (!value)
    fail("import/missing-field",
         fmt::format("`{}{}{}` is missing (or null); the export must carry it", path,
                     path.empty() ? "" : ".", key));
  return *value;
}

const JsonValue& as_object(const JsonValue& value, std::string_view path) {
  if (value.kind != JsonValue::Kind::object) wrong_type(value, path, "an object");
  return value;
}

const JsonValue& as_array(const JsonValue& value, std::string_view path) {
  if (value.kind != JsonValue::Kind::array) wrong_type(value, path, "an array");
  return value;
}

std::string as_string(const JsonValue& value, std::string_view path) {
  if (value.kind != JsonValue::Kind::string) wrong_type(value, path, "a string");
  return value.text;
}

std::string as_id(const JsonValue& value, std::string_view path) {
  if (value.kind == JsonValue::Kind::string) return value.text;
  if (value.kind == JsonValue::Kind::number &&
      value.text.find_first_of(".eE-") == std::string::npos)
    return value.text;
  wrong_type(value, path, "a string or a whole number");
}

std::int64_t as_count(const JsonValue& value, std::string_view path) {
  std::int64_t count = 0;
  if (value.kind != JsonValue::Kind::number) wrong_type(value, path, "an integer");
  const char* end = value.text.data() + value.text.size();
  auto [ptr, error] = std::from_chars(value.text.data(), end, count);
  if (error != std::errc{} || ptr != end || count < 1)
    fail("import/wrong-type",
         fmt::format("`{}` must be a whole number of at least 1, found {}", path, value.text));
  return count;
}

core::Minor as_money(const JsonValue& value, std::string_view path, int minor_digits) {
  if (value.kind != JsonValue::Kind::string && value.kind != JsonValue::Kind::number)
    wrong_type(value, path, "an amount (a decimal string such as \"19.90\")");
  if (value.kind == JsonValue::Kind::number && value.text.find_first_of("eE") != std::string::npos)
    fail("import/money",
         fmt::format("`{}` is {}, a number with an exponent; an amount must be a plain decimal",
                     path, value.text));
  if (!value.text.empty() && value.text.front() == '-')
    fail("import/money", fmt::format("`{}` is {}: a negative amount", path, value.text));
  auto money = core::parse_bounded_money(value.text, minor_digits);
  if (!money) fail("import/money", fmt::format("`{}`: {}", path, money.error().message));
  return *money;
}

core::Instant as_instant(const JsonValue& value, std::string_view path, bool assume_utc) {
  std::string text = as_string(value, path);
  if (assume_utc && text.size() == 19) text += 'Z';
  auto instant = core::parse_rfc3339(text);
  if (instant) {
    int year = core::rfc3339_written_year(text);
    if (year < core::limits::kMinYear || year > core::limits::kMaxYear)
      fail("import/wrong-type",
           fmt::format("`{}` is \"{}\": years {} to {} only (docs/limits.md)", path, value.text,
                       core::limits::kMinYear, core::limits::kMaxYear));
  }
  if (!instant)
    fail("import/wrong-type",
         fmt::format("`{}` is \"{}\", not a date-time such as 2027-01-05T14:30:00+02:00", path,
                     value.text));
  return *instant;
}

core::Minor add(core::Minor a, core::Minor b, std::string_view path) {
  auto sum = core::checked_add(a, b);
  if (!sum) fail("import/money", fmt::format("`{}`: the amounts overflow", path));
  return *sum;
}

core::Minor sub(core::Minor a, core::Minor b, std::string_view path) {
  auto difference = core::checked_sub(a, b);
  if (!difference || *difference < 0)
    fail("import/money",
         fmt::format("`{}`: the discounts are larger than the amount they discount", path));
  return *difference;
}

std::string element_path(std::string_view array_path, std::size_t index) {
  return fmt::format("{}[{}]", array_path, index);
}

}  // namespace fineprint::intake::detail

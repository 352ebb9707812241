#include "load/claim_json.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <map>
#include <vector>

#include <fmt/format.h>

#include <simdjson.h>
#include "core/json_number.hpp"

#include "core/did_you_mean.hpp"
#include "core/instant.hpp"
#include "core/limits.hpp"
#include "core/unicode.hpp"
#include "load/claim_fields.hpp"
#include "load/claim_schema.hpp"
#include "load/table_reader.hpp"

namespace fineprint::load {

namespace {

namespace od = simdjson::ondemand;
using od::json_type;

// The JSON is not well formed: reading stops at the first such problem.
struct Malformed {
  std::string message;
};

void check(simdjson::error_code error) {
  if (error) throw Malformed{simdjson::error_message(error)};
}

// A key path built on the stack and rendered only when an error needs it.
struct Path {
  const Path* parent = nullptr;
  std::string_view key;
  std::ptrdiff_t index = -1;  // an array element of `parent`
};

void render(const Path* path, std::string& out) {
  if (!path) return;
  render(path->parent, out);
  if (path->index >= 0) {
    out += fmt::format("[{}]", path->index);
  } else {
    if (!out.empty()) out += '.';
    out += path->key;
  }
}

std::string name(const Path& path) {
  std::string out;
  render(&path, out);
  return out;
}

std::string_view type_name(json_type type) {
  switch (type) {
    case json_type::array:
      return "an array";
    case json_type::object:
      return "an object";
    case json_type::number:
      return "a number";
    case json_type::string:
      return "a string";
    case json_type::boolean:
      return "a boolean";
    case json_type::null:
      return "null";
  }
  return "nothing";
}

std::string_view number_text(od::value& value) {
  std::string_view text = value.raw_json_token();
  while (!text.empty() &&
         (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r'))
    text.remove_suffix(1);
  if (!core::is_json_number(text)) throw Malformed{fmt::format("`{}` is not a JSON number", text)};
  return text;
}

using claim_schema::Field;
using claim_schema::Object;
using claim_schema::Required;
using claim_schema::Type;

class Reader {
 public:
  Reader(int digits, model::Claim& claim, core::Diagnostics& out)
      : digits_(digits), claim_(claim), out_(out) {}

  void read(od::document& doc, std::string_view json) {
    json_type type{};
    check(doc.type().get(type));
    if (type != json_type::object) {
      error("schema/wrong-type",
            fmt::format("a claim line must be a JSON object, found {}", type_name(type)));
      return;
    }
    // On Demand reads only what is asked for: skim the whole object first so
    // that anything after it on the line is caught, then read it for real.
    std::string_view whole;
    check(doc.raw_json().get(whole));
    std::size_t end = static_cast<std::size_t>(whole.data() - json.data()) + whole.size();
    if (json.find_first_not_of(" \t\r\n", end) != std::string_view::npos)
      throw Malformed{"content after the claim object"};
    doc.rewind();
    od::object root;
    check(doc.get_object().get(root));
    const auto& document = claim_schema::kDocument;
    auto found = read_fields(root, nullptr, document, claim_);
    // [order] may be left out only by a claim (validate_claim checks when).
    bool has_claim = false;
    for (std::size_t i = 0; i < document.size(); ++i)
      has_claim = has_claim || (document[i].object == Object::claim && found.seen[i]);
    for (std::size_t i = 0; i < document.size(); ++i) {
      if (document[i].object != Object::order) continue;
      claim_.has_order = found.seen[i];
      if (!found.seen[i] && !has_claim) missing(nullptr, document[i].key);
    }
  }

 private:
  void error(std::string rule, std::string message) {
    add_error(out_, std::move(rule), std::move(message), core::SourceRange{});
  }

  // How messages name an object: `order.lines[0]`, or the whole claim.
  static std::string where(const Path* path) {
    return path ? fmt::format("`{}`", name(*path)) : std::string("the claim object");
  }

  void wrong_type(const Path& path, std::string_view expected, std::string_view found) {
    error("schema/wrong-type",
          fmt::format("`{}` must be {}, found {}", name(path), expected, found));
  }

  // What reading an object found besides its values: the keys it has, the
  // length of each array of objects, and (the claim) its kind.
  template <std::size_t N>
  struct Found {
    std::bitset<N> seen;
    std::array<std::optional<std::size_t>, N> sizes{};
    std::optional<model::ClaimKind> kind;
    bool kind_bad = false;
  };

  // Reads a closed object by its table (claim_schema.hpp): each known key
  // once, in any order; unknown and repeated keys are errors, and so are the
  // keys the table always requires when they are missing.
  template <class M, std::size_t N>
  Found<N> read_fields(od::object& object, const Path* parent, const std::array<Field<M>, N>& table,
                       M& model) {
    Found<N> found;
    for (auto result : object) {
      od::field field;
      check(std::move(result).get(field));
      std::string_view key;
      check(field.unescaped_key().get(key));
      std::size_t index = 0;
      while (index < N && table[index].key != key) ++index;
      if (index == N) {
        std::vector<std::string> known;
        known.reserve(N);
        for (const auto& row : table) known.emplace_back(row.key);
        std::string message = fmt::format("unknown key `{}` in {}", key, where(parent));
        if (auto suggestion = core::did_you_mean(key, known))
          message += fmt::format("; did you mean `{}`?", *suggestion);
        error("schema/unknown-key", std::move(message));
        continue;
      }
      Path path{parent, table[index].key};
      if (found.seen[index]) {
        error("schema/duplicate-key", fmt::format("the key `{}` appears twice", name(path)));
        continue;
      }
      found.seen.set(index);
      od::value value = field.value();
      read_value(table[index], index, value, path, model, found);
    }
    for (std::size_t i = 0; i < N; ++i)
      if (table[i].required == Required::always && !found.seen[i]) missing(parent, table[i].key);
    claim_schema::mark_absent(table, model, [&](std::size_t i) { return found.seen[i]; });
    return found;
  }

  void missing(const Path* parent, std::string_view key) {
    error("schema/missing-key",
          fmt::format("the required key `{}` is missing", name(Path{parent, key})));
  }

  template <class M, std::size_t N>
  void read_value(const Field<M>& field, std::size_t index, od::value& v, const Path& at, M& model,
                  Found<N>& found) {
    switch (field.type) {
      case Type::string: {
        std::string text;
        if (string(v, at, text)) claim_schema::assign(field, model, std::move(text));
        break;
      }
      case Type::strings: {
        std::vector<std::string> texts;
        if (strings(v, at, texts)) claim_schema::assign(field, model, std::move(texts));
        break;
      }
      case Type::integer:
        if (auto n = integer(v, at)) claim_schema::assign(field, model, *n);
        break;
      case Type::count:
        if (auto n = count(v, at)) claim_schema::assign(field, model, *n);
        break;
      case Type::boolean:
        if (auto b = boolean(v, at)) claim_schema::assign(field, model, *b);
        break;
      case Type::money:
        if (auto amount = money(v, at)) claim_schema::assign(field, model, *amount);
        break;
      case Type::instant:
        if (auto when = instant(v, at)) claim_schema::assign(field, model, *when);
        break;
      case Type::kind: {
        std::string text;
        if (!string(v, at, text)) {
          found.kind_bad = true;
          break;
        }
        found.kind = claim_fields::parse_kind(text);
        if (!found.kind) {
          found.kind_bad = true;
          error("schema/wrong-type",
                claim_fields::bad_kind_message(fmt::format("`{}`", name(at)), text));
        }
        break;
      }
      case Type::object:
        read_object(field.object, v, at);
        break;
      case Type::objects:
        found.sizes[index] = array(v, at, [&](od::value& element, const Path& element_path) {
          read_object(field.object, element, element_path);
        });
        break;
      case Type::counts: {
        std::map<std::string, std::int64_t> counts;
        if (read_counts(v, at, counts)) claim_schema::assign(field, model, std::move(counts));
        break;
      }
    }
  }

  // The rules of claim_schema.hpp beyond each key: the keys a claim of
  // `kind` requires or must not carry, and arrays of objects that are empty.
  template <class M, std::size_t N>
  void check_found(const Found<N>& found, const Path& path, const std::array<Field<M>, N>& table,
                   std::optional<model::ClaimKind> kind) {
    bool one_of = false, one_of_seen = false;
    for (std::size_t i = 0; i < N; ++i) {
      const Field<M>& field = table[i];
      if (field.required == Required::in_return && kind == model::ClaimKind::return_claim &&
          !found.seen[i])
        missing(&path, field.key);
      if (field.required == Required::one_of_these_in_promotion) {
        one_of = true;
        one_of_seen = one_of_seen || found.seen[i];
      }
    }
    if (one_of && !one_of_seen && kind == model::ClaimKind::promotion_claim)
      error("schema/missing-key", claim_fields::needs_promotion_or_code(where(&path)));
    for (std::size_t i = 0; i < N; ++i) {
      const Field<M>& field = table[i];
      if (!found.sizes[i] || *found.sizes[i] != 0) continue;
      if (kind && !claim_schema::allowed(field.kinds, *kind)) continue;
      std::string elements = fmt::format("{} in `{}`", field.element, name(Path{&path, field.key}));
      error("schema/missing-key", field.required == Required::in_return
                                      ? claim_fields::needs_items(where(&path), elements)
                                      : claim_fields::needs_lines(where(&path), elements));
    }
    if (!kind) return;
    for (std::size_t i = 0; i < N; ++i)
      if (found.seen[i] && !claim_schema::allowed(table[i].kinds, *kind))
        error("schema/unknown-key", fmt::format("`{}` is not allowed in {}: {}", table[i].key,
                                                where(&path), table[i].why_not));
  }

  // The claim objects nested in the claim (claim_schema::Object).
  void read_object(Object which, od::value& value, const Path& path) {
    auto table = object(value, path);
    switch (which) {
      case Object::claim: {
        if (!table) return;
        auto found = read_fields(*table, &path, claim_schema::kClaim, claim_);
        if (found.kind_bad || !found.kind) return;
        claim_.kind = *found.kind;
        check_found(found, path, claim_schema::kClaim, found.kind);
        return;
      }
      case Object::item: {
        model::ClaimItem& item = claim_.items.emplace_back();
        if (table) read_fields(*table, &path, claim_schema::kItem, item);
        return;
      }
      case Object::order: {
        if (!table) return;
        auto found = read_fields(*table, &path, claim_schema::kOrder, claim_.order);
        check_found(found, path, claim_schema::kOrder, std::nullopt);
        return;
      }
      case Object::line: {
        model::OrderLine& line = claim_.order.lines.emplace_back();
        if (table) read_fields(*table, &path, claim_schema::kLine, line);
        return;
      }
      case Object::customer:
        if (table) read_fields(*table, &path, claim_schema::kCustomer, claim_.customer);
        return;
      case Object::goodwill:
        if (table) read_fields(*table, &path, claim_schema::kGoodwill, claim_.goodwill.emplace());
        return;
      case Object::grant: {
        model::GoodwillGrant& grant = claim_.customer.goodwill.emplace_back();
        if (table) read_fields(*table, &path, claim_schema::kGrant, grant);
        return;
      }
      case Object::document:
      case Object::none:
        return;
    }
  }

  // The object at `path`, or nullopt after a type error.
  std::optional<od::object> object(od::value& value, const Path& path) {
    json_type type{};
    check(value.type().get(type));
    if (type != json_type::object) {
      wrong_type(path, "an object", type_name(type));
      return std::nullopt;
    }
    od::object result;
    check(value.get_object().get(result));
    return result;
  }

  // Calls `each(element, path)` for every element of the array at `path`;
  // returns the count, or nullopt after a type error.
  template <class F>
  std::optional<std::size_t> array(od::value& value, const Path& path, F&& each) {
    json_type type{};
    check(value.type().get(type));
    if (type != json_type::array) {
      wrong_type(path, "an array", type_name(type));
      return std::nullopt;
    }
    od::array items;
    check(value.get_array().get(items));
    std::size_t n = 0;
    for (auto result : items) {
      od::value element;
      check(std::move(result).get(element));
      Path at{&path, {}, static_cast<std::ptrdiff_t>(n++)};
      each(element, at);
    }
    return n;
  }

  bool string(od::value& value, const Path& path, std::string& out) {
    json_type type{};
    check(value.type().get(type));
    if (type != json_type::string) {
      wrong_type(path, "a string", type_name(type));
      return false;
    }
    std::string_view text;
    check(value.get_string().get(text));
    // Every string in NFC, as in TOML claims and rulebooks (core/unicode.hpp).
    if (core::is_ascii(text)) {
      out.assign(text);
    } else {
      out = core::to_nfc(text);
    }
    return true;
  }

  std::optional<std::int64_t> integer(od::value& value, const Path& path) {
    json_type type{};
    check(value.type().get(type));
    if (type != json_type::number) {
      wrong_type(path, "an integer", type_name(type));
      return std::nullopt;
    }
    std::string_view text = number_text(value);
    std::int64_t result = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), result);
    if (end != text.data() + text.size()) {
      wrong_type(path, "an integer", text);
      return std::nullopt;
    }
    if (ec != std::errc{}) {
      error("schema/wrong-type", fmt::format("`{}` {} is out of range", name(path), text));
      return std::nullopt;
    }
    return result;
  }

  std::optional<bool> boolean(od::value& value, const Path& path) {
    json_type type{};
    check(value.type().get(type));
    if (type != json_type::boolean) {
      wrong_type(path, "true or false", type_name(type));
      return std::nullopt;
    }
    bool result = false;
    check(value.get_bool().get(result));
    return result;
  }

  std::optional<core::Minor> money(od::value& value, const Path& path) {
    json_type type{};
    check(value.type().get(type));
    core::Result<core::Minor> result = core::Error{};
    if (type == json_type::string) {
      std::string_view text;
      check(value.get_string().get(text));
      result = core::parse_bounded_money(text, digits_);
    } else if (type == json_type::number) {
      result = claim_fields::money_from_literal(number_text(value), digits_);
    } else {
      wrong_type(path, "money (a string like \"39.90\" or an exact decimal number)",
                 type_name(type));
      return std::nullopt;
    }
    if (!result) {
      error(result.error().rule, fmt::format("`{}`: {}", name(path), result.error().message));
      return std::nullopt;
    }
    return *result;
  }

  std::optional<core::Instant> instant(od::value& value, const Path& path) {
    json_type type{};
    check(value.type().get(type));
    constexpr std::string_view kExpected =
        "an RFC 3339 date-time with an offset, like \"2027-01-03T10:00:00+02:00\"";
    if (type != json_type::string) {
      wrong_type(path, kExpected, type_name(type));
      return std::nullopt;
    }
    std::string_view text;
    check(value.get_string().get(text));
    if (auto parsed = core::parse_rfc3339(text)) {
      int year = core::rfc3339_written_year(text);
      if (year_allowed(year)) return parsed;
      error("schema/wrong-type",
            year_message(fmt::format("`{}`", name(path)), fmt::format("\"{}\"", text), year));
      return std::nullopt;
    }
    wrong_type(path, kExpected, fmt::format("\"{}\"", text));
    return std::nullopt;
  }

  bool strings(od::value& value, const Path& path, std::vector<std::string>& out) {
    out.clear();
    bool ok = true;
    auto n = array(value, path, [&](od::value& element, const Path& at) {
      std::string text;
      if (string(element, at, text)) {
        out.push_back(std::move(text));
      } else {
        ok = false;
      }
    });
    return n && ok;
  }

  std::optional<std::int64_t> count(od::value& value, const Path& path) {
    auto n = integer(value, path);
    if (!n) return std::nullopt;
    if (*n >= 0 && *n <= core::limits::kMaxCount) return n;  // messages only when needed
    auto checked = claim_fields::count(*n, fmt::format("`{}`", name(path)));
    if (!checked) {
      error(checked.error().rule, checked.error().message);
      return std::nullopt;
    }
    return *checked;
  }

  // An open object: promotion id → times redeemed. Ids are compared in NFC,
  // like every name; two spellings of one id are named in the error.
  bool read_counts(od::value& value, const Path& path,
                   std::map<std::string, std::int64_t>& counts) {
    auto table = object(value, path);
    if (!table) return false;
    std::map<std::string, std::string> written;  // NFC id → the key as first written
    for (auto result : *table) {
      od::field field;
      check(std::move(result).get(field));
      std::string_view key;
      check(field.unescaped_key().get(key));
      std::string id = core::to_nfc(key);
      Path at{&path, id};
      if (counts.count(id)) {
        const std::string& first = written[id];
        if (first == key) {
          error("schema/duplicate-key", fmt::format("the key `{}` appears twice", name(at)));
        } else {
          error(
              "schema/duplicate-key",
              fmt::format(
                  "the key `{}` (written {}) is the key `{}` (written {}) after Unicode normalization; fineprint compares keys and names in NFC, so it appears twice",
                  name(Path{&path, key}), core::written_form(key), name(Path{&path, first}),
                  core::written_form(first)));
        }
        continue;
      }
      written.emplace(id, key);
      od::value v = field.value();
      if (auto n = count(v, at)) counts.emplace(std::move(id), *n);
    }
    return true;
  }

  int digits_;
  model::Claim& claim_;
  core::Diagnostics& out_;
};

// The '{' and '[' bytes of `json`, 8 at a time: '{' is 0x7b and '[' 0x5b, so
// a byte is one of them exactly when it is 0x7b with bit 0x20 set; the zero
// bytes of (word | 0x20…) ^ 0x7b… are counted exactly, without carries.
std::size_t count_openers(std::string_view json) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kLow7 = kOnes * 0x7f;
  std::size_t count = 0, i = 0;
  for (; i + 8 <= json.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, json.data() + i, 8);
    std::uint64_t y = (word | kOnes * 0x20) ^ (kOnes * 0x7b);
    std::uint64_t nonzero = ((y & kLow7) + kLow7) | y;
    // One 0x01 per matching byte, summed into the top byte by a multiply
    // (a popcount would be a library call without -mpopcnt).
    count += static_cast<std::size_t>((((~nonzero & ~kLow7) >> 7) * kOnes) >> 56);
  }
  for (; i < json.size(); ++i) count += json[i] == '{' || json[i] == '[';
  return count;
}

// Where objects and arrays first nest deeper than `limit` below the claim
// object (a byte offset), or npos. Brackets inside strings do not count; an
// unbalanced line is left to the parser, which calls it malformed.
std::size_t too_deep_at(std::string_view json, std::size_t limit) {
  // Too few brackets to go that deep: the common case costs one count.
  if (count_openers(json) <= limit + 1) return std::string_view::npos;
  std::size_t depth = 0, first = std::string_view::npos;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      // The claim object itself is depth 1, level 0.
      if (++depth > limit + 1 && first == std::string_view::npos) first = i;
    } else if (c == '}' || c == ']') {
      if (depth == 0) return std::string_view::npos;
      --depth;
    }
  }
  return depth == 0 && !in_string ? first : std::string_view::npos;
}

}  // namespace

struct JsonClaimReader::Impl {
  explicit Impl(const model::Rulebook& rules) : rulebook(rules) {}
  const model::Rulebook& rulebook;
  simdjson::ondemand::parser parser;
  std::string buffer;  // padded copies for read()
};

JsonClaimReader::JsonClaimReader(const model::Rulebook& rulebook)
    : impl_(std::make_unique<Impl>(rulebook)) {}

JsonClaimReader::~JsonClaimReader() = default;

core::Diagnostics JsonClaimReader::read(std::string_view json, model::Claim& claim) {
  impl_->buffer.assign(json);
  impl_->buffer.append(kPadding, '\0');
  return read_padded(std::string_view(impl_->buffer.data(), json.size()), claim);
}

core::Diagnostics JsonClaimReader::read_padded(std::string_view json, model::Claim& claim) {
  claim = model::Claim{};
  core::Diagnostics out;
  const model::Rulebook& rulebook = impl_->rulebook;
  if (std::size_t at = too_deep_at(json, core::limits::kMaxJsonNesting);
      at != std::string_view::npos) {
    add_error(
        out, "schema/parse-error",
        fmt::format(
            "objects and arrays nest more than {} levels below the claim object (from byte {} of the line), the most fineprint reads (docs/limits.md)",
            core::limits::kMaxJsonNesting, at + 1),
        {});
    return out;
  }
  try {
    simdjson::padded_string_view padded(json.data(), json.size(), json.size() + kPadding);
    od::document doc;
    check(impl_->parser.iterate(padded).get(doc));
    Reader reader(rulebook.store.currency.minor_digits, claim, out);
    reader.read(doc, json);
  } catch (const Malformed& malformed) {
    out.clear();
    add_error(out, "schema/parse-error", fmt::format("not valid JSON: {}", malformed.message), {});
    return out;
  }
  if (!out.empty()) return out;
  // No places: JSON has no line and column per value, so each error names
  // its key path (Diagnostic::key_path).
  return validate_claim(claim, rulebook, ClaimPlaces{}, true);
}

std::string json_claim_error_text(const core::Diagnostics& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics) {
    if (d.severity != core::Severity::error) continue;
    if (!text.empty()) text += "; ";
    if (!d.key_path.empty()) text += d.key_path + ": ";
    text += d.message;
  }
  return text;
}

}  // namespace fineprint::load

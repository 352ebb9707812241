#include "load/claim_json.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <map>
#include <span>
#include <vector>

#include <fmt/format.h>
#include <simdjson.h>

#include "core/did_you_mean.hpp"
#include "core/instant.hpp"
#include "core/limits.hpp"
#include "core/unicode.hpp"
#include "load/claim_fields.hpp"
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

// The JSON number grammar (RFC 8259 §6): simdjson checks numbers only when
// they are converted, and money and integers are read from the literal text.
bool is_json_number(std::string_view text) {
  std::size_t i = 0;
  auto digit = [&](std::size_t at) {
    return at < text.size() && text[at] >= '0' && text[at] <= '9';
  };
  if (i < text.size() && text[i] == '-') ++i;
  if (!digit(i)) return false;
  if (text[i] == '0') {
    ++i;
  } else {
    while (digit(i)) ++i;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  return i == text.size();
}

std::string_view number_text(od::value& value) {
  std::string_view text = value.raw_json_token();
  while (!text.empty() &&
         (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r'))
    text.remove_suffix(1);
  if (!is_json_number(text)) throw Malformed{fmt::format("`{}` is not a JSON number", text)};
  return text;
}

using Keys = std::span<const std::string_view>;

constexpr std::array<std::string_view, 3> kRootKeys{"claim", "order", "customer"};
constexpr std::array<std::string_view, 7> kClaimKeys{"id",        "kind", "filed_at", "has_receipt",
                                                     "promotion", "code", "items"};
constexpr std::array<std::string_view, 4> kItemKeys{"sku", "qty", "condition", "reason"};
constexpr std::array<std::string_view, 9> kOrderKeys{
    "id",       "placed_at",         "delivered_at", "channel",      "codes",
    "shipping", "discount_received", "lines",        "shipping_paid"};
constexpr std::array<std::string_view, 6> kLineKeys{"sku",        "category", "qty",
                                                    "unit_price", "paid",     "final_sale"};
constexpr std::array<std::string_view, 5> kCustomerKeys{"id", "segments", "orders_before",
                                                        "returns_90d", "redemptions"};

constexpr std::uint32_t bit(std::size_t index) {
  return std::uint32_t{1} << index;
}

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
    std::uint32_t seen =
        fields(root, nullptr, kRootKeys, [&](std::size_t key, od::value value, const Path& path) {
          if (key == 0) read_claim(value, path);
          if (key == 1) read_order(value, path);
          if (key == 2) read_customer(value, path);
        });
    required(seen, bit(0) | bit(1), nullptr, kRootKeys);
  }

 private:
  void error(std::string rule, std::string message) {
    report(out_, std::move(rule), std::move(message), core::SourceRange{});
  }

  // How messages name an object: `order.lines[0]`, or the whole claim.
  static std::string where(const Path* path) {
    return path ? fmt::format("`{}`", name(*path)) : std::string("the claim object");
  }

  void wrong_type(const Path& path, std::string_view expected, std::string_view found) {
    error("schema/wrong-type",
          fmt::format("`{}` must be {}, found {}", name(path), expected, found));
  }

  // Iterates a closed object: each known key once, in any order; unknown and
  // repeated keys are errors. Returns the keys seen, as bits of `keys`.
  template <class F>
  std::uint32_t fields(od::object& object, const Path* parent, Keys keys, F&& on_field) {
    std::uint32_t seen = 0;
    for (auto result : object) {
      od::field field;
      check(std::move(result).get(field));
      std::string_view key;
      check(field.unescaped_key().get(key));
      std::size_t index = 0;
      while (index < keys.size() && keys[index] != key) ++index;
      if (index == keys.size()) {
        std::vector<std::string> known(keys.begin(), keys.end());
        std::string message = fmt::format("unknown key `{}` in {}", key, where(parent));
        if (auto suggestion = core::did_you_mean(key, known))
          message += fmt::format("; did you mean `{}`?", *suggestion);
        error("schema/unknown-key", std::move(message));
        continue;
      }
      Path path{parent, keys[index]};
      if (seen & bit(index)) {
        error("schema/duplicate-key", fmt::format("the key `{}` appears twice", name(path)));
        continue;
      }
      seen |= bit(index);
      on_field(index, field.value(), path);
    }
    return seen;
  }

  void required(std::uint32_t seen, std::uint32_t needed, const Path* parent, Keys keys) {
    for (std::size_t i = 0; i < keys.size(); ++i)
      if ((needed & bit(i)) && !(seen & bit(i)))
        error("schema/missing-key",
              fmt::format("the required key `{}` is missing", name(Path{parent, keys[i]})));
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

  void read_claim(od::value& value, const Path& path) {
    auto table = object(value, path);
    if (!table) return;
    model::Claim& claim = claim_;
    std::optional<model::ClaimKind> kind;
    bool kind_bad = false;
    std::optional<std::size_t> items;
    std::uint32_t seen =
        fields(*table, &path, kClaimKeys, [&](std::size_t key, od::value v, const Path& at) {
          switch (key) {
            case 0:
              string(v, at, claim.id);
              break;
            case 1: {
              std::string text;
              if (!string(v, at, text)) {
                kind_bad = true;
                break;
              }
              kind = claim_fields::parse_kind(text);
              if (!kind) {
                kind_bad = true;
                error("schema/wrong-type",
                      claim_fields::bad_kind_message(fmt::format("`{}`", name(at)), text));
              }
              break;
            }
            case 2:
              if (auto filed = instant(v, at)) claim.filed_at = *filed;
              break;
            case 3:
              if (auto receipt = boolean(v, at)) claim.has_receipt = *receipt;
              break;
            case 4: {
              std::string text;
              if (string(v, at, text)) claim.promotion = std::move(text);
              break;
            }
            case 5: {
              std::string text;
              if (string(v, at, text)) claim.code = std::move(text);
              break;
            }
            case 6:
              items = array(v, at, [&](od::value& element, const Path& item_path) {
                read_item(element, item_path);
              });
              break;
          }
        });
    required(seen, bit(0) | bit(1) | bit(2), &path, kClaimKeys);
    if (kind_bad || !kind) return;
    claim.kind = *kind;
    auto not_allowed = [&](std::size_t key) {
      if (!(seen & bit(key))) return;
      error("schema/unknown-key",
            fmt::format("`{}` is not allowed in {}: {}", kClaimKeys[key], where(&path),
                        claim_fields::not_allowed_why(*kind, kClaimKeys[key]).value_or("")));
    };
    if (*kind == model::ClaimKind::promotion_claim) {
      if (!(seen & (bit(4) | bit(5))))
        error("schema/missing-key", claim_fields::needs_promotion_or_code(where(&path)));
      not_allowed(6);
    } else {
      if (!(seen & bit(6))) {
        required(seen, bit(6), &path, kClaimKeys);
      } else if (items && *items == 0) {
        error(
            "schema/missing-key",
            claim_fields::needs_items(where(&path), fmt::format("item in `{}.items`", name(path))));
      }
      not_allowed(4);
      not_allowed(5);
    }
  }

  void read_item(od::value& value, const Path& path) {
    auto table = object(value, path);
    model::ClaimItem& item = claim_.items.emplace_back();
    if (!table) return;
    std::uint32_t seen =
        fields(*table, &path, kItemKeys, [&](std::size_t key, od::value v, const Path& at) {
          switch (key) {
            case 0:
              string(v, at, item.sku);
              break;
            case 1:
              if (auto qty = integer(v, at)) item.qty = *qty;
              break;
            case 2:
              string(v, at, item.condition);
              break;
            case 3:
              string(v, at, item.reason);
              break;
          }
        });
    required(seen, bit(0) | bit(1) | bit(2) | bit(3), &path, kItemKeys);
  }

  void read_order(od::value& value, const Path& path) {
    auto table = object(value, path);
    if (!table) return;
    model::Order& order = claim_.order;
    std::optional<std::size_t> lines;
    std::uint32_t seen =
        fields(*table, &path, kOrderKeys, [&](std::size_t key, od::value v, const Path& at) {
          switch (key) {
            case 0:
              string(v, at, order.id);
              break;
            case 1:
              if (auto placed = instant(v, at)) order.placed_at = *placed;
              break;
            case 2:
              if (auto delivered = instant(v, at)) order.delivered_at = *delivered;
              break;
            case 3:
              string(v, at, order.channel);
              break;
            case 4:
              strings(v, at, order.codes);
              break;
            case 5:
              if (auto shipping = money(v, at)) order.shipping = *shipping;
              break;
            case 6:
              if (auto received = money(v, at)) order.discount_received = *received;
              break;
            case 7:
              lines = array(v, at, [&](od::value& element, const Path& line_path) {
                read_line(element, line_path);
              });
              break;
            case 8:
              if (auto shipping_paid = money(v, at)) order.shipping_paid = *shipping_paid;
              break;
          }
        });
    required(seen, bit(0) | bit(1) | bit(3) | bit(7), &path, kOrderKeys);
    if (lines && *lines == 0)
      error("schema/missing-key",
            claim_fields::needs_lines(fmt::format("`{}`", name(path)),
                                      fmt::format("line in `{}.lines`", name(path))));
  }

  void read_line(od::value& value, const Path& path) {
    auto table = object(value, path);
    model::OrderLine& line = claim_.order.lines.emplace_back();
    if (!table) return;
    std::uint32_t seen =
        fields(*table, &path, kLineKeys, [&](std::size_t key, od::value v, const Path& at) {
          switch (key) {
            case 0:
              string(v, at, line.sku);
              break;
            case 1:
              string(v, at, line.category);
              break;
            case 2:
              if (auto qty = integer(v, at)) line.qty = *qty;
              break;
            case 3:
              if (auto price = money(v, at)) line.unit_price = *price;
              break;
            case 4:
              if (auto paid = money(v, at)) line.paid = *paid;
              break;
            case 5:
              if (auto final_sale = boolean(v, at)) line.final_sale = *final_sale;
              break;
          }
        });
    required(seen, bit(0) | bit(1) | bit(2) | bit(3), &path, kLineKeys);
  }

  void read_customer(od::value& value, const Path& path) {
    auto table = object(value, path);
    if (!table) return;
    model::Customer& customer = claim_.customer;
    fields(*table, &path, kCustomerKeys, [&](std::size_t key, od::value v, const Path& at) {
      switch (key) {
        case 0:
          string(v, at, customer.id);
          break;
        case 1:
          strings(v, at, customer.segments);
          break;
        case 2:
          customer.orders_before = count(v, at);
          break;
        case 3:
          customer.returns_90d = count(v, at);
          break;
        case 4:
          read_redemptions(v, at);
          break;
      }
    });
  }

  // An open object: promotion id → times redeemed. Ids are compared in NFC,
  // like every name; two spellings of one id are named in the error.
  void read_redemptions(od::value& value, const Path& path) {
    auto table = object(value, path);
    if (!table) return;
    std::map<std::string, std::string> written;  // NFC id → the key as first written
    for (auto result : *table) {
      od::field field;
      check(std::move(result).get(field));
      std::string_view key;
      check(field.unescaped_key().get(key));
      std::string id = core::to_nfc(key);
      Path at{&path, id};
      if (claim_.customer.redemptions.count(id)) {
        const std::string& first = written[id];
        if (first == key) {
          error("schema/duplicate-key", fmt::format("the key `{}` appears twice", name(at)));
        } else {
          error("schema/duplicate-key",
                fmt::format("the key `{}` (written {}) is the key `{}` (written {}) after "
                            "Unicode normalization; fineprint compares keys and names in NFC, so "
                            "it appears twice",
                            name(Path{&path, key}), core::written_form(key),
                            name(Path{&path, first}), core::written_form(first)));
        }
        continue;
      }
      written.emplace(id, key);
      od::value v = field.value();
      if (auto n = count(v, at)) claim_.customer.redemptions.emplace(std::move(id), *n);
    }
  }

  int digits_;
  model::Claim& claim_;
  core::Diagnostics& out_;
};

// Where objects and arrays first nest deeper than `limit` below the claim
// object (a byte offset), or npos. Brackets inside strings do not count; an
// unbalanced line is left to the parser, which calls it malformed.
std::size_t too_deep_at(std::string_view json, std::size_t limit) {
  // Too few brackets to go that deep: the common case costs two counts.
  if (static_cast<std::size_t>(std::count(json.begin(), json.end(), '{') +
                               std::count(json.begin(), json.end(), '[')) <= limit + 1)
    return std::string_view::npos;
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

// The places validate_claim names in its errors, as key paths.
ClaimPlaces places_of(const model::Claim& claim) {
  ClaimPlaces places;
  auto at = [](std::string path) {
    core::SourceRange range;
    range.file = std::move(path);
    return range;
  };
  places.filed_at = at("claim.filed_at");
  places.placed_at = at("order.placed_at");
  places.delivered_at = at("order.delivered_at");
  places.channel = at("order.channel");
  places.items_key = at("claim.items");
  places.lines_key = at("order.lines");
  for (std::size_t i = 0; i < claim.items.size(); ++i) {
    std::string base = fmt::format("claim.items[{}].", i);
    places.items.push_back(
        {at(base + "sku"), at(base + "qty"), at(base + "condition"), at(base + "reason")});
  }
  for (std::size_t i = 0; i < claim.order.lines.size(); ++i) {
    std::string base = fmt::format("order.lines[{}].", i);
    places.lines.push_back({at(base + "sku"), at(base + "qty")});
  }
  return places;
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
    report(out, "schema/parse-error",
           fmt::format("objects and arrays nest more than {} levels below the claim object "
                       "(from byte {} of the line), the most fineprint reads (docs/limits.md)",
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
    report(out, "schema/parse-error", fmt::format("not valid JSON: {}", malformed.message), {});
    return out;
  }
  if (!out.empty()) return out;
  // Without places first: errors are rare, and the key paths cost allocations.
  out = validate_claim(claim, rulebook, ClaimPlaces{}, true);
  if (!out.empty()) out = validate_claim(claim, rulebook, places_of(claim), true);
  return out;
}

std::string json_claim_error_text(const core::Diagnostics& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics) {
    if (d.severity != core::Severity::error) continue;
    if (!text.empty()) text += "; ";
    if (!d.where.file.empty()) text += d.where.file + ": ";
    text += d.message;
  }
  return text;
}

}  // namespace fineprint::load

// The claim format's one table (src/load/claim_schema.hpp) against the JSON
// Schema (schemas/claim.schema.json) and against both readers: the same keys,
// types and required-ness everywhere, so none of the three can drift.
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "engine/engine_fixture.hpp"
#include "load/claim_json.hpp"
#include "load/claim_loader.hpp"
#include "load/claim_schema.hpp"
#include "load/rulebook_loader.hpp"
#include "mini_json.hpp"

using namespace fineprint;
using load::claim_schema::Field;
using load::claim_schema::Kinds;
using load::claim_schema::Object;
using load::claim_schema::Required;
using load::claim_schema::Type;
using testing::Json;

namespace {

const Json& schema() {
  static const Json parsed = [] {
    std::ifstream in(std::string(FINEPRINT_SOURCE_DIR) + "/schemas/claim.schema.json");
    std::stringstream text;
    text << in.rdbuf();
    return testing::parse_json(text.str());
  }();
  return parsed;
}

const Json& def(std::string_view name) {
  const Json* defs = schema().get("$defs");
  REQUIRE(defs);
  const Json* found = defs->get(name);
  INFO(name);
  REQUIRE(found);
  return *found;
}

std::string_view def_name(Object object) {
  switch (object) {
    case Object::document:
      return "document";
    case Object::claim:
      return "claim";
    case Object::item:
      return "item";
    case Object::order:
      return "order";
    case Object::line:
      return "line";
    case Object::customer:
      return "customer";
    case Object::goodwill:
      return "goodwillChoice";
    case Object::grant:
      return "goodwillGrant";
    case Object::none:
      break;
  }
  return "";
}

std::set<std::string> strings_of(const Json* array) {
  std::set<std::string> out;
  if (!array) return out;
  for (const Json& item : array->items) out.insert(item.string);
  return out;
}

std::string ref_of(const Json& property) {
  const Json* ref = property.get("$ref");
  return ref ? ref->string : std::string{};
}

std::string type_of(const Json& property) {
  const Json* type = property.get("type");
  return type ? type->string : std::string{};
}

// The schema's description of a value matches the row's type.
template <class M>
void check_type(const Field<M>& field, const Json& property) {
  INFO("key `" << field.key << "`");
  std::string ref = ref_of(property), type = type_of(property);
  switch (field.type) {
    case Type::string:
      CHECK(type == "string");
      break;
    case Type::strings:
      CHECK(ref == "#/$defs/names");
      break;
    case Type::integer:
      CHECK(type == "integer");
      break;
    case Type::count:
      CHECK(ref == "#/$defs/count");
      break;
    case Type::boolean:
      CHECK(type == "boolean");
      break;
    case Type::money:
      CHECK(ref == "#/$defs/money");
      break;
    case Type::instant:
      CHECK(ref == "#/$defs/dateTime");
      break;
    case Type::kind:
      CHECK(strings_of(property.get("enum")) == std::set<std::string>{"return", "promotion"});
      break;
    case Type::object:
      CHECK(ref == fmt::format("#/$defs/{}", def_name(field.object)));
      break;
    case Type::objects: {
      CHECK(type == "array");
      const Json* items = property.get("items");
      REQUIRE(items);
      CHECK(ref_of(*items) == fmt::format("#/$defs/{}", def_name(field.object)));
      const Json* min = property.get("minItems");
      REQUIRE(min);
      CHECK(min->number == 1);
      break;
    }
    case Type::counts: {
      CHECK(type == "object");
      const Json* values = property.get("additionalProperties");
      REQUIRE(values);
      CHECK(ref_of(*values) == "#/$defs/count");
      break;
    }
  }
}

// The keys, in order, their types and which are always required.
template <class M, std::size_t N>
void check_object(Object object, const std::array<Field<M>, N>& table) {
  INFO("$defs/" << def_name(object));
  const Json& schema_object = def(def_name(object));
  const Json* properties = schema_object.get("properties");
  REQUIRE(properties);
  std::vector<std::string> schema_keys, table_keys;
  for (const auto& member : properties->members) schema_keys.push_back(member.first);
  std::set<std::string> required, table_required;
  required = strings_of(schema_object.get("required"));
  for (const Field<M>& field : table) {
    table_keys.emplace_back(field.key);
    if (field.required == Required::always) table_required.emplace(field.key);
    if (const Json* property = properties->get(field.key)) check_type(field, *property);
  }
  CHECK(table_keys == schema_keys);
  CHECK(table_required == required);
  if (object != Object::document) {
    const Json* closed = schema_object.get("additionalProperties");
    REQUIRE(closed);
    CHECK(closed->is(Json::Kind::boolean));
    CHECK_FALSE(closed->boolean);
  }
}

// The keys each claim kind requires or refuses (the claim's allOf).
std::set<std::string> keys_where(auto predicate) {
  std::set<std::string> out;
  for (const auto& field : load::claim_schema::kClaim)
    if (predicate(field)) out.emplace(field.key);
  return out;
}

const Json& then_of_kind(std::string_view kind) {
  const Json* all_of = def("claim").get("allOf");
  REQUIRE(all_of);
  for (const Json& branch : all_of->items) {
    const Json* when = branch.get("if");
    REQUIRE(when);
    const Json* properties = when->get("properties");
    REQUIRE(properties);
    const Json* kind_value = properties->get("kind");
    REQUIRE(kind_value);
    if (kind_value->get("const")->string == kind) return *branch.get("then");
  }
  FAIL("no branch for kind " << kind);
  static const Json none;
  return none;
}

std::set<std::string> required_in_any_of(const Json* any_of) {
  std::set<std::string> out;
  if (!any_of) return out;
  for (const Json& option : any_of->items)
    for (const auto& key : strings_of(option.get("required"))) out.insert(key);
  return out;
}

const model::Rulebook& bundled() {
  return test::bundled_rulebook();
}

// One return claim with each key on its own line in both forms.
const std::string kToml = R"([claim]
id = "A-1"
kind = "return"
filed_at = 2027-01-05T14:20:00+02:00

[[claim.items]]
sku = "HAT-201"
qty = 1
condition = "sealed"
reason = "changed_mind"

[order]
id = "O-1"
placed_at = 2026-12-08T19:42:00+02:00
channel = "web"

[[order.lines]]
sku = "HAT-201"
category = "hats"
qty = 1
unit_price = "29.00"
)";

const std::string kJson =
    R"({"claim": {"id": "A-1", "kind": "return", "filed_at": "2027-01-05T14:20:00+02:00", )"
    R"("items": [{"sku": "HAT-201", "qty": 1, "condition": "sealed", "reason": "changed_mind"}]}, )"
    R"("order": {"id": "O-1", "placed_at": "2026-12-08T19:42:00+02:00", "channel": "web", )"
    R"("lines": [{"sku": "HAT-201", "category": "hats", "qty": 1, "unit_price": "29.00"}]}})";

// Removes the first `key = …` line after `header` (TOML) or the first
// `"key": …` member after `"object":` (JSON).
std::string without_toml(const std::string& header, std::string_view key) {
  std::string text = kToml;
  std::size_t from = text.find(header);
  REQUIRE(from != std::string::npos);
  std::size_t at = text.find(fmt::format("\n{} = ", key), from);
  REQUIRE(at != std::string::npos);
  return text.erase(at + 1, text.find('\n', at + 1) - at);
}

std::string without_json(const std::string& object, std::string_view key) {
  std::string text = kJson;
  std::size_t from = text.find(fmt::format("\"{}\":", object));
  REQUIRE(from != std::string::npos);
  std::size_t at = text.find(fmt::format("\"{}\": ", key), from);
  REQUIRE(at != std::string::npos);
  std::size_t end = at;
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = text.find(':', at) + 1; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (depth == 0) {
        end = i;
        break;
      }
      --depth;
    } else if (c == ',' && depth == 0) {
      end = i + 2;  // the comma and the space after it
      break;
    }
  }
  // The last member: take the comma before it instead.
  if (text[end] == '}') {
    std::size_t comma = text.rfind(',', at);
    return text.erase(comma, end - comma);
  }
  return text.erase(at, end - at);
}

template <class M, std::size_t N>
void check_required_in_readers(const std::array<Field<M>, N>& table, const std::string& header,
                               const std::string& context, const std::string& object,
                               const std::string& json_path) {
  const model::Rulebook& rules = bundled();
  load::JsonClaimReader reader(rules);
  for (const Field<M>& field : table) {
    if (field.required != Required::always || field.type == Type::objects) continue;
    INFO(json_path << "." << field.key);
    auto toml = load::load_claim_text(without_toml(header, field.key), "c.toml", rules);
    REQUIRE(toml.diagnostics.size() == 1);
    CHECK(toml.diagnostics[0].message ==
          fmt::format("{} is missing the required key `{}`", context, field.key));
    model::Claim claim;
    CHECK(load::json_claim_error_text(reader.read(without_json(object, field.key), claim)) ==
          fmt::format("the required key `{}.{}` is missing", json_path, field.key));
  }
}

}  // namespace

TEST_CASE("claim schema table: the JSON Schema has the same keys, types and required keys",
          "[claim-schema]") {
  check_object(Object::document, load::claim_schema::kDocument);
  check_object(Object::claim, load::claim_schema::kClaim);
  check_object(Object::item, load::claim_schema::kItem);
  check_object(Object::order, load::claim_schema::kOrder);
  check_object(Object::line, load::claim_schema::kLine);
  check_object(Object::customer, load::claim_schema::kCustomer);
  check_object(Object::goodwill, load::claim_schema::kGoodwill);
  check_object(Object::grant, load::claim_schema::kGrant);
}

TEST_CASE("claim schema table: the keys each kind of claim requires or refuses", "[claim-schema]") {
  const Json& returns = then_of_kind("return");
  CHECK(strings_of(returns.get("required")) ==
        keys_where([](const auto& f) { return f.required == Required::in_return; }));
  const Json* refused = returns.get("not");
  REQUIRE(refused);
  CHECK(required_in_any_of(refused->get("anyOf")) ==
        keys_where([](const auto& f) { return f.kinds == Kinds::promotion_only; }));

  const Json& promotions = then_of_kind("promotion");
  CHECK(required_in_any_of(promotions.get("anyOf")) == keys_where([](const auto& f) {
          return f.required == Required::one_of_these_in_promotion;
        }));
  refused = promotions.get("not");
  REQUIRE(refused);
  CHECK(required_in_any_of(refused->get("anyOf")) ==
        keys_where([](const auto& f) { return f.kinds == Kinds::return_only; }));
}

TEST_CASE("claim schema table: both readers require the table's required keys", "[claim-schema]") {
  const model::Rulebook& rules = bundled();
  {
    auto toml = load::load_claim_text(kToml, "c.toml", rules);
    INFO((toml.diagnostics.empty() ? std::string{} : toml.diagnostics[0].message));
    REQUIRE(toml.ok());
    load::JsonClaimReader reader(rules);
    model::Claim claim;
    REQUIRE(load::json_claim_error_text(reader.read(kJson, claim)).empty());
  }
  check_required_in_readers(load::claim_schema::kClaim, "[claim]", "[claim]", "claim", "claim");
  check_required_in_readers(load::claim_schema::kItem, "[[claim.items]]", "[[claim.items]] #1",
                            "items", "claim.items[0]");
  check_required_in_readers(load::claim_schema::kOrder, "[order]", "[order]", "order", "order");
  check_required_in_readers(load::claim_schema::kLine, "[[order.lines]]", "[[order.lines]] #1",
                            "lines", "order.lines[0]");
}

TEST_CASE("claim schema: a JSON claim's semantic errors carry a key path, not a file",
          "[claim-schema]") {
  load::JsonClaimReader reader(bundled());
  model::Claim claim;
  std::string json = kJson;
  json.replace(json.find("\"qty\": 1, \"condition\""), 8, "\"qty\": 2");
  auto errors = reader.read(json, claim);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].key_path == "claim.items[0].qty");
  CHECK(errors[0].where.file.empty());
  CHECK(load::json_claim_error_text(errors) ==
        "claim.items[0].qty: the claim returns 2 × `HAT-201` but order line #1 holds only 1");
}

// The JSON claim reader against the TOML one: the same claims accepted and
// decided alike, the same mistakes rejected, and JSON-only rules (number
// literals, key paths, duplicate keys, malformed lines).
#include <algorithm>
#include <set>

#include <catch2/catch.hpp>

#include "engine/decision.hpp"
#include "engine/engine_fixture.hpp"
#include "load/claim_json.hpp"
#include "load/claim_loader.hpp"
#include "load/rulebook_loader.hpp"
#include "report/decision_json.hpp"

using namespace fineprint;

namespace {

const model::Rulebook& bundled() {
  return test::bundled_rulebook();
}

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
delivered_at = 2026-12-10T12:05:00+02:00
channel = "web"
shipping = "4.90"

[[order.lines]]
sku = "HAT-201"
category = "hats"
qty = 1
unit_price = "29.00"

[customer]
id = "C-1"
returns_90d = 0
)";

const std::string kJson =
    R"({"claim": {"id": "A-1", "kind": "return", "filed_at": "2027-01-05T14:20:00+02:00", )"
    R"("items": [{"sku": "HAT-201", "qty": 1, "condition": "sealed", "reason": "changed_mind"}]}, )"
    R"("order": {"id": "O-1", "placed_at": "2026-12-08T19:42:00+02:00", )"
    R"("delivered_at": "2026-12-10T12:05:00+02:00", "channel": "web", "shipping": "4.90", )"
    R"("lines": [{"sku": "HAT-201", "category": "hats", "qty": 1, "unit_price": "29.00"}]}, )"
    R"("customer": {"id": "C-1", "returns_90d": 0}})";

// One change written in both forms.
struct Variant {
  std::string name;
  std::string toml_from, toml_to, json_from, json_to;
};

std::string apply(std::string text, const std::string& from, const std::string& to) {
  if (from.empty()) return text;
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::set<std::string> rules_of(const core::Diagnostics& diagnostics) {
  std::set<std::string> out;
  for (const auto& d : diagnostics)
    if (d.severity == core::Severity::error) out.insert(d.rule);
  return out;
}

}  // namespace

TEST_CASE("valid claims: TOML and JSON forms load alike and decide byte-identically",
          "[claim-json]") {
  const std::vector<Variant> valid{
      {"as written", "", "", "", ""},
      {"no receipt", "kind = \"return\"\n", "kind = \"return\"\nhas_receipt = false\n",
       "\"kind\": \"return\", ", "\"kind\": \"return\", \"has_receipt\": false, "},
      {"paid and final sale", "unit_price = \"29.00\"\n",
       "unit_price = \"29.00\"\npaid = \"20.00\"\nfinal_sale = false\n",
       "\"unit_price\": \"29.00\"",
       "\"unit_price\": \"29.00\", \"paid\": \"20.00\", \"final_sale\": false"},
      {"money as an integer / exact number", "shipping = \"4.90\"", "shipping = 5",
       "\"shipping\": \"4.90\"", "\"shipping\": 5.00"},
      {"segments and redemptions", "returns_90d = 0\n",
       "returns_90d = 0\nsegments = [\"loyalty\"]\nredemptions = { WINTER20 = 1 }\n",
       "\"returns_90d\": 0",
       "\"returns_90d\": 0, \"segments\": [\"loyalty\"], "
       "\"redemptions\": {\"WINTER20\": 1}"},
      {"washed, defective", "condition = \"sealed\"\nreason = \"changed_mind\"",
       "condition = \"washed\"\nreason = \"defective\"",
       "\"condition\": \"sealed\", \"reason\": \"changed_mind\"",
       "\"condition\": \"washed\", \"reason\": \"defective\""},
      {"UTC instant", "filed_at = 2027-01-05T14:20:00+02:00", "filed_at = 2027-01-05T12:20:00Z",
       "\"filed_at\": \"2027-01-05T14:20:00+02:00\"", "\"filed_at\": \"2027-01-05T12:20:00Z\""},
  };
  const model::Rulebook& rules = bundled();
  load::JsonClaimReader reader(rules);
  for (const auto& v : valid) {
    INFO(v.name);
    auto toml = load::load_claim_text(apply(kToml, v.toml_from, v.toml_to), "c.toml", rules);
    model::Claim json_claim;
    auto errors = reader.read(apply(kJson, v.json_from, v.json_to), json_claim);
    INFO(load::json_claim_error_text(errors));
    REQUIRE(toml.ok());
    REQUIRE(errors.empty());
    auto a = engine::decide(rules, toml.claim);
    auto b = engine::decide(rules, json_claim);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(report::decision_json(*a, false) == report::decision_json(*b, false));
  }
}

TEST_CASE("invalid claims: both readers reject the same mistakes with the same rule",
          "[claim-json]") {
  const std::vector<Variant> invalid{
      {"qty 0", "qty = 1\ncondition", "qty = 0\ncondition", "\"qty\": 1, \"condition\"",
       "\"qty\": 0, \"condition\""},
      {"qty beyond the line", "qty = 1\ncondition", "qty = 2\ncondition",
       "\"qty\": 1, \"condition\"", "\"qty\": 2, \"condition\""},
      {"unknown sku", "sku = \"HAT-201\"\nqty = 1\ncondition",
       "sku = \"HAT-202\"\nqty = 1\ncondition", "\"sku\": \"HAT-201\", \"qty\": 1, \"condition\"",
       "\"sku\": \"HAT-202\", \"qty\": 1, \"condition\""},
      {"too many decimals", "\"29.00\"", "\"29.001\"", "\"29.00\"", "\"29.001\""},
      {"too many decimals, number", "\"29.00\"", "\"29.001\"", "\"29.00\"", "29.001"},
      {"negative money", "\"4.90\"", "\"-4.90\"", "\"4.90\"", "\"-4.90\""},
      {"money not a decimal", "\"4.90\"", "\"4,90\"", "\"4.90\"", "\"4,90\""},
      {"unknown channel", "\"web\"", "\"fax\"", "\"web\"", "\"fax\""},
      {"unknown condition", "\"sealed\"", "\"chewed\"", "\"sealed\"", "\"chewed\""},
      {"unknown reason", "\"changed_mind\"", "\"bored\"", "\"changed_mind\"", "\"bored\""},
      {"filed before placed", "2027-01-05T14:20:00+02:00", "2026-12-01T14:20:00+02:00",
       "2027-01-05T14:20:00+02:00", "2026-12-01T14:20:00+02:00"},
      {"delivered before placed", "2026-12-10T12:05:00+02:00", "2026-12-01T12:05:00+02:00",
       "2026-12-10T12:05:00+02:00", "2026-12-01T12:05:00+02:00"},
      {"unknown key", "category = \"hats\"", "category = \"hats\"\ncolour = \"red\"",
       "\"category\": \"hats\"", "\"category\": \"hats\", \"colour\": \"red\""},
      {"missing key", "channel = \"web\"\n", "", "\"channel\": \"web\", ", ""},
      {"no product for a line without its category", "sku = \"HAT-201\"\ncategory = \"hats\"\n",
       "sku = \"HAT-209\"\n", "\"sku\": \"HAT-201\", \"category\": \"hats\", ",
       "\"sku\": \"HAT-209\", "},
      {"missing order", "[order]", "[ordre]", "\"order\":", "\"ordre\":"},
      {"unknown kind", "kind = \"return\"", "kind = \"exchange\"", "\"kind\": \"return\"",
       "\"kind\": \"exchange\""},
      {"qty as a string", "qty = 1\ncondition", "qty = \"1\"\ncondition",
       "\"qty\": 1, \"condition\"", "\"qty\": \"1\", \"condition\""},
      {"negative count", "returns_90d = 0", "returns_90d = -1", "\"returns_90d\": 0",
       "\"returns_90d\": -1"},
      {"receipt not a boolean", "kind = \"return\"\n", "kind = \"return\"\nhas_receipt = \"yes\"\n",
       "\"kind\": \"return\", ", "\"kind\": \"return\", \"has_receipt\": \"yes\", "},
      {"return claim with a code", "kind = \"return\"\n", "kind = \"return\"\ncode = \"X\"\n",
       "\"kind\": \"return\", ", "\"kind\": \"return\", \"code\": \"X\", "},
      {"promotion claim with items", "kind = \"return\"", "kind = \"promotion\"\ncode = \"X\"",
       "\"kind\": \"return\"", "\"kind\": \"promotion\", \"code\": \"X\""},
      {"promotion claim without promotion or code", "kind = \"return\"\n",
       "kind = \"promotion\"\n[claim.x]\n", "\"kind\": \"return\"", "\"kind\": \"promotion\""},
      {"instant without offset", "filed_at = 2027-01-05T14:20:00+02:00", "filed_at = 2027-01-05",
       "\"filed_at\": \"2027-01-05T14:20:00+02:00\"", "\"filed_at\": \"2027-01-05\""},
  };
  const model::Rulebook& rules = bundled();
  load::JsonClaimReader reader(rules);
  for (const auto& v : invalid) {
    INFO(v.name);
    auto toml = load::load_claim_text(apply(kToml, v.toml_from, v.toml_to), "c.toml", rules);
    model::Claim json_claim;
    auto errors = reader.read(apply(kJson, v.json_from, v.json_to), json_claim);
    CHECK_FALSE(toml.ok());
    CHECK_FALSE(errors.empty());
    INFO("json: " << load::json_claim_error_text(errors));
    auto toml_rules = rules_of(toml.diagnostics);
    auto json_rules = rules_of(errors);
    // The JSON reader's rules are among the TOML reader's (a bare date is
    // a wrong type in both; TOML may add a second error about the same key).
    for (const auto& rule : json_rules) CHECK(toml_rules.count(rule) == 1);
  }
}

TEST_CASE("JSON errors name the key path, and malformed lines are one parse error",
          "[claim-json]") {
  load::JsonClaimReader reader(bundled());
  model::Claim claim;
  auto text = [&](const std::string& json) {
    return load::json_claim_error_text(reader.read(json, claim));
  };
  CHECK(text(apply(kJson, "\"qty\": 1, \"unit", "\"qty\": true, \"unit")) ==
        "`order.lines[0].qty` must be an integer, found a boolean");
  CHECK(text(apply(kJson, "\"qty\": 1, \"unit", "\"qty\": 1.5, \"unit")) ==
        "`order.lines[0].qty` must be an integer, found 1.5");
  CHECK(text(apply(kJson, "\"qty\": 1, \"unit", "\"qty\": 99999999999999999999, \"unit")) ==
        "`order.lines[0].qty` 99999999999999999999 is out of range");
  CHECK(text(apply(kJson, "\"condition\"", "\"conditon\"")) ==
        "unknown key `conditon` in `claim.items[0]`; did you mean `condition`?; the required key "
        "`claim.items[0].condition` is missing");
  CHECK(text(apply(kJson, "\"web\"", "\"wbe\"")) ==
        "order.channel: unknown channel `wbe`; did you mean `web`?");
  CHECK(text(apply(kJson, "\"shipping\": \"4.90\"", "\"shipping\": 4.9E1")).find("exponent") !=
        std::string::npos);
  CHECK(text(apply(kJson, "\"shipping\": \"4.90\"", "\"shipping\": null")) ==
        "`order.shipping` must be money (a string like \"39.90\" or an exact decimal number), "
        "found null");
  CHECK(
      text(apply(kJson, "\"shipping\": \"4.90\"", "\"shipping\": 01")).rfind("not valid JSON", 0) ==
      0);
  CHECK(text("{\"claim\": ").rfind("not valid JSON", 0) == 0);
  CHECK(text(kJson + "}").rfind("not valid JSON", 0) == 0);
  CHECK(text("\"just a string\"") == "a claim line must be a JSON object, found a string");
  CHECK(text(apply(kJson, "\"C-1\"", "\"C-\\u00e9\"")).empty());
  CHECK(claim.customer.id == "C-\xc3\xa9");
  CHECK(text(apply(kJson, "\"C-1\"", "\"C-\xff\"")).rfind("not valid JSON", 0) == 0);
}

TEST_CASE("JSON claims: names in NFC, two spellings of one redemption key named", "[claim-json]") {
  const std::string nfc = "HAT-201-caf\xc3\xa9", nfd = "HAT-201-cafe\xcc\x81";
  load::JsonClaimReader reader(bundled());
  model::Claim claim;
  // The returned sku decomposed, the order line composed: one sku.
  std::string json = apply(
      apply(kJson, "\"sku\": \"HAT-201\", \"qty\": 1,", "\"sku\": \"" + nfd + "\", \"qty\": 1,"),
      "\"sku\": \"HAT-201\", \"category\"", "\"sku\": \"" + nfc + "\", \"category\"");
  auto errors = reader.read(json, claim);
  INFO(load::json_claim_error_text(errors));
  REQUIRE(errors.empty());
  CHECK(claim.items.at(0).sku == nfc);
  CHECK(claim.order.lines.at(0).sku == nfc);

  const std::string id_nfc = "caf\xc3\xa9", id_nfd = "cafe\xcc\x81";
  std::string twice =
      apply(kJson, "\"returns_90d\": 0",
            "\"returns_90d\": 0, \"redemptions\": {\"" + id_nfc + "\": 0, \"" + id_nfd + "\": 1}");
  CHECK(load::json_claim_error_text(reader.read(twice, claim)) ==
        "the key `customer.redemptions." + id_nfd +
            "` (written decomposed, NFD) is the key "
            "`customer.redemptions." +
            id_nfc +
            "` (written composed, NFC) after Unicode "
            "normalization; fineprint compares keys and names in NFC, so it appears twice");
}

TEST_CASE("JSON claims: a return filed before delivery is an invalid line", "[claim-json]") {
  load::JsonClaimReader reader(bundled());
  model::Claim claim;
  std::string json = apply(kJson, "\"filed_at\": \"2027-01-05T14:20:00+02:00\"",
                           "\"filed_at\": \"2026-12-09T14:20:00+02:00\"");
  CHECK(load::json_claim_error_text(reader.read(json, claim)) ==
        "claim.filed_at: `filed_at` 2026-12-09T14:20:00+02:00 is before the order's "
        "`delivered_at` 2026-12-10T12:05:00+02:00: nothing can be returned before it arrives");
}

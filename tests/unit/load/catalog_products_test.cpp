// The catalog's products (issue 16): [[catalog.product]] and a products CSV in
// the rulebook, and order lines that name a sku alone.
#include <catch2/catch.hpp>

#include <string>

#include <fmt/format.h>

#include "../engine/engine_fixture.hpp"
#include "load/claim_json.hpp"
#include "run_process.hpp"

using namespace fineprint;
using fineprint::testing::TempDir;

namespace {

const std::string kCatalog = R"([catalog]
categories = ["hats", "gloves"]
products = "products.csv"

[[catalog.product]]
sku = "HAT-201"
category = "hats"
unit_price = "29.00"
title = "Merino wool hat"
)";

const std::string kReturns = R"([returns]
hit_policy = "first"
[[returns.rule]]
id = "all"
outcome = "refund"
)";

const std::string kCsv =
    "\xEF\xBB\xBFsku,unit_price,category,final_sale,title\n"
    "GLV-301,39.00,gloves,,\"Wool gloves, grey\"\n"
    "GLV-399,12.50,gloves,true,Outlet gloves\n";

struct Loaded {
  TempDir dir;
  load::LoadedRulebook rules;
};

// A rulebook folder of rulebook.toml (store, `catalog`, returns) and products.csv.
std::unique_ptr<Loaded> load_folder(const std::string& catalog, const std::string& csv) {
  auto out = std::make_unique<Loaded>();
  out->dir.write("rulebook.toml", test::store() + catalog + kReturns);
  out->dir.write("products.csv", csv);
  out->rules = load::load_rulebook({out->dir.path().string()});
  return out;
}

std::string errors_of(const core::Diagnostics& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics)
    text += fmt::format("{}:{}:{} {} {}\n", d.where.file.substr(d.where.file.rfind('/') + 1),
                        d.where.line, d.where.column, d.rule, d.message);
  return text;
}

const std::string kClaim = R"([claim]
id = "C1"
kind = "return"
filed_at = 2026-12-10T10:00:00+02:00

[[claim.items]]
sku = "GLV-301"
qty = 1
condition = "sealed"
reason = "changed_mind"

[order]
id = "O1"
placed_at = 2026-12-05T12:00:00
channel = "web"

[[order.lines]]
sku = "GLV-301"
qty = 2
paid = "70.00"

[[order.lines]]
sku = "HAT-201"
qty = 1
unit_price = "25.00"

[[order.lines]]
sku = "GLV-399"
qty = 1
)";

}  // namespace

TEST_CASE("products come from [[catalog.product]] and the products CSV", "[catalog]") {
  auto loaded = load_folder(kCatalog, kCsv);
  INFO(errors_of(loaded->rules.diagnostics));
  REQUIRE(loaded->rules.ok());
  const auto& catalog = *loaded->rules.rulebook.catalog;
  REQUIRE(catalog.products.size() == 3);
  const model::Product* gloves = catalog.product("GLV-301");
  REQUIRE(gloves);
  CHECK(gloves->category == "gloves");
  CHECK(gloves->unit_price == 3900);
  CHECK_FALSE(gloves->final_sale);
  CHECK(gloves->title == "Wool gloves, grey");
  CHECK(catalog.product("GLV-399")->final_sale);
  CHECK(catalog.product("HAT-201")->title == "Merino wool hat");
  CHECK(catalog.product("HAT-999") == nullptr);
  // The CSV is part of the rulebook: its bytes count in the digest.
  CHECK(loaded->rules.rulebook.files.size() == 2);
  CHECK(loaded->rules.rulebook.files.back().canonical_name == "products.csv");
}

TEST_CASE("a bad products file is an error at its line and column", "[catalog]") {
  struct Case {
    std::string csv, expected;
  };
  auto [csv, expected] = GENERATE(values<Case>({
      {"sku,categroy,unit_price\n",
       "products.csv:1:5 schema/unknown-key unknown column \"categroy\" in the products file; did you mean \"category\"?"},
      {"sku,category\n",
       "products.csv:1:1 schema/missing-key the products file has no \"unit_price\" column"},
      {"sku,category,unit_price\nGLV-301,gloves\n",
       "products.csv:2:1 schema/wrong-type this row has 2 fields and the header 3"},
      {"sku,category,unit_price\nGLV-301,gloves,39.999\n",
       "products.csv:2:16 money/precision unit_price: \"39.999\" has 3 decimals, at most 2 allowed"},
      {"sku,category,unit_price\nGLV-301,glove,39.00\n",
       "products.csv:2:1 refs/unknown-category product category \"glove\" is not in [catalog] categories; did you mean \"gloves\"?"},
      {"sku,category,unit_price\nHAT-201,hats,1.00\n",
       "products.csv:2:1 schema/duplicate-id product HAT-201 is listed twice (first at"},
      {"sku,category,unit_price\nGLV-301,\"gloves\"x,1.00\n",
       "products.csv:2:17 schema/parse-error"},
  }));
  auto loaded = load_folder(kCatalog, csv);
  std::string got = errors_of(loaded->rules.diagnostics);
  INFO(got);
  CHECK(got.find(expected) != std::string::npos);
}

TEST_CASE("the products path stays inside the rulebook's folder", "[catalog]") {
  for (const char* path : {"../products.csv", "/etc/passwd", "sub/../../x.csv"}) {
    auto loaded = load_folder("[catalog]\nproducts = \"" + std::string(path) + "\"\n",
                              "sku,category,unit_price\n");
    std::string got = errors_of(loaded->rules.diagnostics);
    INFO(got);
    CHECK(got.find("must name a file in this rulebook's folder or below it") != std::string::npos);
  }
  auto missing = load_folder("[catalog]\nproducts = \"nope.csv\"\n", "");
  CHECK(errors_of(missing->rules.diagnostics).find("cannot read the products file") !=
        std::string::npos);
}

TEST_CASE("an order line may name its sku alone; its own values win", "[catalog][claim]") {
  auto loaded = load_folder(kCatalog, kCsv);
  REQUIRE(loaded->rules.ok());
  model::Claim claim = test::claim(kClaim, loaded->rules.rulebook);
  const auto& lines = claim.order.lines;
  CHECK(lines[0].category == "gloves");
  CHECK(lines[0].unit_price == 3900);
  CHECK(lines[0].unit_price_from_catalog);
  CHECK(lines[1].unit_price == 2500);  // the order's price, not today's 29.00
  CHECK_FALSE(lines[1].unit_price_from_catalog);
  CHECK(lines[1].category == "hats");
  CHECK(lines[2].final_sale);  // the product's

  SECTION("the JSON reader reads the same") {
    load::JsonClaimReader reader(loaded->rules.rulebook);
    model::Claim json;
    auto errors = reader.read(
        R"({"claim": {"id": "C1", "kind": "return", "filed_at": "2026-12-10T10:00:00+02:00", "items": [{"sku": "GLV-301", "qty": 1, "condition": "sealed", "reason": "changed_mind"}]}, "order": {"id": "O1", "placed_at": "2026-12-05T12:00:00+02:00", "channel": "web", "lines": [{"sku": "GLV-301", "qty": 2}, {"sku": "GLV-399", "qty": 1, "final_sale": false}]}})",
        json);
    INFO(errors_of(errors));
    REQUIRE(errors.empty());
    CHECK(json.order.lines[0].unit_price == 3900);
    CHECK(json.order.lines[0].category == "gloves");
    CHECK_FALSE(json.order.lines[1].final_sale);  // written: it wins
  }
}

TEST_CASE("a line that needs a product the catalog lacks names the nearest sku",
          "[catalog][claim]") {
  auto loaded = load_folder(kCatalog, kCsv);
  REQUIRE(loaded->rules.ok());
  std::string text = kClaim;
  text.replace(text.find("sku = \"GLV-399\""), 15, "sku = \"GLV-398\"");
  auto claim = load::load_claim_text(text, "c.toml", loaded->rules.rulebook);
  REQUIRE(claim.diagnostics.size() == 1);
  const auto& d = claim.diagnostics.front();
  CHECK(d.rule == "claim/unknown-product");
  CHECK(
      d.message ==
      "order line `GLV-398` has no `category` and `unit_price`, and the catalog has no product `GLV-398` to take it from; did you mean `GLV-399`?");
  CHECK(d.where.line == 28);
  CHECK(d.where.column == 1);
}

TEST_CASE("`paid` equal to the unit price on a line of several units is a warning", "[claim]") {
  auto loaded = load_folder(kCatalog, kCsv);
  REQUIRE(loaded->rules.ok());
  std::string text = kClaim;
  text.replace(text.find("paid = \"70.00\""), 14, "paid = \"39.00\"");
  auto claim = load::load_claim_text(text, "c.toml", loaded->rules.rulebook);
  CHECK(claim.ok());  // a warning, not an error: the decision is unchanged
  REQUIRE(claim.diagnostics.size() == 1);
  CHECK(claim.diagnostics[0].rule == "claim/paid-per-unit");
  CHECK(claim.diagnostics[0].severity == core::Severity::warning);
  CHECK(claim.diagnostics[0].where.line == 20);  // at `paid`
  CHECK(claim.diagnostics[0].where.column == 1);
  CHECK(claim.diagnostics[0].message.find(
            "`paid` looks like a unit price; it is what the whole line cost") != std::string::npos);
  // One unit: paid is the unit price, nothing to say.
  auto single = load::load_claim_text(kClaim, "c.toml", loaded->rules.rulebook);
  CHECK(single.diagnostics.empty());
}

TEST_CASE("resolve warns on stderr when `paid` looks like a unit price, and still decides",
          "[claim][cli]") {
  const std::string rules = std::string(FINEPRINT_SOURCE_DIR) + "/rules";
  std::string text = kClaim;
  text.replace(text.find("paid = \"70.00\""), 14, "paid = \"39.00\"");
  text.replace(text.find("sku = \"GLV-399\""), 15, "sku = \"GLV-302\"");
  TempDir dir;
  auto warned = testing::run_fineprint(
      {"resolve", "--rules", rules, "--format", "json", dir.write("w.toml", text).string()});
  text.replace(text.find("paid = \"39.00\""), 14, "paid = \"78.00\"");
  auto plain = testing::run_fineprint(
      {"resolve", "--rules", rules, "--format", "json", dir.write("p.toml", text).string()});
  INFO(warned.err);
  CHECK(warned.exit_code == 0);
  CHECK(plain.exit_code == 0);
  CHECK(warned.err.find("fineprint: warning: ") != std::string::npos);
  CHECK(warned.err.find("`paid` looks like a unit price; it is what the whole line cost") !=
        std::string::npos);
  CHECK(plain.err.find("looks like a unit price") == std::string::npos);
}

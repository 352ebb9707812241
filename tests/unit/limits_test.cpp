// The input limits of docs/limits.md (src/core/limits.hpp): each at its bound
// (accepted) and one past it (rejected, with the message and the place), for
// the TOML claim reader, the JSON claim reader and the rulebook loader; file
// size and line length also through the real executable. Large inputs are
// generated here, never committed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "analysis/promotion_analysis.hpp"
#include "analysis/returns_analysis.hpp"
#include "core/limits.hpp"
#include "lint/linter.hpp"
#include "load/claim_json.hpp"
#include "load/claim_loader.hpp"
#include "load/rulebook_loader.hpp"
#include "load/toml_document.hpp"
#include "run_process.hpp"

namespace fs = std::filesystem;
namespace limits = fineprint::core::limits;
using namespace fineprint;
using fineprint::testing::contains;
using fineprint::testing::describe;
using fineprint::testing::ProcessResult;
using fineprint::testing::run_fineprint;
using fineprint::testing::TempDir;

namespace {

std::string store(const std::string& currency = "EUR", const std::string& extra = "") {
  return "[store]\nname = \"T\"\ncurrency = \"" + currency +
         "\"\ntimezone = \"Europe/Riga\"\nchannels = [\"web\", \"store\"]\n"
         "distance_channels = [\"web\"]\n" +
         extra +
         "\n[returns]\nhit_policy = \"first\"\nwindow_from = \"delivery\"\n"
         "[[returns.rule]]\nid = \"R1\"\noutcome = \"refund\"\n";
}

const model::Rulebook& rules(const std::string& currency = "EUR") {
  static const load::LoadedRulebook eur = load::load_rulebook_text(store("EUR"), "rulebook.toml");
  static const load::LoadedRulebook jpy = load::load_rulebook_text(store("JPY"), "rulebook.toml");
  const load::LoadedRulebook& loaded = currency == "JPY" ? jpy : eur;
  REQUIRE(loaded.ok());
  return loaded.rulebook;
}

// Replaces the first `from` in `text` (which must hold it).
std::string apply(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// The 1-based line of the first `needle` in `text`.
std::uint32_t line_of(const std::string& text, const std::string& needle) {
  auto at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + at, '\n') + 1);
}

std::string repeat(std::string_view part, std::size_t count) {
  std::string out;
  out.reserve(part.size() * count);
  for (std::size_t i = 0; i < count; ++i) out += part;
  return out;
}

// ---- claims in both forms ---------------------------------------------------

std::string toml_line(const std::string& sku, const std::string& qty = "1",
                      const std::string& price = "\"29.00\"") {
  return "[[order.lines]]\nsku = \"" + sku + "\"\ncategory = \"hats\"\nqty = " + qty +
         "\nunit_price = " + price + "\n";
}

std::string toml_item(const std::string& sku, const std::string& qty = "1") {
  return "[[claim.items]]\nsku = \"" + sku + "\"\nqty = " + qty +
         "\ncondition = \"sealed\"\nreason = \"changed_mind\"\n";
}

std::string toml_claim(const std::string& items, const std::string& lines,
                       const std::string& customer = "orders_before = 1\n") {
  return "[claim]\nid = \"A-1\"\nkind = \"return\"\nfiled_at = 2027-01-05T14:20:00+02:00\n\n" +
         items +
         "\n[order]\nid = \"O-1\"\nplaced_at = 2026-12-08T19:42:00+02:00\n"
         "delivered_at = 2026-12-10T12:05:00+02:00\nchannel = \"web\"\nshipping = \"4.90\"\n\n" +
         lines + "\n[customer]\nid = \"C-1\"\n" + customer;
}

const std::string kToml = toml_claim(toml_item("HAT-1"), toml_line("HAT-1"));

std::string json_line(const std::string& sku, const std::string& qty = "1",
                      const std::string& price = "\"29.00\"") {
  return R"({"sku": ")" + sku + R"(", "category": "hats", "qty": )" + qty + R"(, "unit_price": )" +
         price + "}";
}

std::string json_item(const std::string& sku, const std::string& qty = "1") {
  return R"({"sku": ")" + sku + R"(", "qty": )" + qty +
         R"(, "condition": "sealed", "reason": "changed_mind"})";
}

std::string json_claim(const std::string& items, const std::string& lines,
                       const std::string& customer = R"("orders_before": 1)") {
  return R"({"claim": {"id": "A-1", "kind": "return", "filed_at": "2027-01-05T14:20:00+02:00", )"
         R"("items": [)" +
         items +
         R"(]}, "order": {"id": "O-1", "placed_at": "2026-12-08T19:42:00+02:00", )"
         R"("delivered_at": "2026-12-10T12:05:00+02:00", "channel": "web", "shipping": "4.90", )"
         R"("lines": [)" +
         lines + R"(]}, "customer": {"id": "C-1", )" + customer + "}}";
}

const std::string kJson = json_claim(json_item("HAT-1"), json_line("HAT-1"));

core::Diagnostics toml_errors(const std::string& text, const std::string& currency = "EUR") {
  return load::load_claim_text(text, "claim.toml", rules(currency)).diagnostics;
}

core::Diagnostics json_errors(const std::string& text, const std::string& currency = "EUR") {
  load::JsonClaimReader reader(rules(currency));
  model::Claim claim;
  return reader.read(text, claim);
}

std::string json_text(const std::string& text, const std::string& currency = "EUR") {
  return load::json_claim_error_text(json_errors(text, currency));
}

// Exactly one error, with this rule and message, at line:column of claim.toml.
void require_one(const core::Diagnostics& errors, const std::string& rule,
                 const std::string& message, std::uint32_t line, std::uint32_t column) {
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].rule == rule);
  CHECK(errors[0].message == message);
  CHECK(errors[0].where.line == line);
  CHECK(errors[0].where.column == column);
}

void require_clean(const core::Diagnostics& errors) {
  for (const auto& d : errors) UNSCOPED_INFO(d.rule << ": " << d.message);
  CHECK(errors.empty());
}

// ---- rulebooks ----------------------------------------------------------------

const std::string kPromotion =
    "\n[[promotion]]\nid = \"P\"\ntitle = \"T\"\nstarts = 2026-12-01T00:00:00+02:00\n"
    "ends = 2026-12-10T00:00:00+02:00\n";

core::Diagnostics rulebook_errors(const std::string& text) {
  core::Diagnostics errors;
  for (auto& d : load::load_rulebook_text(text, "rulebook.toml").diagnostics)
    if (d.severity == core::Severity::error) errors.push_back(std::move(d));
  return errors;
}

// Pads `text` with comment lines to exactly `size` bytes.
std::string padded_to(std::string text, std::size_t size) {
  REQUIRE(text.size() + 2 <= size);
  while (text.size() < size) {
    std::size_t room = std::min<std::size_t>(size - text.size(), 60000);
    text += room == 1 ? std::string("\n") : "#" + std::string(room - 2, 'x') + "\n";
  }
  return text;
}

// The deepest table or array below `node`, as toml++ built it.
std::size_t depth_of(const toml::node& node) {
  std::size_t deepest = 0;
  if (const auto* table = node.as_table()) {
    for (auto&& [key, value] : *table)
      if (value.is_table() || value.is_array()) deepest = std::max(deepest, 1 + depth_of(value));
  } else if (const auto* array = node.as_array()) {
    for (const auto& value : *array)
      if (value.is_table() || value.is_array()) deepest = std::max(deepest, 1 + depth_of(value));
  }
  return deepest;
}

}  // namespace

// ---- file size ----------------------------------------------------------------

TEST_CASE("limits: a TOML file of 16 MiB reads, one byte more is an error at 1:1", "[limits]") {
  const std::string message =
      "the file is larger than 16777216 bytes (16 MiB), the most fineprint reads from one file "
      "(docs/limits.md)";
  std::string claim = padded_to(kToml, limits::kMaxFileBytes);
  REQUIRE(claim.size() == limits::kMaxFileBytes);
  require_clean(toml_errors(claim));
  require_one(toml_errors(claim + "\n"), "schema/parse-error", message, 1, 1);

  std::string rulebook =
      padded_to(store() + kPromotion + "percent_off = 10\n", limits::kMaxFileBytes);
  CHECK(rulebook_errors(rulebook).empty());
  require_one(rulebook_errors(rulebook + "#"), "schema/parse-error", message, 1, 1);
  CHECK(rulebook_errors(rulebook + "#")[0].where.file == "rulebook.toml");
}

TEST_CASE("limits: reading a file stops one byte past 16 MiB", "[limits]") {
  TempDir dir;
  std::string error;
  auto big =
      load::read_file(dir.write("big.toml", std::string(20 * 1024 * 1024, '#')).string(), error);
  REQUIRE(big);
  CHECK(big->size() == limits::kMaxFileBytes + 1);
  // An endless stream is read to the same bound, not to the end.
  auto endless = load::read_file("/dev/zero", error);
  REQUIRE(endless);
  CHECK(endless->size() == limits::kMaxFileBytes + 1);
  auto small = load::read_file(dir.write("small.toml", kToml).string(), error);
  REQUIRE(small);
  CHECK(*small == kToml);
  CHECK_FALSE(load::read_file(dir.path().string(), error));
  CHECK(error == "Is a directory");
}

// ---- line length ----------------------------------------------------------------

TEST_CASE("limits: a line of 65,536 bytes reads, one byte more is an error at its column 65,537",
          "[limits]") {
  auto message = [](std::uint32_t line) {
    return fmt::format(
        "line {} is longer than 65536 bytes, the most fineprint reads in one line "
        "(docs/limits.md)",
        line);
  };
  // `id = "…"`: 6 bytes of key and quotes around the value.
  auto with_id = [&](std::size_t bytes, const std::string& end = "\n") {
    return apply(kToml, "id = \"C-1\"\n", "id = \"" + std::string(bytes - 7, 'c') + "\"" + end);
  };
  const std::uint32_t id_line = line_of(kToml, "id = \"C-1\"");

  SECTION("TOML claim") {
    require_clean(toml_errors(with_id(limits::kMaxLineBytes)));
    require_clean(toml_errors(with_id(limits::kMaxLineBytes, "\r\n")));  // CRLF: the CR is the end
    require_one(toml_errors(with_id(limits::kMaxLineBytes + 1)), "schema/parse-error",
                message(id_line), id_line, 65537);
  }
  SECTION("the column counts characters, as every other column does") {
    // `id = "` then 40,000 two-byte characters: byte 65,537 starts character 6 + 32,765 + 1.
    std::string text = apply(kToml, "id = \"C-1\"", "id = \"" + repeat("é", 40000) + "\"");
    require_one(toml_errors(text), "schema/parse-error", message(id_line), id_line, 32772);
  }
  SECTION("rulebook, a comment line too") {
    std::string base = store() + kPromotion + "percent_off = 10\n";
    CHECK(rulebook_errors(base + "#" + std::string(limits::kMaxLineBytes - 1, 'x')).empty());
    auto last = static_cast<std::uint32_t>(std::count(base.begin(), base.end(), '\n') + 1);
    require_one(rulebook_errors(base + "#" + std::string(limits::kMaxLineBytes, 'x')),
                "schema/parse-error", message(last), last, 65537);
  }
  SECTION("a JSON claim line has no such limit: only its size in memory bounds it") {
    require_clean(json_errors(
        apply(kJson, R"("id": "C-1")", R"("id": ")" + std::string(100000, 'c') + "\"")));
  }
}

// ---- nesting ----------------------------------------------------------------------

TEST_CASE("limits: TOML values nest at most 256 deep (toml++), tables 1,000 (fineprint)",
          "[limits]") {
  // Each document starts at the top level, on line 1.
  const std::string head;
  const std::uint32_t line = 1;
  auto parse = [&](const std::string& text) {
    core::Diagnostics out;
    auto table = load::parse_toml(text, "rulebook.toml", out);
    return std::make_pair(table.has_value(), out);
  };
  const std::string deep_message =
      "tables and arrays nest more than 1000 levels deep here, the most fineprint reads "
      "(docs/limits.md)";

  SECTION("a 300-deep inline array or table is toml++'s parse error at the 257th level") {
    auto [arrays_ok, arrays] = parse(head + "x = " + repeat("[", 300) + repeat("]", 300) + "\n");
    CHECK_FALSE(arrays_ok);
    require_one(arrays, "schema/parse-error",
                "Error while parsing value: exceeded maximum nested value depth of 256 "
                "(TOML_MAX_NESTED_VALUES)",
                line, 5 + 256);
    auto [tables_ok, tables] =
        parse(head + "x = " + repeat("{ a = ", 300) + "1" + repeat(" }", 300) + "\n");
    CHECK_FALSE(tables_ok);
    REQUIRE(tables.size() == 1);
    CHECK(contains(tables[0].message, "exceeded maximum nested value depth of 256"));
    auto [fine_ok, fine] = parse(head + "x = " + repeat("[", 256) + repeat("]", 256) + "\n");
    CHECK(fine_ok);
  }
  SECTION("a dotted key: 1,001 parts make 1,000 tables and read; one more part is an error") {
    // Part k of `x.a.a…` starts at column 2k - 1 and names a table at level k.
    auto key = [](std::size_t parts) { return "x" + repeat(".a", parts - 1) + " = 1\n"; };
    CHECK(parse(head + key(1001)).first);
    require_one(parse(head + key(1002)).second, "schema/parse-error", deep_message, line, 2001);
    // 30,000 parts fit in one line; the tree would overflow the stack when destroyed.
    require_one(parse(head + key(30000)).second, "schema/parse-error", deep_message, line, 2001);
  }
  SECTION("a header, an array of tables, an inline table under a dotted key") {
    CHECK(parse("[" + repeat("a.", 999) + "a]\nb = 1\n").first);
    require_one(parse("[" + repeat("a.", 1000) + "a]\n").second, "schema/parse-error", deep_message,
                1, 2002);
    CHECK(parse("[[" + repeat("a.", 998) + "a]]\nb = 1\n").first);
    require_one(parse("[[" + repeat("a.", 999) + "a]]\n").second, "schema/parse-error",
                deep_message, 1, 1);
    // [a.…] at level 900, a 99-part key to level 998, then arrays to 1,000 and 1,001.
    std::string table = "[" + repeat("a.", 899) + "a]\n" + repeat("b.", 98) + "b = ";
    CHECK(parse(table + "[[1]]\n").first);
    // Line 2 is 98 × "b." then "b = ", 200 columns; the third `[` is column 203.
    require_one(parse(table + "[[[1]]]\n").second, "schema/parse-error", deep_message, 2, 203);
  }
  SECTION("brackets and dots inside strings and comments do not nest") {
    std::string text = store() + "x = \"" + repeat("[{a.", 2000) + "\"\ny = '''\n" +
                       repeat("[[x]]\n", 2000) + "'''\n# " + repeat("a.", 2000) + "\n";
    auto scan = load::scan_toml_nesting(text, limits::kMaxTomlNesting);
    CHECK(scan.complete);
    CHECK(scan.deepest == 3);  // [[returns.rule]]: returns, the rule array, one rule
    CHECK(parse(text).first);
  }
}

TEST_CASE("limits: the nesting scan agrees with toml++ on every TOML file in the repository",
          "[limits]") {
  std::size_t files = 0;
  const fs::path root = FINEPRINT_SOURCE_DIR;
  for (const char* folder : {"rules", "examples", "tests"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / folder)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".toml") continue;
      std::string error;
      auto text = load::read_file(entry.path().string(), error);
      REQUIRE(text);
      if (text->size() > limits::kMaxFileBytes) continue;
      std::optional<toml::table> table;
      try {
        table = toml::parse(*text, entry.path().string());
      } catch (const toml::parse_error&) {
        continue;  // not TOML: the scan may stop anywhere, toml++ reports it
      }
      INFO(entry.path().string());
      auto scan = load::scan_toml_nesting(*text, limits::kMaxTomlNesting);
      CHECK(scan.complete);
      CHECK(scan.deepest == depth_of(*table));
      ++files;
    }
  }
  CHECK(files > 100);
}

TEST_CASE("limits: a JSON claim nests at most 64 levels below the claim object", "[limits]") {
  // An unknown key holding arrays `depth` deep: at 64 only the key is wrong.
  auto nested = [](std::size_t depth) {
    return apply(kJson, "{\"claim\"",
                 "{\"x\": " + repeat("[", depth) + repeat("]", depth) + ", \"claim\"");
  };
  CHECK(json_text(nested(64)) == "unknown key `x` in the claim object");
  // The 65th `[` is byte 7 + 64 of the line.
  const std::string message =
      "objects and arrays nest more than 64 levels below the claim object (from byte 71 of the "
      "line), the most fineprint reads (docs/limits.md)";
  auto errors = json_errors(nested(65));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].rule == "schema/parse-error");
  CHECK(errors[0].message == message);
  CHECK(json_text(nested(5000)) == message);
  // Unbalanced: the parser's error, not the nesting one.
  CHECK(contains(json_text(apply(kJson, "{\"claim\"", "{\"x\": " + repeat("[", 5000))),
                 "not valid JSON"));
  // Brackets in strings do not nest.
  require_clean(
      json_errors(apply(kJson, R"("id": "C-1")", R"("id": ")" + repeat("[{\\\"", 500) + "\"")));
}

// ---- claim size -----------------------------------------------------------------

TEST_CASE("limits: a claim's history holds at most 500 gestures of goodwill", "[limits]") {
  auto grants = [](std::size_t n) {
    std::string out = "orders_before = 1\n";
    for (std::size_t i = 0; i < n; ++i)
      out += "[[customer.goodwill]]\nid = \"G\"\nat = 2026-01-01T10:00:00+02:00\n";
    return out;
  };
  require_clean(toml_errors(toml_claim(toml_item("HAT-1"), toml_line("HAT-1"), grants(500))));
  std::string text = toml_claim(toml_item("HAT-1"), toml_line("HAT-1"), grants(501));
  require_one(toml_errors(text), "claim/too-many-grants",
              "the customer's history lists 501 gestures of goodwill; a claim holds at most 500 "
              "(docs/limits.md)",
              line_of(text, "[[customer.goodwill]]"), 12);
}

TEST_CASE("limits: a claim holds at most 500 order lines and 500 returned items", "[limits]") {
  auto toml_lines = [](std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += toml_line(fmt::format("S-{}", i));
    return out;
  };
  auto toml_items = [](std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += toml_item(fmt::format("S-{}", i));
    return out;
  };
  auto json_lines = [](std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += (i ? ", " : "") + json_line(fmt::format("S-{}", i));
    return out;
  };
  auto json_items = [](std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += (i ? ", " : "") + json_item(fmt::format("S-{}", i));
    return out;
  };

  SECTION("TOML: the error points at the array's key in its first header") {
    require_clean(toml_errors(toml_claim(toml_items(500), toml_lines(500))));
    std::string lines = toml_claim(toml_items(1), toml_lines(501));
    require_one(toml_errors(lines), "claim/too-many-lines",
                "the order has 501 lines; a claim holds at most 500 order lines (docs/limits.md)",
                line_of(lines, "[[order.lines]]"), 9);
    std::string items = toml_claim(toml_items(501), toml_lines(500));
    require_one(toml_errors(items), "claim/too-many-items",
                "the claim returns 501 items; a claim holds at most 500 returned items "
                "(docs/limits.md)",
                line_of(items, "[[claim.items]]"), 9);
  }
  SECTION("JSON: the error names the array") {
    require_clean(json_errors(json_claim(json_items(500), json_lines(500))));
    CHECK(json_text(json_claim(json_items(1), json_lines(501))) ==
          "order.lines: the order has 501 lines; a claim holds at most 500 order lines "
          "(docs/limits.md)");
    CHECK(json_text(json_claim(json_items(501), json_lines(500))) ==
          "claim.items: the claim returns 501 items; a claim holds at most 500 returned items "
          "(docs/limits.md)");
  }
}

// ---- quantities ---------------------------------------------------------------------

TEST_CASE("limits: qty is 1..10,000 on an order line and a returned item", "[limits]") {
  SECTION("TOML") {
    require_clean(
        toml_errors(toml_claim(toml_item("HAT-1", "10000"), toml_line("HAT-1", "10000"))));
    std::string line = toml_claim(toml_item("HAT-1"), toml_line("HAT-1", "10001"));
    require_one(toml_errors(line), "claim/qty",
                "`qty` of order line `HAT-1` is 10001; at most 10000 units a line "
                "(docs/limits.md)",
                line_of(line, "qty = 10001"), 1);
    std::string item = toml_claim(toml_item("HAT-1", "10001"), toml_line("HAT-1", "10000"));
    require_one(toml_errors(item), "claim/qty",
                "`qty` of returned sku `HAT-1` is 10001; at most 10000 units an item "
                "(docs/limits.md)",
                line_of(item, "qty = 10001"), 1);
  }
  SECTION("JSON") {
    require_clean(
        json_errors(json_claim(json_item("HAT-1", "10000"), json_line("HAT-1", "10000"))));
    CHECK(json_text(json_claim(json_item("HAT-1"), json_line("HAT-1", "10001"))) ==
          "order.lines[0].qty: `qty` of order line `HAT-1` is 10001; at most 10000 units a line "
          "(docs/limits.md)");
    CHECK(json_text(json_claim(json_item("HAT-1", "10001"), json_line("HAT-1", "10000"))) ==
          "claim.items[0].qty: `qty` of returned sku `HAT-1` is 10001; at most 10000 units an item "
          "(docs/limits.md)");
  }
}

// ---- money ---------------------------------------------------------------------------

TEST_CASE("limits: money is at most 10^12 minor units, in claims", "[limits]") {
  const std::string too_much =
      "is more than 10000000000.00, the largest amount fineprint reads (10^12 minor units; "
      "docs/limits.md)";
  SECTION("TOML: strings and whole units, unit_price and shipping") {
    require_clean(toml_errors(
        toml_claim(toml_item("HAT-1"), toml_line("HAT-1", "500", "\"10000000000.00\""))));
    require_clean(toml_errors(apply(kToml, "shipping = \"4.90\"", "shipping = 10000000000")));
    std::string price =
        toml_claim(toml_item("HAT-1"), toml_line("HAT-1", "1", "\"10000000000.01\""));
    require_one(toml_errors(price), "schema/wrong-type",
                "`unit_price` in [[order.lines]] #1: \"10000000000.01\" " + too_much,
                line_of(price, "unit_price"), 1);
    std::string shipping = apply(kToml, "shipping = \"4.90\"", "shipping = 10000000001");
    require_one(toml_errors(shipping), "schema/wrong-type",
                "`shipping` in [order]: 10000000001 " + too_much, line_of(shipping, "shipping"), 1);
    // Past 64 bits is the same error, not an overflow.
    std::string huge = apply(kToml, "shipping = \"4.90\"", "shipping = \"99999999999999999999\"");
    require_one(toml_errors(huge), "schema/wrong-type",
                "`shipping` in [order]: \"99999999999999999999\" " + too_much,
                line_of(huge, "shipping"), 1);
  }
  SECTION("TOML: a currency without decimals") {
    std::string yen = apply(kToml, "unit_price = \"29.00\"", "unit_price = 2900");
    require_clean(
        toml_errors(apply(yen, "shipping = \"4.90\"", "shipping = \"1000000000000\""), "JPY"));
    std::string text = apply(yen, "shipping = \"4.90\"", "shipping = 1000000000001");
    require_one(toml_errors(text, "JPY"), "schema/wrong-type",
                "`shipping` in [order]: 1000000000001 is more than 1000000000000, the largest "
                "amount fineprint reads (10^12 minor units; docs/limits.md)",
                line_of(text, "shipping"), 1);
  }
  SECTION("JSON: strings and exact number literals") {
    require_clean(
        json_errors(apply(kJson, R"("shipping": "4.90")", R"("shipping": 10000000000.00)")));
    require_clean(
        json_errors(apply(kJson, R"("shipping": "4.90")", R"("shipping": "10000000000")")));
    CHECK(json_text(apply(kJson, R"("shipping": "4.90")", R"("shipping": "10000000000.01")")) ==
          "`order.shipping`: \"10000000000.01\" " + too_much);
    CHECK(json_text(apply(kJson, R"("shipping": "4.90")", R"("shipping": 10000000000.01)")) ==
          "`order.shipping`: \"10000000000.01\" " + too_much);
    CHECK(json_text(apply(kJson, R"("unit_price": "29.00")", R"("unit_price": 1e13)")) ==
          "`order.lines[0].unit_price`: 1e13 has an exponent, which is not an exact decimal; write "
          "money as a string, e.g. \"39.90\"");
  }
}

TEST_CASE("limits: money is at most 10^12 minor units, in rulebooks", "[limits]") {
  const std::string too_much =
      "is more than 10000000000.00, the largest amount fineprint reads (10^12 minor units; "
      "docs/limits.md)";
  const std::string head = store() + kPromotion;
  for (const auto& [key, value, over] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"amount_off", "\"10000000000.00\"", "\"10000000000.01\""},
           {"fixed_price", "10000000000", "10000000001"},
           {"max_discount", "\"10000000000\"", "\"10000000000.01\""},
       }) {
    INFO(key);
    std::string benefit = key == "max_discount" ? "percent_off = 10\n" : "";
    CHECK(rulebook_errors(head + benefit + key + " = " + value + "\n").empty());
    std::string text = head + benefit + key + " = " + over + "\n";
    require_one(rulebook_errors(text), "schema/wrong-type",
                "`" + key + "` in promotion P: " + over + " " + too_much,
                line_of(text, key + " = " + over), 1);
  }
  SECTION("tiers and the unit_price range of a returns rule") {
    std::string tiers = head + "tiers = [{ min_subtotal = \"10000000000.01\", percent_off = 5 }]\n";
    auto errors = rulebook_errors(tiers);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message ==
          "`min_subtotal` in tier 1 of promotion P: \"10000000000.01\" " + too_much);
    std::string range = store() + "when = { unit_price = { max = \"10000000000.01\" } }\n";
    errors = rulebook_errors(range);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message ==
          "`max` in `unit_price` of `when` of returns rule R1: \"10000000000.01\" " + too_much);
  }
}

// ---- counts, days, priority -------------------------------------------------------------

TEST_CASE("limits: a claim's counts are at most 1,000,000", "[limits]") {
  for (const std::string key : {"orders_before", "returns_90d"}) {
    INFO(key);
    require_clean(
        toml_errors(toml_claim(toml_item("HAT-1"), toml_line("HAT-1"), key + " = 1000000\n")));
    std::string text = toml_claim(toml_item("HAT-1"), toml_line("HAT-1"), key + " = 1000001\n");
    require_one(toml_errors(text), "schema/wrong-type",
                "`" + key + "` in [customer] is 1000001; at most 1000000 (docs/limits.md)",
                line_of(text, key), 1);
    require_clean(json_errors(
        json_claim(json_item("HAT-1"), json_line("HAT-1"), "\"" + key + "\": 1000000")));
    CHECK(
        json_text(json_claim(json_item("HAT-1"), json_line("HAT-1"), "\"" + key + "\": 1000001")) ==
        "`customer." + key + "` is 1000001; at most 1000000 (docs/limits.md)");
  }
  std::string text =
      toml_claim(toml_item("HAT-1"), toml_line("HAT-1"), "redemptions = { P = 1000001 }\n");
  auto errors = toml_errors(text);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message ==
        "`P` in `redemptions` of [customer] is 1000001; at most 1000000 (docs/limits.md)");
  CHECK(json_text(json_claim(json_item("HAT-1"), json_line("HAT-1"),
                             R"("redemptions": {"P": 1000001})")) ==
        "`customer.redemptions.P` is 1000001; at most 1000000 (docs/limits.md)");
}

TEST_CASE("limits: a rulebook's counts, days and priority are bounded", "[limits]") {
  struct Case {
    std::string text, key, over, message;
  };
  const std::string head = store() + kPromotion;
  const std::string percent = "percent_off = 10\n";
  auto promotion = [&](const std::string& line) { return head + percent + line + "\n"; };
  auto bxgy = [&](const std::string& inner) { return head + "buy_x_get_y = { " + inner + " }\n"; };
  auto when = [&](const std::string& inner) { return store() + "when = { " + inner + " }\n"; };
  const std::vector<std::pair<std::string, Case>> cases{
      {promotion("min_quantity = 1000000"),
       {promotion("min_quantity = 1000001"), "min_quantity", "1000001",
        "`min_quantity` in promotion P is 1000001; at most 1000000 (docs/limits.md)"}},
      {promotion("limit_per_customer = 1000000"),
       {promotion("limit_per_customer = 1000001"), "limit_per_customer", "1000001",
        "`limit_per_customer` in promotion P is 1000001; at most 1000000 (docs/limits.md)"}},
      {bxgy("buy = 1000000, get = 1000000"),
       {bxgy("buy = 1000001, get = 1"), "buy", "1000001",
        "`buy` in `buy_x_get_y` of promotion P is 1000001; at most 1000000 (docs/limits.md)"}},
      {promotion("priority = -1000000"),
       {promotion("priority = -1000001"), "priority", "-1000001",
        "`priority` in promotion P is -1000001; it must lie between -1000000 and 1000000 "
        "(docs/limits.md)"}},
      {promotion("priority = 1000000"),
       {promotion("priority = 1000001"), "priority", "1000001",
        "`priority` in promotion P is 1000001; it must lie between -1000000 and 1000000 "
        "(docs/limits.md)"}},
      {when("days = { min = 36500 }"),
       {when("days = { min = 0, max = 36501 }"), "max", "36501",
        "`max` in `days` of `when` of returns rule R1 is 36501; at most 36500 (docs/limits.md)"}},
      {when("returns_90d = { max = 1000000 }"),
       {when("returns_90d = { min = 1000001 }"), "min", "1000001",
        "`min` in `returns_90d` of `when` of returns rule R1 is 1000001; at most 1000000 "
        "(docs/limits.md)"}},
      {store("EUR", "late_code_days = 36500"),
       {store("EUR", "late_code_days = 36501"), "late_code_days", "36501",
        "`late_code_days` in [store] is 36501; at most 36500 days (docs/limits.md)"}},
  };
  for (const auto& [good, bad] : cases) {
    INFO(bad.text);
    CHECK(rulebook_errors(good).empty());
    auto errors = rulebook_errors(bad.text);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].rule == "schema/wrong-type");
    CHECK(errors[0].message == bad.message);
    CHECK(errors[0].where.line == line_of(bad.text, bad.key + " = " + bad.over));
  }
}

// ---- years ------------------------------------------------------------------------------

TEST_CASE("limits: instants are in the years 1900 to 2999", "[limits]") {
  auto placed = [](const std::string& value) {
    return apply(kToml, "placed_at = 2026-12-08T19:42:00+02:00", "placed_at = " + value);
  };
  auto filed = [](const std::string& value) {
    return apply(kToml, "filed_at = 2027-01-05T14:20:00+02:00", "filed_at = " + value);
  };
  SECTION("TOML claim") {
    // delivered_at is checked against placed_at: keep the order placed early.
    require_clean(toml_errors(placed("1900-01-01T00:00:00Z")));
    require_clean(
        toml_errors(filed("2999-12-31T23:59:59-12:00")));  // 3000 in UTC: as written counts
    std::string early = placed("1899-12-31T23:59:59Z");
    require_one(toml_errors(early), "schema/wrong-type",
                "`placed_at` in [order] is 1899-12-31T23:59:59Z, in the year 1899; fineprint "
                "reads years 1900 to 2999 (docs/limits.md)",
                line_of(early, "placed_at"), 1);
    for (const std::string value :
         {"0000-01-05T14:20:00+02:00", "3000-01-01T00:00:00Z", "9999-12-31T23:59:59Z"}) {
      INFO(value);
      auto errors = toml_errors(filed(value));
      REQUIRE(errors.size() == 1);
      CHECK(contains(errors[0].message, "fineprint reads years 1900 to 2999"));
    }
    // A day the month does not have is toml++'s parse error.
    auto feb30 = toml_errors(filed("2027-02-30T10:00:00+02:00"));
    REQUIRE(feb30.size() == 1);
    CHECK(feb30[0].rule == "schema/parse-error");
  }
  SECTION("JSON claim") {
    auto filed_json = [](const std::string& value) {
      return apply(kJson, "\"filed_at\": \"2027-01-05T14:20:00+02:00\"",
                   "\"filed_at\": \"" + value + "\"");
    };
    require_clean(json_errors(filed_json("2999-12-31T23:59:59-12:00")));
    CHECK(json_text(filed_json("3000-01-01T00:00:00Z")) ==
          "`claim.filed_at` is \"3000-01-01T00:00:00Z\", in the year 3000; fineprint reads years "
          "1900 to 2999 (docs/limits.md)");
    CHECK(contains(json_text(filed_json("0000-01-05T14:20:00+02:00")), "in the year 0;"));
    CHECK(contains(json_text(filed_json("2027-02-30T10:00:00+02:00")),
                   "`claim.filed_at` must be an RFC 3339 date-time"));
  }
  SECTION("rulebook: dates and date-times") {
    const std::string head =
        store() + "\n[[promotion]]\nid = \"P\"\ntitle = \"T\"\npercent_off = 10\n";
    CHECK(rulebook_errors(head + "starts = 1900-01-01\nends = 2999-12-31\n").empty());
    std::string text = head + "starts = 0000-01-01T00:00:00\nends = 2027-01-01\n";
    auto errors = rulebook_errors(text);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message ==
          "`starts` in promotion P is 0000-01-01T00:00:00, in the year 0; fineprint reads years "
          "1900 to 2999 (docs/limits.md)");
    CHECK(errors[0].where.line == line_of(text, "starts"));
    errors = rulebook_errors(head + "starts = 2026-01-01\nends = 3000-01-01\n");
    REQUIRE(errors.size() == 1);
    CHECK(contains(errors[0].message, "`ends` in promotion P is 3000-01-01, in the year 3000"));
  }
}

// ---- the analysis's work bounds ---------------------------------------------------------

namespace {

// More than 12 customer segments in the returns table: the analysis would
// list 2^13 combinations per claim, so it stops with a note.
std::string thirteen_segments() {
  std::string text = store();
  for (int i = 0; i < 13; ++i)
    text += fmt::format(
        "[[returns.rule]]\nid = \"S{}\"\nwhen = {{ segment = [\"seg-{}\"] }}\n"
        "outcome = \"refund\"\n",
        i, i);
  return text;
}

}  // namespace

TEST_CASE("limits: past its work bounds the exact analysis says so in a note", "[limits]") {
  // More than 12 customer segments in the returns table: the analysis would
  // list 2^13 combinations per claim, so it stops and says why.
  std::string text = thirteen_segments();
  load::LoadedRulebook loaded = load::load_rulebook_text(text, "rulebook.toml");
  REQUIRE(loaded.ok());
  std::size_t notes = 0;
  for (const auto& d : lint::lint_rulebook(loaded, {})) {
    if (d.severity != core::Severity::note) continue;
    CHECK(contains(d.message, "the exact analysis stopped early and could not decide"));
    CHECK(contains(d.message, "the returns table mentions 13 customer segments"));
    CHECK(d.help == "split the rulebook or simplify the rules involved");
    ++notes;
  }
  CHECK(notes > 0);
}

TEST_CASE("limits: the returns analysis stops at its memory budget, not only its work",
          "[limits]") {
  // Rules that cut several facts each split the undecided region into many
  // pieces; the boxes held at once are counted in bytes (issue 20: a catalog
  // of 85,000 categories makes each box 10 KB).
  std::string text =
      "[store]\nname = \"T\"\ncurrency = \"EUR\"\ntimezone = \"Europe/Riga\"\n"
      "channels = [\"web\", \"store\"]\n[returns]\nhit_policy = \"first\"\n"
      "window_from = \"delivery\"\n";
  for (int i = 0; i < 12; ++i)
    text += fmt::format(
        "[[returns.rule]]\nid = \"R{}\"\nwhen = {{ days = {{ max = {} }}, returns_90d = {{ max = "
        "{} "
        "}}, condition = [\"sealed\"] }}\noutcome = \"refund\"\n",
        i, 3 * i, i);
  text += "[returns.otherwise]\noutcome = \"review\"\nbecause = \"x\"\n";
  load::LoadedRulebook loaded = load::load_rulebook_text(text, "rulebook.toml");
  REQUIRE(loaded.ok());
  analysis::Budget roomy;
  CHECK(analysis::analyse_table(loaded.rulebook, roomy).stopped.empty());
  analysis::Budget tight;
  tight.bytes_limit = 4096;
  auto stopped = analysis::analyse_table(loaded.rulebook, tight);
  CHECK(stopped.stopped ==
        "the returns table needed more than 4096 bytes of memory for its pieces");
  CHECK(stopped.decided.empty());
}

TEST_CASE("limits: the shadowing checks of a whole rulebook share one budget", "[limits]") {
  // 300 identical promotions: each is shadowed by those ranked before it.
  // Past the run's budget the rest are left unproven, in file order, the
  // same on every run whatever the threads do (issue 20).
  std::string text =
      "[store]\nname = \"T\"\ncurrency = \"EUR\"\ntimezone = \"Europe/Riga\"\n"
      "channels = [\"web\"]\n";
  for (int i = 0; i < 300; ++i)
    text += fmt::format(
        "[[promotion]]\nid = \"P{:03}\"\ntitle = \"t\"\nstarts = 2026-12-01\n"
        "ends = 2027-01-01\npercent_off = 10\npriority = {}\n",
        i, i % 2);
  load::LoadedRulebook loaded = load::load_rulebook_text(text, "rulebook.toml");
  REQUIRE(loaded.ok());
  auto whole = analysis::analyse_promotions(loaded.rulebook, 0, true);
  CHECK(whole.stopped.empty());
  CHECK(whole.shadowed.size() == 299);  // all but the first one considered
  auto tight = analysis::analyse_promotions(loaded.rulebook, 0, true, 20'000);
  REQUIRE_FALSE(tight.stopped.empty());
  CHECK(tight.stopped_why ==
        "the shadowing checks of the whole rulebook spent their budget of 20,000 operations on "
        "the promotions before it");
  // Decided first, left unproven after: never both for one promotion.
  CHECK(tight.shadowed.size() + tight.stopped.size() == 299);
  CHECK(tight.shadowed.back().promotion < tight.stopped.front());
  auto again = analysis::analyse_promotions(loaded.rulebook, 0, true, 20'000);
  CHECK(again.stopped == tight.stopped);
}

TEST_CASE("limits: an unfinished proof fails lint unless --allow-incomplete", "[limits][cli]") {
  // The 13-segment table above: the analysis stops with a note. A note is
  // below the default --fail-on error, yet lint must not pass a rulebook it
  // could not prove (issue 20).
  std::string text = thirteen_segments();
  TempDir dir;
  fs::path rules = dir.write("segments.toml", text);
  ProcessResult strict = run_fineprint({"lint", rules.string()});
  INFO(describe(strict));
  CHECK(strict.exit_code == 1);
  CHECK(contains(strict.out, "stopped early"));
  ProcessResult allowed = run_fineprint({"lint", "--allow-incomplete", rules.string()});
  INFO(describe(allowed));
  CHECK(allowed.exit_code == 0);
  CHECK(contains(allowed.out, "stopped early"));
}

TEST_CASE("limits: the shadowing search says so in a note when it runs out of steps", "[limits]") {
  // Twenty helpers H0..H19, each with its own code, combinable with P and
  // with B, so none can hold a line against B, yet each is blocked by D and
  // so matters: proving P shadowed means trying all 2^20 ways to switch them.
  auto promotion = [](const std::string& id, int priority, const std::string& extra) {
    return fmt::format(
        "[[promotion]]\nid = \"{}\"\ntitle = \"{}\"\nstarts = 2026-12-01T00:00:00+02:00\n"
        "ends = 2027-01-01T00:00:00+02:00\n"
        "percent_off = 5\npriority = {}\n{}",
        id, id, priority, extra);
  };
  std::string text = store();
  std::string listed;
  for (int i = 0; i < 20; ++i) {
    text += promotion(fmt::format("H{}", i), 100 - i,
                      fmt::format("code = \"CODE{}\"\ncombinable = true\n", i));
    listed += fmt::format("\"H{}\", ", i);
  }
  text += promotion("B", 50, "combinable = true\n");
  text += promotion("D", 40, "combinable = [\"P\"]\n");
  text += promotion("P", 1, "combinable = [" + listed + "\"D\"]\n");
  load::LoadedRulebook loaded = load::load_rulebook_text(text, "rulebook.toml");
  REQUIRE(loaded.ok());
  std::size_t notes = 0;
  for (const auto& d : lint::lint_rulebook(loaded, {})) {
    if (d.severity != core::Severity::note) continue;
    INFO(d.message);
    CHECK(d.rule == "promo/shadowed");
    CHECK(contains(d.message, "stopped early and could not decide promo/shadowed"));
    CHECK(contains(d.message, "more than 50,000 steps"));
    ++notes;
  }
  CHECK(notes == 1);
}

// ---- the real executable -----------------------------------------------------------------

TEST_CASE("limits: file size and line length end to end", "[limits][cli]") {
  TempDir dir;
  const std::string rules_dir = (fs::path(FINEPRINT_SOURCE_DIR) / "rules").string();
  const std::string claim_text =
      "[claim]\nid = \"A-1\"\nkind = \"return\"\nfiled_at = 2027-01-05T14:20:00+02:00\n"
      "[[claim.items]]\nsku = \"HAT-201\"\nqty = 1\ncondition = \"sealed\"\n"
      "reason = \"changed_mind\"\n[order]\nid = \"O-1\"\nplaced_at = 2026-12-08T19:42:00+02:00\n"
      "delivered_at = 2026-12-10T12:05:00+02:00\nchannel = \"web\"\n[[order.lines]]\n"
      "sku = \"HAT-201\"\ncategory = \"hats\"\nqty = 1\nunit_price = \"29.00\"\n";

  SECTION("resolve: the claim at the limits decides; past them exit 2 naming file and line") {
    fs::path fits = dir.write("fits.toml", padded_to(claim_text, limits::kMaxFileBytes));
    ProcessResult ok = run_fineprint({"resolve", "--rules", rules_dir, fits.string()});
    INFO(describe(ok));
    CHECK(ok.exit_code == 0);

    fs::path big = dir.write("big.toml", padded_to(claim_text, limits::kMaxFileBytes + 1));
    ProcessResult too_big = run_fineprint({"resolve", "--rules", rules_dir, big.string()});
    INFO(describe(too_big));
    CHECK(too_big.exit_code == 2);
    CHECK(contains(too_big.err, big.string() + ":1:1: the file is larger than 16777216 bytes"));

    fs::path long_line =
        dir.write("long.toml", claim_text + "# " + std::string(limits::kMaxLineBytes, 'x') + "\n");
    ProcessResult too_long = run_fineprint({"resolve", "--rules", rules_dir, long_line.string()});
    INFO(describe(too_long));
    CHECK(too_long.exit_code == 2);
    CHECK(contains(too_long.err,
                   long_line.string() + ":20:65537: line 20 is longer than 65536 bytes"));

    // An endless stream is refused after 16 MiB, not read forever.
    ProcessResult endless = run_fineprint({"resolve", "--rules", rules_dir, "/dev/zero"});
    INFO(describe(endless));
    CHECK(endless.exit_code == 2);
    CHECK(contains(endless.err, "/dev/zero:1:1: the file is larger than 16777216 bytes"));
  }
  SECTION("a rulebook past the limits: resolve exits 2, lint reports the finding") {
    fs::path folder = dir.path() / "rules";
    fs::create_directories(folder);
    fs::copy(rules_dir, folder, fs::copy_options::recursive);
    fs::path big = folder / "zz-big.toml";
    {
      std::ofstream out(big, std::ios::binary);
      out << padded_to("", limits::kMaxFileBytes + 1);
    }
    fs::path claim = dir.write("claim.toml", claim_text);
    ProcessResult resolve = run_fineprint({"resolve", "--rules", folder.string(), claim.string()});
    INFO(describe(resolve));
    CHECK(resolve.exit_code == 2);
    CHECK(contains(resolve.err,
                   big.string() + ":1:1: error[schema/parse-error]: the file is larger"));

    ProcessResult lint = run_fineprint({"lint", folder.string()});
    INFO(describe(lint));
    CHECK(lint.exit_code == 1);
    CHECK(contains(lint.out, big.string() + ":1:1: error[schema/parse-error]: the file is larger"));

    fs::remove(big);
    dir.write("rules/zz-long.toml", "# fine\n#" + std::string(limits::kMaxLineBytes, 'x') + "\n");
    fs::path long_file = folder / "zz-long.toml";
    resolve = run_fineprint({"resolve", "--rules", folder.string(), claim.string()});
    INFO(describe(resolve));
    CHECK(resolve.exit_code == 2);
    CHECK(contains(resolve.err,
                   long_file.string() + ":2:65537: error[schema/parse-error]: line 2 is longer"));
  }
}

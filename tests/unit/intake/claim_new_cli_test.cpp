// `fineprint claim new` end to end (issue 16, items 2 and 4): the real
// executable on the fixtures of tests/import/, its claim then decided by
// `resolve` and `batch` with the bundled rules/.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "run_process.hpp"

using fineprint::testing::contains;
using fineprint::testing::describe;
using fineprint::testing::run_fineprint;
using fineprint::testing::TempDir;

namespace {

std::string fixture(const std::string& name) {
  return "tests/import/" + name;
}

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("claim new: an imported Shopify order, completed by the agent, resolves",
          "[intake][cli]") {
  auto imported = run_fineprint(
      {"claim", "new", "--order", fixture("shopify-washed-hat.json"), "--from", "shopify"});
  INFO(describe(imported));
  REQUIRE(imported.exit_code == 0);
  CHECK(contains(imported.out, "[order]\nid = \"#1001\"\n"));
  CHECK(contains(imported.out, "paid = \"26.71\""));
  CHECK_FALSE(contains(imported.out, "[claim]"));
  // The agent adds what the customer says: the file then decides.
  TempDir dir;
  auto path = dir.write("claim.toml", imported.out + R"(
[claim]
id = "C-1"
kind = "return"
filed_at = 2027-01-05T14:20:00+02:00

[[claim.items]]
sku = "HAT-201"
qty = 1
condition = "washed"
reason = "defective"
)");
  auto resolved = run_fineprint({"resolve", path.string()});
  INFO(describe(resolved));
  CHECK(resolved.exit_code == 0);
  CHECK(contains(resolved.out, "Claim C-1: denied"));
  CHECK(contains(resolved.out, "care-label-washed"));
}

TEST_CASE("claim new with --item and --filed writes a whole claim: the washed hat",
          "[intake][cli]") {
  TempDir dir;
  auto out = dir.path() / "hat.toml";
  auto written = run_fineprint({"claim", "new", "--order", fixture("shopify-washed-hat.json"),
                                "--from", "shopify", "--item", "HAT-201:1:washed:defective",
                                "--filed", "2027-01-05", "--receipt", "-o", out.string()});
  INFO(describe(written));
  REQUIRE(written.exit_code == 0);
  CHECK(written.out.empty());
  std::string text = read(out);
  CHECK(contains(text,
                 "id = \"#1001-return\"\nkind = \"return\"\n"
                 "filed_at = 2027-01-05T23:59:59+02:00\nhas_receipt = true\n"));
  auto resolved = run_fineprint({"resolve", out.string()});
  INFO(describe(resolved));
  CHECK(resolved.exit_code == 0);
  CHECK(contains(resolved.out, "Claim #1001-return: denied"));

  // -o never replaces a file unless told to.
  auto again = run_fineprint({"claim", "new", "--order", fixture("shopify-washed-hat.json"),
                              "--from", "shopify", "-o", out.string()});
  CHECK(again.exit_code == 2);
  CHECK(contains(again.err, "exists; give --force to replace it"));
  CHECK(read(out) == text);
  auto forced = run_fineprint({"claim", "new", "--order", fixture("shopify-washed-hat.json"),
                               "--from", "shopify", "-o", out.string(), "--force"});
  INFO(describe(forced));
  CHECK(forced.exit_code == 0);
  CHECK_FALSE(contains(read(out), "[claim]"));
}

TEST_CASE("claim new's next commands work when pasted, whatever the paths hold",
          "[intake][cli][shell-word]") {
  TempDir dir;
  auto folder = dir.path() / "Anna's claims";
  std::filesystem::create_directories(folder);
  auto out = folder / "washed hat.toml";
  auto written = run_fineprint({"claim", "new", "--order", fixture("shopify-washed-hat.json"),
                                "--from", "shopify", "--item", "HAT-201:1:washed:defective",
                                "--filed", "2027-01-05", "--receipt", "-o", out.string()});
  INFO(describe(written));
  REQUIRE(written.exit_code == 0);
  // Each printed command, run by a real shell with `fineprint` the program
  // under test, reads the claim that was written.
  for (std::string_view label : {"Decide it:       fineprint ", "Write the reply: fineprint "}) {
    auto at = written.err.find(label);
    REQUIRE(at != std::string::npos);
    auto end = written.err.find('\n', at);
    std::string command = written.err.substr(at + label.size(), end - at - label.size());
    auto run =
        fineprint::testing::run_process({"/bin/sh", "-c", "\"$0\" " + command, FINEPRINT_EXE});
    INFO(command << "\n" << describe(run));
    CHECK(run.exit_code == 0);
    CHECK(contains(run.out + run.err, "1001"));
  }
}

TEST_CASE("claim new --format json feeds batch: a WooCommerce order decided", "[intake][cli]") {
  auto written = run_fineprint({"claim", "new", "--order", fixture("woocommerce-jacket.json"),
                                "--from", "woocommerce", "--delivered", "2027-01-22T12:00:00+02:00",
                                "--item", "BSL-402:1:sealed:changed_mind", "--filed",
                                "2027-01-27T10:00:00+02:00", "--id", "W-1", "--format", "json"});
  INFO(describe(written));
  REQUIRE(written.exit_code == 0);
  CHECK(std::count(written.out.begin(), written.out.end(), '\n') == 1);
  auto decided = run_fineprint({"batch"}, written.out);
  INFO(describe(decided));
  CHECK(decided.exit_code == 0);
  CHECK(contains(decided.out, R"({"claim":"W-1","verdict":"approved","amount":"43.65")"));
}

TEST_CASE("claim new refuses what it cannot import, with exit 2 and a clear error",
          "[intake][cli]") {
  struct Case {
    const char* file;
    const char* from;
    const char* message;
  };
  for (const Case& c : {
           Case{"shopify-multi-currency.json", "shopify", "the order is in USD"},
           Case{"shopify-no-sku.json", "shopify",
                "(\"Knit beanie\") (`order.line_items[1]`) has no sku"},
           Case{"shopify-refunded-line.json", "shopify", "was already refunded"},
           Case{"shopify-malformed.json", "shopify", "shopify-malformed.json: line 5, column 5:"},
           Case{"woocommerce-multi-currency.json", "woocommerce", "[import/currency]"},
           Case{"woocommerce-no-sku.json", "woocommerce", "has no sku"},
           Case{"woocommerce-refunded.json", "woocommerce", "[import/refunded]"},
           Case{"shopify-washed-hat.json", "magento", "--from must be shopify or woocommerce"},
           Case{"no-such-order.json", "shopify", "cannot read tests/import/no-such-order.json"},
       }) {
    auto result = run_fineprint({"claim", "new", "--order", fixture(c.file), "--from", c.from});
    INFO(describe(result));
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(contains(result.err, c.message));
  }
}

TEST_CASE("claim new checks the claim with the claim reader before writing it", "[intake][cli]") {
  auto base = std::vector<std::string>{
      "claim", "new", "--order", fixture("shopify-washed-hat.json"), "--from", "shopify"};
  auto with = [&](std::vector<std::string> more) {
    auto args = base;
    args.insert(args.end(), more.begin(), more.end());
    return run_fineprint(args);
  };
  auto typo = with({"--item", "HAT-201:1:washd:defective", "--filed", "2027-01-05"});
  CHECK(typo.exit_code == 2);
  CHECK(typo.out.empty());
  CHECK(contains(typo.err, "unknown condition `washd`; did you mean `washed`?"));
  auto not_on_order = with({"--item", "GLV-301:1:sealed:changed_mind", "--filed", "2027-01-05"});
  CHECK(not_on_order.exit_code == 2);
  CHECK(contains(not_on_order.err, "GLV-301"));
  auto too_early = with({"--item", "HAT-201:1:sealed:changed_mind", "--filed", "2026-12-01"});
  CHECK(too_early.exit_code == 2);
  CHECK(contains(too_early.err, "is before the order's `placed_at`"));
  auto no_filed = with({"--item", "HAT-201:1:sealed:changed_mind"});
  CHECK(no_filed.exit_code == 2);
  CHECK(contains(no_filed.err, "--item needs --filed"));
  auto both = with({"--item", "HAT-201:1:sealed:changed_mind", "--filed", "2027-01-05", "--receipt",
                    "--no-receipt"});
  CHECK(both.exit_code == 2);
  auto filed_alone = with({"--filed", "2027-01-05"});
  CHECK(filed_alone.exit_code == 2);
  CHECK(contains(filed_alone.err, "give --item"));
  auto no_verb = run_fineprint({"claim"});
  CHECK(no_verb.exit_code == 2);
  CHECK(contains(no_verb.err, "claim needs a verb"));
}

TEST_CASE("resolve - and reply - read one claim from standard input, TOML or JSON",
          "[intake][cli][stdin]") {
  const std::vector<std::string> make = {
      "claim",   "new",       "--order", fixture("shopify-washed-hat.json"),
      "--from",  "shopify",   "--item",  "HAT-201:1:washed:defective",
      "--filed", "2027-01-05"};
  for (const std::string format : {"toml", "json"}) {
    INFO("claim written as " << format);
    std::vector<std::string> args = make;
    args.insert(args.end(), {"--format", format});
    auto written = run_fineprint(args);
    INFO(describe(written));
    REQUIRE(written.exit_code == 0);
    // Piped: nothing but the claim goes to stdout, no advice to stderr.
    CHECK(written.err.empty());
    auto resolved = run_fineprint({"resolve", "-"}, written.out);
    INFO(describe(resolved));
    CHECK(resolved.exit_code == 0);
    CHECK(contains(resolved.out, "Claim #1001-return: denied"));
    auto replied = run_fineprint({"reply", "--lang", "en", "-"}, written.out);
    INFO(describe(replied));
    CHECK(replied.exit_code == 0);
    CHECK(contains(replied.out, "Your return request for order #1001\n"));
    CHECK(contains(replied.out, "HAT-201 (1 item): we cannot take it back."));
  }
  // A JSON claim's errors name the key path, under the name of standard input.
  auto bad = run_fineprint(
      {"reply", "-"},
      R"({"claim": {"id": "X", "kind": "return", "filed_at": "2027-01-05T12:00:00+02:00", )"
      R"("has_receipt": false, "channel": "web", "items": [{"sku": "HAT-201", "qty": 1, )"
      R"("condition": "sealed", "reason": "changed_mind"}]}})");
  CHECK(bad.exit_code == 2);
  CHECK(contains(bad.err,
                 ": claim.channel: the claim has no [order], but `web` is a distance channel"));
}

TEST_CASE("claim new --no-receipt --channel: a store return without an order, decided and answered",
          "[intake][cli][no-receipt]") {
  TempDir dir;
  auto out = dir.path() / "gloves.toml";
  auto written =
      run_fineprint({"claim", "new", "--no-receipt", "--channel", "store", "--item",
                     "GLV-301:1:sealed:changed_mind", "--filed", "2027-01-20", "-o", out.string()});
  INFO(describe(written));
  REQUIRE(written.exit_code == 0);
  std::string text = read(out);
  CHECK(contains(text,
                 "id = \"store-return-2027-01-20\"\nkind = \"return\"\n"
                 "filed_at = 2027-01-20T23:59:59+02:00\nhas_receipt = false\n"
                 "channel = \"store\"  # no receipt, no order: the store channel\n"));
  CHECK_FALSE(contains(text, "[order]"));
  CHECK(contains(written.err, "Decide it:       fineprint resolve " + out.string() + "\n"));
  CHECK(contains(written.err, "Write the reply: fineprint reply " + out.string() + "\n"));
  auto resolved = run_fineprint({"resolve", "--format", "json", out.string()});
  INFO(describe(resolved));
  CHECK(resolved.exit_code == 0);
  CHECK(contains(resolved.out, R"("without_order": "no receipt, no order")"));
  CHECK(contains(resolved.out, R"("rule": "store-no-receipt")"));
  auto replied = run_fineprint({"reply", "--lang", "en", out.string()});
  INFO(describe(replied));
  CHECK(replied.exit_code == 0);
  CHECK(contains(replied.out, "Your return without a receipt\n"));
  // One unit: the opening speaks of it in the singular (`count` = 1).
  CHECK(contains(replied.out, "about the item you returned to our shop without a receipt."));
  CHECK(contains(replied.out, "so we go by its price in our current catalogue."));

  // JSON for batch, the same shape.
  auto json =
      run_fineprint({"claim", "new", "--no-receipt", "--channel", "store", "--item",
                     "GLV-301:1:sealed:changed_mind", "--filed", "2027-01-20", "--format", "json"});
  INFO(describe(json));
  REQUIRE(json.exit_code == 0);
  CHECK(contains(json.out, R"("has_receipt":false,"channel":"store","items":)"));
  auto decided = run_fineprint({"batch"}, json.out);
  INFO(describe(decided));
  CHECK(contains(decided.out, R"("verdict":"denied")"));

  // What cannot be a claim without an order is refused before anything is written.
  auto online = run_fineprint({"claim", "new", "--no-receipt", "--channel", "web", "--item",
                               "GLV-301:1:sealed:changed_mind", "--filed", "2027-01-20"});
  CHECK(online.exit_code == 2);
  CHECK(online.out.empty());
  CHECK(contains(online.err, "`web` is a distance channel"));
  auto unknown = run_fineprint({"claim", "new", "--no-receipt", "--channel", "store", "--item",
                                "GLV-310:1:sealed:changed_mind", "--filed", "2027-01-20"});
  CHECK(unknown.exit_code == 2);
  CHECK(contains(unknown.err, "<written claim>:"));
  CHECK(contains(unknown.err, "did you mean `GLV-301`?"));
  auto receipt = run_fineprint({"claim", "new", "--receipt", "--channel", "store", "--item",
                                "GLV-301:1:sealed:changed_mind", "--filed", "2027-01-20"});
  CHECK(receipt.exit_code == 2);
  CHECK(contains(receipt.err, "--no-receipt and --channel"));
}

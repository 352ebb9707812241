// End-to-end tests of `fineprint test` when a rulebook has no policy tests
// (issue 12): exit 1 with a message naming where they were looked for, unless
// --allow-no-tests; a rulebook with tests is unaffected.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "run_process.hpp"

namespace fs = std::filesystem;
using fineprint::testing::contains;
using fineprint::testing::describe;
using fineprint::testing::ProcessResult;
using fineprint::testing::run_fineprint;
using fineprint::testing::TempDir;

namespace {

// One returns rule, so that coverage has something to count.
const std::string kRulebook = R"(fineprint = 1

[store]
name = "Shop"
currency = "EUR"
timezone = "Europe/Riga"
channels = ["web"]

[returns]
hit_policy = "first"
window_from = "delivery"
otherwise = { outcome = "review", because = "A person decides." }

[[returns.rule]]
id = "within-30-days"
when = { days = { max = 30 } }
outcome = "refund"
because = "Unused goods come back within 30 days."
)";

// A policy test that exercises within-30-days and passes.
const std::string kPassingTest = R"([claim]
id = "T-1"
kind = "return"
filed_at = 2027-03-02T12:00:00+02:00

[[claim.items]]
sku = "HAT-1"
qty = 1
condition = "sealed"
reason = "changed_mind"

[order]
id = "O-1"
placed_at = 2027-02-20T12:00:00+02:00
delivered_at = 2027-02-22T12:00:00+02:00
channel = "web"

[[order.lines]]
sku = "HAT-1"
category = "hats"
qty = 1
unit_price = "30.00"
paid = "30.00"

[expect]
verdict = "approved"
rule = "within-30-days"
)";

ProcessResult run(const std::vector<std::string>& args) {
  ProcessResult result = run_fineprint(args);
  INFO(describe(result));
  REQUIRE(result.exited());
  return result;
}

}  // namespace

TEST_CASE("test exits 1 on a rulebook directory without policy tests", "[cli][test]") {
  TempDir dir;
  dir.write("rules/store.toml", kRulebook);
  const std::string rules = (dir.path() / "rules").string();
  ProcessResult result = run({"test", rules});
  INFO(describe(result));
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out, "0 tests: 0 passed, 0 failed"));
  CHECK(contains(result.err, "fineprint: error: no policy tests found for " + rules + ":"));
  CHECK(contains(result.err, "in a `tests` folder under " + fs::path(rules).generic_string()));
  CHECK(contains(result.err, "--allow-no-tests"));
}

TEST_CASE("test --allow-no-tests exits 0 on a rulebook without policy tests", "[cli][test]") {
  TempDir dir;
  dir.write("rules/store.toml", kRulebook);
  ProcessResult result = run({"test", "--allow-no-tests", (dir.path() / "rules").string()});
  INFO(describe(result));
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  CHECK(contains(result.out, "0 tests: 0 passed, 0 failed"));
}

TEST_CASE("test names the tests folder beside a single-file rulebook", "[cli][test]") {
  TempDir dir;
  fs::path book = dir.write("book.toml", kRulebook);
  ProcessResult result = run({"test", book.string()});
  INFO(describe(result));
  CHECK(result.exit_code == 1);
  CHECK(contains(result.err, "no policy tests found for " + book.string()));
  CHECK(contains(result.err, "no *.toml file in " + (dir.path() / "tests").generic_string()));
}

TEST_CASE("test with policy tests says nothing about missing ones", "[cli][test]") {
  TempDir dir;
  fs::path book = dir.write("book.toml", kRulebook);
  dir.write("tests/within-30-days.toml", kPassingTest);
  ProcessResult result = run({"test", "--min-coverage", "100", book.string()});
  INFO(describe(result));
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  CHECK(contains(result.out, "1 test: 1 passed, 0 failed"));
}

TEST_CASE("test fails when one of several rulebooks has no policy tests", "[cli][test]") {
  TempDir dir;
  fs::path tested = dir.write("a/book.toml", kRulebook);
  dir.write("a/tests/within-30-days.toml", kPassingTest);
  dir.write("b/rules/store.toml", kRulebook);
  const std::string untested = (dir.path() / "b" / "rules").string();
  ProcessResult result = run({"test", tested.string(), untested});
  INFO(describe(result));
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out, "1 test: 1 passed, 0 failed"));
  CHECK(contains(result.err, "no policy tests found for " + untested + ":"));
  CHECK_FALSE(contains(result.err, "no policy tests found for " + tested.string()));
}

TEST_CASE("test --format junit without policy tests still writes the report", "[cli][test]") {
  TempDir dir;
  dir.write("rules/store.toml", kRulebook);
  ProcessResult result = run({"test", "--format", "junit", (dir.path() / "rules").string()});
  INFO(describe(result));
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out,
                 "<testsuites name=\"fineprint test\" tests=\"0\" failures=\"0\" errors=\"0\">"));
  CHECK(contains(result.err, "no policy tests found"));
}

TEST_CASE("test --allow-no-tests does not lift --min-coverage", "[cli][test]") {
  TempDir dir;
  dir.write("rules/store.toml", kRulebook);
  ProcessResult result =
      run({"test", "--allow-no-tests", "--min-coverage", "100", (dir.path() / "rules").string()});
  INFO(describe(result));
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out, "0 of 1 returns rules and promotions exercised (0%)"));
  CHECK(contains(result.out, "below --min-coverage 100%"));
  CHECK_FALSE(contains(result.err, "no policy tests found"));
}

TEST_CASE("test --help lists --allow-no-tests", "[cli][test]") {
  ProcessResult result = run({"test", "--help"});
  INFO(describe(result));
  CHECK(result.exit_code == 0);
  CHECK(contains(result.out, "--allow-no-tests"));
}

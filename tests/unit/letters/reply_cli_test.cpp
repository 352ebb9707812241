// `fineprint reply`, `terms` and `resolve --reply` on their edges: escaping,
// a missing translation, a language the store does not declare, options.
#include <catch2/catch.hpp>

#include "run_process.hpp"

using fineprint::testing::contains;
using fineprint::testing::describe;
using fineprint::testing::run_fineprint;

namespace {

const std::string kSource = FINEPRINT_SOURCE_DIR;
const std::string kHostile = kSource + "/tests/letters/fixtures/hostile.toml";
const std::string kLate = kSource + "/tests/letters/fixtures/late-claim.toml";
const std::string kHat = kSource + "/examples/claims/washed-wool-hat.toml";
const std::string kRules = kSource + "/rules";

}  // namespace

TEST_CASE("reply escapes every rulebook text in HTML", "[letters]") {
  auto result =
      run_fineprint({"reply", "--rules", kHostile, "--lang", "en", "--format", "html", kLate});
  INFO(describe(result));
  REQUIRE(result.exit_code == 0);
  CHECK(
      contains(result.out,
               "&lt;script&gt;alert(&apos;late&apos;)&lt;/script&gt; &amp; &quot;too late&quot;"));
  CHECK(contains(result.out, "Customer care &lt;care@example.lv&gt;"));
  CHECK_FALSE(contains(result.out, "<script>"));
}

TEST_CASE("reply refuses a language a needed rulebook text lacks, naming it", "[letters]") {
  auto result = run_fineprint({"reply", "--rules", kHostile, "--lang", "lv", kLate});
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(
      contains(result.err,
               "the rulebook has no lv text for the `because` of returns rule `late`; it has: en"));
}

TEST_CASE("reply refuses a language the store does not answer in", "[letters]") {
  auto result = run_fineprint({"reply", "--rules", kHostile, "--lang", "pl", kLate});
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "the store does not answer in \"pl\"; its `languages` are: en, lv"));
}

TEST_CASE("reply without --lang writes in the store's first language", "[letters]") {
  auto result = run_fineprint({"reply", "--rules", kHostile, kLate});
  INFO(describe(result));
  REQUIRE(result.exit_code == 0);
  CHECK(contains(result.out, "Dear customer,"));
}

TEST_CASE("reply states the day count and the deadline it missed", "[letters]") {
  auto result = run_fineprint({"reply", "--rules", kHostile, "--lang", "en", kLate});
  REQUIRE(result.exit_code == 0);
  CHECK(contains(
      result.out,
      "You wrote to us on 19 January 2027, 40 days after the delivery on 10 December 2026."));
  CHECK(contains(result.out, "The 30-day period ended on 9 January 2027."));
  CHECK(contains(result.out,
                 "The 14-day withdrawal period for online orders ended on 24 December 2026."));
  CHECK_FALSE(contains(result.out, "late`"));  // no rule ids
}

TEST_CASE("reply refuses a format it does not know", "[letters]") {
  auto result = run_fineprint({"reply", "--rules", kRules, "--format", "pdf", kHat});
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "--format must be text, markdown or html, not \"pdf\""));
}

TEST_CASE("resolve --reply adds the letter to the JSON record, and only then", "[letters]") {
  auto plain = run_fineprint({"resolve", "--rules", kRules, "--format", "json", kHat});
  auto with =
      run_fineprint({"resolve", "--rules", kRules, "--format", "json", "--reply", "en", kHat});
  INFO(describe(with));
  REQUIRE(plain.exit_code == 0);
  REQUIRE(with.exit_code == 0);
  CHECK_FALSE(contains(plain.out, "\"reply\""));
  CHECK(contains(with.out, "\"reply\": {"));
  CHECK(contains(with.out, "\"language\": \"en\""));
  // Everything before `reply` is the record as it was.
  CHECK(with.out.substr(0, plain.out.size() - 3) == plain.out.substr(0, plain.out.size() - 3));
  auto text = run_fineprint({"resolve", "--rules", kRules, "--reply", "lv", kHat});
  CHECK(text.exit_code == 2);
  CHECK(contains(text.err, "--reply adds a field to the JSON record: use it with --format json"));
}

TEST_CASE("terms takes --lang and --locale as one option", "[letters]") {
  auto lang = run_fineprint({"terms", "--rules", kRules, "--lang", "en"});
  auto locale = run_fineprint({"terms", "--rules", kRules, "--locale", "en"});
  INFO(describe(lang));
  REQUIRE(lang.exit_code == 0);
  CHECK(lang.out == locale.out);
  auto both = run_fineprint({"terms", "--rules", kRules, "--lang", "en", "--locale", "lv"});
  CHECK(both.exit_code == 2);
  CHECK(contains(both.err, "--lang and --locale are the same option; give one language"));
}

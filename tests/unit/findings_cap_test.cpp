// Hostile input never wins, part 2 (issue 20, item 2), end to end: findings
// that grow with the square of the input are capped per rule (--max-findings,
// default 100) and summed up in one finding, in bounded memory; --ignore
// skips the checks it leaves out; resolve and batch run only the load-time
// checks unless --lint-rules. The rulebooks are generated here; their time is
// measured by tests/bench/analysis/findings_cap.sh, not here.
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "mini_json.hpp"
#include "run_process.hpp"

namespace fs = std::filesystem;
using fineprint::testing::contains;
using fineprint::testing::describe;
using fineprint::testing::Json;
using fineprint::testing::kSanitized;
using fineprint::testing::lines_of;
using fineprint::testing::parse_json;
using fineprint::testing::ProcessResult;
using fineprint::testing::run_fineprint;
using fineprint::testing::run_process;
using fineprint::testing::TempDir;

namespace {

const std::string kStore =
    "[store]\nname = \"Hostile\"\ncurrency = \"EUR\"\ntimezone = \"Europe/Riga\"\n"
    "channels = [\"web\"]\n\n";

// `n` returns rules without `when` under `unique`: every pair overlaps.
std::string overlapping_returns(int n, const std::string& extra = "") {
  std::string text =
      kStore + "[returns]\nhit_policy = \"unique\"\nwindow_from = \"delivery\"\n" + extra + "\n";
  for (int i = 1; i <= n; ++i)
    text += fmt::format("[[returns.rule]]\nid = \"R{:04}\"\noutcome = \"refund\"\n\n", i);
  return text;
}

// `n` identical promotions: every pair is an ambiguous overlap.
std::string identical_promotions(int n) {
  std::string text = kStore;
  for (int i = 1; i <= n; ++i)
    text += fmt::format(
        "[[promotion]]\nid = \"P{:04}\"\ntitle = \"Ten percent off\"\npercent_off = 10\n"
        "starts = 2026-12-01T00:00:00+02:00\nends = 2027-01-01T00:00:00+02:00\n\n",
        i);
  return text;
}

// Runs fineprint under a 2 GB address-space limit (where prlimit exists and
// the build is not sanitized).
ProcessResult run_capped(const std::vector<std::string>& args) {
  std::vector<std::string> argv{FINEPRINT_EXE};
  argv.insert(argv.end(), args.begin(), args.end());
  if (!kSanitized && ::access("/usr/bin/prlimit", X_OK) == 0)
    argv.insert(argv.begin(), {"/usr/bin/prlimit", "--as=2147483648", "--"});
  return run_process(argv);
}

// The findings of `rule` in lint's JSON output.
std::vector<Json> findings_of(const std::string& json, const std::string& rule) {
  std::vector<Json> out;
  Json report = parse_json(json);
  const Json* findings = report.get("findings");
  REQUIRE(findings);
  for (const auto& f : findings->items)
    if (f.get("rule")->string == rule) out.push_back(f);
  return out;
}

// The one finding of `findings` whose message has `part`; counts them in `count`.
const Json* with_message(const std::vector<Json>& findings, const std::string& part, int& count) {
  const Json* found = nullptr;
  count = 0;
  for (const auto& f : findings)
    if (contains(f.get("message")->string, part)) {
      found = &f;
      ++count;
    }
  return found;
}

}  // namespace

TEST_CASE("2,000 returns rules that all overlap: 100 findings and one with the total",
          "[findings-cap]") {
  TempDir dir;
  std::string text = overlapping_returns(2000);
  REQUIRE(text.size() < 128 * 1024);  // about 100 KB
  fs::path rules = dir.write("ambiguous-returns.toml", text);
  auto run = run_capped({"lint", "--format", "json", rules.string()});
  INFO(describe(run).substr(0, 3000));
  REQUIRE(run.exited());
  CHECK(run.exit_code == 1);
  auto overlaps = findings_of(run.out, "returns/overlap");
  CHECK(overlaps.size() == 101);
  int summaries = 0;
  const Json* summary = with_message(
      overlaps, "1,999,000 pairs of rules overlap; 100 shown (--max-findings)", summaries);
  CHECK(summaries == 1);
  REQUIRE(summary);
  CHECK(summary->get("severity")->string == "error");
  // The first pairs in the check's order are the ones shown: rules up to the 15th.
  int first = 0, late = 0;
  with_message(overlaps, "rules R0001 and R0002 both match", first);
  with_message(overlaps, "R0100", late);
  CHECK(first == 1);
  CHECK(late == 0);
  // The output stays small: 101 findings, not 1,999,000.
  CHECK(run.out.size() < 1'000'000);
}

TEST_CASE("2,000 identical promotions: 100 ambiguous overlaps and one with the total",
          "[findings-cap]") {
  TempDir dir;
  fs::path rules = dir.write("identical-promotions.toml", identical_promotions(2000));
  auto run = run_capped({"lint", "--format", "json", rules.string()});
  INFO(describe(run).substr(0, 3000));
  REQUIRE(run.exited());
  CHECK(run.exit_code == 1);
  auto ambiguous = findings_of(run.out, "promo/ambiguous-overlap");
  CHECK(ambiguous.size() == 101);
  int summaries = 0;
  with_message(ambiguous,
               "1,999,000 pairs of promotions can both apply and neither wins; 100 shown "
               "(--max-findings)",
               summaries);
  CHECK(summaries == 1);
  // Every rule is capped, not only the quadratic ones: 1,999 are shadowed.
  auto shadowed = findings_of(run.out, "promo/shadowed");
  CHECK(shadowed.size() <= 101);
}

TEST_CASE("lint --ignore promo/ runs no promotion check at all", "[findings-cap]") {
  TempDir dir;
  fs::path rules = dir.write("identical-promotions.toml", identical_promotions(2000));
  auto run = run_capped({"lint", "--ignore", "promo/", "--format", "json", rules.string()});
  INFO(describe(run).substr(0, 3000));
  REQUIRE(run.exited());
  CHECK(run.exit_code == 0);
  Json report = parse_json(run.out);
  for (const auto& f : report.get("findings")->items)
    CHECK(f.get("rule")->string.rfind("promo/", 0) != 0);
}

TEST_CASE("lint --max-findings: 0 lists every finding, N keeps N, anything else is refused",
          "[findings-cap]") {
  TempDir dir;
  fs::path rules = dir.write("rules.toml", overlapping_returns(30));  // 435 pairs
  auto all = run_fineprint({"lint", "--format", "json", "--max-findings", "0", rules.string()});
  INFO(describe(all).substr(0, 3000));
  CHECK(all.exit_code == 1);
  CHECK(findings_of(all.out, "returns/overlap").size() == 435);

  auto few = run_fineprint({"lint", "--max-findings", "10", rules.string()});
  INFO(describe(few).substr(0, 3000));
  CHECK(few.exit_code == 1);
  CHECK(contains(few.out,
                 "error[returns/overlap]: 435 pairs of rules overlap; 10 shown "
                 "(--max-findings)\n"));
  CHECK(contains(few.out, "11 errors, 0 warnings, 0 notes in 1 file"));

  auto exact = run_fineprint({"lint", "--max-findings", "435", rules.string()});
  CHECK_FALSE(contains(exact.out, "shown (--max-findings)"));

  for (const std::string bad : {"-1", "ten", "1.5", ""}) {
    auto refused = run_fineprint({"lint", "--max-findings", bad, rules.string()});
    INFO(bad << ": " << describe(refused));
    CHECK(refused.exit_code == 2);
    CHECK(contains(refused.err, "--max-findings must be a whole number"));
  }
}

TEST_CASE("the summary of findings an `allow` table suppresses is suppressed too",
          "[findings-cap]") {
  TempDir dir;
  fs::path rules = dir.write(
      "rules.toml",
      overlapping_returns(30, "\n[returns.allow]\n\"returns/overlap\" = \"overlaps are fine\"\n"));
  auto run = run_fineprint({"lint", "--format", "json", "--max-findings", "5", rules.string()});
  INFO(describe(run).substr(0, 3000));
  CHECK(run.exit_code == 0);
  auto overlaps = findings_of(run.out, "returns/overlap");
  CHECK(overlaps.size() == 6);
  for (const auto& f : overlaps) CHECK(f.get("suppressed")->is(Json::Kind::string));
}

TEST_CASE("batch and resolve run only the load-time checks unless --lint-rules", "[findings-cap]") {
  TempDir dir;
  fs::path rules = dir.write("ambiguous-returns.toml", overlapping_returns(2000));
  auto quiet = run_capped({"batch", "--rules", rules.string(), "-i", "/dev/null"});
  INFO(describe(quiet).substr(0, 3000));
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.out.empty());
  CHECK(quiet.err == "0 claims: 0 approved, 0 partially approved, 0 denied, 0 review, 0 invalid\n");

  auto asked = run_capped({"batch", "--rules", rules.string(), "-i", "/dev/null", "--lint-rules"});
  INFO(describe(asked).substr(0, 3000));
  CHECK(asked.exit_code == 0);
  CHECK(contains(asked.err,
                 "warning[returns/overlap]: 1,999,000 pairs of rules overlap; 100 "
                 "shown (--max-findings)\n"));
  std::size_t warnings = 0;
  for (const auto& line : lines_of(asked.err))
    if (contains(line, ": warning[returns/overlap]: ")) ++warnings;
  CHECK(warnings == 101);

  // resolve: an invalid claim path is refused after the rulebook is loaded,
  // with no warnings before it.
  fs::path claim = dir.write("claim.toml", "[claim]\n");
  auto resolve = run_capped({"resolve", "--rules", rules.string(), claim.string()});
  INFO(describe(resolve).substr(0, 3000));
  CHECK(resolve.exit_code == 2);
  CHECK_FALSE(contains(resolve.err, "warning["));
}

TEST_CASE("a catalog of 85,000 categories and 640 rules is analysed within 2 GB",
          "[findings-cap][limits]") {
  // Issue 20: each box over such a catalog is 10 KB, and looking names up
  // in it was linear; the domain now indexes its names and the analysis
  // counts the bytes of the pieces it holds (docs/limits.md).
  std::string text =
      "[store]\nname = \"S\"\ncurrency = \"EUR\"\ntimezone = \"Europe/Riga\"\n"
      "channels = [\"web\", \"store\"]\n[catalog]\ncategories = [\n";
  for (int i = 0; i < 85'000; ++i) text += fmt::format("\"c{}\",\n", i);
  text += "]\n[returns]\nhit_policy = \"first\"\nwindow_from = \"delivery\"\n";
  for (int i = 0; i < 640; ++i)
    text += fmt::format(
        "[[returns.rule]]\nid = \"R{}\"\nwhen = {{ category = [\"c{}\", \"c{}\"], days = {{ max = "
        "{} }}, returns_90d = {{ max = {} }} }}\noutcome = \"refund\"\n",
        i, (i * 131) % 85'000, (i * 977) % 85'000, i % 60, i % 9);
  text += "[returns.otherwise]\noutcome = \"review\"\nbecause = \"x\"\n";
  TempDir dir;
  fs::path rules = dir.write("catalog.toml", text);
  ProcessResult r = run_capped({"lint", "--format", "json", "--max-findings", "3", rules.string()});
  INFO(describe(r));
  REQUIRE(r.exited());
  CHECK(r.exit_code <= 1);
  CHECK(contains(r.out, "\"refs/unused-category\""));  // the catalog was read whole
}

// End-to-end tests of `fineprint lint`, `rules`, `explain`, `--version` and
// `--help`: the real executable, its stdout, stderr and exit code (fineprint(1)).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "lint/linter.hpp"
#include "lint/registry.hpp"
#include "lint_fixture.hpp"
#include "mini_json.hpp"
#include "run_process.hpp"

namespace fs = std::filesystem;
using fineprint::testing::contains;
using fineprint::testing::describe;
using fineprint::testing::Json;
using fineprint::testing::lines_of;
using fineprint::testing::parse_json;
using fineprint::testing::ProcessResult;
using fineprint::testing::run_fineprint;
using fineprint::testing::starts_with;
using fineprint::testing::TempDir;

namespace {

std::string source(const std::string& relative) {
  return (fs::path(FINEPRINT_SOURCE_DIR) / relative).string();
}

const std::string kFifty = source("tests/lint-many/fifty-mistakes.toml");

// The findings of a `--format json` run.
struct JsonFinding {
  std::string rule, severity, message, file;
  int line = 0, column = 0;
  std::optional<std::string> suppressed;
};

std::vector<JsonFinding> json_findings(const Json& document) {
  std::vector<JsonFinding> out;
  const Json* findings = document.get("findings");
  REQUIRE(findings);
  REQUIRE(findings->is(Json::Kind::array));
  for (const Json& item : findings->items) {
    REQUIRE(item.is(Json::Kind::object));
    JsonFinding finding;
    for (const char* key : {"rule", "severity", "message", "file"}) {
      INFO(key);
      REQUIRE(item.get(key));
      REQUIRE(item.get(key)->is(Json::Kind::string));
    }
    for (const char* key : {"line", "column", "end_line", "end_column"}) {
      INFO(key);
      REQUIRE(item.get(key));
      REQUIRE(item.get(key)->is(Json::Kind::number));
    }
    for (const char* key : {"witness", "help", "suppressed"}) {
      INFO(key);
      REQUIRE(item.get(key));
    }
    finding.rule = item.get("rule")->string;
    finding.severity = item.get("severity")->string;
    finding.message = item.get("message")->string;
    finding.file = item.get("file")->string;
    finding.line = static_cast<int>(item.get("line")->number);
    finding.column = static_cast<int>(item.get("column")->number);
    if (item.get("suppressed")->is(Json::Kind::string))
      finding.suppressed = item.get("suppressed")->string;
    else
      CHECK(item.get("suppressed")->is(Json::Kind::null));
    out.push_back(std::move(finding));
  }
  return out;
}

std::vector<JsonFinding> lint_json(const std::vector<std::string>& args) {
  std::vector<std::string> all{"lint", "--format", "json"};
  all.insert(all.end(), args.begin(), args.end());
  ProcessResult result = run_fineprint(all);
  INFO(describe(result));
  REQUIRE(result.exited());
  REQUIRE(result.exit_code != 2);
  return json_findings(parse_json(result.out));
}

std::multiset<std::string> rules_of(const std::vector<JsonFinding>& findings) {
  std::multiset<std::string> out;
  for (const auto& finding : findings) out.insert(finding.rule);
  return out;
}

// The rules the fifty-mistake fixture expects, one entry per finding.
std::multiset<std::string> fifty_expected_rules() {
  std::multiset<std::string> out;
  for (const auto& [file, line, column, rule] :
       fineprint::testing::read_expectations(kFifty).findings)
    out.insert(rule);
  return out;
}

std::string store_toml() {
  return "[store]\nname = \"Shop\"\ncurrency = \"EUR\"\ntimezone = \"Europe/Riga\"\n"
         "channels = [\"web\"]\n\n";
}

}  // namespace

// ---------------------------------------------------------------- exit codes

TEST_CASE("lint exits 0 on a clean rulebook and prints only the summary", "[cli][lint]") {
  ProcessResult result = run_fineprint({"lint", source("tests/lint/schema/version/clean.toml")});
  INFO(describe(result));
  REQUIRE(result.exited());
  CHECK(result.exit_code == 0);
  CHECK(result.out == "0 errors, 0 warnings, 0 notes in 1 file\n");
  CHECK(result.err.empty());
}

TEST_CASE("lint exits 1 when a finding is at or above --fail-on", "[cli][lint]") {
  const std::string errors = source("tests/lint/schema/unknown-key/fires.toml");
  const std::string warnings = source("tests/lint/time/open-ended/fires.toml");  // 2 warnings
  const std::string notes = source("tests/lint/time/date-only-end/fires.toml");  // 2 notes

  struct Case {
    std::string path;
    std::vector<std::string> options;
    int exit_code;
  };
  const std::vector<Case> cases{
      {errors, {}, 1},
      {errors, {"--fail-on", "error"}, 1},
      {errors, {"--fail-on", "warning"}, 1},
      {errors, {"--fail-on", "info"}, 1},
      {warnings, {}, 0},
      {warnings, {"--fail-on", "error"}, 0},
      {warnings, {"--fail-on", "warning"}, 1},
      {warnings, {"--fail-on", "info"}, 1},
      {notes, {}, 0},
      {notes, {"--fail-on", "warning"}, 0},
      {notes, {"--fail-on", "info"}, 1},
      {notes, {"--fail-on=info"}, 1},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args{"lint", c.path};
    args.insert(args.end(), c.options.begin(), c.options.end());
    ProcessResult result = run_fineprint(args);
    INFO(c.path << " " << (c.options.empty() ? "" : c.options.back()) << "\n" << describe(result));
    REQUIRE(result.exited());
    CHECK(result.exit_code == c.exit_code);
    CHECK(result.err.empty());
  }

  ProcessResult warned = run_fineprint({"lint", warnings});
  CHECK(contains(warned.out, "0 errors, 2 warnings, 0 notes in 1 file\n"));
  ProcessResult noted = run_fineprint({"lint", notes});
  CHECK(contains(noted.out, "0 errors, 0 warnings, 2 notes in 1 file\n"));
}

TEST_CASE("lint exits 2 when it cannot do the job", "[cli][lint]") {
  TempDir dir;
  const std::string clean = source("tests/lint/schema/version/clean.toml");
  const std::string missing = (dir.path() / "no-such-rulebook.toml").string();
  fs::create_directory(dir.path() / "empty");

  struct Case {
    std::vector<std::string> args;
    std::string in_stderr;
  };
  const std::vector<Case> cases{
      {{"lint", missing}, "no-such-rulebook.toml"},
      {{"lint", clean, missing}, "no-such-rulebook.toml"},
      {{"lint", (dir.path() / "empty").string()}, "empty"},
      {{"lint", "--frobnicate", clean}, "frobnicate"},
      {{"lint", "--format", "xml", clean}, "xml"},
      {{"lint", "--format"}, "format"},
      {{"lint", "--fail-on", "sometimes", clean}, "sometimes"},
      {{"lint", "--as-of", "tomorrow", clean}, "tomorrow"},
      // Year 10000 once converted to UTC: outside the years fineprint reads.
      {{"lint", "--as-of", "9999-12-31T23:59:59-23:59", clean}, "the year 9999"},
      {{"lint", clean, "--select", "time/end-at-2358"}, "did you mean \"time/end-at-2359\""},
      {{"lint", clean, "--select", "tiem/"}, "tiem/"},
      {{"lint", clean, "--ignore", "no/such-rule"}, "no/such-rule"},
      {{"lint", clean, "--select", "time"}, "\"time\""},
  };
  for (const auto& c : cases) {
    ProcessResult result = run_fineprint(c.args);
    std::string shown;
    for (const auto& arg : c.args) shown += arg + " ";
    INFO(shown << "\n" << describe(result));
    REQUIRE(result.exited());
    CHECK(result.exit_code == 2);
    CHECK(starts_with(result.err, "fineprint: error: "));
    CHECK(contains(result.err, c.in_stderr));
  }
}

// ------------------------------------------------------- selecting rules

TEST_CASE("lint --select and --ignore take rule names and family prefixes", "[cli][lint]") {
  const std::multiset<std::string> all = fifty_expected_rules();
  REQUIRE(all.size() == 50);
  auto only = [&](auto keep) {
    std::multiset<std::string> out;
    for (const auto& rule : all)
      if (keep(rule)) out.insert(rule);
    return out;
  };
  auto family = [](const std::string& rule, std::string_view prefix) {
    return starts_with(rule, prefix);
  };

  CHECK(rules_of(lint_json({kFifty})) == all);
  CHECK(rules_of(lint_json({kFifty, "--select", "time/"})) ==
        only([&](const std::string& r) { return family(r, "time/"); }));
  CHECK(rules_of(lint_json({kFifty, "--select", "time/open-ended"})) ==
        std::multiset<std::string>{"time/open-ended"});
  CHECK(rules_of(lint_json({kFifty, "--select", "time/,money/"})) ==
        only([&](const std::string& r) { return family(r, "time/") || family(r, "money/"); }));
  CHECK(
      rules_of(lint_json({kFifty, "--select", "refs/unknown-sku", "--select", "schema/"})) ==
      only([&](const std::string& r) { return r == "refs/unknown-sku" || family(r, "schema/"); }));
  CHECK(rules_of(lint_json({kFifty, "--ignore", "schema/"})) ==
        only([&](const std::string& r) { return !family(r, "schema/"); }));
  CHECK(
      rules_of(lint_json({kFifty, "--ignore", "schema/", "--ignore", "refs/unknown-sku"})) ==
      only([&](const std::string& r) { return !family(r, "schema/") && r != "refs/unknown-sku"; }));
  CHECK(rules_of(lint_json({kFifty, "--select", "time/", "--ignore", "time/open-ended"})) ==
        only([&](const std::string& r) { return family(r, "time/") && r != "time/open-ended"; }));

  SECTION("the path may follow --select: one value per option") {
    CHECK(rules_of(lint_json({"--select", "time/open-ended", kFifty})) ==
          std::multiset<std::string>{"time/open-ended"});
  }

  SECTION("the exit code counts only the selected findings") {
    ProcessResult note_only =
        run_fineprint({"lint", kFifty, "--select", "time/date-only-end", "--fail-on", "warning"});
    INFO(describe(note_only));
    CHECK(note_only.exit_code == 0);
    CHECK(contains(note_only.out, "0 errors, 0 warnings, 1 note in 1 file\n"));
    ProcessResult ignored_all =
        run_fineprint({"lint", kFifty, "--ignore", "schema/,refs/,money/,time/", "--ignore",
                       "promo/,returns/,text/"});
    INFO(describe(ignored_all));
    CHECK(ignored_all.exit_code == 0);
    CHECK(ignored_all.out == "0 errors, 0 warnings, 0 notes in 1 file\n");
  }
}

// ------------------------------------------------------- suppressions

TEST_CASE("allow suppresses a finding, with its reason shown in json", "[cli][lint][allow]") {
  TempDir dir;
  const std::string promotion =
      "[[promotion]]\nid = \"SAMPLE\"\ntitle = \"Free samples\"\n"
      "starts = 2026-12-01T00:00:00+02:00\nends = 2026-12-10T00:00:00+02:00\n"
      "amount_off = \"5\"\n";
  const std::string returns =
      "[returns]\nhit_policy = \"first\"\n"
      "otherwise = { outcome = \"deny\", because = \"Outside the return policy.\" }\n\n"
      "[[returns.rule]]\nid = \"R1\"\nwhen = { condition = [\"used\"] }\noutcome = \"review\"\n"
      "because = \"A refund if the wear is reasonable.\"\n";
  const std::string allow_promotion =
      "allow = { \"money/free-order\" = \"samples are free by design\" }\n";
  const std::string allow_returns =
      "\n[returns.allow]\n\"text/vague-terms\" = \"the review team decides case by case\"\n";

  SECTION("without allow both findings count") {
    auto path = dir.write("plain.toml", store_toml() + promotion + "\n" + returns);
    ProcessResult result = run_fineprint({"lint", path.string(), "--fail-on", "warning"});
    INFO(describe(result));
    CHECK(result.exit_code == 1);
    CHECK(contains(result.out, "warning[money/free-order]"));
    CHECK(contains(result.out, "warning[text/vague-terms]"));
    CHECK(contains(result.out, "0 errors, 2 warnings, 0 notes in 1 file\n"));
  }

  SECTION("with allow, in a promotion and in [returns.allow]") {
    auto path = dir.write("allowed.toml", store_toml() + promotion + allow_promotion + "\n" +
                                              returns + allow_returns);
    ProcessResult text = run_fineprint({"lint", path.string(), "--fail-on", "warning"});
    INFO(describe(text));
    CHECK(text.exit_code == 0);
    CHECK(text.out == "0 errors, 0 warnings, 0 notes in 1 file\n");

    ProcessResult github =
        run_fineprint({"lint", path.string(), "--format", "github", "--fail-on", "info"});
    INFO(describe(github));
    CHECK(github.exit_code == 0);
    CHECK(github.out == "0 errors, 0 warnings, 0 notes in 1 file\n");

    ProcessResult json = run_fineprint({"lint", path.string(), "--format", "json"});
    INFO(describe(json));
    CHECK(json.exit_code == 0);
    Json document = parse_json(json.out);
    auto findings = json_findings(document);
    REQUIRE(findings.size() == 2);
    std::map<std::string, std::string> reasons;
    for (const auto& finding : findings) {
      REQUIRE(finding.suppressed);
      reasons[finding.rule] = *finding.suppressed;
    }
    CHECK(reasons["money/free-order"] == "samples are free by design");
    CHECK(reasons["text/vague-terms"] == "the review team decides case by case");
    const Json* summary = document.get("summary");
    REQUIRE(summary);
    CHECK(summary->get("warnings")->number == 0);
    CHECK(summary->get("errors")->number == 0);
  }

  SECTION("an empty reason is an error and suppresses nothing") {
    auto path = dir.write("empty-reason.toml",
                          store_toml() + promotion + "allow = { \"money/free-order\" = \"\" }\n");
    auto findings = lint_json({path.string()});
    CHECK(rules_of(findings) ==
          std::multiset<std::string>{"schema/missing-key", "money/free-order"});
    for (const auto& finding : findings) CHECK(!finding.suppressed);
    ProcessResult result = run_fineprint({"lint", path.string()});
    INFO(describe(result));
    CHECK(result.exit_code == 1);
    CHECK(contains(result.out, ":13:11: error[schema/missing-key]"));
  }

  SECTION("an allow naming no rule is an error, with did-you-mean") {
    auto path = dir.write("unknown-rule.toml", store_toml() + promotion +
                                                   "allow = { \"money/free-ordr\" = \"fine\" }\n");
    ProcessResult result = run_fineprint({"lint", path.string()});
    INFO(describe(result));
    CHECK(result.exit_code == 1);
    CHECK(contains(result.out, ":13:11: error[schema/unknown-key]"));
    CHECK(contains(result.out, "did you mean \"money/free-order\"?"));
    CHECK(contains(result.out, "warning[money/free-order]"));  // not suppressed
  }

  SECTION("an allow naming a load error is an error: those cannot be silenced") {
    auto path = dir.write("load-rule.toml", store_toml() + promotion +
                                                "allow = { \"schema/unknown-key\" = \"fine\" }\n"
                                                "colour = \"red\"\n");
    auto findings = lint_json({path.string()});
    CHECK(rules_of(findings) == std::multiset<std::string>{"schema/unknown-key",
                                                           "schema/unknown-key",
                                                           "money/free-order"});
    for (const auto& finding : findings) CHECK(!finding.suppressed);
  }
}

// ------------------------------------------------------- output formats

TEST_CASE("lint --format json is one object with findings and a summary", "[cli][lint][json]") {
  ProcessResult result = run_fineprint({"lint", kFifty, "--format", "json"});
  INFO(describe(result));
  REQUIRE(result.exited());
  CHECK(result.exit_code == 1);
  CHECK(result.err.empty());
  Json document = parse_json(result.out);
  REQUIRE(document.is(Json::Kind::object));
  auto findings = json_findings(document);
  REQUIRE(findings.size() == 50);

  std::set<fineprint::testing::Expectation> got;
  std::map<std::string, int> severities;
  for (const auto& finding : findings) {
    CHECK(finding.file == kFifty);
    CHECK(!finding.message.empty());
    CHECK(!finding.suppressed);
    ++severities[finding.severity];
    got.insert({finding.file, static_cast<std::uint32_t>(finding.line),
                static_cast<std::uint32_t>(finding.column), finding.rule});
  }
  CHECK(got == fineprint::testing::read_expectations(kFifty).findings);
  CHECK(severities == std::map<std::string, int>{{"error", 44}, {"warning", 5}, {"note", 1}});

  const Json* summary = document.get("summary");
  REQUIRE(summary);
  REQUIRE(summary->is(Json::Kind::object));
  CHECK(summary->get("errors")->number == 44);
  CHECK(summary->get("warnings")->number == 5);
  CHECK(summary->get("notes")->number == 1);
  CHECK(summary->get("files")->number == 1);

  SECTION("a clean rulebook has an empty findings array") {
    ProcessResult clean =
        run_fineprint({"lint", "--format", "json", source("tests/lint/schema/version/clean.toml")});
    CHECK(clean.exit_code == 0);
    Json empty = parse_json(clean.out);
    REQUIRE(empty.get("findings"));
    CHECK(empty.get("findings")->items.empty());
    CHECK(empty.get("summary")->get("files")->number == 1);
  }
}

TEST_CASE("lint --format github prints one workflow command per finding", "[cli][lint][github]") {
  ProcessResult result = run_fineprint({"lint", kFifty, "--format", "github"});
  INFO(describe(result));
  REQUIRE(result.exited());
  CHECK(result.exit_code == 1);
  auto lines = lines_of(result.out);
  REQUIRE(lines.size() == 51);
  CHECK(lines.back() == "44 errors, 5 warnings, 1 note in 1 file");
  std::map<std::string, int> commands;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const std::string& line = lines[i];
    INFO(line);
    auto space = line.find(' ');
    REQUIRE(space != std::string::npos);
    ++commands[line.substr(0, space)];
    CHECK(contains(line, ",line="));
    CHECK(contains(line, ",col="));
    CHECK(contains(line, ",title="));
  }
  CHECK(commands == std::map<std::string, int>{{"::error", 44}, {"::warning", 5}, {"::notice", 1}});
  // The 23:59:59 end on line 26 of the fixture: `ends = 2026-12-31T23:59:59+02:00`,
  // columns 1 to 32, GitHub's endColumn being the last one (issue 18).
  std::string file = kFifty;
  std::string escaped;
  for (char c : file) escaped += c == ':' ? "%3A" : c == ',' ? "%2C" : std::string(1, c);
  bool found = std::any_of(lines.begin(), lines.end(), [&](const std::string& line) {
    return starts_with(line,
                       "::warning file=" + escaped + ",line=26,col=1,endLine=26,endColumn=32,") &&
           contains(line, ",title=time/end-at-2359::promotion P1 ends ");
  });
  CHECK(found);
}

TEST_CASE("lint --format sarif and junit carry every finding", "[cli][lint][sarif]") {
  ProcessResult sarif = run_fineprint({"lint", kFifty, "--format", "sarif"});
  INFO(describe(sarif));
  REQUIRE(sarif.exited());
  CHECK(sarif.exit_code == 1);
  Json document = parse_json(sarif.out);
  REQUIRE(document.get("version"));
  CHECK(document.get("version")->string == "2.1.0");
  REQUIRE(document.get("runs"));
  REQUIRE(document.get("runs")->items.size() == 1);
  const Json& run = document.get("runs")->items[0];
  REQUIRE(run.get("results"));
  std::set<std::tuple<int, int, std::string>> got;
  std::map<std::string, int> levels;
  for (const Json& result : run.get("results")->items) {
    REQUIRE(result.get("ruleId"));
    REQUIRE(result.get("level"));
    ++levels[result.get("level")->string];
    const Json* locations = result.get("locations");
    REQUIRE(locations);
    REQUIRE(!locations->items.empty());
    const Json* physical = locations->items[0].get("physicalLocation");
    REQUIRE(physical);
    const Json* region = physical->get("region");
    REQUIRE(region);
    got.insert({static_cast<int>(region->get("startLine")->number),
                static_cast<int>(region->get("startColumn")->number),
                result.get("ruleId")->string});
  }
  std::set<std::tuple<int, int, std::string>> expected;
  for (const auto& [file, line, column, rule] :
       fineprint::testing::read_expectations(kFifty).findings)
    expected.insert({static_cast<int>(line), static_cast<int>(column), rule});
  CHECK(got == expected);
  CHECK(levels == std::map<std::string, int>{{"error", 44}, {"warning", 5}, {"note", 1}});

  // JUnit: what fails the run is a <failure>; the warnings and the note
  // under the default --fail-on error are properties, and fail with --fail-on info.
  auto count = [](const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
  };
  ProcessResult junit = run_fineprint({"lint", kFifty, "--format", "junit"});
  INFO(describe(junit));
  REQUIRE(junit.exited());
  CHECK(junit.exit_code == 1);
  CHECK(starts_with(junit.out, "<?xml"));
  CHECK(count(junit.out, "<failure") == 44);
  CHECK(count(junit.out, "<property ") == 6);
  ProcessResult strict = run_fineprint({"lint", kFifty, "--format", "junit", "--fail-on", "info"});
  INFO(describe(strict));
  CHECK(count(strict.out, "<failure") == 50);
  CHECK(count(strict.out, "<property ") == 0);
}

TEST_CASE("the summary line counts in singular and plural", "[cli][lint]") {
  TempDir dir;
  const std::string one_each = store_toml() +
                               "[[promotion]]\nid = \"P1\"\ntitle = \"Ten percent off\"\n"
                               "starts = 2026-12-01T00:00:00+02:00\nends = 2026-12-09\n"
                               "percent_off = 10\n\n"
                               "[[promotion]]\nid = \"P2\"\ntitle = \"Five percent off\"\n"
                               "starts = 2026-12-10T00:00:00+02:00\npercent_off = 5\n"
                               "priority = 1\ncolour = \"red\"\n";
  auto single = dir.write("single/rules.toml", one_each);
  ProcessResult result = run_fineprint({"lint", single.string()});
  INFO(describe(result));
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out, "error[schema/unknown-key]"));
  CHECK(contains(result.out, "warning[time/open-ended]"));
  CHECK(contains(result.out, "note[time/date-only-end]"));
  CHECK(lines_of(result.out).back() == "1 error, 1 warning, 1 note in 1 file");

  dir.write("double/a.toml", one_each);
  dir.write("double/b.toml",
            "[[promotion]]\nid = \"P3\"\ntitle = \"Three percent off\"\n"
            "starts = 2027-01-01T00:00:00+02:00\nends = 2027-01-09\npercent_off = 3\n"
            "priority = 3\n\n"
            "[[promotion]]\nid = \"P4\"\ntitle = \"Two percent off\"\n"
            "starts = 2027-01-10T00:00:00+02:00\npercent_off = 2\npriority = 4\nsize = 1\n");
  ProcessResult twice = run_fineprint({"lint", (dir.path() / "double").string()});
  INFO(describe(twice));
  CHECK(twice.exit_code == 1);
  CHECK(lines_of(twice.out).back() == "2 errors, 2 warnings, 2 notes in 2 files");

  ProcessResult two_paths =
      run_fineprint({"lint", single.string(), (dir.path() / "double").string()});
  INFO(describe(two_paths));
  CHECK(lines_of(two_paths.out).back() == "3 errors, 3 warnings, 3 notes in 3 files");
}

TEST_CASE("text findings name file, line, column, severity and rule", "[cli][lint]") {
  const std::string path = source("tests/lint/money/free-order/fires.toml");
  ProcessResult result = run_fineprint({"lint", path});
  INFO(describe(result));
  CHECK(result.exit_code == 0);  // warnings only
  auto lines = lines_of(result.out);
  REQUIRE(lines.size() > 4);
  CHECK(lines[0] == path +
                        ":12:1: warning[money/free-order]: promotion P1 takes 50.00 off with a "
                        "threshold of only 40.00: an order of eligible goods worth 40.00 becomes "
                        "free");
  CHECK(lines[1] == "  amount_off = \"50\"  # expect: money/free-order");
  CHECK(lines[2] == "  ^~~~~~~~~~~~~~~~~");  // key to the end of the value
  CHECK(lines[3] == "  help: set `min_subtotal` above the amount off");
  CHECK(lines[4].empty());
  CHECK(lines.back() == "0 errors, 4 warnings, 0 notes in 1 file");
}

// ------------------------------------------------------- determinism and order

TEST_CASE("lint prints the same bytes on every run", "[cli][lint]") {
  const std::string multi = source("tests/lint/schema/duplicate-key/fires");
  for (const std::string format : {"text", "json", "github", "sarif", "junit"}) {
    for (const auto& path : {kFifty, multi}) {
      ProcessResult first = run_fineprint({"lint", "--format", format, path});
      ProcessResult second = run_fineprint({"lint", "--format", format, path});
      INFO(format << " " << path);
      REQUIRE(first.exited());
      CHECK(first.exit_code == 1);
      CHECK(first.out == second.out);
      CHECK(first.err == second.err);
      CHECK(first.exit_code == second.exit_code);
    }
  }
}

TEST_CASE("fifty mistakes are reported in one run, once each, in sorted order",
          "[cli][lint][fixtures]") {
  auto expected = fineprint::testing::read_expectations(kFifty);
  REQUIRE(expected.findings.size() == 50);

  // In process: exactly fifty findings (a vector, so a duplicate would show).
  auto loaded = fineprint::load::load_rulebook({kFifty});
  REQUIRE(loaded.unreadable.empty());
  auto findings = fineprint::lint::lint_rulebook(loaded, {});
  CHECK(findings.size() == 50);
  std::vector<fineprint::testing::Expectation> got;
  for (const auto& finding : findings) {
    CHECK(!finding.suppressed);
    got.emplace_back(finding.where.file, finding.where.line, finding.where.column, finding.rule);
  }
  CHECK(std::is_sorted(got.begin(), got.end()));
  CHECK(std::set<fineprint::testing::Expectation>(got.begin(), got.end()) == expected.findings);

  // Through the executable: the same findings in the same order, twice.
  auto first = lint_json({kFifty});
  auto second = lint_json({kFifty});
  REQUIRE(first.size() == 50);
  REQUIRE(second.size() == 50);
  for (std::size_t i = 0; i < first.size(); ++i) {
    INFO(i);
    CHECK(first[i].rule == std::get<3>(got[i]));
    CHECK(first[i].line == static_cast<int>(std::get<1>(got[i])));
    CHECK(first[i].column == static_cast<int>(std::get<2>(got[i])));
    CHECK(std::tie(first[i].rule, first[i].line, first[i].column, first[i].message) ==
          std::tie(second[i].rule, second[i].line, second[i].column, second[i].message));
  }
}

// ------------------------------------------------------- rules, explain, help

TEST_CASE("fineprint rules lists every rule with its severity", "[cli][rules]") {
  ProcessResult result = run_fineprint({"rules"});
  INFO(describe(result));
  REQUIRE(result.exited());
  CHECK(result.exit_code == 0);
  auto lines = lines_of(result.out);
  const auto& registry = fineprint::lint::registry();
  CHECK(lines.size() == registry.size());
  for (const auto& rule : registry) {
    INFO(rule.name);
    bool listed = std::any_of(lines.begin(), lines.end(), [&](const std::string& line) {
      std::istringstream words(line);
      std::string name, severity;
      words >> name >> severity;
      return name == rule.name && severity == fineprint::core::severity_name(rule.severity) &&
             contains(line, rule.summary);
    });
    CHECK(listed);
  }
  for (const char* name :
       {"schema/parse-error", "refs/unknown-sku", "money/free-order", "time/end-at-2359",
        "promo/code-collision", "returns/missing-window-anchor", "text/vague-terms"})
    CHECK(contains(result.out, name));
}

// The build lists every FINEPRINT_LINT_RULE definition (src/lint/rule_list.cmake
// scans for the macro at the start of a line): a definition it missed, or one
// it found twice, would be a rule that never runs or runs twice.
TEST_CASE("the registry holds every rule defined in src/, once", "[rules]") {
  const std::regex definition(R"re(^FINEPRINT_LINT_RULE\((k\w+)\)\{\s*\.name = "([^"]+)")re",
                              std::regex::ECMAScript | std::regex::multiline);
  std::multiset<std::string> defined;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(FINEPRINT_SOURCE_DIR) / "src")) {
    if (entry.path().extension() != ".cpp") continue;
    std::ifstream file(entry.path());
    std::stringstream text;
    text << file.rdbuf();
    std::string source = text.str();
    for (std::sregex_iterator it(source.begin(), source.end(), definition), end; it != end; ++it)
      defined.insert((*it)[2]);
  }
  std::multiset<std::string> registered;
  for (const auto& rule : fineprint::lint::registry()) registered.emplace(rule.name);
  CHECK(defined.size() > 40);
  CHECK(registered == defined);
}

// `rules --format json` is what docs/tools/registry_outputs.py reads.
TEST_CASE("fineprint rules --format json lists the registry for tools", "[rules][cli]") {
  ProcessResult result = run_fineprint({"rules", "--format", "json"});
  INFO(describe(result));
  REQUIRE(result.exited());
  CHECK(result.exit_code == 0);
  Json listed = parse_json(result.out);
  REQUIRE(listed.items.size() == fineprint::lint::registry().size());
  std::size_t at = 0;
  for (const auto& rule : fineprint::lint::registry()) {
    const Json& entry = listed.items[at++];
    REQUIRE(entry.get("name"));
    CHECK(entry.get("name")->string == rule.name);
    CHECK(entry.get("severity")->string == fineprint::core::severity_name(rule.severity));
    CHECK(entry.get("summary")->string == rule.summary);
    CHECK(entry.get("suppressible")->boolean == (rule.when != fineprint::lint::RunWhen::loader));
  }
}

// The schema's enum of the rules an `allow` table may name is the registry's
// list less the loader's rules, in registry order: on a mismatch, paste the
// array this test prints into schemas/rulebook.schema.json.
TEST_CASE("the rulebook schema's suppressibleRule enum is the registry's", "[rules][schema]") {
  std::ifstream file(fs::path(FINEPRINT_SOURCE_DIR) / "schemas" / "rulebook.schema.json");
  std::stringstream text;
  text << file.rdbuf();
  Json schema = parse_json(text.str());
  const Json* defs = schema.get("$defs");
  REQUIRE(defs);
  const Json* rule = defs->get("suppressibleRule");
  REQUIRE(rule);
  const Json* listed = rule->get("enum");
  REQUIRE(listed);
  std::vector<std::string> in_schema, in_registry;
  for (const auto& name : listed->items) in_schema.push_back(name.string);
  std::string paste = "\"enum\": [";
  for (const auto& known : fineprint::lint::registry()) {
    if (known.when == fineprint::lint::RunWhen::loader) continue;
    in_registry.emplace_back(known.name);
    paste += (in_registry.size() == 1 ? "\n  \"" : ",\n  \"") + std::string(known.name) + "\"";
  }
  paste += "\n]";
  INFO("schemas/rulebook.schema.json $defs/suppressibleRule wants\n" << paste);
  CHECK(in_schema == in_registry);
}

TEST_CASE("fineprint explain prints a rule's documentation", "[cli][explain]") {
  ProcessResult result = run_fineprint({"explain", "time/end-at-2359"});
  INFO(describe(result));
  REQUIRE(result.exited());
  CHECK(result.exit_code == 0);
  CHECK(starts_with(result.out, "time/end-at-2359 (warning)\n"));
  for (const char* part : {"What it catches", "Why it matters", "Example", "Fix",
                           "ends = 2026-12-31T23:59:59", "23:59"})
    CHECK(contains(result.out, part));
  const auto* rule = fineprint::lint::find_rule("time/end-at-2359");
  REQUIRE(rule);
  CHECK(contains(result.out, rule->doc));
  CHECK(contains(result.out, rule->fix));

  SECTION("every rule has documentation") {
    for (const auto& known : fineprint::lint::registry()) {
      ProcessResult explained = run_fineprint({"explain", std::string(known.name)});
      INFO(known.name << "\n" << describe(explained));
      CHECK(explained.exit_code == 0);
      CHECK(contains(explained.out, "What it catches\n  "));
      CHECK(!std::string(known.doc).empty());
      CHECK(!std::string(known.example).empty());
      CHECK(!std::string(known.fix).empty());
    }
  }
}

TEST_CASE("fineprint explain of an unknown rule exits 2 with did-you-mean", "[cli][explain]") {
  ProcessResult result = run_fineprint({"explain", "time/end-at-2358"});
  INFO(describe(result));
  REQUIRE(result.exited());
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(starts_with(result.err, "fineprint: error: "));
  CHECK(contains(result.err, "did you mean \"time/end-at-2359\"?"));

  ProcessResult none = run_fineprint({"explain"});
  INFO(describe(none));
  CHECK(none.exit_code == 2);
  CHECK(starts_with(none.err, "fineprint: error: "));
}

TEST_CASE("fineprint --version and --help", "[cli]") {
  ProcessResult version = run_fineprint({"--version"});
  INFO(describe(version));
  REQUIRE(version.exited());
  CHECK(version.exit_code == 0);
  CHECK(starts_with(version.out, "fineprint "));
  CHECK(version.out.size() > std::string("fineprint \n").size());
  CHECK(version.out.back() == '\n');
  CHECK(lines_of(version.out).size() == 1);

  ProcessResult help = run_fineprint({"--help"});
  CHECK(help.exit_code == 0);
  for (const char* command : {"lint", "rules", "explain"}) CHECK(contains(help.out, command));

  struct Case {
    std::string command;
    std::vector<std::string> mentions;
  };
  const std::vector<Case> cases{
      {"lint",
       {"usage: fineprint lint", "--format", "--fail-on", "--as-of", "--select", "--ignore"}},
      {"rules", {"usage: fineprint rules"}},
      {"explain", {"usage: fineprint explain"}},
  };
  for (const auto& c : cases) {
    ProcessResult result = run_fineprint({c.command, "--help"});
    INFO(c.command << "\n" << describe(result));
    REQUIRE(result.exited());
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    for (const auto& mention : c.mentions) CHECK(contains(result.out, mention));
  }

  ProcessResult typo = run_fineprint({"lnt"});
  INFO(describe(typo));
  CHECK(typo.exit_code == 2);
  CHECK(contains(typo.err, "did you mean `lint`?"));
}

TEST_CASE("docs/lint-rules.md is the registry's documentation, word for word", "[cli][docs]") {
  ProcessResult result = run_fineprint({"rules", "--format", "markdown"});
  REQUIRE(result.exit_code == 0);
  std::ifstream in(std::string(FINEPRINT_SOURCE_DIR) + "/docs/lint-rules.md", std::ios::binary);
  std::string committed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  INFO("regenerate with: fineprint rules --format markdown > docs/lint-rules.md");
  CHECK(committed == result.out);
}

TEST_CASE("the test harness feeds large stdin without deadlocking", "[cli][harness]") {
  // 650 KB to a process that writes as it reads: both pipes fill up.
  std::string input;
  for (int i = 0; i < 50000; ++i) input += "{\"claim\": 1}\n";
  auto result = fineprint::testing::run_process({"/bin/cat"}, input);
  REQUIRE(result.exited());
  CHECK(result.out == input);
}

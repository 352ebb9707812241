// `fineprint test [PATH...]`: run every policy test (*.toml under a `tests`
// folder of the rulebook), print the failures and a summary, optionally the
// coverage of returns rules and promotions. A rulebook without a single
// policy test fails (exit 1) unless --allow-no-tests: in CI, a missing or
// misplaced tests folder must not read as a green run.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/decision_support.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "engine/policy_runner.hpp"
#include "report/xml.hpp"

namespace fineprint::cli {

namespace {

namespace fs = std::filesystem;

struct TestResult {
  std::string path;
  std::string name;                   // the file name without .toml
  std::vector<std::string> problems;  // empty: passed
};

struct SuiteResult {
  std::string root;
  std::vector<TestResult> tests;
};

// Where test_files looks for a rulebook's tests: the rulebook directory, or
// the `tests` folder beside a single-file rulebook.
fs::path tests_base(const std::string& root) {
  std::error_code error;
  return fs::is_directory(root, error) ? fs::path(root) : fs::path(root).parent_path() / "tests";
}

// The test files of a rulebook: every *.toml below it that has a folder named
// `tests` on its way; for a single-file rulebook, those in the `tests` folder
// next to it. Byte-wise sorted.
std::vector<std::string> test_files(const std::string& root) {
  std::vector<std::string> out;
  std::error_code error;
  fs::path base = tests_base(root);
  if (!fs::is_directory(base, error)) return out;
  bool is_tests = !fs::is_directory(root, error);
  fs::recursive_directory_iterator it(base, fs::directory_options::none, error), end;
  for (; !error && it != end; it.increment(error)) {
    if (!it->is_regular_file(error) || it->path().extension() != ".toml") continue;
    fs::path relative = it->path().lexically_relative(base);
    bool under_tests = is_tests;
    for (auto part = relative.begin(); part != relative.end() && std::next(part) != relative.end();
         ++part)
      under_tests = under_tests || *part == "tests";
    if (under_tests) out.push_back(it->path().generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TestResult run_one(const std::string& path, const model::Rulebook& rulebook,
                   engine::Exercised& exercised) {
  TestResult result{path, fs::path(path).stem().string(), {}};
  load::ClaimLoadOptions options;
  options.allow_expect = true;
  load::LoadedClaim claim = load_claim_file(path, rulebook, options);
  if (!claim.ok()) {
    for (const auto& d : claim.diagnostics)
      if (d.severity == core::Severity::error)
        result.problems.push_back("invalid: " + claim_error_text(d));
    return result;
  }
  if (!claim.has_claim) {
    result.problems.push_back("not a claim: the file has no [claim] table");
    return result;
  }
  if (!claim.expect) {
    result.problems.push_back("no [expect] table: a policy test says what it expects");
    return result;
  }
  auto decision = engine::decide(rulebook, claim.claim);
  if (!decision) {
    result.problems.push_back(decision.error().message);
    return result;
  }
  exercised.add(*decision);
  for (const auto& m : engine::compare_expectations(*claim.expect, *decision))
    result.problems.push_back(fmt::format("{}: expected {}, got {}", m.what, m.expected, m.got));
  return result;
}

std::string junit(const std::vector<SuiteResult>& suites) {
  std::size_t tests = 0, failures = 0;
  for (const auto& s : suites)
    for (const auto& t : s.tests) ++tests, failures += t.problems.empty() ? 0 : 1;
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"fineprint test\" tests=\"{}\" failures=\"{}\">\n", tests,
                     failures);
  for (const auto& s : suites) {
    std::size_t failed = 0;
    for (const auto& t : s.tests) failed += t.problems.empty() ? 0 : 1;
    out += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\">\n",
                       report::xml_escape_attribute(s.root), s.tests.size(), failed);
    for (const auto& t : s.tests) {
      out += fmt::format("    <testcase name=\"{}\" classname=\"{}\" file=\"{}\"",
                         report::xml_escape_attribute(t.name), report::xml_escape_attribute(s.root),
                         report::xml_escape_attribute(t.path));
      if (t.problems.empty()) {
        out += "/>\n";
        continue;
      }
      std::string body;
      for (const auto& p : t.problems) body += p + "\n";
      out +=
          fmt::format(">\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
                      report::xml_escape_attribute(t.problems.front()), report::xml_escape(body));
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

}  // namespace

int run_test(const Args& args) {
  po::options_description options("test options");
  std::vector<std::string> paths;
  std::string format = "text", min_coverage;
  options.add_options()("format", po::value(&format), "text or junit (default text)")(
      "coverage", "list the returns rules and promotions no test exercised")(
      "min-coverage", po::value(&min_coverage),
      "fail when under PCT percent of rules and promotions are exercised")(
      "allow-no-tests", "exit 0 when a rulebook has no policy tests (default: exit 1)")(
      "path", po::value(&paths), "rulebook files or directories (default ./rules)");
  po::positional_options_description positional;
  positional.add("path", -1);
  po::variables_map vm;
  if (auto done =
          parse_options(args, "fineprint test [options] [PATH...]", options, positional, vm))
    return *done;
  if (format != "text" && format != "junit")
    return fail(fmt::format("--format must be text or junit, not \"{}\"", format));
  std::optional<core::BasisPoints> threshold;
  if (vm.count("min-coverage")) {
    auto pct = core::parse_percent(min_coverage);
    if (!pct || *pct > core::kHundredPercent)
      return fail(
          fmt::format("--min-coverage \"{}\" is not a percent between 0 and 100", min_coverage));
    threshold = *pct;
  }
  const bool show_coverage = vm.count("coverage") > 0 || threshold;
  const bool allow_no_tests = vm.count("allow-no-tests") > 0;
  if (paths.empty()) paths.push_back("rules");

  std::vector<SuiteResult> suites;
  std::string coverage_text;
  bool under_threshold = false;
  std::vector<std::string> without_tests;  // the messages, printed after the results
  for (const auto& path : paths) {
    auto loaded = load_rules_for_claims(path, false);
    if (!loaded) return kExitCannot;
    SuiteResult suite{path, {}};
    engine::Exercised exercised;
    for (const auto& file : test_files(path))
      suite.tests.push_back(run_one(file, loaded->rulebook, exercised));
    if (suite.tests.empty() && !allow_no_tests) {
      std::error_code error;
      without_tests.push_back(fmt::format(
          "no policy tests found for {}: no *.toml file {} {} (a policy test is a claim file "
          "with an [expect] table); add tests, or pass --allow-no-tests",
          path, fs::is_directory(path, error) ? "in a `tests` folder under" : "in",
          tests_base(path).generic_string()));
    }
    if (show_coverage) {
      engine::Coverage c = engine::coverage(loaded->rulebook, exercised);
      std::size_t whole = c.total == 0 ? 100 : c.exercised * 100 / c.total;
      coverage_text +=
          fmt::format("coverage of {}: {} of {} returns rules and promotions exercised ({}%)\n",
                      path, c.exercised, c.total, whole);
      for (const auto& missed : c.missed)
        coverage_text += fmt::format("  not exercised: {}\n", missed);
      if (threshold && c.total > 0 &&
          static_cast<core::Wide>(c.exercised) * core::kHundredPercent <
              static_cast<core::Wide>(*threshold) * c.total) {
        under_threshold = true;
        coverage_text +=
            fmt::format("  below --min-coverage {}%\n", core::format_percent(*threshold));
      }
    }
    suites.push_back(std::move(suite));
  }

  std::size_t total = 0, failed = 0;
  std::string text;
  for (const auto& s : suites) {
    for (const auto& t : s.tests) {
      ++total;
      if (t.problems.empty()) continue;
      ++failed;
      text += fmt::format("FAIL {}\n", t.path);
      for (const auto& p : t.problems) text += fmt::format("  {}\n", p);
    }
  }
  if (format == "junit") {
    std::cout << junit(suites);
    if (show_coverage) std::cerr << coverage_text;
  } else {
    if (!text.empty()) text += "\n";
    text += fmt::format("{} test{}: {} passed, {} failed\n", total, total == 1 ? "" : "s",
                        total - failed, failed);
    if (show_coverage) text += coverage_text;
    std::cout << text;
  }
  std::cout.flush();
  for (const auto& message : without_tests) std::cerr << "fineprint: error: " << message << "\n";
  return failed > 0 || under_threshold || !without_tests.empty() ? kExitFailed : kExitOk;
}

}  // namespace fineprint::cli

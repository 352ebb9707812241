// `fineprint test [PATH...]`: run every policy test (*.toml under a `tests`
// folder of the rulebook), print the failures and a summary, optionally the
// coverage of returns rules and promotions. A rulebook without a single
// policy test fails (exit 1) unless --allow-no-tests: in CI, a missing or
// misplaced tests folder must not read as a green run.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/decision_support.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "cli/rulebook_option.hpp"
#include "engine/policy_runner.hpp"
#include "report/policy_tests.hpp"

namespace fineprint::cli {

int run_test(const Args& args) {
  po::options_description options("test options");
  std::vector<std::string> paths;
  std::string format = "text", min_coverage;
  ConfigChoice config_choice;
  options.add_options()("format", po::value(&format)->value_name("FORMAT"),
                        "text or junit (default text)")(
      "coverage", "list the returns rules and promotions no test exercised")(
      "min-coverage", po::value(&min_coverage)->value_name("PCT"),
      "fail when under PCT percent of rules and promotions are exercised")(
      "allow-no-tests", "exit 0 when a rulebook has no policy tests (default: exit 1)");
  declare_config_options(options, config_choice);
  options.add_options()(
      "path", po::value(&paths),
      "rulebook files or directories (default: [rules] path of fineprint.toml, else ./rules; - reads standard input, with the policy tests of ./tests)");
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
  Config config;
  if (auto done = read_config(config_choice, config)) return *done;
  if (paths.empty()) paths.push_back(default_rulebook(config));
  // `-`: the rulebook from standard input, as a single-file rulebook in the
  // current directory: its policy tests are those of ./tests.
  if (auto done = stdin_at_most_once(paths)) return *done;

  std::vector<engine::PolicySuiteResult> suites;
  std::string coverage_text;
  bool under_threshold = false;
  std::vector<std::string> without_tests;  // the messages, printed after the results
  for (const auto& path : paths) {
    auto loaded = load_rules_for_claims(path, false);
    if (!loaded) return kExitCannot;
    engine::Exercised exercised;
    engine::PolicySuiteResult suite = engine::run_policy_suite(path, loaded->rulebook, exercised);
    if (suite.tests.empty() && !allow_no_tests) {
      std::error_code error;
      without_tests.push_back(fmt::format(
          "no policy tests found for {}: no *.toml file {} {} (a policy test is a claim file with an [expect] table); add tests, or pass --allow-no-tests",
          path, std::filesystem::is_directory(path, error) ? "in a `tests` folder under" : "in",
          engine::policy_tests_base(path).generic_string()));
    }
    if (show_coverage) {
      engine::Coverage c = engine::coverage(loaded->rulebook, exercised);
      coverage_text += report::policy_coverage_text(path, c, threshold);
      under_threshold = under_threshold || (threshold && engine::below(c, *threshold));
    }
    suites.push_back(std::move(suite));
  }

  bool failed = false;
  for (const auto& s : suites)
    for (const auto& t : s.tests) failed = failed || !t.problems.empty();
  if (format == "junit") {
    std::cout << report::policy_tests_junit(suites);
    if (show_coverage) std::cerr << coverage_text;
  } else {
    std::cout << report::policy_tests_text(suites) << (show_coverage ? coverage_text : "");
  }
  std::cout.flush();
  for (const auto& message : without_tests) std::cerr << "fineprint: error: " << message << "\n";
  return failed || under_threshold || !without_tests.empty() ? kExitFailed : kExitOk;
}

}  // namespace fineprint::cli

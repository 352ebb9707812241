// The policy-test runner behind `fineprint test` (docs/format.md §3): finds
// a rulebook's test files, decides each claim, compares it with its [expect]
// table, and counts which rules and promotions the tests exercised. Printing
// the results is report/policy_tests.hpp's job.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/money.hpp"
#include "engine/decision.hpp"
#include "load/claim_loader.hpp"

namespace fineprint::engine {

// One difference between what a test expects and what was decided.
struct Mismatch {
  std::string what;  // "verdict", "amount", "items[2].rule", …
  std::string expected;
  std::string got;
};

std::vector<Mismatch> compare_expectations(const load::Expect& expect, const Decision& decision);

// Rules that matched an item and promotions applied to the order.
struct Exercised {
  std::set<std::string> rules;
  std::set<std::string> promotions;

  void add(const Decision& decision);
};

struct Coverage {
  std::size_t total = 0;
  std::size_t exercised = 0;
  std::vector<std::string> missed;  // "returns rule `x`", "promotion `Y`", in file order
};

Coverage coverage(const model::Rulebook& rulebook, const Exercised& exercised);

// True when fewer than `threshold` (hundredths of a percent) of the rules and
// promotions were exercised; a rulebook with neither is never below.
bool below(const Coverage& coverage, core::BasisPoints threshold);

// One policy test file and what went wrong with it.
struct PolicyTestResult {
  std::string path;
  std::string name;                   // the file name without .toml
  std::vector<std::string> problems;  // empty: passed
  // The test could not run: not a valid claim with an [expect] table, or no
  // decision for it. Its problems say why (JUnit: an <error>, not a <failure>).
  bool error = false;
};

// The policy tests of one rulebook (a file or directory as given).
struct PolicySuiteResult {
  std::string root;
  std::vector<PolicyTestResult> tests;
};

// Where policy_test_files looks for a rulebook's tests: the rulebook
// directory, or the `tests` folder beside a single-file rulebook.
std::filesystem::path policy_tests_base(const std::string& root);

// The test files of a rulebook: every *.toml below it that has a folder named
// `tests` on its way; for a single-file rulebook, those in the `tests` folder
// next to it. Byte-wise sorted.
std::vector<std::string> policy_test_files(const std::string& root);

// Reads, decides and checks one test file; a file that is not a valid claim
// with an [expect] table is a failed test saying so. Records what the
// decision exercised.
PolicyTestResult run_policy_test(const std::string& path, const CompiledRulebook& rules,
                                 Exercised& exercised);

// Every test of `root` (policy_test_files), in order, the rulebook compiled
// once for all of them.
PolicySuiteResult run_policy_suite(const std::string& root, const model::Rulebook& rulebook,
                                   Exercised& exercised);

}  // namespace fineprint::engine

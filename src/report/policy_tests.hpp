// `fineprint test`'s results (engine/policy_runner.hpp) as text or JUnit XML.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/money.hpp"
#include "engine/policy_runner.hpp"

namespace fineprint::report {

// A FAIL block per failed test (its path, then each problem indented), a
// blank line if there was one, then "N tests: P passed, F failed".
std::string policy_tests_text(const std::vector<engine::PolicySuiteResult>& suites);

// JUnit XML: one <testsuite> per rulebook path, one <testcase> per test file,
// a <failure> holding every problem of a failed one. No timestamps: the same
// input gives the same bytes.
std::string policy_tests_junit(const std::vector<engine::PolicySuiteResult>& suites);

// "coverage of ROOT: E of T returns rules and promotions exercised (P%)", a
// line per rule or promotion not exercised, and a line when below `threshold`.
std::string policy_coverage_text(const std::string& root, const engine::Coverage& coverage,
                                 std::optional<core::BasisPoints> threshold);

}  // namespace fineprint::report

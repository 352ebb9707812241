#include "report/policy_tests.hpp"

#include <fmt/format.h>

#include "report/xml.hpp"

namespace fineprint::report {

std::string policy_tests_text(const std::vector<engine::PolicySuiteResult>& suites) {
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
  if (!text.empty()) text += "\n";
  text += fmt::format("{} test{}: {} passed, {} failed\n", total, total == 1 ? "" : "s",
                      total - failed, failed);
  return text;
}

namespace {

struct TestCounts {
  std::size_t tests = 0, failures = 0, errors = 0;
  void add(const engine::PolicyTestResult& t) {
    ++tests;
    if (!t.problems.empty()) ++(t.error ? errors : failures);
  }
};

// One testcase: a test that ran and disagreed with its [expect] table is a
// <failure>; one that could not run (a malformed file) an <error>. The file's
// path heads the body: junit-10.xsd has no `file` attribute on a testcase.
std::string testcase_xml(const engine::PolicyTestResult& t, const std::string& root) {
  std::string out = fmt::format("    <testcase name=\"{}\" classname=\"{}\"",
                                xml_escape_attribute(t.name), xml_escape_attribute(root));
  if (t.problems.empty()) return out + "/>\n";
  std::string body = t.path + "\n";
  for (const auto& p : t.problems) body += p + "\n";
  std::string_view element = t.error ? "error" : "failure";
  return out + fmt::format(">\n      <{} message=\"{}\">{}</{}>\n    </testcase>\n", element,
                           xml_escape_attribute(t.problems.front()), xml_escape(body), element);
}

}  // namespace

std::string policy_tests_junit(const std::vector<engine::PolicySuiteResult>& suites) {
  TestCounts all;
  for (const auto& s : suites)
    for (const auto& t : s.tests) all.add(t);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format(
      "<testsuites name=\"fineprint test\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n",
      all.tests, all.failures, all.errors);
  for (const auto& s : suites) {
    TestCounts counts;
    for (const auto& t : s.tests) counts.add(t);
    out += fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\">\n",
        xml_escape_attribute(s.root), counts.tests, counts.failures, counts.errors);
    for (const auto& t : s.tests) out += testcase_xml(t, s.root);
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

std::string policy_coverage_text(const std::string& root, const engine::Coverage& c,
                                 std::optional<core::BasisPoints> threshold) {
  std::size_t whole = c.total == 0 ? 100 : c.exercised * 100 / c.total;
  std::string text =
      fmt::format("coverage of {}: {} of {} returns rules and promotions exercised ({}%)\n", root,
                  c.exercised, c.total, whole);
  for (const auto& missed : c.missed) text += fmt::format("  not exercised: {}\n", missed);
  if (threshold && engine::below(c, *threshold))
    text += fmt::format("  below --min-coverage {}%\n", core::format_percent(*threshold));
  return text;
}

}  // namespace fineprint::report

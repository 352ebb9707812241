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

std::string policy_tests_junit(const std::vector<engine::PolicySuiteResult>& suites) {
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
                       xml_escape_attribute(s.root), s.tests.size(), failed);
    for (const auto& t : s.tests) {
      out += fmt::format("    <testcase name=\"{}\" classname=\"{}\" file=\"{}\"",
                         xml_escape_attribute(t.name), xml_escape_attribute(s.root),
                         xml_escape_attribute(t.path));
      if (t.problems.empty()) {
        out += "/>\n";
        continue;
      }
      std::string body;
      for (const auto& p : t.problems) body += p + "\n";
      out += fmt::format(">\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
                         xml_escape_attribute(t.problems.front()), xml_escape(body));
    }
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

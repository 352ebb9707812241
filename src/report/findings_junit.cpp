// Lint findings as JUnit XML (fineprint(1)), the test report CI systems show on a
// merge request: one <testsuite> per rulebook file holding one <testcase>
// for that file, with a <failure> per unsuppressed finding in it. Suppressed
// findings are listed in the testcase's <system-out> with their reason. No
// timestamps or durations: the same input gives the same bytes.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "report/findings.hpp"
#include "report/xml.hpp"

namespace fineprint::report {

namespace {

std::string failure_text(const core::Diagnostic& finding) {
  std::string text = fmt::format("{}:{}:{}: {}[{}]: {}", finding.where.file, finding.where.line,
                                 finding.where.column, core::severity_name(finding.severity),
                                 finding.rule, finding.message);
  for (const auto& note : finding.notes) text += "\nnote: " + note;
  if (finding.witness) text += "\nwitness: " + finding.witness->summary;
  if (!finding.help.empty()) text += "\nhelp: " + finding.help;
  return text;
}

}  // namespace

std::string findings_junit(const core::Diagnostics& findings,
                           const std::vector<std::string>& files) {
  // Files in the order given, then any file only a finding names (sorted),
  // each once.
  std::map<std::string, std::vector<const core::Diagnostic*>> by_file;
  std::vector<std::string> order;
  for (const auto& file : files)
    if (by_file.try_emplace(file).second) order.push_back(file);
  std::vector<std::string> extra;
  for (const auto& finding : findings) {
    if (by_file.try_emplace(finding.where.file).second) extra.push_back(finding.where.file);
    by_file[finding.where.file].push_back(&finding);
  }
  std::sort(extra.begin(), extra.end());
  order.insert(order.end(), extra.begin(), extra.end());

  std::size_t total_failures = 0;
  std::string suites;
  for (const auto& file : order) {
    const auto& in_file = by_file[file];
    std::size_t failures = static_cast<std::size_t>(std::count_if(
        in_file.begin(), in_file.end(), [](const auto* f) { return !f->suppressed; }));
    total_failures += failures;
    std::string name = xml_escape_attribute(file.empty() ? "(no file)" : file);
    suites += fmt::format(
        "  <testsuite name=\"{}\" tests=\"1\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n", name,
        failures);
    suites += fmt::format("    <testcase classname=\"fineprint.lint\" name=\"{}\" file=\"{}\"",
                          name, name);
    if (in_file.empty()) {
      suites += "/>\n";
    } else {
      suites += ">\n";
      std::string suppressed;
      for (const auto* finding : in_file) {
        if (finding->suppressed) {
          suppressed +=
              fmt::format("{} (suppressed: {})\n", failure_text(*finding), *finding->suppressed);
          continue;
        }
        suites += fmt::format("      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                              xml_escape_attribute(finding->rule),
                              xml_escape_attribute(fmt::format(
                                  "{}[{}] line {}: {}", core::severity_name(finding->severity),
                                  finding->rule, finding->where.line, finding->message)),
                              xml_escape(failure_text(*finding)));
      }
      if (!suppressed.empty())
        suites += fmt::format("      <system-out>{}</system-out>\n", xml_escape(suppressed));
      suites += "    </testcase>\n";
    }
    suites += "  </testsuite>\n";
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"fineprint lint\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n{}</testsuites>\n",
      order.size(), total_failures, suites);
}

}  // namespace fineprint::report

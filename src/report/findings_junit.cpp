// Lint findings as JUnit XML (fineprint(1)), the test report CI systems show on a
// merge request, valid against the Jenkins xUnit junit-10.xsd: one
// <testsuite> per rulebook file holding one <testcase> for that file. A
// finding that fails the run (FailOn: --fail-on, --allow-incomplete) is a
// <failure>; a file that is not TOML at all (schema/parse-error: none of its
// checks could run) is an <error>. The findings that do not fail the run (a
// warning under the default --fail-on error) are each a <property> of the
// suite and a line of the testcase's <system-out>, so a job that exits 0
// shows no red test; suppressed findings are listed there with their reason.
// No timestamps or durations: the same input gives the same bytes.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "report/findings.hpp"
#include "report/xml.hpp"

namespace fineprint::report {

namespace {

constexpr std::string_view kParseError = "schema/parse-error";

std::string finding_line(const core::Diagnostic& finding) {
  return fmt::format("{}:{}:{}: {}[{}]: {}", finding.where.file, finding.where.line,
                     finding.where.column, core::severity_name(finding.severity), finding.rule,
                     finding.message);
}

std::string failure_text(const core::Diagnostic& finding) {
  std::string text = finding_line(finding);
  for (const auto& note : finding.notes) text += "\nnote: " + note;
  if (finding.witness) text += "\nwitness: " + finding.witness->summary;
  if (!finding.help.empty()) text += "\nhelp: " + finding.help;
  return text;
}

// One file's findings sorted into what the XML shows.
struct FileReport {
  std::string failures;    // <failure> and <error> elements
  std::string properties;  // <property> elements of the findings that pass
  std::string system_out;  // the findings that pass and the suppressed ones
  std::size_t failed = 0, errors = 0;
};

FileReport file_report(const std::vector<const core::Diagnostic*>& in_file, const FailOn& fail_on) {
  FileReport report;
  for (const auto* finding : in_file) {
    if (finding->suppressed) {
      report.system_out +=
          fmt::format("{} (suppressed: {})\n", failure_text(*finding), *finding->suppressed);
    } else if (fail_on.fails(*finding)) {
      bool error = finding->rule == kParseError;
      (error ? report.errors : report.failed) += 1;
      report.failures +=
          fmt::format("      <{} type=\"{}\" message=\"{}\">{}</{}>\n", error ? "error" : "failure",
                      xml_escape_attribute(finding->rule),
                      xml_escape_attribute(
                          fmt::format("{}[{}] line {}: {}", core::severity_name(finding->severity),
                                      finding->rule, finding->where.line, finding->message)),
                      xml_escape(failure_text(*finding)), error ? "error" : "failure");
    } else {
      report.properties += fmt::format("      <property name=\"{}\" value=\"{}\"/>\n",
                                       xml_escape_attribute(finding->rule),
                                       xml_escape_attribute(finding_line(*finding)));
      report.system_out += failure_text(*finding) + "\n";
    }
  }
  return report;
}

std::string suite_xml(const std::string& file, const FileReport& report) {
  std::string name = xml_escape_attribute(file.empty() ? "(no file)" : file);
  std::string out = fmt::format(
      "  <testsuite name=\"{}\" tests=\"1\" failures=\"{}\" errors=\"{}\" skipped=\"0\" "
      "file=\"{}\">\n",
      name, report.failed, report.errors, name);
  if (!report.properties.empty())
    out += fmt::format("    <properties>\n{}    </properties>\n", report.properties);
  out += fmt::format("    <testcase classname=\"fineprint.lint\" name=\"{}\"", name);
  if (report.failures.empty() && report.system_out.empty()) return out + "/>\n  </testsuite>\n";
  out += ">\n" + report.failures;
  if (!report.system_out.empty())
    out += fmt::format("      <system-out>{}</system-out>\n", xml_escape(report.system_out));
  return out + "    </testcase>\n  </testsuite>\n";
}

}  // namespace

bool FailOn::fails(const core::Diagnostic& finding) const {
  return !finding.suppressed &&
         (finding.severity >= threshold || (finding.incomplete && !allow_incomplete));
}

std::string findings_junit(const core::Diagnostics& findings, const std::vector<std::string>& files,
                           const FailOn& fail_on) {
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

  std::size_t total_failures = 0, total_errors = 0;
  std::string suites;
  for (const auto& file : order) {
    FileReport report = file_report(by_file[file], fail_on);
    total_failures += report.failed;
    total_errors += report.errors;
    suites += suite_xml(file, report);
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"fineprint lint\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n{}</testsuites>\n",
      order.size(), total_failures, total_errors, suites);
}

}  // namespace fineprint::report

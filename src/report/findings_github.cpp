// GitHub Actions workflow commands: one `::error file=…::message` line per
// finding, so findings show as annotations on the pull request.
#include <algorithm>

#include <fmt/format.h>

#include "report/findings.hpp"

namespace fineprint::report {

namespace {

// Workflow-command escaping: data escapes %, CR and LF; properties also : and ,.
std::string escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string_view command(core::Severity severity) {
  switch (severity) {
    case core::Severity::error:
      return "error";
    case core::Severity::warning:
      return "warning";
    case core::Severity::note:
      return "notice";
  }
  return "error";
}

// GitHub's annotation columns are inclusive (endColumn defaults to col: one
// character) and only allowed when the annotation is on one line; ours end
// one past the last character (core::SourceRange).
std::string position(const core::SourceRange& where) {
  if (where.end_line != where.line)
    return fmt::format("line={},endLine={}", where.line, std::max(where.end_line, where.line));
  std::uint32_t last = std::max(where.end_column, where.column + 1) - 1;
  return fmt::format("line={},col={},endLine={},endColumn={}", where.line, where.column,
                     where.end_line, last);
}

}  // namespace

std::string findings_github(const core::Diagnostics& findings, std::size_t files) {
  std::string out;
  for (const auto& finding : findings) {
    if (finding.suppressed) continue;
    std::string message = finding.message;
    if (finding.witness) message += "\nwitness: " + finding.witness->summary;
    if (!finding.help.empty()) message += "\nhelp: " + finding.help;
    out += fmt::format("::{} file={},{},title={}::{}\n", command(finding.severity),
                       escape(finding.where.file, true), position(finding.where),
                       escape(finding.rule, true), escape(message, false));
  }
  out += summary_line(count_findings(findings, files));
  out += '\n';
  return out;
}

}  // namespace fineprint::report

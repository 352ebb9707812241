#include <algorithm>

#include <fmt/color.h>
#include <fmt/format.h>

#include "report/findings.hpp"

namespace fineprint::report {

namespace {

// Where the last source line was found: findings come sorted by file and
// line, so quoting them all reads each file once, not once per finding.
struct LineCursor {
  std::string file;
  std::uint32_t line = 1;
  std::size_t offset = 0;
};

std::string_view source_line(const SourceTexts& sources, const core::SourceRange& where,
                             LineCursor& cursor) {
  auto it = sources.find(where.file);
  if (it == sources.end() || where.line == 0) return {};
  std::string_view text = it->second;
  if (cursor.file != where.file || where.line < cursor.line) cursor = {where.file, 1, 0};
  for (; cursor.line < where.line; ++cursor.line) {
    std::size_t next = text.find('\n', cursor.offset);
    if (next == std::string_view::npos) return {};
    cursor.offset = next + 1;
  }
  std::size_t end = text.find('\n', cursor.offset);
  std::string_view line =
      text.substr(cursor.offset, end == std::string_view::npos ? text.size() - cursor.offset
                                                               : end - cursor.offset);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::string render_block(const core::Diagnostic& finding, std::string_view line, bool color);

// The blocks of the findings not suppressed, each followed by `separator`.
// One cursor serves them all: sorted findings read each file once.
std::string blocks(const core::Diagnostics& findings, const SourceTexts& sources,
                   std::string_view separator, bool color) {
  std::string out;
  LineCursor cursor;
  for (const auto& finding : findings) {
    if (finding.suppressed) continue;
    out += render_block(finding, source_line(sources, finding.where, cursor), color);
    out += separator;
  }
  return out;
}

std::string plural(std::size_t count, std::string_view word) {
  return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

}  // namespace

FindingCounts count_findings(const core::Diagnostics& findings, std::size_t files) {
  FindingCounts counts;
  counts.files = files;
  for (const auto& finding : findings) {
    if (finding.suppressed) continue;
    switch (finding.severity) {
      case core::Severity::error:
        ++counts.errors;
        break;
      case core::Severity::warning:
        ++counts.warnings;
        break;
      case core::Severity::note:
        ++counts.notes;
        break;
    }
  }
  return counts;
}

std::string summary_line(const FindingCounts& counts) {
  return fmt::format("{}, {}, {} in {}", plural(counts.errors, "error"),
                     plural(counts.warnings, "warning"), plural(counts.notes, "note"),
                     plural(counts.files, "file"));
}

std::string finding_blocks(const core::Diagnostics& findings, const SourceTexts& sources) {
  return blocks(findings, sources, "", false);
}

namespace {

// Colour on a terminal (--color): the place in bold, the severity and the
// caret in the severity's colour, as compilers show them.
fmt::text_style severity_style(core::Severity severity) {
  switch (severity) {
    case core::Severity::error:
      return fmt::emphasis::bold | fmt::fg(fmt::terminal_color::red);
    case core::Severity::warning:
      return fmt::emphasis::bold | fmt::fg(fmt::terminal_color::yellow);
    case core::Severity::note:
      break;
  }
  return fmt::emphasis::bold | fmt::fg(fmt::terminal_color::cyan);
}

std::string paint(bool color, const fmt::text_style& style, std::string_view text) {
  return color ? fmt::format(style, "{}", text) : std::string(text);
}

std::string render_block(const core::Diagnostic& finding, std::string_view line, bool color) {
  const core::SourceRange& where = finding.where;
  const fmt::text_style style = severity_style(finding.severity);
  std::string out = fmt::format(
      "{} {}[{}]: {}\n",
      paint(color, fmt::emphasis::bold,
            fmt::format("{}:{}:{}:", where.file, where.line, where.column)),
      paint(color, style, core::severity_name(finding.severity)), finding.rule, finding.message);
  // Long lines (a 10 MB string) are not quoted: the location says enough.
  if (!line.empty() && line.size() <= 200) {
    out += fmt::format("  {}\n", line);
    std::size_t column = where.column > 0 ? where.column - 1 : 0;
    std::size_t width = 1;
    if (where.end_line == where.line && where.end_column > where.column)
      width = where.end_column - where.column;
    width = std::min(width, line.size() > column ? line.size() - column : std::size_t{1});
    out += fmt::format("  {}{}\n", std::string(std::min(column, line.size()), ' '),
                       paint(color, style, "^" + std::string(width > 1 ? width - 1 : 0, '~')));
  }
  for (const auto& note : finding.notes) out += fmt::format("  note: {}\n", note);
  if (finding.witness) out += fmt::format("  witness: {}\n", finding.witness->summary);
  if (!finding.help.empty()) out += fmt::format("  help: {}\n", finding.help);
  return out;
}

}  // namespace

std::string findings_text(const core::Diagnostics& findings, const SourceTexts& sources,
                          std::size_t files, bool color) {
  std::string out = blocks(findings, sources, "\n", color);
  out += summary_line(count_findings(findings, files));
  out += '\n';
  return out;
}

}  // namespace fineprint::report

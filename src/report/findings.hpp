// Lint findings → the output formats of `fineprint lint` (fineprint(1)): text,
// json and github workflow commands. Suppressed findings appear only in JSON.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"

namespace fineprint::report {

struct FindingCounts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t notes = 0;
  std::size_t files = 0;
};

// Counts the findings that are not suppressed.
FindingCounts count_findings(const core::Diagnostics& findings, std::size_t files);

// "2 errors, 1 warning, 0 notes in 3 files"
std::string summary_line(const FindingCounts& counts);

// File path → its text, to quote the source line under each finding.
using SourceTexts = std::map<std::string, std::string_view>;

// `color`: with the terminal colours of fmt's styles (--color).
std::string findings_text(const core::Diagnostics& findings, const SourceTexts& sources,
                          std::size_t files, bool color = false);
std::string findings_json(const core::Diagnostics& findings, std::size_t files);
std::string findings_github(const core::Diagnostics& findings, std::size_t files);
std::string findings_sarif(const core::Diagnostics& findings, std::size_t files);

// When a finding fails `lint` (exit 1): not suppressed, and at or above the
// --fail-on threshold, or an analysis that stopped at its budget unless
// --allow-incomplete. The exit code and the JUnit report both ask this.
struct FailOn {
  core::Severity threshold = core::Severity::error;
  bool allow_incomplete = false;
  bool fails(const core::Diagnostic& finding) const;
};

// JUnit XML valid against the Jenkins xUnit junit-10.xsd (tests/tools/): a
// finding that fails the run is a <failure>, a file that is not TOML an
// <error>; the other findings are listed, so a green job shows no red test.
std::string findings_junit(const core::Diagnostics& findings, const std::vector<std::string>& files,
                           const FailOn& fail_on);

// The findings not suppressed, each in the house style `path:line:col:
// severity[rule]: message` with its source line, caret and note/witness/help
// lines (`resolve`, `price` and `test` show rulebook findings this way).
// Sorted findings (core::sort_diagnostics) read each file once.
std::string finding_blocks(const core::Diagnostics& findings, const SourceTexts& sources);

}  // namespace fineprint::report

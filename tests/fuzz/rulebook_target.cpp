// Fuzz target: one rulebook file through the loader, every lint rule (the
// analysis included, under its work budget) and every findings format.
#include <string>

#include "core/instant.hpp"
#include "lint/linter.hpp"
#include "load/rulebook_loader.hpp"
#include "report/findings.hpp"
#include "targets.hpp"

namespace fineprint::fuzz {

int rulebook(const std::uint8_t* data, std::size_t size) {
  const std::string path = "fuzz/rulebook.toml";
  const std::string text(reinterpret_cast<const char*>(data), size);
  load::LoadedRulebook loaded = load::load_rulebook_text(text, path);

  lint::LintOptions options;
  // A fixed "now", so that a run never depends on the wall clock.
  options.as_of = core::parse_rfc3339("2026-11-01T00:00:00Z");
  core::Diagnostics findings = lint::lint_rulebook(loaded, options);

  for (const core::Diagnostic& finding : findings) {
    require(!finding.rule.empty(), "every finding names its rule");
    require(!finding.message.empty(), "every finding has a message");
    require(finding.where.file == path, "every finding names the file");
  }
  report::SourceTexts sources{{path, text}};
  require(!report::findings_text(findings, sources, 1).empty(), "text report");
  require(!report::findings_json(findings, 1).empty(), "JSON report");
  require(!report::findings_sarif(findings, 1).empty(), "SARIF report");
  require(!report::findings_junit(findings, {path}, {}).empty(), "JUnit report");
  return 0;
}

}  // namespace fineprint::fuzz

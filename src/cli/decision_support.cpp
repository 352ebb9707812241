#include "cli/decision_support.hpp"

#include <iostream>

#include <fmt/format.h>

#include "cli/options.hpp"
#include "lint/linter.hpp"
#include "report/findings.hpp"

namespace fineprint::cli {

std::optional<load::LoadedRulebook> load_rules_for_claims(const std::string& path, bool warn) {
  load::LoadedRulebook loaded = load::load_rulebook({path});
  if (!loaded.unreadable.empty()) {
    for (const auto& problem : loaded.unreadable) fail(problem);
    return std::nullopt;
  }
  report::SourceTexts sources;
  for (const auto& file : loaded.rulebook.files) sources[file.path] = file.content;
  if (!loaded.ok()) {
    core::Diagnostics errors;
    for (const auto& d : loaded.diagnostics)
      if (d.severity == core::Severity::error) errors.push_back(d);
    core::sort_diagnostics(errors);
    std::cerr << report::finding_blocks(errors, sources);
    std::cerr << fmt::format(
        "fineprint: error: the rulebook {} does not load; fix the errors above\n", path);
    return std::nullopt;
  }
  if (warn) {
    // Asked for with --lint-rules (the analysis can be costly on a large
    // rulebook, so it is not run by default). Semantic findings never block a
    // decision: even an error-level finding (an ambiguous overlap) is shown
    // as a warning here; `lint` is the gate.
    core::Diagnostics warnings;
    for (auto& d : lint::lint_rulebook(loaded, {})) {
      if (d.severity < core::Severity::warning) continue;
      d.severity = core::Severity::warning;
      warnings.push_back(std::move(d));
    }
    std::cerr << report::finding_blocks(warnings, sources);
  }
  return loaded;
}

bool print_claim_diagnostics(const core::Diagnostics& diagnostics) {
  bool errors = false;
  for (const auto& d : diagnostics) {
    if (d.severity == core::Severity::error) {
      fail(load::claim_error_text(d));
      errors = true;
    } else if (!d.suppressed) {
      std::cerr << "fineprint: " << core::severity_name(d.severity) << ": "
                << load::claim_error_text(d) << "\n";
    }
  }
  return errors;
}

}  // namespace fineprint::cli

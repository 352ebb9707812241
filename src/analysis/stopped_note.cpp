// The note a semantic rule leaves when its analysis stops at its budget.
#include "analysis/checks.hpp"

#include <fmt/format.h>

#include "lint/registry.hpp"

namespace fineprint::analysis {

core::Diagnostic stopped_note(const lint::Rule& rule, const std::string& why,
                              core::SourceRange where, std::string subject) {
  core::Diagnostic d = lint::finding(
      rule,
      fmt::format("the exact analysis stopped early and could not decide {}: {}", rule.name, why),
      std::move(where), "split the rulebook or simplify the rules involved", std::move(subject));
  d.severity = core::Severity::note;
  d.incomplete = true;
  return d;
}

}  // namespace fineprint::analysis

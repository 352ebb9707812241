// Runs every registered rule over a loaded rulebook and applies the `allow`
// suppressions: the whole of `lint` but its output.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>

#include "core/diagnostic.hpp"
#include "lint/rule.hpp"
#include "load/rulebook_loader.hpp"

namespace fineprint::lint {

// Findings built per rule unless --max-findings says otherwise (docs/limits.md).
inline constexpr std::size_t kDefaultMaxFindings = 100;

struct LintOptions {
  std::optional<core::Instant> as_of;
  // Per rule, at most this many findings are built, the first in the check's
  // own order; the rest are only counted, into one summary finding. 0: no cap.
  std::size_t max_findings = kDefaultMaxFindings;
  // Whether a rule runs (--select / --ignore); null runs every rule. A rule
  // left out is not checked at all.
  LintContext::Selection runs;
};

// Load diagnostics plus every rule's findings (capped per rule), suppressions
// applied (a suppressed finding keeps its reason in `suppressed`), sorted.
core::Diagnostics lint_rulebook(const load::LoadedRulebook& loaded, const LintOptions& options);

}  // namespace fineprint::lint

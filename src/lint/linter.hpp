// Runs every registered rule over a loaded rulebook and applies the `allow`
// suppressions: the whole of `lint` but its output.
#pragma once

#include <optional>

#include "core/diagnostic.hpp"
#include "load/rulebook_loader.hpp"

namespace fineprint::lint {

struct LintOptions {
  std::optional<core::Instant> as_of;
};

// Load diagnostics plus every rule's findings, suppressions applied (a
// suppressed finding keeps its reason in `suppressed`), sorted.
core::Diagnostics lint_rulebook(const load::LoadedRulebook& loaded, const LintOptions& options);

}  // namespace fineprint::lint

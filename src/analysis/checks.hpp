// What the semantic rules' checks share (each check and its Rule value live
// in promotion_rules.cpp, returns_rules.cpp or law_rules.cpp; their findings
// are built by lint::finding from the Rule).
#pragma once

#include <string>

#include "core/diagnostic.hpp"
#include "lint/registry.hpp"

namespace fineprint::analysis {

// The note a rule leaves when its analysis ran out of budget.
core::Diagnostic stopped_note(const lint::Rule& rule, const std::string& why,
                              core::SourceRange where, std::string subject);

// The key a finding points at, or the fallback (a header) when the key is absent.
inline core::SourceRange key_or(const core::SourceRange& key, const core::SourceRange& fallback) {
  return key.known() ? key : fallback;
}

}  // namespace fineprint::analysis

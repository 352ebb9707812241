// The check functions of the semantic lint rules (analysis_rules() lists
// them with their documentation) and the helper that builds their findings.
#pragma once

#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "lint/rule.hpp"

namespace fineprint::analysis {

// A finding of one of our rules, with the severity analysis_rules() gives it.
core::Diagnostic make_finding(std::string_view rule, std::string message, core::SourceRange where,
                              std::string help, std::string subject);
// The note a rule leaves when its analysis ran out of budget.
core::Diagnostic stopped_note(std::string_view rule, const std::string& why,
                              core::SourceRange where, std::string subject);

// The key a finding points at, or the fallback (a header) when the key is absent.
inline core::SourceRange key_or(const core::SourceRange& key, const core::SourceRange& fallback) {
  return key.known() ? key : fallback;
}

void check_gap(const lint::LintContext& context, core::Diagnostics& out);
void check_unreachable_rule(const lint::LintContext& context, core::Diagnostics& out);
void check_overlap(const lint::LintContext& context, core::Diagnostics& out);
void check_assert_failed(const lint::LintContext& context, core::Diagnostics& out);
void check_eu_withdrawal(const lint::LintContext& context, core::Diagnostics& out);
void check_eu_legal_guarantee(const lint::LintContext& context, core::Diagnostics& out);
void check_window_anchor(const lint::LintContext& context, core::Diagnostics& out);
void check_lv_notification_period(const lint::LintContext& context, core::Diagnostics& out);
void check_ambiguous_overlap(const lint::LintContext& context, core::Diagnostics& out);
void check_asymmetric_combinable(const lint::LintContext& context, core::Diagnostics& out);
void check_shadowed(const lint::LintContext& context, core::Diagnostics& out);
void check_never_eligible(const lint::LintContext& context, core::Diagnostics& out);
void check_refund_basis_unset(const lint::LintContext& context, core::Diagnostics& out);
void check_unused_category(const lint::LintContext& context, core::Diagnostics& out);

}  // namespace fineprint::analysis

// The check functions of the lint rules that read the loaded model directly
// (the semantic ones live in analysis/). Each appends its findings.
#pragma once

#include "core/diagnostic.hpp"
#include "lint/rule.hpp"

namespace fineprint::lint {

void check_end_at_2359(const LintContext& context, core::Diagnostics& out);
void check_open_ended(const LintContext& context, core::Diagnostics& out);
void check_date_only_end(const LintContext& context, core::Diagnostics& out);
void check_expired(const LintContext& context, core::Diagnostics& out);
void check_starts_before_launch(const LintContext& context, core::Diagnostics& out);
void check_free_order(const LintContext& context, core::Diagnostics& out);
void check_code_collision(const LintContext& context, core::Diagnostics& out);
void check_vague_terms(const LintContext& context, core::Diagnostics& out);

}  // namespace fineprint::lint

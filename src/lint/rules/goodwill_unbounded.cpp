// goodwill/unbounded: a gesture of goodwill with neither a limit per customer
// nor a maximum amount.
#include <fmt/format.h>

#include "lint/registry.hpp"

namespace fineprint::lint {

extern const Rule kGoodwillUnbounded;

namespace {

void check_unbounded(const LintContext& context, core::Diagnostics& out) {
  for (const auto& goodwill : context.rulebook.goodwill) {
    if (goodwill.limit_per_customer || goodwill.max_amount) continue;
    if (!context.keep("goodwill")) return;
    out.push_back(finding(
        kGoodwillUnbounded,
        fmt::format(
            "goodwill {} has no `limit_per_customer` and no `max_amount`: a customer can ask for it on every claim, at any value",
            goodwill.id.value),
        goodwill.where, "add `limit_per_customer` (with `period_days`) or `max_amount`",
        "goodwill"));
  }
}

}  // namespace

FINEPRINT_LINT_RULE(kGoodwillUnbounded){
    .name = "goodwill/unbounded",
    .severity = core::Severity::warning,
    .summary = "a gesture of goodwill with no limit and no `max_amount`",
    .doc =
        "A [[goodwill]] entry with neither `limit_per_customer` nor `max_amount`. Points at the [[goodwill]] header.",
    .why =
        "Goodwill written in advance is meant to be bounded: without a limit or a cap, a customer who pushes can have it on every claim, and its cost has no ceiling.",
    .example =
        "[[goodwill]]\nid = \"SORRY\"\ntitle = \"A gesture\"\nrefund_percent = 50\noutcome_in = [\"deny\"]",
    .fix = "Add `limit_per_customer` (and `period_days`), or `max_amount`, or both.",
    .when = RunWhen::always,
    .check = check_unbounded,
};

}  // namespace fineprint::lint

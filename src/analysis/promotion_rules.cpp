// promo/ambiguous-overlap, promo/asymmetric-combinable, promo/shadowed,
// promo/never-eligible, promo/refund-basis-unset and refs/unused-category.
#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "analysis/checks.hpp"
#include "analysis/promotion_analysis.hpp"
#include "analysis/session.hpp"

namespace fineprint::analysis {

// The rules of this file, defined below beside their checks.
extern const lint::Rule kPromoAmbiguousOverlap;
extern const lint::Rule kPromoAsymmetricCombinable;
extern const lint::Rule kPromoShadowed;
extern const lint::Rule kPromoNeverEligible;
extern const lint::Rule kPromoRefundBasisUnset;
extern const lint::Rule kRefsUnusedCategory;

namespace {

std::vector<std::string> ids(const model::Rulebook& rulebook,
                             const std::vector<std::size_t>& indices) {
  std::vector<std::string> out;
  for (std::size_t i : indices) out.push_back(rulebook.promotions[i].id.value);
  return out;
}

void check_ambiguous_overlap(const lint::LintContext& context, core::Diagnostics& out) {
  const model::Rulebook& rulebook = context.rulebook;
  if (rulebook.promotions.size() < 2) return;
  // The shadowing checks only when promo/shadowed runs too (it reads the same analysis).
  const PromoAnalysis& a =
      context.analysis().promotions(context.max_findings(), context.runs(kPromoShadowed.name));
  // The analysis keeps only the first pairs (--max-findings); the others are
  // counted per promotion, the subject an `allow` would name.
  std::vector<std::size_t> kept(rulebook.promotions.size(), 0);
  for (const auto& pair : a.ambiguous) {
    const auto& first = rulebook.promotions[pair.first];
    const auto& second = rulebook.promotions[pair.second];
    ++kept[pair.second];
    if (!context.keep(second.id.value)) continue;
    auto finding = lint::finding(
        kPromoAmbiguousOverlap,
        fmt::format(
            "{} and {} can both apply to one order and neither wins: both have priority {}, they are not combinable, and only the id tie-break decides",
            first.id.value, second.id.value, first.priority),
        second.where, "give them different priorities, or list each other in `combinable`",
        second.id.value);
    finding.witness = promotion_witness(rulebook, pair.order, second.id.value);
    out.push_back(std::move(finding));
  }
  for (std::size_t p = 0; p < kept.size(); ++p)
    if (a.ambiguous_as_second[p] > kept[p])
      context.drop(rulebook.promotions[p].id.value, a.ambiguous_as_second[p] - kept[p]);
}

}  // namespace

FINEPRINT_LINT_RULE(kPromoAmbiguousOverlap){
    .name = "promo/ambiguous-overlap",
    .severity = core::Severity::error,
    .summary = "two equal-priority, non-combinable promotions can both be candidates for one line",
    .doc =
        "Two promotions with the same `priority`, not combinable with each other, that some order makes candidates for the same line: their windows, channels and scopes meet, and codes, segments and first-order flags can all hold at once. The finding points at the header of the later of the two in the file and carries such an order as witness.",
    .why =
        "Which one applies then depends only on the byte order of their ids — an accident nobody chose, and one a customer can argue with.",
    .example =
        "[[promotion]]\nid = \"WINTER20\"\npercent_off = 20\nstarts = 2026-12-01T00:00:00+02:00\nends = 2027-01-01T00:00:00+02:00\n\n[[promotion]]\nid = \"HATS15\"\npercent_off = 15\nproducts = { categories = [\"hats\"] }\nstarts = 2026-12-01T00:00:00+02:00\nends = 2027-01-01T00:00:00+02:00",
    .fix =
        "Give them different priorities (the higher one wins), or list each other in `combinable`, or make their windows, channels or scopes disjoint.",
    .when = lint::RunWhen::clean_load,
    .check = check_ambiguous_overlap,
};

namespace {

void check_asymmetric_combinable(const lint::LintContext& context, core::Diagnostics& out) {
  const auto& promos = context.rulebook.promotions;
  // Id → promotion (a duplicate id is already an error; the first keeps it).
  std::map<std::string_view, const model::Promotion*> by_id;
  for (const auto& p : promos) by_id.emplace(p.id.value, &p);
  for (const auto& a : promos) {
    if (a.combinable.kind != model::Combinable::Kind::list) continue;
    for (const auto& listed : a.combinable.ids) {
      auto found = by_id.find(listed.value);
      if (found == by_id.end()) continue;
      const model::Promotion* b = found->second;
      if (b->combinable.admits(a.id.value) || !context.keep(a.id.value)) continue;
      out.push_back(lint::finding(
          kPromoAsymmetricCombinable,
          fmt::format(
              "{} lists {} in `combinable`, but {} does not admit {}: combinability must be mutual, so they never combine",
              a.id.value, b->id.value, b->id.value, a.id.value),
          key_or(a.combinable.where, a.where),
          fmt::format("add \"{}\" to the `combinable` of {}, or remove \"{}\" here", a.id.value,
                      b->id.value, b->id.value),
          a.id.value));
    }
  }
}

}  // namespace

FINEPRINT_LINT_RULE(kPromoAsymmetricCombinable){
    .name = "promo/asymmetric-combinable",
    .severity = core::Severity::error,
    .summary = "A lists B in `combinable` but B does not admit A",
    .doc =
        "A promotion whose `combinable` list names a promotion that does not admit it back (its own `combinable` is `false` or a list without it). Points at the `combinable` key.",
    .why =
        "Combinability is mutual (docs/semantics.md §2.3): the one-sided list has no effect, and its author thought the two stack.",
    .example =
        "[[promotion]]\nid = \"A\"\ncombinable = [\"B\"]\n# ...\n[[promotion]]\nid = \"B\"\n# combinable absent: false",
    .fix = "Add A to B's `combinable` list (or set it to `true`), or remove B from A's list.",
    .when = lint::RunWhen::clean_load,
    .check = check_asymmetric_combinable,
};

namespace {

void check_shadowed(const lint::LintContext& context, core::Diagnostics& out) {
  const model::Rulebook& rulebook = context.rulebook;
  if (rulebook.promotions.size() < 2) return;
  const PromoAnalysis& a = context.analysis().promotions(context.max_findings(), true);
  for (const auto& s : a.shadowed) {
    const auto& p = rulebook.promotions[s.promotion];
    if (!context.keep(p.id.value)) continue;
    auto finding = lint::finding(
        kPromoShadowed,
        fmt::format(
            "{} can never apply: in every order where it is a candidate and would take something off, {} (considered before it and not combinable with it) already {} its lines",
            p.id.value, fmt::join(ids(rulebook, s.by), " or "),
            s.by.size() == 1 ? "holds" : "hold"),
        p.where,
        "raise its priority, narrow the promotions that shadow it, or make them combinable",
        p.id.value);
    finding.witness = promotion_witness(rulebook, s.order, p.id.value);
    out.push_back(std::move(finding));
  }
  for (std::size_t i : a.stopped) {
    const auto& p = rulebook.promotions[i];
    out.push_back(stopped_note(kPromoShadowed, a.stopped_why, p.where, p.id.value));
  }
}

}  // namespace

FINEPRINT_LINT_RULE(kPromoShadowed){
    .name = "promo/shadowed",
    .severity = core::Severity::warning,
    .summary = "a promotion whose lines are always held by promotions considered before it",
    .doc =
        "A promotion that can never apply to any line: in every order that makes it a candidate, promotions considered before it (higher priority, or equal priority and a smaller id) that are not combinable with it already hold every line it could use — one of them, or only their union (one per category, channel or part of the window). Names them; points at the promotion's header; the witness is an order where it is a candidate and still blocked. Semantics v1.1: a promotion that would take nothing off is not applied and holds no line, so only orders where the promotion would take something off count (a buy_x_get_y needs a whole group, a percentage an amount it does not round to 0.00), and a rival blocks it only where the rival takes something off; a fixed_price rival is not counted on to block (a cheaper unit escapes it), unless the promotion is a fixed price at least as high (docs/analysis.md). Orders of two line kinds count too: a promotion that only an order of two categories lets apply (its threshold reached by both together, or a combinable promotion switched on by the second line) is not shadowed, and only an order the engine prices with it applied takes the warning away; orders of three or more line kinds are not tried.",
    .why = "A promotion customers can see but never get is a promise the store does not keep.",
    .example =
        "[[promotion]]\nid = \"ALL10\"\npriority = 2\npercent_off = 10\n# ...\n[[promotion]]\nid = \"HATS5\"\npriority = 1\npercent_off = 5\nproducts = { categories = [\"hats\"] }",
    .fix =
        "Raise its priority, narrow the promotions that shadow it (window, channels, scope), make them combinable, or delete it.",
    .when = lint::RunWhen::clean_load,
    .check = check_shadowed,
};

namespace {

void check_never_eligible(const lint::LintContext& context, core::Diagnostics& out) {
  const model::Rulebook& rulebook = context.rulebook;
  if (rulebook.promotions.empty()) return;
  PromoSet set = promo_set(rulebook);
  for (const auto& f : set.facts) {
    const auto& p = rulebook.promotions[f.index];
    if (f.never_eligible.empty() || !context.keep(p.id.value)) continue;
    out.push_back(lint::finding(
        kPromoNeverEligible, fmt::format("{} can never apply: {}", p.id.value, f.never_eligible),
        f.never_eligible_where, "fix the condition that can never hold, or delete the promotion",
        p.id.value));
  }
}

}  // namespace

FINEPRINT_LINT_RULE(kPromoNeverEligible){
    .name = "promo/never-eligible",
    .severity = core::Severity::error,
    .summary = "a promotion whose conditions can never all hold",
    .doc =
        "A promotion that no order can make a candidate: its scope is empty after the exclusions (points at `products`), its `channels` or `segments` list is empty (points at the header), or its `min_quantity` is more than a scope of listed skus can hold — a claim gives each sku one order line of at most 10,000 units (docs/limits.md; points at `min_quantity`); or its `max_discount` is 0, so it takes nothing off any order and, semantics v1.1, is never applied (points at `max_discount`).",
    .why = "It is published but dead; usually an exclusion that swallowed the inclusion.",
    .example =
        "[[promotion]]\nid = \"HATS\"\nproducts = { categories = [\"hats\"], exclude_categories = [\"hats\"] }",
    .fix = "Fix the exclusion or the list, or delete the promotion.",
    .when = lint::RunWhen::clean_load,
    .check = check_never_eligible,
};

namespace {

void check_refund_basis_unset(const lint::LintContext& context, core::Diagnostics& out) {
  const model::Rulebook& rulebook = context.rulebook;
  if (!rulebook.returns || rulebook.returns->refund_basis) return;
  std::vector<std::string> names;
  for (const auto& p : rulebook.promotions) {
    bool kind = p.benefit && (p.benefit->kind == model::BenefitKind::buy_x_get_y ||
                              p.benefit->kind == model::BenefitKind::tiers);
    if (kind || p.min_subtotal) names.push_back(p.id.value);
  }
  if (names.empty()) return;
  std::string listed = fmt::format(
      "{}", fmt::join(names.begin(), names.begin() + std::min<std::size_t>(3, names.size()), ", "));
  if (names.size() > 3) listed += fmt::format(" and {} more", names.size() - 3);
  out.push_back(lint::finding(
      kPromoRefundBasisUnset,
      fmt::format(
          "[returns] does not set `refund_basis`, and {} depend{} on what else is in the order: a partial return of such an order has two defensible refunds",
          listed, names.size() == 1 ? "s" : ""),
      rulebook.returns->where,
      "set `refund_basis = \"paid\"` or `refund_basis = \"reprice\"` in [returns]", "returns"));
}

}  // namespace

FINEPRINT_LINT_RULE(kPromoRefundBasisUnset){
    .name = "promo/refund-basis-unset",
    .severity = core::Severity::warning,
    .summary = "order-dependent promotions exist and `returns.refund_basis` is not set",
    .doc =
        "A `buy_x_get_y`, `tiers` or `min_subtotal` promotion exists, and [returns] does not set `refund_basis`. Points at the [returns] header (suppress with [returns.allow]).",
    .why =
        "When part of such an order comes back, the refund can be what was paid for the units, or the difference the return makes to the order's price (the promotion may no longer apply): two defensible answers.",
    .example =
        "[[promotion]]\nid = \"B2G1\"\nbuy_x_get_y = { buy = 2, get = 1 }\n# ...\n[returns]\nhit_policy = \"first\"",
    .fix = "Set `refund_basis = \"paid\"` or `\"reprice\"` in [returns].",
    .when = lint::RunWhen::clean_load,
    .check = check_refund_basis_unset,
};

namespace {

void check_unused_category(const lint::LintContext& context, core::Diagnostics& out) {
  const model::Rulebook& rulebook = context.rulebook;
  if (!rulebook.catalog || !rulebook.catalog->categories) return;
  std::set<std::string> used;
  auto add = [&](const model::Names& names) {
    for (const auto& n : names) used.insert(n.value);
  };
  for (const auto& p : rulebook.promotions)
    add(p.products.categories), add(p.products.exclude_categories);
  if (rulebook.returns) {
    for (const auto& r : rulebook.returns->rules)
      if (r.when.category) add(*r.when.category);
    for (const auto& e : rulebook.returns->exemptions) add(e.categories);
  }
  for (const auto& a : rulebook.asserts)
    if (a.when.category) add(*a.when.category);
  for (const auto& c : *rulebook.catalog->categories) {
    if (used.count(c.value)) continue;
    out.push_back(lint::finding(
        kRefsUnusedCategory,
        fmt::format(
            "catalog category \"{}\" is not mentioned by any promotion, returns rule, exemption or assert",
            c.value),
        c.where, "remove it from [catalog], or write the rule that was meant for it", ""));
  }
}

}  // namespace

FINEPRINT_LINT_RULE(kRefsUnusedCategory){
    .name = "refs/unused-category",
    .severity = core::Severity::note,
    .summary = "a catalog category no rule mentions",
    .doc =
        "A category in `[catalog] categories` that no promotion scope or exclusion, returns rule, exemption or assert names. Points at the category in the catalog list.",
    .why =
        "Often a typo twin of a category the rules do use, or a category whose rules were forgotten.",
    .example = "[catalog]\ncategories = [\"hats\", \"scarves\"]\n# no rule mentions scarves",
    .fix = "Remove it from the catalog, or write the rules meant for it.",
    .when = lint::RunWhen::clean_load,
    .check = check_unused_category,
};

}  // namespace fineprint::analysis

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

namespace {

std::vector<std::string> ids(const model::Rulebook& rulebook,
                             const std::vector<std::size_t>& indices) {
  std::vector<std::string> out;
  for (std::size_t i : indices) out.push_back(rulebook.promotions[i].id.value);
  return out;
}

}  // namespace

void check_ambiguous_overlap(const lint::LintContext& context, core::Diagnostics& out) {
  const model::Rulebook& rulebook = context.rulebook;
  if (rulebook.promotions.size() < 2) return;
  // The shadowing checks only when promo/shadowed runs too (it reads the same analysis).
  const PromoAnalysis& a =
      context.analysis().promotions(context.max_findings(), context.runs("promo/shadowed"));
  // The analysis keeps only the first pairs (--max-findings); the others are
  // counted per promotion, the subject an `allow` would name.
  std::vector<std::size_t> kept(rulebook.promotions.size(), 0);
  for (const auto& pair : a.ambiguous) {
    const auto& first = rulebook.promotions[pair.first];
    const auto& second = rulebook.promotions[pair.second];
    ++kept[pair.second];
    if (!context.keep(second.id.value)) continue;
    auto finding = make_finding(
        "promo/ambiguous-overlap",
        fmt::format("{} and {} can both apply to one order and neither wins: both have priority "
                    "{}, they are not "
                    "combinable, and only the id tie-break decides",
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
      out.push_back(
          make_finding("promo/asymmetric-combinable",
                       fmt::format("{} lists {} in `combinable`, but {} does not admit {}: "
                                   "combinability must be mutual, so they "
                                   "never combine",
                                   a.id.value, b->id.value, b->id.value, a.id.value),
                       key_or(a.combinable.where, a.where),
                       fmt::format("add \"{}\" to the `combinable` of {}, or remove \"{}\" here",
                                   a.id.value, b->id.value, b->id.value),
                       a.id.value));
    }
  }
}

void check_shadowed(const lint::LintContext& context, core::Diagnostics& out) {
  const model::Rulebook& rulebook = context.rulebook;
  if (rulebook.promotions.size() < 2) return;
  const PromoAnalysis& a = context.analysis().promotions(context.max_findings(), true);
  for (const auto& s : a.shadowed) {
    const auto& p = rulebook.promotions[s.promotion];
    if (!context.keep(p.id.value)) continue;
    auto finding = make_finding(
        "promo/shadowed",
        fmt::format("{} can never apply: in every order where it is a candidate and would take "
                    "something off, {} (considered before it and not combinable with it) already "
                    "{} its lines",
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
    out.push_back(stopped_note("promo/shadowed", a.stopped_why, p.where, p.id.value));
  }
}

void check_never_eligible(const lint::LintContext& context, core::Diagnostics& out) {
  const model::Rulebook& rulebook = context.rulebook;
  if (rulebook.promotions.empty()) return;
  PromoSet set = promo_set(rulebook);
  for (const auto& f : set.facts) {
    const auto& p = rulebook.promotions[f.index];
    if (f.never_eligible.empty() || !context.keep(p.id.value)) continue;
    out.push_back(make_finding(
        "promo/never-eligible", fmt::format("{} can never apply: {}", p.id.value, f.never_eligible),
        f.never_eligible_where, "fix the condition that can never hold, or delete the promotion",
        p.id.value));
  }
}

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
  out.push_back(make_finding(
      "promo/refund-basis-unset",
      fmt::format("[returns] does not set `refund_basis`, and {} depend{} on what else is in the "
                  "order: a partial "
                  "return of such an order has two defensible refunds",
                  listed, names.size() == 1 ? "s" : ""),
      rulebook.returns->where,
      "set `refund_basis = \"paid\"` or `refund_basis = \"reprice\"` in [returns]", "returns"));
}

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
    out.push_back(make_finding(
        "refs/unused-category",
        fmt::format("catalog category \"{}\" is not mentioned by any promotion, returns rule, "
                    "exemption or assert",
                    c.value),
        c.where, "remove it from [catalog], or write the rule that was meant for it", ""));
  }
}

}  // namespace fineprint::analysis

#include "diff/witness_check.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "load/claim_loader.hpp"

namespace fineprint::diff {

namespace {

struct Decided {
  std::optional<engine::Decision> decision;
  std::string words;
};

Decided decide_text(const engine::CompiledRulebook& rules, const std::string& text) {
  load::LoadedClaim loaded = load::load_claim_text(text, "witness.toml", rules.rulebook);
  if (!loaded.ok()) {
    std::string why = loaded.diagnostics.empty() ? "" : loaded.diagnostics.front().message;
    return {std::nullopt, "the claim is refused: " + why};
  }
  auto decision = engine::decide(rules, loaded.claim);
  if (!decision) return {std::nullopt, "not decided: " + decision.error().message};
  Decided out{*decision, ""};
  out.words = decision_words(*out.decision);
  return out;
}

std::string money(const engine::Decision& d, core::Minor amount) {
  return core::format_money(amount, d.currency.minor_digits);
}

std::string item_words(const engine::Decision& d, const engine::ItemDecision& item) {
  std::string by = item.rule.empty() ? "no rule" : fmt::format("`{}`", item.rule);
  std::string text = fmt::format("{} {} by {}", item.sku, model::outcome_name(item.outcome), by);
  if (item.fee > 0) text += fmt::format(" (fee {})", money(d, item.fee));
  return text;
}

std::string pricing_words(const engine::Pricing& p, int digits) {
  std::vector<std::string> quoted;
  for (const auto& id : p.applied()) quoted.push_back(fmt::format("`{}`", id));
  return fmt::format("pays {}, {}", core::format_money(p.total_paid, digits),
                     quoted.empty() ? std::string("no promotion applied")
                                    : fmt::format("applied {}", fmt::join(quoted, ", ")));
}

struct Priced {
  std::optional<engine::Pricing> pricing;
  std::string words;
};

// The witness's order and customer priced by the engine (its [claim] is not read).
Priced price_text(const engine::CompiledRulebook& rules, const std::string& text) {
  load::LoadedClaim loaded =
      load::load_claim_text(text, "witness.toml", rules.rulebook, {.order_only = true});
  if (!loaded.ok()) {
    std::string why = loaded.diagnostics.empty() ? "" : loaded.diagnostics.front().message;
    return {std::nullopt, "the order is refused: " + why};
  }
  auto pricing = engine::price_order(rules, loaded.claim.order, loaded.claim.customer);
  if (!pricing) return {std::nullopt, "not priced: " + pricing.error().message};
  Priced out{*pricing, ""};
  out.words = pricing_words(*out.pricing, rules.rulebook.store.currency.minor_digits);
  return out;
}

}  // namespace

std::string decision_words(const engine::Decision& d) {
  if (d.kind == model::ClaimKind::promotion_claim && d.pricing)
    return fmt::format("{}, {}: {}", engine::verdict_words(d.verdict), money(d, d.amount),
                       pricing_words(*d.pricing, d.currency.minor_digits));
  std::vector<std::string> items;
  for (const auto& item : d.items) items.push_back(item_words(d, item));
  std::string text = fmt::format("{}, {}: {}", engine::verdict_words(d.verdict), money(d, d.amount),
                                 fmt::join(items, "; "));
  if (d.shipping_refund > 0)
    text += fmt::format(" (shipping {} refunded)", money(d, d.shipping_refund));
  return text;
}

bool same_decision(const engine::Decision& a, const engine::Decision& b) {
  if (a.verdict != b.verdict || a.amount != b.amount || a.shipping_refund != b.shipping_refund ||
      a.reasons != b.reasons || a.items.size() != b.items.size())
    return false;
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    const auto& x = a.items[i];
    const auto& y = b.items[i];
    if (x.outcome != y.outcome || x.rule != y.rule || x.amount != y.amount || x.fee != y.fee)
      return false;
  }
  return true;
}

CheckedWitness check_return_witness(const engine::CompiledRulebook& old_rules,
                                    const engine::CompiledRulebook& new_rules,
                                    core::Witness claim) {
  Decided a = decide_text(old_rules, claim.claim_toml);
  Decided b = decide_text(new_rules, claim.claim_toml);
  bool differs =
      a.decision && b.decision ? !same_decision(*a.decision, *b.decision) : a.words != b.words;
  return {std::move(claim), std::move(a.words), std::move(b.words), differs};
}

CheckedWitness check_order_witness(const engine::CompiledRulebook& old_rules,
                                   const engine::CompiledRulebook& new_rules, core::Witness claim,
                                   const std::string& focus, bool* focus_differs) {
  Priced a = price_text(old_rules, claim.claim_toml);
  Priced b = price_text(new_rules, claim.claim_toml);
  bool differs = a.words != b.words;
  if (a.pricing && b.pricing)
    differs = a.pricing->total_paid != b.pricing->total_paid ||
              a.pricing->applied() != b.pricing->applied();
  if (focus_differs) {
    auto status = [&](const Priced& p) {
      const engine::PromotionResult* r = p.pricing ? p.pricing->find(focus) : nullptr;
      return r ? std::pair{r->status, r->discount}
               : std::pair{engine::PromotionStatus::not_candidate, core::Minor{0}};
    };
    *focus_differs = differs && status(a) != status(b);
  }
  return {std::move(claim), std::move(a.words), std::move(b.words), differs};
}

}  // namespace fineprint::diff

// money/free-order and promo/code-collision: promotion checks that need
// nothing but the promotion list.
#include <cctype>
#include <map>

#include <fmt/format.h>

#include "lint/registry.hpp"

namespace fineprint::lint {

// The rules of this file, defined below beside their checks.
extern const lint::Rule kMoneyFreeOrder;
extern const lint::Rule kPromoCodeCollision;

namespace {

void check_free_order(const LintContext& context, core::Diagnostics& out) {
  int digits = context.rulebook.store.currency.minor_digits;
  auto money = [&](core::Minor amount) { return core::format_money(amount, digits); };
  for (const auto& promotion : context.rulebook.promotions) {
    if (!promotion.benefit) continue;
    const model::Benefit& benefit = *promotion.benefit;
    if (benefit.kind == model::BenefitKind::amount_off) {
      if (promotion.min_subtotal && benefit.amount < promotion.min_subtotal->value) continue;
      std::string message =
          promotion.min_subtotal
              ? fmt::format(
                    "promotion {} takes {} off with a threshold of only {}: an order of eligible goods worth {} becomes free",
                    promotion.id.value, money(benefit.amount), money(promotion.min_subtotal->value),
                    money(promotion.min_subtotal->value))
              : fmt::format(
                    "promotion {} takes {} off with no `min_subtotal`: any order of eligible goods worth {} or less becomes free",
                    promotion.id.value, money(benefit.amount), money(benefit.amount));
      out.push_back(finding(kMoneyFreeOrder, std::move(message), benefit.where,
                            "set `min_subtotal` above the amount off", promotion.id.value));
    } else if (benefit.kind == model::BenefitKind::tiers) {
      for (const auto& tier : benefit.tiers) {
        if (tier.is_percent || tier.amount < tier.min_subtotal) continue;
        out.push_back(finding(
            kMoneyFreeOrder,
            fmt::format(
                "a tier of promotion {} takes {} off from a subtotal of {}: an order worth exactly {} becomes free",
                promotion.id.value, money(tier.amount), money(tier.min_subtotal),
                money(tier.min_subtotal)),
            tier.where, "make each tier's amount smaller than its `min_subtotal`",
            promotion.id.value));
      }
    }
  }
}

}  // namespace

FINEPRINT_LINT_RULE(kMoneyFreeOrder){
    .name = "money/free-order",
    .severity = core::Severity::warning,
    .summary = "amount_off >= min_subtotal (or no threshold): an order can become free",
    .doc =
        "An `amount_off` (or an amount tier) at least as large as its `min_subtotal`, or with no threshold at all.",
    .why = "An order whose eligible goods cost no more than the amount becomes free.",
    .example = "[[promotion]]\namount_off = \"50\"\nmin_subtotal = \"40\"",
    .fix =
        "Raise `min_subtotal` above the amount, or allow it with a reason if free orders are intended.",
    .when = RunWhen::always,
    .check = check_free_order,
};

namespace {

void check_code_collision(const LintContext& context, core::Diagnostics& out) {
  std::map<std::string, const model::Promotion*> by_code;
  for (const auto& promotion : context.rulebook.promotions) {
    if (!promotion.code) continue;
    std::string folded = promotion.code->value;
    for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto [it, inserted] = by_code.emplace(folded, &promotion);
    if (inserted) continue;
    const model::Promotion& first = *it->second;
    out.push_back(finding(
        kPromoCodeCollision,
        fmt::format(
            "promotion {} has code \"{}\", which is also the code of promotion {} (\"{}\"); codes match case-insensitively",
            promotion.id.value, promotion.code->value, first.id.value, first.code->value),
        promotion.code->where, "give each promotion its own code", promotion.id.value));
  }
}

}  // namespace

FINEPRINT_LINT_RULE(kPromoCodeCollision){
    .name = "promo/code-collision",
    .severity = core::Severity::error,
    .summary = "two promotions share a code (case-insensitively)",
    .doc = "Two promotions whose `code` is the same, ignoring ASCII case.",
    .why =
        "A customer entering the code gets whichever promotion wins, not the one they were told about.",
    .example = "[[promotion]]\ncode = \"WINTER\"\n[[promotion]]\ncode = \"winter\"",
    .fix = "Give each promotion its own code.",
    .when = RunWhen::always,
    .check = check_code_collision,
};

}  // namespace fineprint::lint

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "engine/failure_text.hpp"
#include "report/price_report.hpp"

namespace fineprint::report {

namespace {

std::string line_name(const PriceReport& r, std::size_t line) {
  return line == engine::kShippingLine ? std::string("shipping") : r.order.lines[line].sku;
}

}  // namespace

std::string price_text(const PriceReport& r) {
  const auto& currency = r.rulebook.store.currency;
  auto money = [&](core::Minor m) { return core::format_money(m, currency.minor_digits); };
  const engine::Pricing& p = r.pricing;
  std::string out =
      fmt::format("Order {} ({}, placed {}), prices in {}\n", r.order.id, r.order.channel,
                  core::format_instant(r.rulebook.store.zone, r.order.placed_at), currency.code);

  out += "\nPromotions (in the order considered):\n";
  if (p.promotions.empty()) out += "  none in the rulebook\n";
  for (const auto& promo : p.promotions) {
    switch (promo.status) {
      case engine::PromotionStatus::applied: {
        std::vector<std::string> used;
        for (std::size_t line : promo.lines) used.push_back(line_name(r, line));
        out += fmt::format("  {}: applied, {} off ({})\n", promo.id, money(promo.discount),
                           fmt::join(used, ", "));
        break;
      }
      case engine::PromotionStatus::blocked:
        out += fmt::format("  {}: blocked by {}\n", promo.id, promo.blocked_by);
        break;
      case engine::PromotionStatus::no_discount:
        out +=
            fmt::format("  {}: not applied, takes nothing off: {}\n", promo.id, promo.no_discount);
        break;
      case engine::PromotionStatus::not_candidate:
        out += fmt::format("  {}: not a candidate\n", promo.id);
        for (const auto& failed : engine::failed_conditions(r.rulebook, r.order, promo))
          out += fmt::format("    - {}: {}\n", failed.key, failed.message);
        break;
    }
    for (const auto& held : promo.held)
      if (promo.status == engine::PromotionStatus::applied)
        out += fmt::format("    {} was held by {}\n", line_name(r, held.line), held.holder);
  }

  out += "\nLines:\n";
  for (const auto& line : p.lines) {
    out += fmt::format("  {} × {}: list {}", line.sku, line.qty, money(line.list));
    for (const auto& a : line.allocations)
      out += fmt::format(", {} -{}", a.promotion, money(a.amount));
    out += fmt::format(", entitled paid {}\n", money(line.entitled_paid));
  }
  out += fmt::format("  shipping: {}", money(p.shipping));
  for (const auto& a : p.shipping_allocations)
    out += fmt::format(", {} -{}", a.promotion, money(a.amount));
  out += fmt::format(", entitled paid {}\n", money(p.shipping_paid));

  out += fmt::format(
      "\nTotal: list {} + shipping {}; discount {} (goods {}, shipping {}); to pay {} {}\n",
      money(p.goods_list), money(p.shipping), money(p.total_discount), money(p.goods_discount),
      money(p.shipping_discount), money(p.total_paid), currency.code);
  out += fmt::format("\nRulebook {}, fineprint {}\n", r.digest, r.version);
  return out;
}

}  // namespace fineprint::report

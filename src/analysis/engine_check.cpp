#include "analysis/engine_check.hpp"

#include "engine/compiled_rulebook.hpp"
#include "engine/pricing.hpp"

namespace fineprint::analysis {

EngineCheck::EngineCheck(const model::Rulebook& rulebook) : rulebook_(rulebook) {}

EngineCheck::~EngineCheck() = default;

bool EngineCheck::applies(const OrderSketch& sketch, const std::vector<std::size_t>& used_up,
                          std::size_t index) const {
  std::call_once(compiled_once_,
                 [&] { compiled_ = std::make_unique<engine::CompiledRulebook>(rulebook_); });
  model::Order order;
  order.placed_at = sketch.placed_at;
  order.channel = sketch.channel;
  order.codes = sketch.codes;
  order.shipping = sketch.shipping;
  for (const auto& line : sketch.lines) {
    model::OrderLine l;
    l.sku = line.sku;
    l.category = line.category;
    l.qty = line.qty;
    l.unit_price = line.unit_price;
    order.lines.push_back(std::move(l));
  }
  model::Customer customer;
  customer.segments = sketch.segments;
  customer.orders_before = sketch.first_order ? 0 : 1;
  for (std::size_t i : used_up)
    if (const auto& p = rulebook_.promotions[i]; p.limit_per_customer)
      customer.redemptions[p.id.value] = p.limit_per_customer->value;
  auto priced =
      engine::price_order(*compiled_, order, customer, engine::PricingScope::open_promotions);
  if (!priced) return false;  // an overflow proves nothing
  const engine::PromotionResult* result = priced->find(rulebook_.promotions[index].id.value);
  return result && result->status == engine::PromotionStatus::applied;
}

}  // namespace fineprint::analysis

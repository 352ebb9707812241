#include "engine/promotion_benefit.hpp"

#include <algorithm>

#include "engine/checked.hpp"
#include "engine/pricing.hpp"

namespace fineprint::engine {

namespace {

using core::Minor;
using detail::add;
using detail::mul;

// A run of equal units: one line's units, all at its list unit price.
struct Run {
  Minor price = 0;
  std::int64_t count = 0;
  std::size_t slot = 0;  // index into the lines used
};

// buy_x_get_y (§2.4): the units sorted by list unit price descending (ties:
// line order); in every complete group of buy + get the last `get` are
// discounted. Counted per run of a line's units, never unit by unit, so that
// a qty of a billion costs nothing.
Benefit buy_x_get_y(const model::Benefit& b, const std::vector<std::size_t>& lines,
                    const BenefitInput& in, Minor current_sum) {
  Benefit out;
  out.weights.assign(lines.size(), 0);
  std::vector<Run> runs;
  std::int64_t units = 0;
  for (std::size_t slot = 0; slot < lines.size(); ++slot) {
    const auto& line = in.order.lines[lines[slot]];
    runs.push_back({line.unit_price, line.qty, slot});
    units = add(units, line.qty, "the buy_x_get_y unit count");
  }
  std::stable_sort(runs.begin(), runs.end(),
                   [](const Run& a, const Run& c) { return a.price > c.price; });
  const std::int64_t group = add(b.buy, b.get, "the buy_x_get_y group size");
  if (group <= 0 || b.get <= 0) return out;
  const std::int64_t complete = units / group * group;  // positions past this are in no group
  // Discounted positions among the first n (n ≤ complete).
  auto discounted_before = [&](std::int64_t n) {
    return n / group * b.get + std::max<std::int64_t>(0, n % group - b.buy);
  };
  Minor discounted = 0;
  std::int64_t position = 0;
  for (const Run& run : runs) {
    std::int64_t from = std::min(position, complete);
    std::int64_t to = std::min(position + run.count, complete);
    position += run.count;
    std::int64_t free_units = discounted_before(to) - discounted_before(from);
    if (free_units == 0) continue;
    Minor value = mul(run.price, free_units, "the buy_x_get_y discounted units' value");
    discounted = add(discounted, value, "the buy_x_get_y discounted units' value");
    out.weights[run.slot] = add(out.weights[run.slot], value, "a line's discounted units");
  }
  Minor pct = b.percent > 0 ? b.percent : core::kHundredPercent;
  out.discount = std::min(detail::percent(discounted, pct, in.rounding, "the buy_x_get_y discount"),
                          current_sum);
  return out;
}

}  // namespace

const model::Tier* pick_tier(const model::Benefit& benefit, core::Minor subtotal) {
  const model::Tier* best = nullptr;
  for (const auto& tier : benefit.tiers)
    if (tier.min_subtotal <= subtotal && (!best || tier.min_subtotal > best->min_subtotal))
      best = &tier;
  return best;
}

Benefit compute_benefit(const model::Promotion& promotion, const std::vector<std::size_t>& lines,
                        const BenefitInput& in) {
  const model::Benefit& b = *promotion.benefit;
  Benefit out;
  if (b.kind == model::BenefitKind::free_shipping) {
    out.discount = in.shipping_current;
    out.weights.assign(lines.size(), 0);
    return out;
  }
  Minor sum = 0;
  for (std::size_t i : lines) {
    out.weights.push_back(in.current[i]);
    sum = add(sum, in.current[i], "the current amount of the promotion's lines");
  }
  switch (b.kind) {
    case model::BenefitKind::percent_off:
      out.discount = detail::percent(sum, b.percent, in.rounding, "the percent_off discount");
      break;
    case model::BenefitKind::amount_off:
      out.discount = std::min(b.amount, sum);
      break;
    case model::BenefitKind::fixed_price:
      for (std::size_t i : lines) {
        const auto& line = in.order.lines[i];
        Minor target = mul(b.amount, line.qty, "the fixed_price total of a line");
        if (in.current[i] > target)
          out.discount = add(out.discount, in.current[i] - target, "the fixed_price discount");
      }
      break;
    case model::BenefitKind::buy_x_get_y:
      return buy_x_get_y(b, lines, in, sum);
    case model::BenefitKind::tiers: {
      const model::Tier* tier = pick_tier(b, in.scoped_list);
      if (!tier) break;  // not reachable: a promotion without a tier is no candidate
      out.discount = tier->is_percent
                         ? detail::percent(sum, tier->percent, in.rounding, "the tier discount")
                         : std::min(tier->amount, sum);
      break;
    }
    case model::BenefitKind::free_shipping:
      break;
  }
  return out;
}

}  // namespace fineprint::engine

#include "engine/promotion_benefit.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "engine/checked.hpp"
#include "engine/pricing.hpp"
#include "model/promotion_eligibility.hpp"

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

std::string money_text(const BenefitInput& in, Minor amount) {
  return core::format_money(amount, in.currency.minor_digits) + " " + in.currency.code;
}

std::string units_text(std::int64_t n) {
  return fmt::format("{} unit{}", n, n == 1 ? "" : "s");
}

// Why a goods discount computed from `current_sum` came out 0: the lines are
// already free, or the percentage of what is left rounds to nothing.
std::string nothing_left(const BenefitInput& in, Minor current_sum, std::string_view what) {
  if (current_sum == 0) return "the promotion's lines are already at " + money_text(in, 0);
  return fmt::format("{} of the promotion's lines ({}) rounds to {}", what,
                     money_text(in, current_sum), money_text(in, 0));
}

// buy_x_get_y (§2.4, v1.1): the units sorted by list unit price descending
// (ties: line order); in every complete group of buy + get the last `get` are
// discounted. A line with k_L of its qty_L units discounted gives up
// d_L = round(current_L × k_L × P / (qty_L × 100)): what is left of its price,
// never the list price, so an earlier combinable promotion cannot be
// discounted twice. Counted per run of a line's units, never unit by unit, so
// that a qty of a billion costs nothing.
Benefit buy_x_get_y(const model::Benefit& b, const std::vector<std::size_t>& lines,
                    const BenefitInput& in) {
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
  if (units < group) {
    out.nothing_off =
        fmt::format("the promotion's lines hold {}; a group needs {}", units_text(units), group);
    return out;
  }
  const std::int64_t complete = units / group * group;  // positions past this are in no group
  // Discounted positions among the first n (n ≤ complete).
  auto discounted_before = [&](std::int64_t n) {
    return n / group * b.get + std::max<std::int64_t>(0, n % group - b.buy);
  };
  std::vector<std::int64_t> discounted_units(lines.size(), 0);  // k_L per slot
  std::int64_t position = 0;
  for (const Run& run : runs) {
    std::int64_t from = std::min(position, complete);
    std::int64_t to = std::min(position + run.count, complete);
    position += run.count;
    discounted_units[run.slot] += discounted_before(to) - discounted_before(from);
  }
  const core::BasisPoints pct = b.percent > 0 ? b.percent : core::kHundredPercent;
  Minor left = 0;  // what is left of the discounted lines' prices
  for (std::size_t slot = 0; slot < lines.size(); ++slot) {
    const std::int64_t k = discounted_units[slot];
    if (k == 0) continue;
    const auto& line = in.order.lines[lines[slot]];
    const Minor current = in.current[lines[slot]];
    left = add(left, current, "the buy_x_get_y discounted lines' amount");
    auto d = core::divide_rounded(static_cast<core::Wide>(current) * k * pct,
                                  static_cast<core::Wide>(line.qty) * core::kHundredPercent,
                                  in.rounding);
    if (!d) throw detail::Overflow{"the buy_x_get_y discount"};
    out.weights[slot] = *d;
    out.discount = add(out.discount, *d, "the buy_x_get_y discount");
  }
  if (out.discount == 0)
    out.nothing_off = left == 0
                          ? "the units it would discount are already at " + money_text(in, 0)
                          : fmt::format("its discount on the units it would discount rounds to {}",
                                        money_text(in, 0));
  return out;
}

std::string fixed_price_nothing_off(const BenefitInput& in, Minor price) {
  return fmt::format("the promotion's lines already cost no more than {} a unit",
                     money_text(in, price));
}

}  // namespace

Benefit compute_benefit(const model::Promotion& promotion, const std::vector<std::size_t>& lines,
                        const BenefitInput& in) {
  const model::Benefit& b = *promotion.benefit;
  Benefit out;
  if (b.kind == model::BenefitKind::free_shipping) {
    out.discount = in.shipping_current;
    out.weights.assign(lines.size(), 0);
    if (out.discount == 0) out.nothing_off = "shipping is already " + money_text(in, 0);
    return out;
  }
  if (b.kind == model::BenefitKind::buy_x_get_y) return buy_x_get_y(b, lines, in);
  Minor sum = 0;
  for (std::size_t i : lines) {
    out.weights.push_back(in.current[i]);
    sum = add(sum, in.current[i], "the current amount of the promotion's lines");
  }
  switch (b.kind) {
    case model::BenefitKind::percent_off:
      out.discount = detail::percent(sum, b.percent, in.rounding, "the percent_off discount");
      if (out.discount == 0)
        out.nothing_off = nothing_left(in, sum, core::format_percent(b.percent) + "%");
      break;
    case model::BenefitKind::amount_off:
      out.discount = std::min(b.amount, sum);
      if (out.discount == 0) out.nothing_off = nothing_left(in, sum, "");
      break;
    case model::BenefitKind::fixed_price:
      for (std::size_t i : lines) {
        const auto& line = in.order.lines[i];
        Minor target = mul(b.amount, line.qty, "the fixed_price total of a line");
        if (in.current[i] > target)
          out.discount = add(out.discount, in.current[i] - target, "the fixed_price discount");
      }
      if (out.discount == 0) out.nothing_off = fixed_price_nothing_off(in, b.amount);
      break;
    case model::BenefitKind::tiers: {
      const model::Tier* tier = model::pick_tier(b, in.scoped_list);
      if (!tier) break;  // not reachable: a promotion without a tier is no candidate
      out.discount = tier->is_percent
                         ? detail::percent(sum, tier->percent, in.rounding, "the tier discount")
                         : std::min(tier->amount, sum);
      if (out.discount == 0)
        out.nothing_off = nothing_left(
            in, sum, tier->is_percent ? core::format_percent(tier->percent) + "%" : "");
      break;
    }
    case model::BenefitKind::buy_x_get_y:
    case model::BenefitKind::free_shipping:
      break;
  }
  return out;
}

}  // namespace fineprint::engine

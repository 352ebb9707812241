#include "engine/pricing.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "engine/checked.hpp"
#include "engine/promotion_benefit.hpp"

namespace fineprint::engine {

namespace {

using core::Minor;
using detail::add;
using detail::mul;
using detail::sub;

bool listed(const model::Names& names, const std::string& value) {
  return std::any_of(names.begin(), names.end(), [&](const auto& n) { return n.value == value; });
}

bool in_scope(const model::ProductScope& scope, const model::OrderLine& line) {
  if (!scope.present) return true;
  bool included = (scope.skus.empty() && scope.categories.empty()) ||
                  listed(scope.skus, line.sku) || listed(scope.categories, line.category);
  return included && !listed(scope.exclude_skus, line.sku) &&
         !listed(scope.exclude_categories, line.category);
}

bool combinable(const model::Promotion& a, const model::Promotion& b) {
  return a.combinable.admits(b.id.value) && b.combinable.admits(a.id.value);
}

// format_instant with a small per-thread memo: window messages name the same
// promotion boundaries claim after claim, and the tz lookup plus formatting
// dominated pricing in the batch profile. Same text, looked up instead.
std::string instant_text(core::Zone zone, core::Instant instant) {
  struct Entry {
    core::Zone zone = nullptr;
    core::Instant instant{};
    std::string text;
  };
  constexpr std::size_t kSlots = 256;
  thread_local std::vector<Entry> memo(kSlots);
  auto key = static_cast<std::uint64_t>(instant.time_since_epoch().count()) ^
             reinterpret_cast<std::uintptr_t>(zone);
  Entry& entry = memo[(key * 0x9E3779B97F4A7C15ULL) >> 56];
  if (entry.zone != zone || entry.instant != instant || entry.text.empty()) {
    entry.zone = zone;
    entry.instant = instant;
    entry.text = core::format_instant(zone, instant);
  }
  return entry.text;
}

// The candidate test (§2.2): every failing condition, in the spec's order.
class CandidateCheck {
 public:
  CandidateCheck(const model::Rulebook& rulebook, const model::Order& order,
                 const model::Customer& customer)
      : rulebook_(rulebook), order_(order), customer_(customer) {}

  std::vector<FailedCondition> failures(const model::Promotion& p,
                                        const std::vector<std::size_t>& scoped) const {
    std::vector<FailedCondition> out;
    auto fail = [&](std::string key, std::string message) {
      out.push_back({std::move(key), std::move(message)});
    };
    const int digits = rulebook_.store.currency.minor_digits;
    auto money = [&](Minor m) {
      return core::format_money(m, digits) + " " + rulebook_.store.currency.code;
    };
    auto when = [&](core::Instant t) { return instant_text(rulebook_.store.zone, t); };

    const core::Instant placed = order_.placed_at;
    if (placed < p.starts.instant) {
      fail("window", fmt::format("the order was placed at {}, before the promotion starts at {}",
                                 when(placed), when(p.starts.instant)));
    } else if (p.ends && placed >= p.ends->instant) {
      fail("window", fmt::format("the order was placed at {}, after the promotion ended at {}",
                                 when(placed), when(p.ends->instant)));
    }
    if (p.channels && !listed(*p.channels, order_.channel))
      fail("channels",
           fmt::format("the order's channel `{}` is not one of the promotion's channels ({})",
                       order_.channel, fmt::join(model::values(*p.channels), ", ")));
    if (p.code) {
      bool entered =
          std::any_of(order_.codes.begin(), order_.codes.end(),
                      [&](const std::string& c) { return codes_equal(c, p.code->value); });
      if (!entered)
        fail("code", fmt::format("the code `{}` was not entered with the order", p.code->value));
    }
    if (p.segments) {
      bool member = std::any_of(customer_.segments.begin(), customer_.segments.end(),
                                [&](const std::string& s) { return listed(*p.segments, s); });
      if (!member)
        fail("segments", fmt::format("the customer is in none of the promotion's segments ({})",
                                     fmt::join(model::values(*p.segments), ", ")));
    }
    if (p.first_order_only) {
      if (!customer_.orders_before) {
        fail("first_order_only",
             "the promotion is for a customer's first order only, and the claim does not say "
             "whether this is one");
      } else if (*customer_.orders_before != 0) {
        fail("first_order_only",
             fmt::format("the promotion is for a customer's first order only, and the customer "
                         "had {} order{} before",
                         *customer_.orders_before, *customer_.orders_before == 1 ? "" : "s"));
      }
    }
    if (scoped.empty()) fail("products", "no line of the order is in the promotion's products");
    Minor subtotal = 0;
    std::int64_t units = 0;
    for (std::size_t i : scoped) {
      const auto& line = order_.lines[i];
      subtotal = add(subtotal, mul(line.unit_price, line.qty, "a line's list amount"),
                     "the scoped list subtotal");
      units = add(units, line.qty, "the scoped quantity");
    }
    // Thresholds are recorded even with an empty scope: its subtotal (0) fails
    // them too, and §2.2 records every failing condition.
    {
      if (p.min_subtotal && subtotal < p.min_subtotal->value) {
        fail("min_subtotal",
             fmt::format("the list subtotal of the promotion's lines, {}, is below its minimum {}",
                         money(subtotal), money(p.min_subtotal->value)));
      } else if (p.benefit && p.benefit->kind == model::BenefitKind::tiers &&
                 !p.benefit->tiers.empty() && !pick_tier(*p.benefit, subtotal)) {
        fail("min_subtotal",
             fmt::format(
                 "the list subtotal of the promotion's lines, {}, is below its lowest tier {}",
                 money(subtotal), money(p.benefit->tiers.front().min_subtotal)));
      }
      if (p.min_quantity && units < p.min_quantity->value)
        fail("min_quantity",
             fmt::format("the promotion's lines hold {} unit{}, below its minimum {}", units,
                         units == 1 ? "" : "s", p.min_quantity->value));
    }
    if (p.limit_per_customer) {
      auto it = customer_.redemptions.find(p.id.value);
      std::int64_t used = it == customer_.redemptions.end() ? 0 : it->second;
      if (used >= p.limit_per_customer->value)
        fail("limit_per_customer",
             fmt::format("the customer has redeemed it {} time{} already; the limit is {}", used,
                         used == 1 ? "" : "s", p.limit_per_customer->value));
    }
    if (!p.benefit) fail("benefit", "the promotion has no single benefit");
    return out;
  }

 private:
  const model::Rulebook& rulebook_;
  const model::Order& order_;
  const model::Customer& customer_;
};

Pricing price(const model::Rulebook& rulebook, const model::Order& order,
              const model::Customer& customer) {
  Pricing out;
  std::vector<Minor> current;  // per line, then shipping last
  for (const auto& line : order.lines) {
    PricedLine priced;
    priced.sku = line.sku;
    priced.qty = line.qty;
    priced.list =
        mul(line.unit_price, line.qty, fmt::format("the list amount of line `{}`", line.sku));
    out.goods_list = add(out.goods_list, priced.list, "the order's list subtotal");
    current.push_back(priced.list);
    out.lines.push_back(std::move(priced));
  }
  out.shipping = order.shipping;
  Minor shipping_current = order.shipping;

  std::vector<const model::Promotion*> order_of;
  for (const auto& p : rulebook.promotions) order_of.push_back(&p);
  std::stable_sort(
      order_of.begin(), order_of.end(), [](const model::Promotion* a, const model::Promotion* b) {
        if (a->priority != b->priority) return a->priority > b->priority;
        return a->id.value < b->id.value;  // std::string compares bytes as unsigned char
      });

  // Who holds each line, in the order they were applied; the last slot is shipping.
  std::vector<std::vector<const model::Promotion*>> holders(order.lines.size() + 1);
  auto holders_of = [&](std::size_t line) -> auto& {
    return holders[line == kShippingLine ? order.lines.size() : line];
  };
  CandidateCheck check(rulebook, order, customer);
  const core::Rounding rounding = rulebook.store.rounding;
  const core::Currency& currency = rulebook.store.currency;

  for (const model::Promotion* p : order_of) {
    PromotionResult result;
    result.promotion = p;
    result.id = p->id.value;
    std::vector<std::size_t> scoped;
    for (std::size_t i = 0; i < order.lines.size(); ++i)
      if (in_scope(p->products, order.lines[i])) scoped.push_back(i);
    result.failed = check.failures(*p, scoped);
    if (!result.failed.empty()) {
      out.promotions.push_back(std::move(result));
      continue;
    }
    const bool shipping = p->benefit->kind == model::BenefitKind::free_shipping;
    std::vector<std::size_t> claims = shipping ? std::vector<std::size_t>{kShippingLine} : scoped;
    for (std::size_t line : claims) {
      const model::Promotion* blocker = nullptr;
      for (const model::Promotion* holder : holders_of(line))
        if (!combinable(*holder, *p)) {
          blocker = holder;
          break;
        }
      if (blocker) {
        result.held.push_back({line, blocker->id.value});
      } else {
        result.lines.push_back(line);
      }
    }
    if (result.lines.empty()) {
      result.status = PromotionStatus::blocked;
      result.blocked_by = result.held.front().holder;
      out.promotions.push_back(std::move(result));
      continue;
    }
    Minor scoped_list = 0;
    for (std::size_t i : scoped)
      scoped_list = add(scoped_list, out.lines[i].list, "the scoped list subtotal");
    BenefitInput input{order, currency, current, shipping_current, scoped_list, rounding};
    Benefit benefit = compute_benefit(*p, result.lines, input);
    Minor discount = benefit.discount;
    if (p->max_discount && p->max_discount->value < discount) {
      discount = p->max_discount->value;
      if (discount == 0)
        benefit.nothing_off = "its max_discount is " +
                              core::format_money(0, currency.minor_digits) + " " + currency.code;
    }
    // v1.1: a promotion that takes nothing off is not applied and holds no
    // line, so it blocks nothing after it.
    if (discount == 0) {
      result.status = PromotionStatus::no_discount;
      result.no_discount = std::move(benefit.nothing_off);
      result.lines.clear();
      out.promotions.push_back(std::move(result));
      continue;
    }
    result.status = PromotionStatus::applied;
    for (std::size_t line : result.lines) holders_of(line).push_back(p);
    result.discount = discount;

    if (shipping) {
      out.shipping_allocations.push_back({p->id.value, discount});
      shipping_current = sub(shipping_current, discount, "the shipping after discounts");
    } else {
      std::vector<Minor> shares = allocate(discount, benefit.weights);
      for (std::size_t k = 0; k < result.lines.size(); ++k) {
        std::size_t i = result.lines[k];
        if (shares[k] == 0 && benefit.weights[k] == 0)
          continue;  // a line it uses but takes nothing from
        out.lines[i].allocations.push_back({p->id.value, shares[k]});
        current[i] = sub(current[i], shares[k], "a line's amount after discounts");
      }
    }
    out.promotions.push_back(std::move(result));
  }

  for (std::size_t i = 0; i < out.lines.size(); ++i) {
    out.lines[i].entitled_paid = current[i];
    out.goods_paid = add(out.goods_paid, current[i], "the order's paid total");
  }
  out.goods_discount = sub(out.goods_list, out.goods_paid, "the order's goods discount");
  out.shipping_paid = shipping_current;
  out.shipping_discount = sub(out.shipping, shipping_current, "the shipping discount");
  out.total_discount = add(out.goods_discount, out.shipping_discount, "the order's total discount");
  out.total_paid = add(out.goods_paid, out.shipping_paid, "the order's total to pay");
  return out;
}

}  // namespace

std::string_view status_name(PromotionStatus status) {
  switch (status) {
    case PromotionStatus::applied:
      return "applied";
    case PromotionStatus::blocked:
      return "blocked";
    case PromotionStatus::no_discount:
      return "no_discount";
    case PromotionStatus::not_candidate:
      return "not_candidate";
  }
  return "not_candidate";
}

bool codes_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) {
      return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

const PromotionResult* Pricing::find(std::string_view id) const {
  for (const auto& p : promotions)
    if (p.id == id) return &p;
  return nullptr;
}

std::vector<std::string> Pricing::applied() const {
  std::vector<std::string> out;
  for (const auto& p : promotions)
    if (p.status == PromotionStatus::applied) out.push_back(p.id);
  return out;
}

std::vector<Minor> allocate(Minor total, const std::vector<Minor>& weights) {
  std::vector<Minor> out(weights.size(), 0);
  if (weights.empty()) return out;
  core::Wide sum = 0;
  for (Minor w : weights) sum += w;
  if (sum <= 0) {
    out.front() = total;  // only reachable with total 0: every benefit is bounded by its weights
    return out;
  }
  core::Wide given = 0;
  std::vector<core::Wide> remainders(weights.size(), 0);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    core::Wide exact = static_cast<core::Wide>(total) * weights[i];
    out[i] = static_cast<Minor>(exact / sum);
    remainders[i] = exact % sum;
    given += out[i];
  }
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
  auto left = static_cast<std::size_t>(static_cast<core::Wide>(total) - given);
  for (std::size_t k = 0; k < left && k < order.size(); ++k) ++out[order[k]];
  return out;
}

core::Result<Pricing> price_order(const model::Rulebook& rulebook, const model::Order& order,
                                  const model::Customer& customer) {
  try {
    return price(rulebook, order, customer);
  } catch (const detail::Overflow& error) {
    return core::Error{"engine/overflow",
                       fmt::format("{} overflows 64-bit minor units", error.what)};
  }
}

}  // namespace fineprint::engine

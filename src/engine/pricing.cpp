#include "engine/pricing.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "engine/checked.hpp"
#include "engine/promotion_benefit.hpp"
#include "model/promotion_eligibility.hpp"

namespace fineprint::engine {

namespace {

using core::Minor;
using detail::add;
using detail::mul;
using detail::sub;

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

// The candidate test (§2.2, model::candidate_failures) with the sentence
// each failing condition is explained by.
class CandidateCheck {
 public:
  CandidateCheck(const model::Rulebook& rulebook, const model::Order& order,
                 const model::Customer& customer)
      : rulebook_(rulebook), order_(order), customer_(customer) {}

  std::vector<FailedCondition> failures(const model::Promotion& p,
                                        const std::vector<std::size_t>& scoped) const {
    model::CandidateFacts facts{order_.placed_at, order_.channel, &order_.codes,
                                &customer_.segments, customer_.orders_before};
    facts.scoped_lines = scoped.size();
    for (std::size_t i : scoped) {
      const auto& line = order_.lines[i];
      facts.scoped_subtotal =
          add(facts.scoped_subtotal, mul(line.unit_price, line.qty, "a line's list amount"),
              "the scoped list subtotal");
      facts.scoped_units = add(facts.scoped_units, line.qty, "the scoped quantity");
    }
    if (auto it = customer_.redemptions.find(p.id.value); it != customer_.redemptions.end())
      facts.redemptions = it->second;
    std::vector<FailedCondition> out;
    for (model::Condition c : model::candidate_failures(p, facts))
      out.push_back({std::string(model::condition_key(c)), message(p, c, facts)});
    return out;
  }

 private:
  std::string money(Minor m) const {
    return core::format_money(m, rulebook_.store.currency.minor_digits) + " " +
           rulebook_.store.currency.code;
  }
  std::string when(core::Instant t) const { return instant_text(rulebook_.store.zone, t); }

  std::string message(const model::Promotion& p, model::Condition c,
                      const model::CandidateFacts& o) const {
    using model::Condition;
    switch (c) {
      case Condition::window:
        if (o.placed_at < p.starts.instant)
          return fmt::format("the order was placed at {}, before the promotion starts at {}",
                             when(o.placed_at), when(p.starts.instant));
        return fmt::format("the order was placed at {}, after the promotion ended at {}",
                           when(o.placed_at), when(p.ends->instant));
      case Condition::channels:
        return fmt::format("the order's channel `{}` is not one of the promotion's channels ({})",
                           order_.channel, fmt::join(model::values(*p.channels), ", "));
      case Condition::code:
        return fmt::format("the code `{}` was not entered with the order", p.code->value);
      case Condition::segments:
        return fmt::format("the customer is in none of the promotion's segments ({})",
                           fmt::join(model::values(*p.segments), ", "));
      case Condition::first_order_only:
        if (!o.orders_before)
          return "the promotion is for a customer's first order only, and the claim does not say whether this is one";
        return fmt::format(
            "the promotion is for a customer's first order only, and the customer had {} order{} before",
            *o.orders_before, *o.orders_before == 1 ? "" : "s");
      case Condition::products:
        return "no line of the order is in the promotion's products";
      case Condition::min_subtotal:
        if (p.min_subtotal && o.scoped_subtotal < p.min_subtotal->value)
          return fmt::format(
              "the list subtotal of the promotion's lines, {}, is below its minimum {}",
              money(o.scoped_subtotal), money(p.min_subtotal->value));
        return fmt::format(
            "the list subtotal of the promotion's lines, {}, is below its lowest tier {}",
            money(o.scoped_subtotal), money(p.benefit->tiers.front().min_subtotal));
      case Condition::min_quantity:
        return fmt::format("the promotion's lines hold {} unit{}, below its minimum {}",
                           o.scoped_units, o.scoped_units == 1 ? "" : "s", p.min_quantity->value);
      case Condition::limit_per_customer:
        return fmt::format("the customer has redeemed it {} time{} already; the limit is {}",
                           o.redemptions, o.redemptions == 1 ? "" : "s",
                           p.limit_per_customer->value);
      case Condition::benefit:
        return "the promotion has no single benefit";
    }
    return {};
  }

  const model::Rulebook& rulebook_;
  const model::Order& order_;
  const model::Customer& customer_;
};

// One pricing (§2): the lines' current amounts and who holds each line, as
// the promotions are considered one by one.
class Pricer {
 public:
  Pricer(const model::Rulebook& rulebook, const model::Order& order,
         const model::Customer& customer)
      : rulebook_(rulebook),
        order_(order),
        check_(rulebook, order, customer),
        holders_(order.lines.size() + 1) {}

  Pricing run() {
    list_lines();
    std::vector<const model::Promotion*> order_of;
    for (const auto& p : rulebook_.promotions) order_of.push_back(&p);
    std::stable_sort(order_of.begin(), order_of.end(),
                     [](const model::Promotion* a, const model::Promotion* b) {
                       return model::considered_before(*a, *b);
                     });
    for (const model::Promotion* p : order_of) out_.promotions.push_back(consider(*p));
    totals();
    return std::move(out_);
  }

 private:
  // §2.1: each line's list amount, which is its current amount to begin with.
  void list_lines() {
    for (const auto& line : order_.lines) {
      PricedLine priced;
      priced.sku = line.sku;
      priced.qty = line.qty;
      priced.list =
          mul(line.unit_price, line.qty, fmt::format("the list amount of line `{}`", line.sku));
      out_.goods_list = add(out_.goods_list, priced.list, "the order's list subtotal");
      current_.push_back(priced.list);
      out_.lines.push_back(std::move(priced));
    }
    out_.shipping = order_.shipping;
    shipping_current_ = order_.shipping;
  }

  // §2.2–2.5 for one promotion, in its turn.
  PromotionResult consider(const model::Promotion& p) {
    PromotionResult result;
    result.promotion = &p;
    result.id = p.id.value;
    std::vector<std::size_t> scoped;
    for (std::size_t i = 0; i < order_.lines.size(); ++i)
      if (model::in_scope(p.products, order_.lines[i].category, order_.lines[i].sku))
        scoped.push_back(i);
    result.failed = check_.failures(p, scoped);
    if (!result.failed.empty()) return result;
    const bool shipping = p.benefit->kind == model::BenefitKind::free_shipping;
    claim_lines(p, shipping ? std::vector<std::size_t>{kShippingLine} : scoped, result);
    if (result.lines.empty()) {
      result.status = PromotionStatus::blocked;
      result.blocked_by = result.held.front().holder;
      return result;
    }
    apply(p, scoped, shipping, result);
    return result;
  }

  // §2.3: the lines P may use (every holder combinable with it); the others
  // are recorded with the promotion that held them.
  void claim_lines(const model::Promotion& p, const std::vector<std::size_t>& lines,
                   PromotionResult& result) {
    for (std::size_t line : lines) {
      const model::Promotion* blocker = nullptr;
      for (const model::Promotion* holder : holders_of(line))
        if (!model::combinable(*holder, p)) {
          blocker = holder;
          break;
        }
      if (blocker) {
        result.held.push_back({line, blocker->id.value});
      } else {
        result.lines.push_back(line);
      }
    }
  }

  // §2.4–2.5: D on the lines it may use, capped; nothing off → no_discount
  // (v1.1: not applied, holds no line, blocks nothing after it); else it
  // holds its lines and D is allocated to them.
  void apply(const model::Promotion& p, const std::vector<std::size_t>& scoped, bool shipping,
             PromotionResult& result) {
    const core::Currency& currency = rulebook_.store.currency;
    Minor scoped_list = 0;
    for (std::size_t i : scoped)
      scoped_list = add(scoped_list, out_.lines[i].list, "the scoped list subtotal");
    BenefitInput input{
        order_, currency, current_, shipping_current_, scoped_list, rulebook_.store.rounding};
    Benefit benefit = compute_benefit(p, result.lines, input);
    Minor discount = benefit.discount;
    if (p.max_discount && p.max_discount->value < discount) {
      discount = p.max_discount->value;
      if (discount == 0)
        benefit.nothing_off = "its max_discount is " +
                              core::format_money(0, currency.minor_digits) + " " + currency.code;
    }
    if (discount == 0) {
      result.status = PromotionStatus::no_discount;
      result.no_discount = std::move(benefit.nothing_off);
      result.lines.clear();
      return;
    }
    result.status = PromotionStatus::applied;
    for (std::size_t line : result.lines) holders_of(line).push_back(&p);
    result.discount = discount;
    if (shipping) {
      out_.shipping_allocations.push_back({p.id.value, discount});
      shipping_current_ = sub(shipping_current_, discount, "the shipping after discounts");
      return;
    }
    std::vector<Minor> shares = allocate(discount, benefit.weights);
    for (std::size_t k = 0; k < result.lines.size(); ++k) {
      std::size_t i = result.lines[k];
      if (shares[k] == 0 && benefit.weights[k] == 0)
        continue;  // a line it uses but takes nothing from
      out_.lines[i].allocations.push_back({p.id.value, shares[k]});
      current_[i] = sub(current_[i], shares[k], "a line's amount after discounts");
    }
  }

  // §2.6: each line's entitled paid amount and the order's totals.
  void totals() {
    for (std::size_t i = 0; i < out_.lines.size(); ++i) {
      out_.lines[i].entitled_paid = current_[i];
      out_.goods_paid = add(out_.goods_paid, current_[i], "the order's paid total");
    }
    out_.goods_discount = sub(out_.goods_list, out_.goods_paid, "the order's goods discount");
    out_.shipping_paid = shipping_current_;
    out_.shipping_discount = sub(out_.shipping, shipping_current_, "the shipping discount");
    out_.total_discount =
        add(out_.goods_discount, out_.shipping_discount, "the order's total discount");
    out_.total_paid = add(out_.goods_paid, out_.shipping_paid, "the order's total to pay");
  }

  // Who holds each line, in the order they were applied; the last slot is shipping.
  std::vector<const model::Promotion*>& holders_of(std::size_t line) {
    return holders_[line == kShippingLine ? order_.lines.size() : line];
  }

  const model::Rulebook& rulebook_;
  const model::Order& order_;
  CandidateCheck check_;
  std::vector<std::vector<const model::Promotion*>> holders_;
  Pricing out_;
  std::vector<Minor> current_;  // per line, after the promotions applied so far
  Minor shipping_current_ = 0;
};

Pricing price(const model::Rulebook& rulebook, const model::Order& order,
              const model::Customer& customer) {
  return Pricer(rulebook, order, customer).run();
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

#include "engine/pricing.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>

#include <fmt/format.h>

#include "engine/checked.hpp"
#include "engine/promotion_benefit.hpp"
#include "model/promotion_eligibility.hpp"

namespace fineprint::engine {

namespace {

using core::Minor;
using detail::add;
using detail::mul;
using detail::sub;

// The candidate test (§2.2, model::candidate_failures): the conditions a
// promotion fails and the numbers they were checked on; no words (those are
// failure_text.cpp's, written when printed).
class CandidateCheck {
 public:
  CandidateCheck(const model::Order& order, const model::Customer& customer)
      : order_(order), customer_(customer) {}

  void run(const model::Promotion& p, const std::vector<std::size_t>& scoped,
           PromotionResult& result) const {
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
    result.failed = model::candidate_failures(p, facts);
    result.numbers = {facts.scoped_subtotal, facts.scoped_units, facts.redemptions,
                      facts.orders_before};
  }

 private:
  const model::Order& order_;
  const model::Customer& customer_;
};

// One pricing (§2): the lines' current amounts and who holds each line, as
// the promotions are considered one by one.
class Pricer {
 public:
  Pricer(const CompiledRulebook& rules, const model::Order& order, const model::Customer& customer)
      : rules_(rules),
        rulebook_(rules.rulebook),
        order_(order),
        check_(order, customer),
        holders_(order.lines.size() + 1) {}

  Pricing run(PricingScope scope) {
    list_lines();
    if (scope == PricingScope::every_promotion ||
        rules_.lookup == PromotionLookup::every_promotion) {
      consider_every_promotion();
    } else {
      consider_open_promotions();
    }
    totals();
    return std::move(out_);
  }

 private:
  void consider_every_promotion() {
    out_.promotions.reserve(rules_.promotions.in_order().size());
    for (const model::Promotion* p : rules_.promotions.in_order())
      out_.promotions.push_back(consider(*p));
  }

  // The promotions the index leaves out fail `window` or `channels`: not
  // candidates, no line held. Neither does an open one that is not a
  // candidate: its result is dropped, as nothing reads it.
  void consider_open_promotions() {
    const auto& in_order = rules_.promotions.in_order();
    for (std::uint32_t rank : rules_.promotions.open(order_.placed_at, order_.channel)) {
      PromotionResult result = consider(*in_order[rank]);
      if (result.status != PromotionStatus::not_candidate)
        out_.promotions.push_back(std::move(result));
    }
  }

  // §2.1: each line's list amount, which is its current amount to begin with.
  void list_lines() {
    for (const auto& line : order_.lines) {
      PricedLine priced;
      priced.sku = line.sku;
      priced.qty = line.qty;
      auto list = core::checked_mul(line.unit_price, line.qty);
      if (!list) detail::overflow(fmt::format("the list amount of line `{}`", line.sku));
      priced.list = *list;  // the message above is written only when it overflows
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
    std::vector<std::size_t>& scoped = scoped_;  // reused: one allocation per pricing
    scoped.clear();
    for (std::size_t i = 0; i < order_.lines.size(); ++i)
      if (model::in_scope(p.products, order_.lines[i].category, order_.lines[i].sku))
        scoped.push_back(i);
    check_.run(p, scoped, result);
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

  const CompiledRulebook& rules_;
  const model::Rulebook& rulebook_;
  const model::Order& order_;
  CandidateCheck check_;
  std::vector<std::vector<const model::Promotion*>> holders_;
  Pricing out_;
  std::vector<Minor> current_;       // per line, after the promotions applied so far
  std::vector<std::size_t> scoped_;  // the lines in scope of the promotion considered
  Minor shipping_current_ = 0;
};

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

core::Result<Pricing> price_order(const CompiledRulebook& rules, const model::Order& order,
                                  const model::Customer& customer, PricingScope scope) {
  try {
    return Pricer(rules, order, customer).run(scope);
  } catch (const detail::Overflow& error) {
    return core::Error{"engine/overflow",
                       fmt::format("{} overflows 64-bit minor units", error.what)};
  }
}

core::Result<Pricing> price_order(const model::Rulebook& rulebook, const model::Order& order,
                                  const model::Customer& customer) {
  return price_order(CompiledRulebook(rulebook), order, customer);
}

}  // namespace fineprint::engine

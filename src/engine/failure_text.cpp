#include "engine/failure_text.hpp"

#include <cstdint>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace fineprint::engine {

namespace {

using core::Minor;

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

class FailureText {
 public:
  FailureText(const model::Rulebook& rulebook, const model::Order& order)
      : rulebook_(rulebook), order_(order) {}

  std::string message(const model::Promotion& p, model::Condition c,
                      const CandidateNumbers& o) const {
    using model::Condition;
    switch (c) {
      case Condition::window:
        if (order_.placed_at < p.starts.instant)
          return fmt::format("the order was placed at {}, before the promotion starts at {}",
                             when(order_.placed_at), when(p.starts.instant));
        return fmt::format("the order was placed at {}, after the promotion ended at {}",
                           when(order_.placed_at), when(p.ends->instant));
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

 private:
  std::string money(Minor m) const {
    return core::format_money(m, rulebook_.store.currency.minor_digits) + " " +
           rulebook_.store.currency.code;
  }
  std::string when(core::Instant t) const { return instant_text(rulebook_.store.zone, t); }

  const model::Rulebook& rulebook_;
  const model::Order& order_;
};

}  // namespace

std::vector<FailedCondition> failed_conditions(const model::Rulebook& rulebook,
                                               const model::Order& order,
                                               const PromotionResult& result) {
  FailureText text(rulebook, order);
  std::vector<FailedCondition> out;
  for (model::Condition c : result.failed)
    out.push_back(
        {std::string(model::condition_key(c)), text.message(*result.promotion, c, result.numbers)});
  return out;
}

}  // namespace fineprint::engine

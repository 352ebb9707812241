#include "diff/goodwill_diff.hpp"

#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/money.hpp"

namespace fineprint::diff {

namespace {

using Aspects = std::vector<std::pair<std::string, std::string>>;

std::string range_text(const std::optional<model::Range>& range, int digits, bool money) {
  if (!range) return "any";
  auto bound = [&](const std::optional<std::int64_t>& v) {
    if (!v) return std::string();
    return money ? core::format_money(*v, digits) : std::to_string(*v);
  };
  return fmt::format("{}..{}", bound(range->min), bound(range->max));
}

std::string names_text(const std::optional<model::Names>& names) {
  if (!names) return "any";
  return fmt::format("[{}]", fmt::join(model::values(*names), ", "));
}

// The keys a `when` restricts, "every item" when none.
std::string when_text(const model::When& w, int digits) {
  std::vector<std::string> parts;
  auto names = [&](std::string_view key, const std::optional<model::Names>& list) {
    if (list) parts.push_back(fmt::format("{} {}", key, names_text(list)));
  };
  auto range = [&](std::string_view key, const std::optional<model::Range>& r, bool money) {
    if (r) parts.push_back(fmt::format("{} {}", key, range_text(r, digits, money)));
  };
  auto flag = [&](std::string_view key, const std::optional<core::Located<bool>>& b) {
    if (b) parts.push_back(fmt::format("{} {}", key, b->value ? "true" : "false"));
  };
  names("category", w.category);
  names("sku", w.sku);
  names("channel", w.channel);
  names("condition", w.condition);
  names("reason", w.reason);
  range("days", w.days, false);
  flag("has_receipt", w.has_receipt);
  flag("final_sale", w.final_sale);
  range("unit_price", w.unit_price, true);
  names("segment", w.segment);
  range("returns_90d", w.returns_90d, false);
  if (parts.empty()) return "every item";
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string gesture_text(const model::Goodwill& g, int digits) {
  switch (g.gesture) {
    case model::GestureKind::voucher_percent:
      return fmt::format("voucher_percent {}, voucher_days {}", core::format_percent(g.percent),
                         g.voucher_days);
    case model::GestureKind::refund_percent:
      return fmt::format("refund_percent {}", core::format_percent(g.percent));
    case model::GestureKind::amount:
      return fmt::format("amount {}", core::format_money(g.amount, digits));
    case model::GestureKind::replacement:
      return "replacement";
  }
  return {};
}

// Every aspect of an entry as text, in the format's key order.
Aspects aspects(const model::Rulebook& rules, const model::Goodwill& g) {
  const int digits = rules.store.currency.minor_digits;
  const std::string outcomes = model::outcome_in_text(g, "any");
  auto optional_number = [](const auto& v) {
    return v ? std::to_string(v->value) : std::string("none");
  };
  return {
      {"title", rules.store.report_text(g.title)},
      {"text", rules.store.report_text(g.text)},
      {"gesture", gesture_text(g, digits)},
      {"max_amount",
       g.max_amount ? core::format_money(g.max_amount->value, digits) : std::string("none")},
      {"when", when_text(g.when, digits)},
      {"outcome_in", outcomes},
      {"orders_before", range_text(g.orders_before, digits, false)},
      {"limit_per_customer", optional_number(g.limit_per_customer)},
      {"period_days", optional_number(g.period_days)},
      {"requires_note", g.requires_note ? "true" : "false"},
  };
}

const model::Goodwill* find(const model::Rulebook& rules, const std::string& id) {
  for (const auto& g : rules.goodwill)
    if (g.id.value == id) return &g;
  return nullptr;
}

}  // namespace

std::vector<std::string> goodwill_changes(const model::Rulebook& a, const model::Rulebook& b) {
  std::vector<std::string> out;
  for (const auto& now : b.goodwill) {
    const model::Goodwill* was = find(a, now.id.value);
    Aspects after = aspects(b, now);
    if (!was) {
      std::vector<std::string> parts;
      for (std::size_t i = 2; i < after.size(); ++i)
        parts.push_back(fmt::format("{} {}", after[i].first, after[i].second));
      out.push_back(fmt::format("`{}` added: {}", now.id.value, fmt::join(parts, "; ")));
      continue;
    }
    Aspects before = aspects(a, *was);
    std::vector<std::string> changed;
    for (std::size_t i = 0; i < after.size(); ++i)
      if (before[i].second != after[i].second)
        changed.push_back(fmt::format("{} was `{}`, now `{}`", after[i].first, before[i].second,
                                      after[i].second));
    if (!changed.empty())
      out.push_back(fmt::format("`{}`: {}", now.id.value, fmt::join(changed, "; ")));
  }
  for (const auto& was : a.goodwill)
    if (!find(b, was.id.value)) out.push_back(fmt::format("`{}` removed", was.id.value));
  return out;
}

}  // namespace fineprint::diff

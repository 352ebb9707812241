// Counting one replayed claim: unchanged, changed (a verdict transition, the
// money difference, per deciding rule), or refused on both sides.
#include <fmt/format.h>

#include "diff/replay.hpp"
#include "diff/witness_check.hpp"

namespace fineprint::diff {

namespace {

// What each deciding rule (or promotion) gives, and shipping; the rest of
// the amount, if any, under "(other)", so the parts add up to the amount.
std::map<std::string, core::Minor> amounts_by_rule(const engine::Decision& d) {
  std::map<std::string, core::Minor> out;
  core::Minor counted = 0;
  for (const auto& item : d.items) {
    out[item.rule.empty() ? "(no rule)" : item.rule] += item.amount;
    counted += item.amount;
  }
  if (d.shipping_refund != 0) out["(shipping)"] += d.shipping_refund;
  counted += d.shipping_refund;
  if (d.promotion && !d.promotion->id.empty()) {
    out[d.promotion->id] += d.amount - counted;
    counted = d.amount;
  }
  if (d.amount != counted) out["(other)"] += d.amount - counted;
  return out;
}

std::string state(const std::optional<engine::Decision>& d) {
  return d ? std::string(engine::verdict_name(d->verdict)) : "refused";
}

std::string words(const std::optional<engine::Decision>& d, const std::string& refused) {
  return d ? decision_words(*d) : "refused: " + refused;
}

}  // namespace

void tally(const ClaimPair& p, std::size_t max_examples, ReplaySummary& s) {
  ++s.total;
  if (!p.old_decision && !p.new_decision) {
    ++s.invalid;
    return;
  }
  if (p.old_decision && p.new_decision && same_decision(*p.old_decision, *p.new_decision)) return;
  ++s.changed;
  ++s.transitions[{state(p.old_decision), state(p.new_decision)}];
  if (p.old_decision && p.new_decision) {
    s.money += p.new_decision->amount - p.old_decision->amount;
    for (const auto& [rule, amount] : amounts_by_rule(*p.new_decision)) s.per_rule[rule] += amount;
    for (const auto& [rule, amount] : amounts_by_rule(*p.old_decision)) s.per_rule[rule] -= amount;
  }
  if (s.examples.size() < max_examples)
    s.examples.push_back(
        {p.label, words(p.old_decision, p.old_refused), words(p.new_decision, p.new_refused)});
}

void merge_summary(ReplaySummary& s, const ReplaySummary& part, std::size_t max_examples) {
  s.total += part.total;
  s.changed += part.changed;
  s.invalid += part.invalid;
  for (const auto& [t, n] : part.transitions) s.transitions[t] += n;
  s.money += part.money;
  for (const auto& [rule, amount] : part.per_rule) s.per_rule[rule] += amount;
  for (const auto& e : part.examples)
    if (s.examples.size() < max_examples) s.examples.push_back(e);
}

}  // namespace fineprint::diff

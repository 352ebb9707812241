// The text layout: sections in the order store, returns, promotions, replay,
// notes; every difference followed by its witness and both decisions.
#include <fmt/format.h>

#include "diff/diff_report.hpp"

namespace fineprint::diff {

namespace {

void witness_text(const CheckedWitness& w, const char* indent, std::string& out) {
  out += fmt::format("{}witness: {}\n", indent, w.claim.summary);
  out += fmt::format("{}  old: {}\n", indent, w.old_words);
  out += fmt::format("{}  new: {}\n", indent, w.new_words);
}

void order_text(const OrderWitness& o, const char* indent, std::string& out) {
  if (o.witness)
    witness_text(*o.witness, indent, out);
  else
    out += fmt::format("{}{}\n", indent, o.no_witness);
}

void returns_text(const DiffReport& r, std::string& out) {
  if (r.returns.empty()) return;
  out += fmt::format("Returns: {} region(s) of items decided differently\n", r.returns.size());
  for (std::size_t i = 0; i < r.returns.size(); ++i) {
    const ReturnsChange& c = r.returns[i];
    out += fmt::format("  {}. {}: was {}, now {}\n", i + 1, c.where, c.was, c.now);
    witness_text(c.witness, "     ", out);
  }
  out += "\n";
}

void promotions_text(const DiffReport& r, std::string& out) {
  if (r.promotions.empty()) return;
  out += fmt::format("Promotions: {} added, removed or changed\n", r.promotions.size());
  for (const PromotionChange& c : r.promotions) {
    out += fmt::format("  {} `{}`\n", change_kind_name(c.kind), c.id);
    for (const auto& a : c.aspects) {
      out += fmt::format("     {}\n", a.text);
      order_text(a.order, "       ", out);
    }
    if (c.aspects.empty()) order_text(c.order, "     ", out);
  }
  out += "\n";
}

void replay_text(const ReplaySummary& s, std::string& out) {
  out += fmt::format("Claims replayed: {}, decided differently: {}, refused: {}\n", s.total,
                     s.changed, s.invalid);
  for (const auto& [t, n] : s.transitions)
    out += fmt::format("  {} → {}: {}\n", t.first, t.second, n);
  out += fmt::format("  money: {} in total\n", core::format_money(s.money, s.minor_digits));
  for (const auto& [rule, amount] : s.per_rule)
    out += fmt::format("    `{}`: {}\n", rule, core::format_money(amount, s.minor_digits));
  for (const auto& e : s.examples)
    out += fmt::format("  {}\n     old: {}\n     new: {}\n", e.claim, e.old_words, e.new_words);
  out += "\n";
}

}  // namespace

std::string_view change_kind_name(PromotionChangeKind kind) {
  switch (kind) {
    case PromotionChangeKind::added:
      return "added";
    case PromotionChangeKind::removed:
      return "removed";
    case PromotionChangeKind::changed:
      break;
  }
  return "changed";
}

std::string diff_text(const DiffReport& r) {
  std::string out = fmt::format("fineprint diff {} → {}\n\n", r.old_label, r.new_label);
  if (!r.store.empty()) {
    out += "Store changes (they can change every decision):\n";
    for (const auto& s : r.store) out += fmt::format("  - {}\n", s);
    out += "\n";
  }
  returns_text(r, out);
  promotions_text(r, out);
  if (!r.goodwill.empty()) {
    out += "Goodwill changes (what may be offered beyond the rules):\n";
    for (const auto& g : r.goodwill) out += fmt::format("  - {}\n", g);
    out += "\n";
  }
  if (r.replay) replay_text(*r.replay, out);
  for (const auto& n : r.notes) out += fmt::format("note: {}\n", n);
  if (!r.changed() && r.complete())
    out += "No change: the two rulebooks decide every claim alike.\n";
  return out;
}

}  // namespace fineprint::diff

// The markdown layout, for a pull-request comment: a heading, the store
// changes, a table of the returns regions, the promotions, the replay, and
// the witness claims folded in <details> so the comment stays short.
#include <fmt/format.h>

#include "diff/diff_report.hpp"

namespace fineprint::diff {

namespace {

// A table cell: a pipe or a line break would end it.
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

// A fenced block inside a list item: every line of it is indented to the
// item's content, or CommonMark ends the item at the first unindented line
// and reads the claim's `# comment` as a heading.
void indented_fence(const std::string& text, std::string& out) {
  out += "  ```toml\n";
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out += "  ";
    out.append(text, start, end - start);
    out += '\n';
    start = end + 1;
  }
  out += "  ```\n";
}

void witness_markdown(const CheckedWitness& w, std::string& out) {
  out +=
      fmt::format("- {}\n  - old: {}\n  - new: {}\n\n", w.claim.summary, w.old_words, w.new_words);
  indented_fence(w.claim.claim_toml, out);
}

void order_markdown(const OrderWitness& o, const char* indent, std::string& out) {
  if (!o.witness) {
    out += fmt::format("{}- {}\n", indent, o.no_witness);
    return;
  }
  out +=
      fmt::format("{}- order: {}\n{}  - old: {}\n{}  - new: {}\n", indent, o.witness->claim.summary,
                  indent, o.witness->old_words, indent, o.witness->new_words);
}

void returns_markdown(const DiffReport& r, std::string& out) {
  if (r.returns.empty()) return;
  out +=
      fmt::format("#### Returns: {} region(s) of items decided differently\n\n", r.returns.size());
  out += "| # | items | was | now |\n|---|---|---|---|\n";
  for (std::size_t i = 0; i < r.returns.size(); ++i)
    out += fmt::format("| {} | {} | {} | {} |\n", i + 1, cell(r.returns[i].where),
                       cell(r.returns[i].was), cell(r.returns[i].now));
  out += "\n<details><summary>A claim for each region, decided both ways</summary>\n\n";
  for (const auto& c : r.returns) witness_markdown(c.witness, out);
  out += "\n</details>\n\n";
}

void promotions_markdown(const DiffReport& r, std::string& out) {
  if (r.promotions.empty()) return;
  out += "#### Promotions\n\n";
  for (const PromotionChange& c : r.promotions) {
    out += fmt::format("- **{}** `{}`\n", change_kind_name(c.kind), c.id);
    for (const auto& a : c.aspects) {
      out += fmt::format("  - {}\n", a.text);
      order_markdown(a.order, "    ", out);
    }
    if (c.aspects.empty()) order_markdown(c.order, "  ", out);
  }
  out += "\n";
}

void replay_markdown(const ReplaySummary& s, std::string& out) {
  out += fmt::format("#### Claims replayed: {} of {} decided differently\n\n", s.changed, s.total);
  if (s.invalid > 0)
    out += fmt::format("{} claim(s) refused by a side's claim reader.\n\n", s.invalid);
  if (!s.transitions.empty()) {
    out += "| from | to | claims |\n|---|---|---|\n";
    for (const auto& [t, n] : s.transitions)
      out += fmt::format("| {} | {} | {} |\n", t.first, t.second, n);
    out += "\n";
  }
  out += fmt::format("Money: {} in total", core::format_money(s.money, s.minor_digits));
  for (const auto& [rule, amount] : s.per_rule)
    out += fmt::format("; `{}` {}", rule, core::format_money(amount, s.minor_digits));
  out += ".\n\n";
  for (const auto& e : s.examples)
    out += fmt::format("- {}\n  - old: {}\n  - new: {}\n", e.claim, e.old_words, e.new_words);
  if (!s.examples.empty()) out += "\n";
}

}  // namespace

std::string diff_markdown(const DiffReport& r) {
  std::string out =
      fmt::format("### fineprint diff: `{}` → `{}`\n\n", cell(r.old_label), cell(r.new_label));
  if (!r.changed() && r.complete())
    out += "No change: the two rulebooks decide every claim alike.\n\n";
  if (!r.store.empty()) {
    out += "#### Store changes (they can change every decision)\n\n";
    for (const auto& s : r.store) out += fmt::format("- {}\n", s);
    out += "\n";
  }
  returns_markdown(r, out);
  promotions_markdown(r, out);
  if (!r.goodwill.empty()) {
    out += "#### Goodwill changes (what may be offered beyond the rules)\n\n";
    for (const auto& g : r.goodwill) out += fmt::format("- {}\n", g);
    out += "\n";
  }
  if (r.replay) replay_markdown(*r.replay, out);
  for (const auto& n : r.notes) out += fmt::format("> note: {}\n", n);
  return out;
}

}  // namespace fineprint::diff

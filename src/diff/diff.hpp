// What `fineprint diff OLD NEW` finds: store changes first, then the regions
// of returned items decided differently, then the promotions added, removed
// and changed, each difference with a witness claim that the real engine
// decides both ways (docs/diff.md).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/region.hpp"
#include "core/diagnostic.hpp"
#include "core/money.hpp"
#include "model/rulebook.hpp"

namespace fineprint::diff {

// A concrete claim and how the engine decides it under each rulebook.
struct CheckedWitness {
  core::Witness claim;    // one-line summary and the claim file's text
  std::string old_words;  // "denied, 0.00: deny by `final-30d`"
  std::string new_words;
  bool differs = false;  // the engine's two decisions differ (always, unless a bug)
};

// One box of item facts decided one way by OLD and another by NEW.
struct ReturnsChange {
  std::string where;  // "channel web, category hats, condition opened, days 15 to 30"
  std::string was;    // "deny by `final-30d`"
  std::string now;    // "refund by `withdrawal-30d`"
  CheckedWitness witness;
};

enum class PromotionChangeKind { added, removed, changed };

// An order the engine prices differently, or why none was found.
struct OrderWitness {
  std::optional<CheckedWitness> witness;
  std::string no_witness;  // when witness is empty
};

// One aspect of a changed promotion ("window: was from … until …, now …")
// and an order its change prices differently.
struct AspectChange {
  std::string text;
  OrderWitness order;
};

struct PromotionChange {
  std::string id;
  PromotionChangeKind kind = PromotionChangeKind::changed;
  std::vector<AspectChange> aspects;  // changed: one per aspect that differs
  OrderWitness order;                 // added and removed
};

// Real claims decided under both rulebooks (`--claims`).
struct ReplayExample {
  std::string claim;  // "claims.jsonl:12 (R-1001)" or the claim file's path
  std::string old_words, new_words;
};

struct ReplaySummary {
  std::uint64_t total = 0;    // claims read
  std::uint64_t changed = 0;  // decided differently
  std::uint64_t invalid = 0;  // refused by the claim reader of either side
  // "approved → denied" and how many.
  std::map<std::pair<std::string, std::string>, std::uint64_t> transitions;
  core::Minor money = 0;  // Σ (new amount − old amount) over the changed claims
  // Per deciding rule (or promotion): Σ amounts it decides under NEW − Σ under OLD.
  std::map<std::string, core::Minor> per_rule;
  std::vector<ReplayExample> examples;  // the first N changed, in input order
  int minor_digits = 2;
};

struct DiffReport {
  std::string old_label, new_label;
  std::vector<std::string> store;  // store and table-wide changes, in words
  std::vector<ReturnsChange> returns;
  std::vector<PromotionChange> promotions;
  // [[goodwill]] entries added, removed or changed, in words (issue 17): what
  // may be offered beyond the rules changes, not what they decide.
  std::vector<std::string> goodwill;
  std::vector<std::string> notes;  // where the exact work stopped (budget), and why
  std::optional<ReplaySummary> replay;

  // Something is decided or priced differently (or could be: a store change).
  // Every difference was found: no budget ran out, nothing was left uncompared.
  bool complete() const { return notes.empty(); }
  bool changed() const {
    return !store.empty() || !returns.empty() || !promotions.empty() || !goodwill.empty() ||
           (replay && replay->changed > 0);
  }
};

struct DiffOptions {
  analysis::Budget budget;  // the returns diff's box operations and memory
  unsigned threads = 1;     // for the promotions' witness searches
};

DiffReport diff_rulebooks(const model::Rulebook& old_rules, const model::Rulebook& new_rules,
                          const DiffOptions& options);

}  // namespace fineprint::diff

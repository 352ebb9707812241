// `diff --claims`: real claims decided under both rulebooks, in parallel,
// summarised by verdict transition, money and rule, with the first examples.
// JSON Lines are read as `batch` reads them (batch/input, the JSON claim
// reader); a folder is read as TOML claim files, policy tests included
// (their [expect] is ignored).
#pragma once

#include <cstddef>
#include <string>

#include "diff/diff.hpp"
#include "engine/decision.hpp"
#include "model/rulebook.hpp"

namespace fineprint::diff {

struct ReplayOptions {
  unsigned threads = 1;
  std::size_t examples = 10;
};

// Throws std::runtime_error when `path` cannot be read.
ReplaySummary replay_claims(const model::Rulebook& old_rules, const model::Rulebook& new_rules,
                            const std::string& path, const ReplayOptions& options);

// One claim decided both ways (refused: a side's reader refused it, why).
struct ClaimPair {
  std::string label;
  std::optional<engine::Decision> old_decision, new_decision;
  std::string old_refused, new_refused;
};

// Adds one claim's pair to `summary`.
void tally(const ClaimPair& pair, std::size_t max_examples, ReplaySummary& summary);
// Adds `part` (a later stretch of the input) to `summary`.
void merge_summary(ReplaySummary& summary, const ReplaySummary& part, std::size_t max_examples);

}  // namespace fineprint::diff

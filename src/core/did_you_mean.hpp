// "Did you mean" suggestions for misspelt keys and names: one bounded
// implementation for every caller (rulebook loader, claim validator, CLI).
// A suggestion costs at most a fixed amount of work however long the word or
// the list of candidates, so a hostile claim cannot make it quadratic.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fineprint::core {

// The full Levenshtein distance (insertions, deletions, substitutions of
// bytes). Unbounded: O(|a|·|b|); suggestions use bounded_edit_distance.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The edit distance when it is at most `limit`, nullopt otherwise. Only the
// band of cells within `limit` of the diagonal is computed, and it stops as
// soon as a whole row is past the limit: O(limit · min(|a|, |b|)).
std::optional<std::size_t> bounded_edit_distance(std::string_view a, std::string_view b,
                                                 std::size_t limit);

// The bounds of a suggestion (docs/limits.md).
inline constexpr std::size_t kSuggestMaxDistance = 2;   // edits from word to candidate
inline constexpr std::size_t kSuggestMaxCompared = 64;  // candidates looked at per word
inline constexpr std::size_t kSuggestMaxBytes = 256;    // longer words get no suggestion

// Candidates indexed by length, built once and asked many times (a claim
// with 500 unknown skus asks the same 500 order skus). A word is compared
// only with candidates whose length is within kSuggestMaxDistance of its
// own, nearest lengths first, at most kSuggestMaxCompared of them.
class Suggester {
 public:
  explicit Suggester(std::vector<std::string> candidates);

  // The closest candidate within kSuggestMaxDistance (ties: the earliest in
  // the list), never the word itself; nullopt when none is close enough.
  std::optional<std::string> suggest(std::string_view word) const;

 private:
  std::vector<std::string> candidates_;
  std::unordered_map<std::size_t, std::vector<std::size_t>> by_length_;  // length → indices
};

// The same answer as Suggester(candidates).suggest(word), without building
// the index: for a caller with one word to place.
std::optional<std::string> did_you_mean(std::string_view word,
                                        const std::vector<std::string>& candidates);

}  // namespace fineprint::core

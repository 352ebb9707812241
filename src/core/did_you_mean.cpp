#include "core/did_you_mean.hpp"

#include <algorithm>
#include <numeric>
#include <utility>

namespace fineprint::core {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::size_t> bounded_edit_distance(std::string_view a, std::string_view b,
                                                 std::size_t limit) {
  if (a.size() < b.size()) std::swap(a, b);  // b is the shorter: rows are as long as it
  if (a.size() - b.size() > limit) return std::nullopt;
  const std::size_t past = limit + 1;  // any value past the limit, saturated
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = std::min(j, past);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    // Cells with |i - j| > limit cannot lead to a distance within it.
    std::size_t low = i > limit ? i - limit : 1;
    std::size_t high = std::min(b.size(), i + limit);
    current[0] = std::min(i, past);
    if (low > 1) current[low - 1] = past;
    std::size_t row_min = low == 1 ? current[0] : past;
    for (std::size_t j = low; j <= high; ++j) {
      std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      std::size_t cell = std::min({previous[j] + 1, current[j - 1] + 1, substitution, past});
      current[j] = cell;
      row_min = std::min(row_min, cell);
    }
    if (high < b.size()) current[high + 1] = past;
    if (row_min > limit) return std::nullopt;  // every path from here costs more
    std::swap(previous, current);
  }
  if (previous[b.size()] > limit) return std::nullopt;
  return previous[b.size()];
}

namespace {

// The search both entry points share. `for_length(length, visit)` calls
// visit(index) for the candidates of that length in list order until visit
// returns false; `at(index)` is the candidate.
template <class ForLength, class At>
std::optional<std::size_t> closest(std::string_view word, ForLength for_length, At at) {
  if (word.size() > kSuggestMaxBytes) return std::nullopt;
  std::optional<std::size_t> best;
  std::size_t limit = kSuggestMaxDistance;  // after a hit: its distance (ties still count)
  std::size_t compared = 0;
  // Lengths nearest the word's first (n, n-1, n+1, n-2, n+2): under the cap,
  // the likeliest candidates are the ones compared.
  for (std::size_t step = 0; step <= 2 * kSuggestMaxDistance; ++step) {
    std::size_t delta = (step + 1) / 2;  // a candidate this much shorter or longer
    if (delta > limit) break;            // needs more edits than the best so far
    if (compared == kSuggestMaxCompared) break;
    if (step % 2 == 1 && delta > word.size()) continue;
    std::size_t length = step % 2 == 1 ? word.size() - delta : word.size() + delta;
    for_length(length, [&](std::size_t index) {
      if (compared == kSuggestMaxCompared) return false;
      ++compared;  // the word itself counts too: the cap bounds what is looked at
      std::string_view candidate = at(index);
      if (candidate == word) return true;
      auto distance = bounded_edit_distance(word, candidate, limit);
      // Ties go to the earliest in the list, as if all were compared in order.
      if (distance && (!best || *distance < limit || index < *best)) {
        best = index;
        limit = *distance;
      }
      return true;
    });
  }
  return best;
}

}  // namespace

Suggester::Suggester(std::vector<std::string> candidates) : candidates_(std::move(candidates)) {
  for (std::size_t i = 0; i < candidates_.size(); ++i) {
    if (candidates_[i].size() > kSuggestMaxBytes + kSuggestMaxDistance) continue;
    by_length_[candidates_[i].size()].push_back(i);
  }
}

std::optional<std::string> Suggester::suggest(std::string_view word) const {
  auto best = closest(
      word,
      [&](std::size_t length, auto visit) {
        auto bucket = by_length_.find(length);
        if (bucket == by_length_.end()) return;
        for (std::size_t index : bucket->second)
          if (!visit(index)) return;
      },
      [&](std::size_t index) -> std::string_view { return candidates_[index]; });
  if (!best) return std::nullopt;
  return candidates_[*best];
}

// The same search over the list itself: a few passes of length checks, no
// index to build, for a caller with one word to place.
std::optional<std::string> did_you_mean(std::string_view word,
                                        const std::vector<std::string>& candidates) {
  auto best = closest(
      word,
      [&](std::size_t length, auto visit) {
        for (std::size_t index = 0; index < candidates.size(); ++index)
          if (candidates[index].size() == length && !visit(index)) return;
      },
      [&](std::size_t index) -> std::string_view { return candidates[index]; });
  if (!best) return std::nullopt;
  return candidates[*best];
}

}  // namespace fineprint::core

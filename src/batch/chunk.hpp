// A chunk of a JSON Lines stream for `batch`: whole input lines with their
// numbers, and after deciding, their output lines and verdict counts. Chunks
// are the unit of parallel work and bound the memory a batch uses.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/money.hpp"

namespace fineprint::batch {

// The gestures of goodwill granted with the claims of a batch, per [[goodwill]]
// id (issue 17): how many, and the sum of their recorded amounts.
struct GoodwillTotal {
  std::uint64_t granted = 0;
  std::uint64_t without_amount = 0;  // vouchers without max_amount record none
  core::Minor amount = 0;
  bool overflowed = false;  // the sum passed 64-bit minor units

  void add(const std::optional<core::Minor>& recorded);
  GoodwillTotal& operator+=(const GoodwillTotal& other);
};

struct BatchCounts {
  std::uint64_t approved = 0, partially_approved = 0, denied = 0, review = 0, invalid = 0;
  std::map<std::string, GoodwillTotal> goodwill;

  std::uint64_t total() const { return approved + partially_approved + denied + review + invalid; }
  BatchCounts& operator+=(const BatchCounts& other) {
    approved += other.approved;
    partially_approved += other.partially_approved;
    denied += other.denied;
    review += other.review;
    invalid += other.invalid;
    for (const auto& [id, total] : other.goodwill) goodwill[id] += total;
    return *this;
  }
};

struct BatchChunk {
  std::uint64_t first_line = 1;  // the 1-based number of its first line in the stream
  // The lines' bytes, followed by at least JsonClaimReader::kPadding bytes.
  std::string text;
  struct Line {
    std::size_t offset = 0;
    std::size_t size = 0;  // without the '\n' (and a '\r' before it)
    // Longer than core::limits::kMaxJsonLineBytes: refused unread (size 0,
    // its bytes are not in text).
    bool too_long = false;
  };
  std::vector<Line> lines;
  std::string out;  // one output line per input line, in order
  BatchCounts counts;
};

}  // namespace fineprint::batch

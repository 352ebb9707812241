// A claim written out as a file a person can read and `resolve` can load
// (issue 16): TOML (docs/format.md §2) or its JSON form (§2.5). Instants in the
// store's zone, money as decimal strings of the store's currency.
#pragma once

#include <string>
#include <vector>

#include "model/claim.hpp"
#include "model/rulebook.hpp"

namespace fineprint::intake {

struct ClaimText {
  const model::Claim& claim;
  bool has_claim = true;           // false: [order] and [customer] only (an import alone)
  std::vector<std::string> notes;  // TOML: comment lines at the top
  std::string source;              // TOML: the first comment, where the facts come from
};

std::string claim_toml(const ClaimText& text, const model::Store& store);
// One line of JSON (no newline at the end); notes are left out.
std::string claim_json(const ClaimText& text, const model::Store& store);

}  // namespace fineprint::intake

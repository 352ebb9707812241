// `fineprint price` output: each promotion's status (applied, blocked by,
// failed conditions), each line's allocations and the totals, as text or JSON.
#pragma once

#include <string>

#include "engine/pricing.hpp"
#include "model/claim.hpp"
#include "model/rulebook.hpp"

namespace fineprint::report {

struct PriceReport {
  const model::Rulebook& rulebook;
  const model::Order& order;
  const engine::Pricing& pricing;
  std::string digest;   // "sha256:…" of the rulebook
  std::string version;  // fineprint's
};

std::string price_text(const PriceReport& report);
std::string price_json(const PriceReport& report);  // pretty, no final newline

}  // namespace fineprint::report

// A store return without a receipt: a claim without [order] (issue 16,
// docs/format.md §2.1, docs/decisions.md). validate_claim calls this first.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "core/diagnostic.hpp"
#include "load/claim_loader.hpp"
#include "model/claim.hpp"
#include "model/rulebook.hpp"

namespace fineprint::load::detail {

// A claim with [order] must not name a `channel` of its own: its order's is
// the fact.
void refuse_claim_channel(core::Diagnostics& out, const model::Claim& claim,
                          const ClaimPlaces& places);

// A claim without [order] must be a return, say `has_receipt =
// false` and name a store (not distance) channel of the store; its order is
// then built from the catalog: one line per returned sku, qty the units
// returned, category, unit_price and final_sale from the product (each
// marked as taken from the catalog), nothing else. Returns the index of
// each sku's line, or nothing when the claim cannot be checked further.
std::optional<std::map<std::string, std::size_t>> order_from_catalog(
    core::Diagnostics& out, model::Claim& claim, const model::Rulebook& rulebook,
    const ClaimPlaces& places);

}  // namespace fineprint::load::detail

// The facts an agent adds to an imported order on the command line (issue
// 16, `claim new --item … --filed …`): each parsed strictly, errors as values.
#pragma once

#include <string_view>

#include "core/instant.hpp"
#include "core/result.hpp"
#include "model/claim.hpp"

namespace fineprint::intake {

// "HAT-201:1:washed:defective" → sku, qty, condition, reason. The last three
// fields are taken from the right, so a sku may itself contain ':'.
core::Result<model::ClaimItem> parse_item(std::string_view spec);

// An RFC 3339 date-time with offset, or a bare date (YYYY-MM-DD) read as the
// last second of that day in the store's zone: days are counted by local
// day, and a claim made that day is not before a delivery the same day.
core::Result<core::Instant> parse_filed(std::string_view text, core::Zone zone);

}  // namespace fineprint::intake

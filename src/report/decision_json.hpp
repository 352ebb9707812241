// The decision record as JSON (docs/semantics.md §5): one object, keys in the fixed
// order claim, verdict, amount, currency, items|promotion, reasons, trace,
// rulebook, fineprint.
#pragma once

#include <string>

#include "engine/decision.hpp"

namespace fineprint::report {

// `pretty` indents (one claim); compact is one line (JSON Lines). No newline at the end.
std::string decision_json(const engine::Decision& decision, bool pretty);

}  // namespace fineprint::report

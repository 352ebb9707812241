// The decision record as text: what a support agent reads and can paste to a
// customer (verdict, amount, reasons with rule ids and citations); `explain`
// adds the trace of every rule considered.
#pragma once

#include <string>

#include "engine/decision.hpp"

namespace fineprint::report {

std::string decision_text(const engine::Decision& decision, bool explain);

}  // namespace fineprint::report

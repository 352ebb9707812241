// The decision record as JSON (docs/semantics.md §5): one object, keys in the fixed
// order claim, verdict, amount, currency, items|promotion, reasons, trace,
// rulebook, fineprint.
#pragma once

#include <string>

#include "engine/decision.hpp"
#include "report/json_writer.hpp"

namespace fineprint::report {

// The customer letter `resolve --reply L` adds as the record's last key.
struct ReplyField {
  std::string language;
  std::string text;  // the letter as plain text
};

// `pretty` indents (one claim); compact is one line (JSON Lines). No newline at the end.
// Without `reply` the record is exactly what it always was.
std::string decision_json(const engine::Decision& decision, bool pretty,
                          const ReplyField* reply = nullptr);
// The same record written through `json` (batch reuses one writer per thread).
void write_decision_json(JsonWriter& json, const engine::Decision& decision,
                         const ReplyField* reply = nullptr);

}  // namespace fineprint::report

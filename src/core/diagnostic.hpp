// Findings and load errors: one shape for both, so lint, resolve and every
// report print them the same way.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_range.hpp"

namespace fineprint::core {

// Ordered so that `severity >= threshold` reads naturally.
enum class Severity { note = 0, warning = 1, error = 2 };

std::string_view severity_name(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);  // accepts "info" for note

// A concrete claim that shows a semantic problem: a one-line summary for text
// output and the claim file `resolve` accepts.
struct Witness {
  std::string summary;
  std::string claim_toml;
};

struct Diagnostic {
  std::string rule;  // family/rule
  Severity severity = Severity::error;
  std::string message;
  SourceRange where;
  // The key the error is about as a path into the claim, e.g.
  // `order.lines[2].qty` (0-based, like JSONPath), for claim errors a JSON
  // claim cannot place by line and column; empty otherwise.
  std::string key_path;
  std::string help;
  std::vector<std::string> notes;
  std::optional<Witness> witness;
  std::optional<std::string> suppressed;  // the reason given in an `allow` table
  // What the finding is about, for `allow` suppressions: a promotion id, or
  // "returns" for the returns table; empty when nothing can suppress it.
  std::string subject;
  // A note that an exact analysis stopped at its budget: a proof left
  // unfinished. `lint` fails on it unless --allow-incomplete (issue 20).
  bool incomplete = false;
};

using Diagnostics = std::vector<Diagnostic>;

// The stable order every output uses: file, line, column, rule, message.
void sort_diagnostics(Diagnostics& diagnostics);

bool has_errors(const Diagnostics& diagnostics);

}  // namespace fineprint::core

// A claim file read from disk: what resolve, price and test share. A file that
// cannot be read is one `claim/unreadable` diagnostic without a line.
#pragma once

#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "load/claim_loader.hpp"
#include "model/rulebook.hpp"

namespace fineprint::load {

// Reads and loads a claim file: TOML, or one JSON object as `batch` reads a
// line (issue 16: a helpdesk pipes either into `resolve -` and `reply -`).
// Policy tests and `price` files are TOML only. Problems are returned as
// diagnostics; a JSON claim's name their key path.
LoadedClaim load_claim_file(const std::string& path, const model::Rulebook& rulebook,
                            const ClaimLoadOptions& options);

// A claim in JSON: its first non-blank byte is `{`, which cannot begin a
// TOML document.
bool looks_like_json(std::string_view text);

// `file:line:col: message` for a claim diagnostic (`file: message` without a line).
std::string claim_error_text(const core::Diagnostic& diagnostic);

}  // namespace fineprint::load

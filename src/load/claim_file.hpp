// A claim file read from disk: what resolve, price and test share. A file that
// cannot be read is one `claim/unreadable` diagnostic without a line.
#pragma once

#include <string>

#include "core/diagnostic.hpp"
#include "load/claim_loader.hpp"
#include "model/rulebook.hpp"

namespace fineprint::load {

// Reads and loads a claim file. Problems are returned as diagnostics.
LoadedClaim load_claim_file(const std::string& path, const model::Rulebook& rulebook,
                            const ClaimLoadOptions& options);

// `file:line:col: message` for a claim diagnostic (`file: message` without a line).
std::string claim_error_text(const core::Diagnostic& diagnostic);

}  // namespace fineprint::load

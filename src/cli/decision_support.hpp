// What resolve, price and test share: loading the rulebook (load errors →
// stderr and exit 2; with --lint-rules, lint findings → warnings) and claim files.
#pragma once

#include <optional>
#include <string>

#include "load/claim_loader.hpp"
#include "load/rulebook_loader.hpp"

namespace fineprint::cli {

// Loads the rulebook at `path`. On load errors prints each to stderr and
// returns nullopt (the caller exits 2). Only with `warn` (--lint-rules) are
// lint's checks run, the semantic analysis included, and their findings at
// warning and above printed as warnings, at most --max-findings' default per
// rule; they never block. Without it nothing but the load-time checks runs.
std::optional<load::LoadedRulebook> load_rules_for_claims(const std::string& path, bool warn);

// Reads and loads a claim file. Problems are returned as diagnostics; a file
// that cannot be read is one diagnostic without a line.
load::LoadedClaim load_claim_file(const std::string& path, const model::Rulebook& rulebook,
                                  const load::ClaimLoadOptions& options);

// `file:line:col: message` for a claim diagnostic (`file: message` without a line).
std::string claim_error_text(const core::Diagnostic& diagnostic);

// Prints each error of an invalid claim as `fineprint: error: file:line:col: message`.
void print_claim_errors(const core::Diagnostics& diagnostics);

}  // namespace fineprint::cli

// What resolve, price and test share: loading the rulebook (load errors →
// stderr and exit 2; with --lint-rules, lint findings → warnings) and printing
// claim errors. Claim files are read by load/claim_file.
#pragma once

#include <optional>
#include <string>

#include "cli/options.hpp"
#include "load/claim_file.hpp"
#include "load/rulebook_loader.hpp"

namespace fineprint::cli {

// Loads the rulebook at `path`. On load errors prints each to stderr and
// returns nullopt (the caller exits 2). Only with `warn` (--lint-rules) are
// lint's checks run, the semantic analysis included, and their findings at
// warning and above printed as warnings, at most --max-findings' default per
// rule; they never block. Without it nothing but the load-time checks runs.
// `cached`: through the cache of loaded rulebooks (cli/cache_directory.hpp);
// `diff` does without, as its git revisions are read from places made for
// one run, never read twice.
std::optional<load::LoadedRulebook> load_rules_for_claims(const std::string& path, bool warn,
                                                          bool cached = true);

// Prints each error of a claim as `fineprint: error: file:line:col: message`
// and each warning as `fineprint: warning: …`. True when there were errors.
bool print_claim_diagnostics(const core::Diagnostics& diagnostics);

// --goodwill ID and --note TEXT of resolve and reply (issue 17): a gesture of
// goodwill granted with the claim, as `[goodwill]` in the claim file would.
void add_goodwill_options(po::options_description& options);
// Puts the choice into `claim` (replacing the file's [goodwill]); an exit
// code when the options do not go together.
std::optional<int> apply_goodwill_options(const po::variables_map& vm, model::Claim& claim);
// --note without --goodwill; --goodwill with `claims` other than one.
std::optional<int> check_goodwill_options(const po::variables_map& vm, std::size_t claims);

}  // namespace fineprint::cli

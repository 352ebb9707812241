// Helpers for the batch tests: the claims under examples/ and tests/claims
// with their rulebooks and JSON forms (tests/batch/json/), and running the
// executable under a chosen TZ.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "run_process.hpp"

namespace fineprint::testing {

struct ClaimCase {
  std::filesystem::path toml;   // the TOML claim
  std::filesystem::path json;   // its JSON form (tests/batch/json/...)
  std::filesystem::path rules;  // the rulebook it is decided under
};

// Every claim of examples/claims and tests/claims, in a fixed order.
std::vector<ClaimCase> claim_cases();

// read_text is run_process.hpp's.

// One valid claim as a JSON line (the washed-wool-hat example, no newline).
std::string claim_line();

// Runs fineprint with TZ set to `tz` (through /usr/bin/env, no shell).
ProcessResult run_fineprint_tz(const std::string& tz, const std::vector<std::string>& args,
                               const std::string& input = {});

}  // namespace fineprint::testing

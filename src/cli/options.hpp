// Shared option parsing for subcommands: Boost.Program_options with errors
// turned into `fineprint: error: …` and exit 2, and `--help` for each.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "cli/commands.hpp"

namespace fineprint::cli {

namespace po = boost::program_options;

// Parses `args` against `options` (and positional names). Returns the exit
// code to stop with (help printed: 0; bad arguments: 2) or nullopt to go on.
std::optional<int> parse_options(const Args& args, std::string_view usage,
                                 po::options_description& options,
                                 const po::positional_options_description& positional,
                                 po::variables_map& vm);

// Prints `fineprint: error: message` to stderr and returns 2.
int fail(const std::string& message);

// Standard input can be read once: 2 (said why) when `-` stands for more
// than one of the inputs (the rulebook and a claim, two rulebooks).
std::optional<int> stdin_at_most_once(const std::vector<std::string>& inputs);

}  // namespace fineprint::cli

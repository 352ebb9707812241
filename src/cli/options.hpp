// Shared option parsing for subcommands: Boost.Program_options with errors
// turned into `fineprint: error: …` and exit 2, and `--help` for each.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
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

// What a command's --help shows: its usage line and the very tables it parses with.
struct CommandHelp {
  std::string_view usage;
  const po::options_description& options;
  const po::positional_options_description& positional;
};

// Where --help goes. By default parse_options prints the help to stdout; the
// man page generator (src/man_main.cpp) installs a sink that receives the
// tables instead, so that fineprint(1) and --help come from one source.
using HelpSink = std::function<void(const CommandHelp&)>;
void set_help_sink(HelpSink sink);  // an empty sink: print (the default)

// Prints `fineprint: error: message` to stderr and returns 2.
int fail(const std::string& message);

// Standard input can be read once: 2 (said why) when `-` stands for more
// than one of the inputs (the rulebook and a claim, two rulebooks).
std::optional<int> stdin_at_most_once(const std::vector<std::string>& inputs);

}  // namespace fineprint::cli

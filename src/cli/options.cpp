#include "cli/options.hpp"

#include <algorithm>
#include <iostream>

#include "cli/exit_codes.hpp"

namespace fineprint::cli {

namespace {

HelpSink& help_sink() {
  static HelpSink sink;
  return sink;
}

}  // namespace

void set_help_sink(HelpSink sink) {
  help_sink() = std::move(sink);
}

int fail(const std::string& message) {
  std::cerr << "fineprint: error: " << message << "\n";
  return kExitCannot;
}

std::optional<int> stdin_at_most_once(const std::vector<std::string>& inputs) {
  if (std::count(inputs.begin(), inputs.end(), "-") > 1)
    return fail("standard input can be read once: give `-` for one input only");
  return std::nullopt;
}

std::optional<int> parse_options(const Args& args, std::string_view usage,
                                 po::options_description& options,
                                 const po::positional_options_description& positional,
                                 po::variables_map& vm) {
  options.add_options()("help,h", "show this help");
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
    if (vm.count("help")) {
      if (help_sink())
        help_sink()({usage, options, positional});
      else
        std::cout << "usage: " << usage << "\n\n" << options;
      return kExitOk;
    }
    po::notify(vm);
  } catch (const po::error& error) {
    return fail(std::string(error.what()) + " (see --help)");
  }
  return std::nullopt;
}

}  // namespace fineprint::cli

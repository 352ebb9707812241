// fineprint: dispatch to subcommands, `--help` and `help CMD`, `--version`,
// and a did-you-mean for a misspelt subcommand. Nothing else lives here.
#include <algorithm>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "core/did_you_mean.hpp"
#include "core/instant.hpp"

namespace {

void print_help() {
  std::cout << "fineprint " << FINEPRINT_VERSION
            << ": lint store rulebooks and resolve customer claims by the rules\n\n"
               "usage: fineprint <command> [options]\n\ncommands:\n";
  for (const auto& command : fineprint::cli::commands())
    std::cout << "  " << command.name << std::string(12 - command.name.size(), ' ')
              << command.summary << "\n";
  std::cout
      << "\nRun `fineprint help <command>` or `fineprint <command> --help` for a command's options.\n";
}

}  // namespace

int main(int argc, char** argv) {
  using namespace fineprint::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  // `fineprint help lint` is `fineprint lint --help`, as in git and cargo
  // (`claim new --help` for claim, whose options are its verb's).
  if (args.size() >= 2 && args[0] == "help") {
    std::string name = args[1];
    args = {name, "--help"};
    for (const auto& command : commands())
      if (command.name == name) args = help_args(command);
  }
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_help();
    return args.empty() ? kExitCannot : kExitOk;
  }
  if (args[0] == "--version" || args[0] == "-V") {
    std::cout << "fineprint " << FINEPRINT_VERSION << "\n";
    return kExitOk;
  }
  std::vector<std::string> names;
  for (const auto& command : commands()) {
    if (command.name != args[0]) {
      names.emplace_back(command.name);
      continue;
    }
    // date's list of zones, built while the command reads its options and
    // files; not for a command's --help, which would only wait for it.
    const bool help = std::any_of(args.begin(), args.end(), [](const std::string& arg) {
      return arg == "--help" || arg == "-h";
    });
    std::optional<fineprint::core::ZoneListWarmup> zones;
    if (command.reads_rulebook && !help) zones.emplace();
    return command.run(Args(args.begin() + 1, args.end()));
  }
  std::cerr << "fineprint: error: unknown command `" << args[0] << "`";
  if (auto suggestion = fineprint::core::did_you_mean(args[0], names))
    std::cerr << "; did you mean `" << *suggestion << "`?";
  std::cerr << " (see fineprint --help)\n";
  return kExitCannot;
}

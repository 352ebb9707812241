// The subcommand table: each entry's run function takes the arguments after
// its name and returns the process exit code (fineprint(1), EXIT STATUS: 0, 1 or 2).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fineprint::cli {

using Args = std::vector<std::string>;

struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(const Args& args);
  std::string_view verb;  // the one verb whose options the command has (`claim new`), or empty
  // Whether it reads a rulebook, and so needs date's list of zones: main
  // starts building it while the command reads its options and files.
  bool reads_rulebook = true;
};

// The table `fineprint --help`, `fineprint help CMD`, the completion scripts
// and fineprint(1) are made from.
const std::vector<Command>& commands();

// The arguments that show a command's options: `CMD [VERB] --help`.
Args help_args(const Command& command);

int run_lint(const Args& args);
int run_rules(const Args& args);
int run_explain(const Args& args);
int run_resolve(const Args& args);
int run_batch(const Args& args);
int run_price(const Args& args);
int run_test(const Args& args);
int run_diff(const Args& args);
int run_schema(const Args& args);
int run_completion(const Args& args);
int run_reply(const Args& args);
int run_terms(const Args& args);
int run_claim(const Args& args);

}  // namespace fineprint::cli

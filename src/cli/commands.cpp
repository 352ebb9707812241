#include "cli/commands.hpp"

namespace fineprint::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table{
      {"lint", "check rulebooks for mistakes and ambiguity", run_lint, ""},
      {"resolve", "decide claims by the rules", run_resolve, ""},
      {"batch", "decide a stream of JSON claims, one per line", run_batch, ""},
      {"reply", "write the letter to the customer about a claim's decision", run_reply, ""},
      {"terms", "print the published terms generated from the rulebook", run_terms, ""},
      {"claim",
       "write a claim from an order export: claim new --order FILE --from shopify|woocommerce",
       run_claim, "new"},
      {"price", "price an order: which promotions apply and why", run_price, ""},
      {"test", "run a rulebook's policy tests", run_test, ""},
      {"diff", "show what a rulebook change decides differently", run_diff, ""},
      {"rules", "list every lint rule", run_rules, "", false},
      {"explain", "show one lint rule's documentation", run_explain, "", false},
      {"schema", "print the JSON Schema of a rulebook, claim or decision", run_schema, "", false},
      {"completion", "print a shell completion script (bash, zsh or fish)", run_completion, "",
       false},
  };
  return table;
}

Args help_args(const Command& command) {
  Args args{std::string(command.name)};
  if (!command.verb.empty()) args.emplace_back(command.verb);
  args.emplace_back("--help");
  return args;
}

}  // namespace fineprint::cli

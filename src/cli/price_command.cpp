// `fineprint price [--rules PATH] FILE`: price the order of a claim file (or
// of a file with only [order] and [customer]) and show why.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/decision_support.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "cli/rulebook_option.hpp"
#include "engine/decision.hpp"
#include "report/price_report.hpp"

namespace fineprint::cli {

int run_price(const Args& args) {
  po::options_description options("price options");
  std::string format = "text", file;
  RulebookChoice rulebook_choice;
  declare_rulebook_options(options, rulebook_choice);
  options.add_options()("format", po::value(&format)->value_name("FORMAT"),
                        "text or json (default text)")(
      "lint-rules",
      "also run lint's checks on the rulebook and warn about their findings on stderr (default: the load-time checks only)")(
      "file", po::value(&file),
      "a claim file, or a file with just [order] and [customer] (- reads standard input)");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  if (auto done = parse_options(args, "fineprint price [--rules PATH] [--format text|json] FILE",
                                options, positional, vm))
    return *done;
  if (format != "text" && format != "json")
    return fail(fmt::format("--format must be text or json, not \"{}\"", format));
  if (file.empty()) return fail("price needs a file (see --help)");
  auto rules = chosen_rulebook(rulebook_choice, vm);
  if (!rules) return kExitCannot;
  if (auto done = stdin_at_most_once({*rules, file})) return *done;

  auto loaded = load_rules_for_claims(*rules, vm.count("lint-rules") > 0);
  if (!loaded) return kExitCannot;
  const model::Rulebook& rulebook = loaded->rulebook;
  load::ClaimLoadOptions claim_options;
  claim_options.order_only = true;
  load::LoadedClaim claim = load::load_claim_file(file, rulebook, claim_options);
  if (print_claim_diagnostics(claim.diagnostics)) return kExitCannot;
  const model::Order& order = claim.claim.order;
  const engine::CompiledRulebook compiled(rulebook);
  auto pricing = engine::price_order(compiled, order, claim.claim.customer);
  if (!pricing) return fail(pricing.error().message);
  report::PriceReport report{rulebook, order, *pricing, compiled.digest, compiled.version};
  std::cout << (format == "json" ? report::price_json(report) + "\n" : report::price_text(report));
  return kExitOk;
}

}  // namespace fineprint::cli

// `fineprint reply [--rules PATH] [--lang L] [--format text|markdown|html] CLAIM`:
// decide the claim as `resolve` does and print the letter to the customer.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/decision_support.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "cli/rulebook_option.hpp"
#include "engine/decision.hpp"
#include "i18n/formats.hpp"
#include "letters/render.hpp"
#include "letters/reply.hpp"

namespace fineprint::cli {

int run_reply(const Args& args) {
  po::options_description options("reply options");
  std::string format = "text", claim_path;
  std::optional<std::string> lang;
  RulebookChoice rulebook_choice;
  declare_rulebook_options(options, rulebook_choice);
  options.add_options()(
      "lang", po::value<std::string>()->value_name("L"),
      "the letter's language (default: the claim's customer.language, else the store's first language)")(
      "format", po::value(&format)->value_name("FORMAT"), "text, markdown or html (default text)")(
      "claim", po::value(&claim_path), "the claim file (TOML; - reads standard input)");
  add_goodwill_options(options);
  po::positional_options_description positional;
  positional.add("claim", 1);
  po::variables_map vm;
  if (auto done = parse_options(
          args, "fineprint reply [--rules PATH] [--lang L] [--format text|markdown|html] CLAIM",
          options, positional, vm))
    return *done;
  auto parsed_format = letters::parse_format(format);
  if (!parsed_format)
    return fail(fmt::format("--format must be text, markdown or html, not \"{}\"", format));
  if (claim_path.empty()) return fail("reply needs a claim file (see --help)");
  if (vm.count("lang")) lang = vm["lang"].as<std::string>();
  auto rules = chosen_rulebook(rulebook_choice, vm);
  if (!rules) return kExitCannot;
  if (auto done = stdin_at_most_once({*rules, claim_path})) return *done;
  if (auto done = check_goodwill_options(vm, 1)) return *done;

  if (lang) i18n::prepare(*lang);  // while the zones are being listed
  auto loaded = load_rules_for_claims(*rules, false);
  if (!loaded) return kExitCannot;
  const model::Rulebook& rulebook = loaded->rulebook;
  load::LoadedClaim claim = load::load_claim_file(claim_path, rulebook, {});
  if (print_claim_diagnostics(claim.diagnostics)) return kExitCannot;
  if (auto done = apply_goodwill_options(vm, claim.claim)) return *done;
  auto decision = engine::decide(rulebook, claim.claim);
  if (!decision) return fail(decision.error().message);
  auto letter = letters::reply_letter(rulebook, claim.claim, *decision,
                                      letters::reply_language(rulebook, claim.claim, lang));
  if (!letter) return fail(letter.error().message);
  std::cout << letters::render(*letter, *parsed_format);
  return kExitOk;
}

}  // namespace fineprint::cli

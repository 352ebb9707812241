// `fineprint terms [--rules PATH] [--lang L] [--format markdown|html|text]`:
// the published terms generated from the rulebook (`--locale` is the same
// option, under the name shared/spec/cli.md gives it).
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/decision_support.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "cli/rulebook_option.hpp"
#include "letters/render.hpp"
#include "letters/terms.hpp"

namespace fineprint::cli {

int run_terms(const Args& args) {
  po::options_description options("terms options");
  std::string format = "markdown";
  RulebookChoice rulebook_choice;
  declare_rulebook_options(options, rulebook_choice);
  options.add_options()("lang", po::value<std::string>()->value_name("L"),
                        "the language (default: the store's first language)")(
      "locale", po::value<std::string>()->value_name("L"), "the same as --lang")(
      "format", po::value(&format)->value_name("FORMAT"),
      "markdown, html or text (default markdown)");
  po::positional_options_description positional;
  po::variables_map vm;
  if (auto done = parse_options(
          args, "fineprint terms [--rules PATH] [--lang L] [--format markdown|html|text]", options,
          positional, vm))
    return *done;
  auto parsed_format = letters::parse_format(format);
  if (!parsed_format)
    return fail(fmt::format("--format must be markdown, html or text, not \"{}\"", format));
  if (vm.count("lang") && vm.count("locale") &&
      vm["lang"].as<std::string>() != vm["locale"].as<std::string>())
    return fail("--lang and --locale are the same option; give one language");
  auto rules = chosen_rulebook(rulebook_choice, vm);
  if (!rules) return kExitCannot;

  auto loaded = load_rules_for_claims(*rules, false);
  if (!loaded) return kExitCannot;
  const model::Rulebook& rulebook = loaded->rulebook;
  std::string language = vm.count("lang")     ? vm["lang"].as<std::string>()
                         : vm.count("locale") ? vm["locale"].as<std::string>()
                                              : rulebook.store.default_language();
  auto terms = letters::published_terms(rulebook, language);
  if (!terms) return fail(terms.error().message);
  std::cout << letters::render(*terms, *parsed_format);
  return kExitOk;
}

}  // namespace fineprint::cli

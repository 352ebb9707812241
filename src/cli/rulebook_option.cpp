#include "cli/rulebook_option.hpp"

namespace fineprint::cli {

void declare_config_options(po::options_description& options, ConfigChoice& choice) {
  options.add_options()(
      "config", po::value(&choice.file)->value_name("FILE"),
      "read settings from this file (default: the nearest fineprint.toml, from here up)")(
      "no-config", po::bool_switch(&choice.none), "read no fineprint.toml");
}

void declare_rulebook_options(po::options_description& options, RulebookChoice& choice,
                              const char* rules_help) {
  options.add_options()("rules", po::value(&choice.given)->value_name("PATH"), rules_help);
  declare_config_options(options, choice.config);
}

std::optional<std::string> chosen_rulebook(const RulebookChoice& choice,
                                           const po::variables_map& vm) {
  Config config;
  if (read_config(choice.config, config)) return std::nullopt;
  if (vm.count("rules")) return choice.given;
  return default_rulebook(config);
}

}  // namespace fineprint::cli

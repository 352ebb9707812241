// The options by which every command that reads a rulebook finds it, declared
// and settled in one place so that the precedence is the same everywhere
// (docs/config.md): a rulebook on the command line, else fineprint.toml's
// [rules] path, else ./rules; --config FILE names the settings file, and
// --no-config reads none.
#pragma once

#include <optional>
#include <string>

#include "cli/config_file.hpp"
#include "cli/options.hpp"

namespace fineprint::cli {

inline constexpr const char* kRulesHelp =
    "the rulebook file or directory (default: [rules] path of fineprint.toml, else ./rules; - reads standard input)";

// Declares --config FILE and --no-config (lint and test, which take their
// rulebooks as PATH arguments, declare only these).
void declare_config_options(po::options_description& options, ConfigChoice& choice);

// --rules PATH with --config and --no-config.
struct RulebookChoice {
  std::string given;  // --rules as written; used only when given
  ConfigChoice config;
};

// Declares --rules (with `rules_help`), --config and --no-config.
void declare_rulebook_options(po::options_description& options, RulebookChoice& choice,
                              const char* rules_help = kRulesHelp);

// The rulebook to read once the command line is parsed: --rules, else the
// config file's [rules] path, else ./rules. The config file is read (and its
// problems reported) even when --rules is given: a broken fineprint.toml is
// never silently passed over. nullopt once its problems are printed (exit 2).
std::optional<std::string> chosen_rulebook(const RulebookChoice& choice,
                                           const po::variables_map& vm);

}  // namespace fineprint::cli

// `fineprint.toml`, the project's settings for the commands (fineprint(1),
// docs/config.md): found by walking up from the current directory, like
// ruff's, unless --config names one or --no-config turns it off. A command
// line flag wins over the file.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace fineprint::cli {

struct Config {
  std::string path;  // the file read; empty when none
  // [lint]
  std::vector<std::string> select, ignore;
  std::optional<std::string> fail_on, as_of;
  // [rules] path, relative to the current directory (written relative to the file)
  std::optional<std::string> rules_path;
};

// Reads the config file into `config`: `explicit_path` when not empty, none
// when `disabled`, else the nearest fineprint.toml. Returns 2 having printed
// every problem (file:line:column: what was expected), or nullopt.
std::optional<int> read_config(const std::string& explicit_path, bool disabled, Config& config);

// The rulebook of a command given none (resolve, price, test): the nearest
// fineprint.toml's [rules] path, else ./rules; nullopt when that file is
// wrong (its problems printed).
std::optional<std::string> default_rules_path();

}  // namespace fineprint::cli

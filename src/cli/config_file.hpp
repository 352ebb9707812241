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

// Which file a command reads its settings from: --config FILE, --no-config.
struct ConfigChoice {
  std::string file;   // --config; empty: the nearest fineprint.toml
  bool none = false;  // --no-config
};

// Reads the config file into `config`: the chosen file, none with
// --no-config, else the nearest fineprint.toml. Returns 2 having printed
// every problem (file:line:column: what was expected), or nullopt.
std::optional<int> read_config(const ConfigChoice& choice, Config& config);

// The rulebook of a command whose command line names none: the file's
// [rules] path, else ./rules. The one place that default is written.
std::string default_rulebook(const Config& config);

}  // namespace fineprint::cli

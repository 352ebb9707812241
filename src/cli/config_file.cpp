#include "cli/config_file.hpp"

#include <filesystem>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "core/did_you_mean.hpp"
#include "load/toml_document.hpp"

namespace fineprint::cli {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kFileName = "fineprint.toml";

// The nearest fineprint.toml from the current directory up to the root.
std::optional<fs::path> find_config() {
  std::error_code error;
  fs::path dir = fs::current_path(error);
  if (error) return std::nullopt;
  for (;;) {
    fs::path candidate = dir / kFileName;
    if (fs::is_regular_file(candidate, error)) return candidate;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

// Collects the problems of one file, each `file:line:column: message`.
class ConfigReader {
 public:
  ConfigReader(std::string path, Config& config) : path_(std::move(path)), config_(config) {}

  void read(const toml::table& top) {
    for (auto&& [key, node] : top) {
      const std::string name(key.str());
      if (name == "lint" && node.is_table()) {
        read_lint(*node.as_table());
      } else if (name == "rules" && node.is_table()) {
        read_rules(*node.as_table());
      } else if (name == "lint" || name == "rules") {
        problem(node.source(), fmt::format("`{}` must be a table ([{}])", name, name));
      } else {
        unknown(key, "", {"lint", "rules"});
      }
    }
  }

  std::vector<std::string> problems;

 private:
  void problem(const toml::source_region& where, const std::string& message) {
    core::SourceRange at = load::range_of(where);
    problems.push_back(fmt::format("{}:{}:{}: {}", path_, at.line, at.column, message));
  }

  void unknown(const toml::key& key, std::string_view table,
               const std::vector<std::string>& known) {
    std::string name(key.str());
    std::string where = table.empty() ? "at the top level" : fmt::format("in [{}]", table);
    std::string message = fmt::format("unknown key `{}` {}; expected one of: {}", name, where,
                                      fmt::join(known, ", "));
    if (auto close = core::did_you_mean(name, known))
      message = fmt::format("unknown key `{}` {}; did you mean `{}`?", name, where, *close);
    problem(key.source(), message);
  }

  std::optional<std::string> text(const toml::node& node, std::string_view name) {
    if (auto value = node.value<std::string>()) return *value;
    problem(node.source(), fmt::format("`{}` must be a string", name));
    return std::nullopt;
  }

  void names(const toml::node& node, std::string_view name, std::vector<std::string>& out) {
    const toml::array* list = node.as_array();
    if (list == nullptr) {
      problem(node.source(),
              fmt::format("`{}` must be a list of rule or family names, like [\"time/\"]", name));
      return;
    }
    for (const auto& item : *list)
      if (auto value = text(item, name)) out.push_back(*value);
  }

  void read_lint(const toml::table& lint) {
    for (auto&& [key, node] : lint) {
      const std::string name(key.str());
      if (name == "select") {
        names(node, name, config_.select);
      } else if (name == "ignore") {
        names(node, name, config_.ignore);
      } else if (name == "fail-on") {
        config_.fail_on = text(node, name);
        if (config_.fail_on && !core::parse_severity(*config_.fail_on))
          problem(node.source(), fmt::format("`fail-on` must be error, warning or info, not \"{}\"",
                                             *config_.fail_on));
      } else if (name == "as-of") {
        read_as_of(node);
      } else {
        unknown(key, "lint", {"select", "ignore", "fail-on", "as-of"});
      }
    }
  }

  // An RFC 3339 instant, as a TOML offset date-time or a string.
  void read_as_of(const toml::node& node) {
    if (const auto* when = node.as_date_time(); when && when->get().offset) {
      std::ostringstream out;
      out << when->get();
      config_.as_of = out.str();
      return;
    }
    if (node.is_string()) {
      config_.as_of = node.value<std::string>();
      return;
    }
    problem(node.source(), "`as-of` must be an offset date-time like 2026-12-01T00:00:00+02:00");
  }

  void read_rules(const toml::table& rules) {
    for (auto&& [key, node] : rules) {
      if (key.str() != "path") {
        unknown(key, "rules", {"path"});
        continue;
      }
      auto written = text(node, "path");
      if (!written) continue;
      // Written relative to the file; used relative to the current directory.
      fs::path full = fs::path(path_).parent_path() / *written;
      config_.rules_path = fs::proximate(full).generic_string();
    }
  }

  std::string path_;
  Config& config_;
};

}  // namespace

std::optional<int> read_config(const ConfigChoice& choice, Config& config) {
  if (choice.none) return std::nullopt;
  // Standard input is kept for the rulebook or the claim a command reads.
  if (choice.file == "-")
    return fail("--config names a settings file; it cannot be standard input (`-`)");
  std::string path = choice.file;
  if (path.empty()) {
    auto found = find_config();
    if (!found) return std::nullopt;
    path = fs::proximate(*found).generic_string();
  }
  std::string error;
  auto content = load::read_file(path, error);
  if (!content) return fail(fmt::format("cannot read the config file {}: {}", path, error));
  core::Diagnostics diagnostics;
  auto table = load::parse_toml(*content, path, diagnostics);
  if (!table) {
    for (const auto& d : diagnostics)
      fail(fmt::format("{}:{}:{}: {}", d.where.file, d.where.line, d.where.column, d.message));
    return kExitCannot;
  }
  config.path = path;
  ConfigReader reader(path, config);
  reader.read(*table);
  for (const auto& problem : reader.problems) fail(problem);
  if (!reader.problems.empty()) return kExitCannot;
  return std::nullopt;
}

std::string default_rulebook(const Config& config) {
  return config.rules_path.value_or("rules");
}

}  // namespace fineprint::cli

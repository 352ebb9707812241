// `fineprint lint [PATH...]`: load each rulebook, run every rule, print the
// findings in the chosen format, exit by --fail-on (fineprint(1)).
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "cli/color.hpp"
#include "cli/commands.hpp"
#include "cli/config_file.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "cli/rule_selection.hpp"
#include "cli/rulebook_option.hpp"
#include "core/instant.hpp"
#include "lint/linter.hpp"
#include "load/table_reader.hpp"
#include "report/findings.hpp"

namespace fineprint::cli {

namespace {

namespace fs = std::filesystem;

// Writes each witness as `<family>-<rule>-<n>.toml` (the rule's `/` becomes
// `-` so that the name is one file, not a folder).
bool write_witnesses(const core::Diagnostics& findings, const std::string& dir) {
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) {
    fail(fmt::format("cannot create --witness-dir {}: {}", dir, error.message()));
    return false;
  }
  std::map<std::string, int> counters;
  for (const auto& finding : findings) {
    if (!finding.witness || finding.suppressed) continue;
    std::string name = finding.rule;
    for (char& c : name)
      if (c == '/') c = '-';
    fs::path path = fs::path(dir) / fmt::format("{}-{}.toml", name, ++counters[finding.rule]);
    std::ofstream out(path, std::ios::binary);
    out << finding.witness->claim_toml;
    if (!out) {
      fail(fmt::format("cannot write {}", path.string()));
      return false;
    }
  }
  return true;
}

// "100" → 100; anything but decimal digits (a sign, a fraction) is refused.
std::optional<std::size_t> parse_count(const std::string& text) {
  std::size_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// The command line as written: what the options table fills in.
struct LintRequest {
  std::vector<std::string> paths, select, ignore;
  std::string format = "text", fail_on = "error", as_of_text, witness_dir, max_findings_text;
  ConfigChoice config;         // --config, --no-config
  std::string color = "auto";  // --color
};

// What the command line means once checked.
struct LintSettings {
  core::Severity threshold = core::Severity::error;
  bool color = false;
  lint::LintOptions options;
  RuleSelection selection;
};

void declare_options(po::options_description& options, LintRequest& request) {
  options.add_options()("format", po::value(&request.format)->value_name("FORMAT"),
                        "text, json, sarif, github or junit")(
      "fail-on", po::value(&request.fail_on)->value_name("LEVEL"),
      "error, warning or info: exit 1 at or above it (default error)")(
      "as-of", po::value(&request.as_of_text)->value_name("INSTANT"),
      "judge dates relative to this launch instant (RFC 3339)")(
      "select", po::value(&request.select)->value_name("RULE"),
      "only these rules or families (e.g. time/); repeat or separate with commas")(
      "ignore", po::value(&request.ignore)->value_name("RULE"),
      "leave out these rules or families; repeat or separate with commas")(
      "witness-dir", po::value(&request.witness_dir)->value_name("DIR"),
      "write each finding's witness claim into DIR")(
      "max-findings", po::value(&request.max_findings_text)->value_name("N"),
      "per rule, show at most N findings, then one that gives the total (default 100; 0: no limit)")(
      "allow-incomplete",
      "exit 0 even when an exact analysis stopped at its budget (default: an unfinished proof fails like a finding at the --fail-on level)")(
      "color", po::value(&request.color)->value_name("WHEN"), kColorHelp);
  declare_config_options(options, request.config);
  options.add_options()(
      "path", po::value(&request.paths),
      "rulebook files or directories (default: [rules] path of fineprint.toml, else ./rules; - reads standard input)");
}

// fineprint.toml's [lint] settings, where the command line gives none.
void apply_config(const Config& config, const po::variables_map& vm, LintRequest& request) {
  if (!vm.count("select")) request.select = config.select;
  if (!vm.count("ignore")) request.ignore = config.ignore;
  if (!vm.count("fail-on") && config.fail_on) request.fail_on = *config.fail_on;
  if (!vm.count("as-of") && config.as_of) request.as_of_text = *config.as_of;
}

// Checks each option in the order they are documented and fills settings;
// the exit code of the first one that is wrong, having said why.
std::optional<int> settle_options(const LintRequest& request, const po::variables_map& vm,
                                  LintSettings& settings) {
  const std::string& format = request.format;
  if (format != "text" && format != "json" && format != "sarif" && format != "github" &&
      format != "junit")
    return fail(
        fmt::format("--format must be text, json, sarif, github or junit, not \"{}\"", format));
  auto color = use_color(request.color);
  if (!color)
    return fail(fmt::format("--color must be auto, always or never, not \"{}\"", request.color));
  settings.color = *color;
  auto threshold = core::parse_severity(request.fail_on);
  if (!threshold)
    return fail(
        fmt::format("--fail-on must be error, warning or info, not \"{}\"", request.fail_on));
  settings.threshold = *threshold;
  lint::LintOptions& lint_options = settings.options;
  if (!request.as_of_text.empty() || vm.count("as-of")) {
    const std::string& as_of_text = request.as_of_text;
    lint_options.as_of = core::parse_rfc3339(as_of_text);
    if (!lint_options.as_of)
      return fail(fmt::format(
          "--as-of \"{}\" is not an RFC 3339 instant like 2026-12-01T00:00:00+02:00", as_of_text));
    int year = core::rfc3339_written_year(as_of_text);
    if (!load::year_allowed(year)) return fail(load::year_message("--as-of", as_of_text, year));
  }
  if (vm.count("max-findings")) {
    auto limit = parse_count(request.max_findings_text);
    if (!limit)
      return fail(fmt::format("--max-findings must be a whole number (0: no limit), not \"{}\"",
                              request.max_findings_text));
    lint_options.max_findings = *limit;
  }
  if (auto problem = settings.selection.set(request.select, request.ignore)) return fail(*problem);
  return std::nullopt;
}

// Every rulebook, or nothing once one cannot be read (each problem said).
std::optional<std::vector<load::LoadedRulebook>> load_rulebooks(
    const std::vector<std::string>& paths) {
  std::vector<load::LoadedRulebook> rulebooks;
  for (const auto& path : paths) {
    rulebooks.push_back(load::load_rulebook({path}));
    if (!rulebooks.back().unreadable.empty()) {
      for (const auto& problem : rulebooks.back().unreadable) fail(problem);
      return std::nullopt;
    }
  }
  return rulebooks;
}

struct Linted {
  core::Diagnostics findings;  // sorted, only the selected rules
  report::SourceTexts sources;
  std::size_t files = 0;
};

Linted lint_all(const std::vector<load::LoadedRulebook>& rulebooks, const LintSettings& settings) {
  Linted linted;
  for (const auto& loaded : rulebooks) {
    for (auto& finding : lint::lint_rulebook(loaded, settings.options))
      if (settings.selection.keeps(finding.rule)) linted.findings.push_back(std::move(finding));
    for (const auto& file : loaded.rulebook.files) linted.sources[file.path] = file.content;
    linted.files += loaded.rulebook.files.size();
  }
  core::sort_diagnostics(linted.findings);
  return linted;
}

void print_findings(const std::string& format, const Linted& linted,
                    const std::vector<load::LoadedRulebook>& rulebooks,
                    const report::FailOn& fail_on, bool color) {
  const core::Diagnostics& findings = linted.findings;
  if (format == "json") {
    std::cout << report::findings_json(findings, linted.files);
  } else if (format == "sarif") {
    std::cout << report::findings_sarif(findings, linted.files);
  } else if (format == "junit") {
    std::vector<std::string> file_paths;
    for (const auto& loaded : rulebooks)
      for (const auto& file : loaded.rulebook.files) file_paths.push_back(file.path);
    std::cout << report::findings_junit(findings, file_paths, fail_on);
  } else if (format == "github") {
    std::cout << report::findings_github(findings, linted.files);
  } else {
    std::cout << report::findings_text(findings, linted.sources, linted.files, color);
  }
}

// Failed at a finding that fails the run (report::FailOn): an analysis that
// stopped at its budget proved nothing, so it is not a pass either, unless allowed.
int exit_code(const core::Diagnostics& findings, const report::FailOn& fail_on) {
  for (const auto& finding : findings)
    if (fail_on.fails(finding)) return kExitFailed;
  return kExitOk;
}

}  // namespace

int run_lint(const Args& args) {
  po::options_description options("lint options");
  LintRequest request;
  declare_options(options, request);
  po::positional_options_description positional;
  positional.add("path", -1);
  po::variables_map vm;
  if (auto done =
          parse_options(args, "fineprint lint [options] [PATH...]", options, positional, vm))
    return *done;

  Config config;
  if (auto done = read_config(request.config, config)) return *done;
  apply_config(config, vm, request);
  LintSettings settings;
  if (auto done = settle_options(request, vm, settings)) return *done;
  // A rule left out is not run at all (its analysis costs nothing).
  settings.options.runs = [&selection = settings.selection](std::string_view rule) {
    return selection.keeps(std::string(rule));
  };
  if (request.paths.empty()) request.paths.push_back(default_rulebook(config));
  if (auto done = stdin_at_most_once(request.paths)) return *done;

  auto rulebooks = load_rulebooks(request.paths);
  if (!rulebooks) return kExitCannot;
  Linted linted = lint_all(*rulebooks, settings);
  const report::FailOn fail_on{settings.threshold, vm.count("allow-incomplete") > 0};
  print_findings(request.format, linted, *rulebooks, fail_on, settings.color);
  if (!request.witness_dir.empty() && !write_witnesses(linted.findings, request.witness_dir))
    return kExitCannot;
  return exit_code(linted.findings, fail_on);
}

}  // namespace fineprint::cli

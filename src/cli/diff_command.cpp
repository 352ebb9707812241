// `fineprint diff OLD NEW [--rules PATH] [--format text|json|markdown]
// [--fail-on-change] [--claims FILE.jsonl|DIR] [--examples N] [--threads N]`:
// what a rulebook change decides differently (docs/diff.md). Each side is a
// rulebook path or git:REV[:PATH]. Exit 0, or 1 with --fail-on-change when
// something is decided differently; 2 when a side does not load.
#include <iostream>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/decision_support.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "cli/rulebook_option.hpp"
#include "diff/diff.hpp"
#include "diff/diff_report.hpp"
#include "diff/replay.hpp"
#include "diff/side.hpp"

namespace fineprint::cli {

namespace {

struct DiffArgs {
  std::vector<std::string> sides;
  RulebookChoice rules;
  std::string format = "text", claims;
  int examples = 10;
  int threads = 1;
  bool fail_on_change = false;
};

std::optional<load::LoadedRulebook> load_side(const diff::Side& side, const char* which) {
  auto loaded = load_rules_for_claims(side.path(), false, false);
  if (!loaded) fail(fmt::format("the {} side {} does not load", which, side.label()));
  return loaded;
}

std::string render(const diff::DiffReport& report, const std::string& format) {
  if (format == "json") return diff::diff_json(report);
  if (format == "markdown") return diff::diff_markdown(report);
  return diff::diff_text(report);
}

}  // namespace

int run_diff(const Args& args) {
  po::options_description options("diff options");
  DiffArgs a;
  unsigned cores = std::thread::hardware_concurrency();
  a.threads = cores == 0 ? 1 : static_cast<int>(cores);
  declare_rulebook_options(
      options, a.rules,
      "the rulebook PATH a git:REV side reads when it names none (default: [rules] path of fineprint.toml, else rules)");
  options.add_options()("format", po::value(&a.format)->value_name("FORMAT"),
                        "text, json or markdown (default text)")(
      "fail-on-change", "exit 1 when something is decided differently")(
      "claims", po::value(&a.claims)->value_name("PATH"),
      "also decide these claims both ways: JSON Lines (as batch reads them) or a folder of TOML claim files")(
      "examples", po::value(&a.examples)->value_name("N"),
      "how many changed claims to show (default 10)")(
      "threads", po::value(&a.threads)->value_name("N"),
      "threads pricing witness orders and deciding claims (default: all cores)")(
      "side", po::value(&a.sides), "OLD and NEW: a rulebook path or git:REV[:PATH]");
  po::positional_options_description positional;
  positional.add("side", 2);
  po::variables_map vm;
  if (auto done = parse_options(
          args,
          "fineprint diff OLD NEW [--format text|json|markdown] [--fail-on-change] [--claims PATH]",
          options, positional, vm))
    return *done;
  if (a.sides.size() != 2)
    return fail("diff needs two rulebooks, OLD and NEW (a path or git:REV[:PATH] each)");
  if (a.format != "text" && a.format != "json" && a.format != "markdown")
    return fail(fmt::format("--format must be text, json or markdown, not \"{}\"", a.format));
  if (a.examples < 0 || a.examples > 10000)
    return fail(fmt::format("--examples must be between 0 and 10000, not {}", a.examples));
  if (a.threads < 1 || a.threads > 1024)
    return fail(fmt::format("--threads must be between 1 and 1024, not {}", a.threads));
  a.fail_on_change = vm.count("fail-on-change") > 0;
  auto rules = chosen_rulebook(a.rules, vm);
  if (!rules) return kExitCannot;

  auto old_side = diff::Side::open(a.sides[0], *rules);
  if (!old_side) return fail(old_side.error().message);
  auto new_side = diff::Side::open(a.sides[1], *rules);
  if (!new_side) return fail(new_side.error().message);
  auto old_rules = load_side(*old_side, "OLD");
  if (!old_rules) return kExitCannot;
  auto new_rules = load_side(*new_side, "NEW");
  if (!new_rules) return kExitCannot;

  diff::DiffOptions diff_options;
  diff_options.threads = static_cast<unsigned>(a.threads);
  diff::DiffReport report =
      diff::diff_rulebooks(old_rules->rulebook, new_rules->rulebook, diff_options);
  report.old_label = a.sides[0];
  report.new_label = a.sides[1];
  if (!a.claims.empty()) {
    try {
      report.replay = diff::replay_claims(
          old_rules->rulebook, new_rules->rulebook, a.claims,
          {static_cast<unsigned>(a.threads), static_cast<std::size_t>(a.examples)});
    } catch (const std::runtime_error& error) {
      return fail(error.what());
    }
  }
  std::cout << render(report, a.format);
  // A comparison that stopped early cannot promise "no change".
  return a.fail_on_change && (report.changed() || !report.complete()) ? kExitFailed : kExitOk;
}

}  // namespace fineprint::cli

// `fineprint resolve [--rules PATH] CLAIM...`: decide each claim and print the
// decision record as text or JSON (JSON Lines for several claims).
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/decision_support.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "cli/rulebook_option.hpp"
#include "engine/decision.hpp"
#include "letters/render.hpp"
#include "letters/reply.hpp"
#include "report/decision_json.hpp"
#include "report/decision_text.hpp"

namespace fineprint::cli {

int run_resolve(const Args& args) {
  po::options_description options("resolve options");
  std::vector<std::string> claims;
  std::string format = "text", locale = "en";
  RulebookChoice rulebook_choice;
  declare_rulebook_options(options, rulebook_choice);
  options.add_options()("format", po::value(&format)->value_name("FORMAT"),
                        "text or json (default text)")(
      "explain", "text: add the trace of every rule considered")(
      "lint-rules",
      "also run lint's checks on the rulebook and warn about their findings on stderr (default: the load-time checks only)")(
      "locale", po::value(&locale)->value_name("LOCALE"),
      "language of the explanations (only en so far)")(
      "reply", po::value<std::string>()->value_name("L"),
      "json: add the letter to the customer in this language as `reply` (see fineprint reply)")(
      "claim", po::value(&claims), "claim files (TOML; - reads standard input)");
  add_goodwill_options(options);
  po::positional_options_description positional;
  positional.add("claim", -1);
  po::variables_map vm;
  if (auto done = parse_options(args, "fineprint resolve [--rules PATH] [options] CLAIM...",
                                options, positional, vm))
    return *done;
  if (format != "text" && format != "json")
    return fail(fmt::format("--format must be text or json, not \"{}\"", format));
  if (locale != "en")
    return fail(
        fmt::format("--locale \"{}\" is not available; explanations exist in en only", locale));
  if (claims.empty()) return fail("resolve needs at least one claim file (see --help)");
  if (vm.count("reply") && format != "json")
    return fail("--reply adds a field to the JSON record: use it with --format json");
  const bool explain = vm.count("explain") > 0;
  auto rules = chosen_rulebook(rulebook_choice, vm);
  if (!rules) return kExitCannot;
  std::vector<std::string> inputs = claims;
  inputs.push_back(*rules);
  if (auto done = stdin_at_most_once(inputs)) return *done;
  if (auto done = check_goodwill_options(vm, claims.size())) return *done;

  auto loaded = load_rules_for_claims(*rules, vm.count("lint-rules") > 0);
  if (!loaded) return kExitCannot;
  const model::Rulebook& rulebook = loaded->rulebook;

  // Every claim is loaded before any is decided: one invalid claim means the
  // job cannot be done, and no partial output is printed.
  std::vector<model::Claim> valid;
  bool invalid = false;
  for (const auto& path : claims) {
    load::LoadedClaim claim = load::load_claim_file(path, rulebook, {});
    if (print_claim_diagnostics(claim.diagnostics)) {
      invalid = true;
      continue;
    }
    valid.push_back(std::move(claim.claim));
  }
  if (invalid) return kExitCannot;
  if (auto done = apply_goodwill_options(vm, valid.front())) return *done;

  std::string out;
  const engine::CompiledRulebook compiled(rulebook);  // once for every claim
  for (std::size_t i = 0; i < valid.size(); ++i) {
    auto decision = engine::decide(compiled, valid[i]);
    if (!decision) return fail(decision.error().message);
    if (format == "json") {
      std::optional<report::ReplyField> reply;
      if (vm.count("reply")) {
        const std::string language = vm["reply"].as<std::string>();
        auto letter = letters::reply_letter(rulebook, valid[i], *decision, language);
        if (!letter) return fail(letter.error().message);
        reply = report::ReplyField{language, letters::render(*letter, letters::Format::text)};
      }
      out += report::decision_json(*decision, valid.size() == 1, reply ? &*reply : nullptr);
      out += '\n';
    } else {
      if (i > 0) out += '\n';
      out += report::decision_text(*decision, explain);
    }
  }
  std::cout << out;
  return kExitOk;
}

}  // namespace fineprint::cli

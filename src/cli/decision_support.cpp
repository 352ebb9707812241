#include "cli/decision_support.hpp"

#include <iostream>

#include <fmt/format.h>

#include "cli/cache_directory.hpp"
#include "cli/options.hpp"
#include "lint/linter.hpp"
#include "report/findings.hpp"

namespace fineprint::cli {

std::optional<load::LoadedRulebook> load_rules_for_claims(const std::string& path, bool warn,
                                                          bool cached) {
  load::LoadedRulebook loaded =
      load::load_rulebook({path}, cached ? rulebook_cache() : load::RulebookCache{});
  if (!loaded.unreadable.empty()) {
    for (const auto& problem : loaded.unreadable) fail(problem);
    return std::nullopt;
  }
  report::SourceTexts sources;
  for (const auto& file : loaded.rulebook.files) sources[file.path] = file.content;
  if (!loaded.ok()) {
    core::Diagnostics errors;
    for (const auto& d : loaded.diagnostics)
      if (d.severity == core::Severity::error) errors.push_back(d);
    core::sort_diagnostics(errors);
    std::cerr << report::finding_blocks(errors, sources);
    std::cerr << fmt::format(
        "fineprint: error: the rulebook {} does not load; fix the errors above\n", path);
    return std::nullopt;
  }
  if (warn) {
    // Asked for with --lint-rules (the analysis can be costly on a large
    // rulebook, so it is not run by default). Semantic findings never block a
    // decision: even an error-level finding (an ambiguous overlap) is shown
    // as a warning here; `lint` is the gate.
    core::Diagnostics warnings;
    for (auto& d : lint::lint_rulebook(loaded, {})) {
      if (d.severity < core::Severity::warning) continue;
      d.severity = core::Severity::warning;
      warnings.push_back(std::move(d));
    }
    std::cerr << report::finding_blocks(warnings, sources);
  }
  return loaded;
}

bool print_claim_diagnostics(const core::Diagnostics& diagnostics) {
  bool errors = false;
  for (const auto& d : diagnostics) {
    if (d.severity == core::Severity::error) {
      fail(load::claim_error_text(d));
      errors = true;
    } else if (!d.suppressed) {
      std::cerr << "fineprint: " << core::severity_name(d.severity) << ": "
                << load::claim_error_text(d) << "\n";
    }
  }
  return errors;
}

void add_goodwill_options(po::options_description& options) {
  options.add_options()(
      "goodwill", po::value<std::string>(),
      "grant this [[goodwill]] gesture with the claim (recorded as the decision's `goodwill` part; refused when the claim is not eligible)")(
      "note", po::value<std::string>(), "with --goodwill: why the gesture is granted");
}

std::optional<int> check_goodwill_options(const po::variables_map& vm, std::size_t claims) {
  if (vm.count("note") && !vm.count("goodwill"))
    return fail("--note goes with --goodwill ID: the note says why that gesture is granted");
  if (vm.count("goodwill") && claims != 1)
    return fail("--goodwill grants a gesture with one claim: give exactly one claim file");
  return std::nullopt;
}

std::optional<int> apply_goodwill_options(const po::variables_map& vm, model::Claim& claim) {
  if (!vm.count("goodwill")) return std::nullopt;
  model::GoodwillChoice choice{vm["goodwill"].as<std::string>(), std::nullopt};
  if (vm.count("note")) choice.note = vm["note"].as<std::string>();
  claim.goodwill = std::move(choice);
  return std::nullopt;
}

}  // namespace fineprint::cli

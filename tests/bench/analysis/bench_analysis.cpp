// Benchmark driver for the exact analysis (not a ctest test): loads each
// rulebook given, then times the loader, the promotion analysis, the returns
// table analysis and every semantic check (once, cold; the rest best of 3), in milliseconds.
//
// usage: fineprint_bench_analysis RULEBOOK.toml...
#include <chrono>
#include <cstdio>
#include <functional>

#include "analysis/promotion_analysis.hpp"
#include "analysis/returns_analysis.hpp"
#include "lint/registry.hpp"
#include "load/rulebook_loader.hpp"

namespace {

double best_ms(const std::function<void()>& run) {
  double best = 1e300;
  for (int i = 0; i < 3; ++i) {
    auto start = std::chrono::steady_clock::now();
    run();
    std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    best = std::min(best, took.count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace fineprint;
  std::printf(
      "| rulebook | promotions | returns rules | load (ms) | promotions (ms) | returns table (ms) "
      "| all semantic checks (ms) | findings |\n");
  std::printf("|---|---:|---:|---:|---:|---:|---:|---:|\n");
  for (int i = 1; i < argc; ++i) {
    load::LoadedRulebook loaded;
    double load = best_ms([&] { loaded = load::load_rulebook({argv[i]}); });
    const model::Rulebook& r = loaded.rulebook;
    double promos = best_ms([&] { (void)analysis::analyse_promotions(r); });
    double table = best_ms([&] {
      analysis::Budget budget;
      (void)analysis::analyse_table(r, budget);
    });
    // Once, cold: the checks share per-rulebook caches that a second run would hit.
    core::Diagnostics out;
    auto start = std::chrono::steady_clock::now();
    lint::LintContext context{r, std::nullopt};
    for (const auto& rule : lint::registry())  // the semantic rules
      if (rule.when == lint::RunWhen::clean_load) rule.check(context, out);
    double checks =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::size_t findings = out.size();
    std::printf("| %s | %zu | %zu | %.0f | %.0f | %.0f | %.0f | %zu |\n", argv[i],
                r.promotions.size(), r.returns ? r.returns->rules.size() : 0, load, promos, table,
                checks, findings);
  }
  return 0;
}

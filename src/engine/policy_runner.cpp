#include "engine/policy_runner.hpp"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "load/claim_file.hpp"

namespace fineprint::engine {

namespace {

std::string or_none(const std::string& text) {
  return text.empty() ? "(none)" : text;
}

}  // namespace

std::vector<Mismatch> compare_expectations(const load::Expect& expect, const Decision& d) {
  std::vector<Mismatch> out;
  const int digits = d.currency.minor_digits;
  auto money = [&](core::Minor m) { return core::format_money(m, digits); };
  if (expect.verdict && *expect.verdict != verdict_name(d.verdict))
    out.push_back({"verdict", *expect.verdict, std::string(verdict_name(d.verdict))});
  if (expect.amount && *expect.amount != d.amount)
    out.push_back({"amount", money(*expect.amount), money(d.amount)});
  if (expect.rule) {
    if (d.items.size() != 1) {
      out.push_back({"rule", *expect.rule,
                     fmt::format("a claim with {} items (`rule` checks a single-item return claim)",
                                 d.items.size())});
    } else if (d.items.front().rule != *expect.rule) {
      out.push_back({"rule", *expect.rule, or_none(d.items.front().rule)});
    }
  }
  if (expect.items) {
    const auto& want = *expect.items;
    if (want.size() != d.items.size())
      out.push_back(
          {"items", fmt::format("{} items", want.size()), fmt::format("{} items", d.items.size())});
    for (std::size_t i = 0; i < std::min(want.size(), d.items.size()); ++i) {
      const auto& w = want[i];
      const auto& g = d.items[i];
      std::string at = fmt::format("items[{}]", i + 1);
      if (w.sku != g.sku) {
        out.push_back({at + ".sku", w.sku, g.sku});
        continue;
      }
      if (w.outcome && *w.outcome != model::outcome_name(g.outcome))
        out.push_back({at + ".outcome", *w.outcome, std::string(model::outcome_name(g.outcome))});
      if (w.rule && *w.rule != g.rule) out.push_back({at + ".rule", *w.rule, or_none(g.rule)});
      if (w.amount && *w.amount != g.amount)
        out.push_back({at + ".amount", money(*w.amount), money(g.amount)});
    }
  }
  if (expect.applied) {
    std::vector<std::string> want = *expect.applied;
    std::vector<std::string> got = d.pricing ? d.pricing->applied() : std::vector<std::string>{};
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    if (want != got)
      out.push_back({"applied", fmt::format("[{}]", fmt::join(want, ", ")),
                     fmt::format("[{}]", fmt::join(got, ", "))});
  }
  if (expect.offers) {
    std::vector<std::string> want = *expect.offers, got;
    for (const auto& offer : d.goodwill_offers)
      if (offer.eligible) got.push_back(offer.id);
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    if (want != got)
      out.push_back({"offers", fmt::format("[{}]", fmt::join(want, ", ")),
                     fmt::format("[{}]", fmt::join(got, ", "))});
  }
  return out;
}

void Exercised::add(const Decision& decision) {
  for (const auto& item : decision.items)
    for (const auto& step : item.trace)
      if (step.kind == model::MatchKind::matched) rules.insert(step.rule);
  if (decision.pricing)
    for (const auto& id : decision.pricing->applied()) promotions.insert(id);
}

Coverage coverage(const model::Rulebook& rulebook, const Exercised& exercised) {
  Coverage out;
  if (rulebook.returns) {
    for (const auto& rule : rulebook.returns->rules) {
      ++out.total;
      if (exercised.rules.count(rule.id.value)) {
        ++out.exercised;
      } else {
        out.missed.push_back(fmt::format("returns rule `{}`", rule.id.value));
      }
    }
  }
  for (const auto& promotion : rulebook.promotions) {
    ++out.total;
    if (exercised.promotions.count(promotion.id.value)) {
      ++out.exercised;
    } else {
      out.missed.push_back(fmt::format("promotion `{}`", promotion.id.value));
    }
  }
  return out;
}

bool below(const Coverage& c, core::BasisPoints threshold) {
  return c.total > 0 && static_cast<core::Wide>(c.exercised) * core::kHundredPercent <
                            static_cast<core::Wide>(threshold) * c.total;
}

namespace fs = std::filesystem;

fs::path policy_tests_base(const std::string& root) {
  std::error_code error;
  return fs::is_directory(root, error) ? fs::path(root) : fs::path(root).parent_path() / "tests";
}

std::vector<std::string> policy_test_files(const std::string& root) {
  std::vector<std::string> out;
  std::error_code error;
  fs::path base = policy_tests_base(root);
  if (!fs::is_directory(base, error)) return out;
  bool is_tests = !fs::is_directory(root, error);
  fs::recursive_directory_iterator it(base, fs::directory_options::none, error), end;
  for (; !error && it != end; it.increment(error)) {
    if (!it->is_regular_file(error) || it->path().extension() != ".toml") continue;
    fs::path relative = it->path().lexically_relative(base);
    bool under_tests = is_tests;
    for (auto part = relative.begin(); part != relative.end() && std::next(part) != relative.end();
         ++part)
      under_tests = under_tests || *part == "tests";
    if (under_tests) out.push_back(it->path().generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

PolicyTestResult run_policy_test(const std::string& path, const CompiledRulebook& rules,
                                 Exercised& exercised) {
  const model::Rulebook& rulebook = rules.rulebook;
  PolicyTestResult result{path, fs::path(path).stem().string(), {}};
  auto cannot_run = [&result](std::string problem) {
    result.problems.push_back(std::move(problem));
    result.error = true;
    return result;
  };
  load::ClaimLoadOptions options;
  options.allow_expect = true;
  load::LoadedClaim claim = load::load_claim_file(path, rulebook, options);
  if (!claim.ok()) {
    for (const auto& d : claim.diagnostics)
      if (d.severity == core::Severity::error)
        result.problems.push_back("invalid: " + load::claim_error_text(d));
    result.error = true;
    return result;
  }
  if (!claim.has_claim) return cannot_run("not a claim: the file has no [claim] table");
  if (!claim.expect) return cannot_run("no [expect] table: a policy test says what it expects");
  auto decision = decide(rules, claim.claim);
  if (!decision) return cannot_run(decision.error().message);
  exercised.add(*decision);
  for (const auto& m : compare_expectations(*claim.expect, *decision))
    result.problems.push_back(fmt::format("{}: expected {}, got {}", m.what, m.expected, m.got));
  return result;
}

PolicySuiteResult run_policy_suite(const std::string& root, const model::Rulebook& rulebook,
                                   Exercised& exercised) {
  PolicySuiteResult suite{root, {}};
  const CompiledRulebook rules(rulebook);
  for (const auto& file : policy_test_files(root))
    suite.tests.push_back(run_policy_test(file, rules, exercised));
  return suite;
}

}  // namespace fineprint::engine

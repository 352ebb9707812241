#include "lint/linter.hpp"

#include <map>

#include <fmt/format.h>

#include "core/did_you_mean.hpp"
#include "lint/registry.hpp"

namespace fineprint::lint {

namespace {

// `allow` names rules; a misspelt name would silence nothing, so it is an error.
void check_allow_names(const model::Allow& allow, std::string_view owner, core::Diagnostics& out) {
  std::vector<std::string> names;
  for (const auto& rule : registry()) names.emplace_back(rule.name);
  for (const auto& [rule, reason] : allow.reasons) {
    const RuleDescriptor* descriptor = find_rule(rule);
    if (descriptor && descriptor->when != RunWhen::loader) continue;
    std::string message =
        descriptor ? fmt::format("`allow` in {} names {}, a load error that cannot be suppressed",
                                 owner, rule)
                   : fmt::format("`allow` in {} names \"{}\", which is no lint rule", owner, rule);
    if (!descriptor)
      if (auto suggestion = core::did_you_mean(rule, names))
        message += fmt::format("; did you mean \"{}\"?", *suggestion);
    core::Diagnostic diagnostic = finding("schema/unknown-key", std::move(message), reason.where);
    out.push_back(std::move(diagnostic));
  }
}

// Subject (promotion id, or "returns") → its `allow` table, built once: a
// rulebook of 10,000 promotions can have as many findings.
std::map<std::string, const model::Allow*> allow_tables(const model::Rulebook& rulebook) {
  std::map<std::string, const model::Allow*> tables;
  // A duplicate id is already an error; the first promotion keeps the name.
  for (const auto& promotion : rulebook.promotions)
    tables.emplace(promotion.id.value, &promotion.allow);
  if (rulebook.returns) tables["returns"] = &rulebook.returns->allow;
  return tables;
}

}  // namespace

core::Diagnostics lint_rulebook(const load::LoadedRulebook& loaded, const LintOptions& options) {
  core::Diagnostics out = loaded.diagnostics;
  const model::Rulebook& rulebook = loaded.rulebook;
  bool clean = !core::has_errors(loaded.diagnostics) && loaded.unreadable.empty();
  LintContext context{rulebook, options.as_of};
  for (const auto& rule : registry()) {
    if (!rule.check || rule.when == RunWhen::loader) continue;
    if (rule.when == RunWhen::clean_load && !clean) continue;
    rule.check(context, out);
  }
  for (const auto& promotion : rulebook.promotions)
    check_allow_names(promotion.allow, fmt::format("promotion {}", promotion.id.value), out);
  if (rulebook.returns) check_allow_names(rulebook.returns->allow, "[returns]", out);

  auto tables = allow_tables(rulebook);
  for (auto& diagnostic : out) {
    if (diagnostic.subject.empty()) continue;
    auto table = tables.find(diagnostic.subject);
    if (table == tables.end()) continue;
    auto it = table->second->reasons.find(diagnostic.rule);
    if (it != table->second->reasons.end()) diagnostic.suppressed = it->second.value;
  }
  core::sort_diagnostics(out);
  return out;
}

}  // namespace fineprint::lint

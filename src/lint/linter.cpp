#include "lint/linter.hpp"

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

const model::Allow* allow_for(const model::Rulebook& rulebook, const std::string& subject) {
  if (subject.empty()) return nullptr;
  if (subject == "returns") return rulebook.returns ? &rulebook.returns->allow : nullptr;
  for (const auto& promotion : rulebook.promotions)
    if (promotion.id.value == subject) return &promotion.allow;
  return nullptr;
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

  for (auto& diagnostic : out) {
    const model::Allow* allow = allow_for(rulebook, diagnostic.subject);
    if (!allow) continue;
    auto it = allow->reasons.find(diagnostic.rule);
    if (it != allow->reasons.end()) diagnostic.suppressed = it->second.value;
  }
  core::sort_diagnostics(out);
  return out;
}

}  // namespace fineprint::lint

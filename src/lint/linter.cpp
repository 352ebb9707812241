#include "lint/linter.hpp"

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>

#include <fmt/format.h>

#include "core/count_text.hpp"
#include "core/did_you_mean.hpp"
#include "lint/registry.hpp"
#include "load/load_rules.hpp"

namespace fineprint::lint {

namespace {

// `allow` names rules; a misspelt name would silence nothing, so it is an error.
void check_allow_names(const model::Allow& allow, std::string_view owner, core::Diagnostics& out) {
  std::vector<std::string> names;
  for (const auto& rule : registry()) names.emplace_back(rule.name);
  for (const auto& [rule, reason] : allow.reasons) {
    const Rule* descriptor = find_rule(rule);
    if (descriptor && descriptor->when != RunWhen::loader) continue;
    std::string message =
        descriptor ? fmt::format("`allow` in {} names {}, a load error that cannot be suppressed",
                                 owner, rule)
                   : fmt::format("`allow` in {} names \"{}\", which is no lint rule", owner, rule);
    if (!descriptor)
      if (auto suggestion = core::did_you_mean(rule, names))
        message += fmt::format("; did you mean \"{}\"?", *suggestion);
    out.push_back(finding(load::kSchemaUnknownKey, std::move(message), reason.where));
  }
}

// Subject (promotion id, or "returns") → its `allow` table, built once: a
// rulebook of 10,000 promotions can have as many findings.
AllowTables allow_tables(const model::Rulebook& rulebook) {
  AllowTables tables;
  // A duplicate id is already an error; the first promotion keeps the name.
  for (const auto& promotion : rulebook.promotions)
    tables.emplace(promotion.id.value, &promotion.allow);
  if (rulebook.returns) tables["returns"] = &rulebook.returns->allow;
  return tables;
}

// The reason an `allow` table gives for `rule` about `subject`, if any.
const std::string* allowed(const AllowTables& tables, const std::string& rule,
                           std::string_view subject) {
  if (subject.empty()) return nullptr;
  auto table = tables.find(subject);
  if (table == tables.end()) return nullptr;
  auto it = table->second->reasons.find(rule);
  return it == table->second->reasons.end() ? nullptr : &it->second.value;
}

std::string counted(std::string_view rule, std::size_t total) {
  if (rule == "returns/overlap")
    return fmt::format("{} pairs of rules overlap", core::grouped(total));
  if (rule == "promo/ambiguous-overlap")
    return fmt::format("{} pairs of promotions can both apply and neither wins",
                       core::grouped(total));
  return fmt::format("{} has {} findings", rule, core::grouped(total));
}

// The finding that stands for those past --max-findings: the rule's, at the
// first one shown; suppressed only when every one not shown is.
core::Diagnostic summary_finding(const Rule& rule, const core::SourceRange& where,
                                 std::size_t shown, std::size_t total, bool all_allowed) {
  core::Diagnostic d = finding(
      rule,
      fmt::format("{}; {} shown (--max-findings)", counted(rule.name, total), core::grouped(shown)),
      where,
      fmt::format(
          "fix the ones shown and lint again; `fineprint lint --max-findings 0` lists all {}",
          core::grouped(total)));
  if (all_allowed)
    d.suppressed = fmt::format("all {} not shown are allowed in their `allow` tables",
                               core::grouped(total - shown));
  return d;
}

// The findings no check function makes (the loader's, and `allow` names):
// already built, so only the output is capped, per rule in their order.
void cap_loader_findings(core::Diagnostics& out, std::size_t limit) {
  struct Count {
    std::size_t total = 0;
    Rule rule;  // the registry's, or (a name it lacks) the first finding's severity
    core::SourceRange where;
  };
  std::map<std::string, Count, std::less<>> counts;
  std::size_t kept = 0;
  for (auto& d : out) {
    const Rule* rule = find_rule(d.rule);
    bool checked = rule && rule->check && rule->when != RunWhen::loader;
    if (!checked) {
      auto entry = counts.try_emplace(d.rule).first;  // the key outlives c.rule's name
      Count& c = entry->second;
      if (c.total++ == 0) {
        c.rule = rule ? *rule : Rule{.name = entry->first, .severity = d.severity};
        c.where = d.where;
      }
      if (c.total > limit) continue;
    }
    if (&out[kept] != &d) out[kept] = std::move(d);
    ++kept;
  }
  out.erase(out.begin() + static_cast<std::ptrdiff_t>(kept), out.end());
  for (const auto& [rule, c] : counts)
    if (c.total > limit) out.push_back(summary_finding(c.rule, c.where, limit, c.total, false));
}

}  // namespace

void FindingCap::start(std::string_view rule, const AllowTables* tables) {
  rule_ = std::string(rule);
  tables_ = tables;
  seen_ = dropped_ = dropped_unsuppressed_ = 0;
}

bool FindingCap::keep(std::string_view subject) {
  if (limit_ == 0 || seen_ < limit_) {
    ++seen_;
    return true;
  }
  drop(subject, 1);
  return false;
}

void FindingCap::drop(std::string_view subject, std::size_t count) {
  seen_ += count;
  dropped_ += count;
  if (!tables_ || !allowed(*tables_, rule_, subject)) dropped_unsuppressed_ += count;
}

core::Diagnostics lint_rulebook(const load::LoadedRulebook& loaded, const LintOptions& options) {
  core::Diagnostics out = loaded.diagnostics;
  const model::Rulebook& rulebook = loaded.rulebook;
  bool clean = !core::has_errors(loaded.diagnostics) && loaded.unreadable.empty();
  auto tables = allow_tables(rulebook);
  FindingCap cap(options.max_findings);
  LintContext context{rulebook, options.as_of, &cap, &options.runs};
  for (const auto& rule : registry()) {
    if (!rule.check || rule.when == RunWhen::loader) continue;
    if (rule.when == RunWhen::clean_load && !clean) continue;
    if (options.runs && !options.runs(rule.name)) continue;
    std::size_t start = out.size();
    cap.start(rule.name, &tables);
    rule.check(context, out);
    // A check that does not ask keep() (its findings are few) is cut here.
    std::size_t built = out.size() - start, limit = options.max_findings;
    std::size_t total = built + cap.dropped(), unsuppressed = cap.dropped_unsuppressed();
    if (limit == 0 || total <= limit) continue;
    std::string rule_name(rule.name);
    bool incomplete = false;  // a note that the analysis stopped, among those cut
    for (std::size_t i = start + std::min(built, limit); i < out.size(); ++i) {
      if (!allowed(tables, rule_name, out[i].subject)) ++unsuppressed;
      incomplete = incomplete || out[i].incomplete;
    }
    if (built > limit)
      out.erase(out.begin() + static_cast<std::ptrdiff_t>(start + limit), out.end());
    std::size_t shown = out.size() - start;
    out.push_back(summary_finding(rule, out[start].where, shown, total, unsuppressed == 0));
    if (incomplete) {
      out.back().incomplete = true;
      out.back().notes.push_back(
          "among those not shown, the exact analysis stopped early for some (see --allow-incomplete)");
    }
  }
  for (const auto& promotion : rulebook.promotions)
    check_allow_names(promotion.allow, fmt::format("promotion {}", promotion.id.value), out);
  if (rulebook.returns) check_allow_names(rulebook.returns->allow, "[returns]", out);
  if (options.max_findings != 0) cap_loader_findings(out, options.max_findings);

  for (auto& diagnostic : out)
    if (auto reason = allowed(tables, diagnostic.rule, diagnostic.subject))
      diagnostic.suppressed = *reason;
  core::sort_diagnostics(out);
  return out;
}

}  // namespace fineprint::lint

// A lint rule is one `Rule` value, defined with FINEPRINT_LINT_RULE beside
// its check (or, for the rules the loader reports, in load/load_rules.cpp).
// The build lists every such definition (src/lint/rule_list.cmake), so the
// registry needs no hand-kept list: `lint`, `rules` and `explain` all read
// it, and the documentation cannot drift from the checks. Every finding is
// built from its Rule by finding(), so the severity a user sees is the
// registry's.
#pragma once

#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"
#include "lint/rule.hpp"

namespace fineprint::lint {

// Written with designated initializers beside the check, e.g.
//   FINEPRINT_LINT_RULE(kPromoShadowed){.name = "promo/shadowed", .severity = ..., .check = ...};
struct Rule {
  std::string_view name{};  // family/rule
  core::Severity severity = core::Severity::error;
  std::string_view summary{};  // one line, for `fineprint rules`
  std::string_view doc{};      // what it catches
  std::string_view why{};      // why it matters
  std::string_view example{};  // a TOML snippet that fires it
  std::string_view fix{};      // how to fix it
  RunWhen when = RunWhen::loader;
  CheckFunction check = nullptr;  // null for loader rules
};

// Defines the rule `rule_name` (a `const Rule`, at namespace scope in a named
// namespace) and so registers it: the build finds this macro at the start of
// a line and lists the rule in the registry. The extern declaration gives the
// const value the external linkage the generated list needs.
#define FINEPRINT_LINT_RULE(rule_name)            \
  extern const ::fineprint::lint::Rule rule_name; \
  const ::fineprint::lint::Rule rule_name

// Builds a finding of `rule`, with its severity.
core::Diagnostic finding(const Rule& rule, std::string message, core::SourceRange where,
                         std::string help = {}, std::string subject = {});

// The registry's list: references to the rules' own values, in the order
// `fineprint rules` prints them, iterated as `const Rule&`.
class RuleList {
 public:
  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Rule;
    using difference_type = std::ptrdiff_t;
    using pointer = const Rule*;
    using reference = const Rule&;

    Iterator() = default;
    explicit Iterator(std::vector<const Rule*>::const_iterator at) : at_(at) {}
    const Rule& operator*() const { return **at_; }
    const Rule* operator->() const { return *at_; }
    Iterator& operator++() {
      ++at_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator old = *this;
      ++at_;
      return old;
    }
    bool operator==(const Iterator&) const = default;

   private:
    std::vector<const Rule*>::const_iterator at_;
  };

  explicit RuleList(std::vector<const Rule*> rules) : rules_(std::move(rules)) {}
  Iterator begin() const { return Iterator(rules_.begin()); }
  Iterator end() const { return Iterator(rules_.end()); }
  std::size_t size() const { return rules_.size(); }
  const Rule& operator[](std::size_t i) const { return *rules_[i]; }

 private:
  std::vector<const Rule*> rules_;
};

// Every rule, sorted by family in the order a rulebook is checked (schema,
// refs, money, time, promo, returns, law, text, then any other family by
// name) and by name within a family: the order `fineprint rules` prints.
const RuleList& registry();
const Rule* find_rule(std::string_view name);

}  // namespace fineprint::lint

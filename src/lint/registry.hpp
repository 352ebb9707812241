// A lint rule is one `Rule` value, defined beside its check (or, for the
// rules the loader reports, in load/load_rules.hpp), and the registry is the
// explicit list of them: `lint`, `rules` and `explain` all read it, so the
// documentation cannot drift from the checks. Every finding is built from its
// Rule by finding(), so the severity a user sees is the registry's.
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
//   const Rule kPromoShadowed{.name = "promo/shadowed", .severity = ..., .check = check_shadowed};
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

const RuleList& registry();
const Rule* find_rule(std::string_view name);

}  // namespace fineprint::lint

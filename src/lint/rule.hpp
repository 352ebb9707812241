// What a lint rule's check is given and how it runs: the context (rulebook,
// --as-of, the findings cap, the selection) and when it runs. The rule itself
// is a lint::Rule value (lint/registry.hpp).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "model/rulebook.hpp"

namespace fineprint::analysis {
class Session;
}  // namespace fineprint::analysis

namespace fineprint::lint {

// How many findings of the rule being checked are built (--max-findings,
// docs/limits.md). A check that can find many asks keep() before it builds
// each one, in its own defined order; past the cap a finding is only counted,
// so memory stays bounded however many there are. The linter then adds one
// summary finding with the total.
// Subject (promotion id, or "returns") → its `allow` table.
using AllowTables = std::map<std::string, const model::Allow*, std::less<>>;

class FindingCap {
 public:
  explicit FindingCap(std::size_t limit = 0) : limit_(limit) {}  // 0: no cap

  std::size_t limit() const { return limit_; }
  // Starts counting for `rule` (the linter, before each check); `tables`
  // tell which dropped findings an `allow` suppresses.
  void start(std::string_view rule, const AllowTables* tables = nullptr);
  // Counts one finding about `subject`; true while it is to be built.
  bool keep(std::string_view subject);
  // Counts `count` findings about `subject` that the check knows are past
  // the cap and did not build.
  void drop(std::string_view subject, std::size_t count);

  std::size_t dropped() const { return dropped_; }
  // Of the dropped ones, those no `allow` table suppresses.
  std::size_t dropped_unsuppressed() const { return dropped_unsuppressed_; }

 private:
  std::size_t limit_ = 0;
  std::string rule_;
  const AllowTables* tables_ = nullptr;
  std::size_t seen_ = 0;
  std::size_t dropped_ = 0;
  std::size_t dropped_unsuppressed_ = 0;
};

struct LintContext {
  using Selection = std::function<bool(std::string_view rule)>;

  LintContext(const model::Rulebook& rulebook, std::optional<core::Instant> as_of,
              FindingCap* cap = nullptr, const Selection* selection = nullptr)
      : rulebook(rulebook), as_of(as_of), cap(cap), selection(selection) {}

  const model::Rulebook& rulebook;
  std::optional<core::Instant> as_of;  // --as-of; lint never reads the clock
  FindingCap* cap;                     // null: every finding is built
  const Selection* selection;          // null: every rule runs

  // Whether `rule` runs in this lint (--select / --ignore), for a check
  // that could spare work another rule would need.
  bool runs(std::string_view rule) const { return !selection || !*selection || (*selection)(rule); }

  // FindingCap::keep, or true without a cap.
  bool keep(std::string_view subject) const { return !cap || cap->keep(subject); }
  void drop(std::string_view subject, std::size_t count) const {
    if (cap) cap->drop(subject, count);
  }
  // The cap on findings per rule, 0 for none.
  std::size_t max_findings() const { return cap ? cap->limit() : 0; }

  // This run's analysis results, computed when a check first asks
  // (analysis/session.hpp); shared by every check of the run.
  analysis::Session& analysis() const;

 private:
  mutable std::shared_ptr<analysis::Session> session_;
};

using CheckFunction = void (*)(const LintContext& context, core::Diagnostics& out);

// When a check runs: `always` on whatever part of the rulebook loaded;
// `clean_load` only when the rulebook loaded without errors (semantic rules
// would otherwise reason about a half-read rulebook); `loader` means the
// loader itself reports it and there is no check function.
enum class RunWhen { loader, always, clean_load };

}  // namespace fineprint::lint

// A lint rule is one descriptor: its name, severity, one-line summary, the
// documentation `explain` prints, and the check that finds it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "model/rulebook.hpp"

namespace fineprint::lint {

struct LintContext {
  const model::Rulebook& rulebook;
  std::optional<core::Instant> as_of;  // --as-of; lint never reads the clock
};

using CheckFunction = void (*)(const LintContext& context, core::Diagnostics& out);

// When a check runs: `always` on whatever part of the rulebook loaded;
// `clean_load` only when the rulebook loaded without errors (semantic rules
// would otherwise reason about a half-read rulebook); `loader` means the
// loader itself reports it and there is no check function.
enum class RunWhen { loader, always, clean_load };

struct RuleDoc {
  std::string_view what;     // what it catches
  std::string_view why;      // why it matters
  std::string_view example;  // a TOML snippet that fires it
  std::string_view fix;      // how to fix it
};

struct RuleDescriptor {
  std::string_view name;  // family/rule
  core::Severity severity;
  std::string_view summary;
  RuleDoc doc;
  RunWhen when;
  CheckFunction check;  // null for loader rules
};

// Builds a finding of `rule` with the registry's severity.
core::Diagnostic finding(std::string_view rule, std::string message, core::SourceRange where,
                         std::string help = {}, std::string subject = {});

}  // namespace fineprint::lint

// Reads the `# expect:` comments of a lint fixture (a file, or a folder of
// files forming one rulebook).
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "core/instant.hpp"

namespace fineprint::testing {

// file, line, column, rule
using Expectation = std::tuple<std::string, std::uint32_t, std::uint32_t, std::string>;

struct FixtureExpectations {
  std::set<Expectation> findings;
  std::optional<core::Instant> as_of;  // `# lint-as-of: 2026-12-01T00:00:00+02:00`
};

// `# expect: a/b, c/d@7` on a line: findings of a/b at the line's first
// non-blank column and of c/d at column 7.
FixtureExpectations read_expectations(const std::filesystem::path& fixture);

}  // namespace fineprint::testing

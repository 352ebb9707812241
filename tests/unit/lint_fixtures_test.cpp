// The one generic lint test: every fixture under tests/lint/ carries its
// expectations as `# expect: family/rule` comments on the line a finding must
// point at, and lint must report exactly those (rule, file, line, column) —
// nothing missing, nothing unexpected.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include <fmt/format.h>

#include "lint/linter.hpp"
#include "lint/registry.hpp"
#include "lint_fixture.hpp"

namespace fs = std::filesystem;
using fineprint::testing::Expectation;
using fineprint::testing::read_expectations;

namespace {

fs::path fixtures_root() {
  return fs::path(FINEPRINT_SOURCE_DIR) / "tests" / "lint";
}

// Every fixture: each *.toml directly in a rule folder is a single-file
// rulebook; each subfolder of a rule folder is a multi-file rulebook.
std::vector<fs::path> fixtures() {
  std::vector<fs::path> out;
  for (const auto& family : fs::directory_iterator(fixtures_root())) {
    if (!family.is_directory()) continue;
    for (const auto& rule : fs::directory_iterator(family.path())) {
      if (!rule.is_directory()) continue;
      for (const auto& entry : fs::directory_iterator(rule.path())) {
        if (entry.is_directory() || entry.path().extension() == ".toml")
          out.push_back(entry.path());
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string describe(const std::set<Expectation>& items) {
  std::string out;
  for (const auto& [file, line, column, rule] : items)
    out += fmt::format("\n  {}:{}:{}: {}", file, line, column, rule);
  return out;
}

}  // namespace

TEST_CASE("every lint fixture reports exactly its expected findings", "[lint][fixtures]") {
  auto all = fixtures();
  REQUIRE(!all.empty());
  for (const auto& fixture : all) {
    DYNAMIC_SECTION(fixture.lexically_relative(FINEPRINT_SOURCE_DIR).string()) {
      auto expected = read_expectations(fixture);
      auto loaded = fineprint::load::load_rulebook({fixture.string()});
      REQUIRE(loaded.unreadable.empty());
      fineprint::lint::LintOptions options;
      options.as_of = expected.as_of;
      std::set<Expectation> got;
      for (const auto& finding : fineprint::lint::lint_rulebook(loaded, options)) {
        if (finding.suppressed) continue;
        got.insert({finding.where.file, finding.where.line, finding.where.column, finding.rule});
      }
      std::set<Expectation> missing, unexpected;
      std::set_difference(expected.findings.begin(), expected.findings.end(), got.begin(),
                          got.end(), std::inserter(missing, missing.end()));
      std::set_difference(got.begin(), got.end(), expected.findings.begin(),
                          expected.findings.end(), std::inserter(unexpected, unexpected.end()));
      INFO("missing:" << describe(missing));
      INFO("unexpected:" << describe(unexpected));
      CHECK((missing.empty() && unexpected.empty()));
    }
  }
}

TEST_CASE("every lint rule has a firing and a silent fixture", "[lint][fixtures]") {
  for (const auto& rule : fineprint::lint::registry()) {
    fs::path folder = fixtures_root() / std::string(rule.name);
    INFO(rule.name);
    REQUIRE(fs::is_directory(folder));
    bool fires = false, silent = false;
    for (const auto& entry : fs::directory_iterator(folder)) {
      auto expected = read_expectations(entry.path());
      bool expects_rule =
          std::any_of(expected.findings.begin(), expected.findings.end(),
                      [&](const Expectation& e) { return std::get<3>(e) == rule.name; });
      (expects_rule ? fires : silent) = true;
    }
    CHECK(fires);
    CHECK(silent);
  }
}

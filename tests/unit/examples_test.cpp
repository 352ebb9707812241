// Every example claim decides as its comment says: the `# Expected: verdict
// V, … amount A` line written by hand from docs/semantics.md is checked against the
// real executable, so the examples cannot drift from the engine.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>

#include "mini_json.hpp"
#include "run_process.hpp"

namespace fs = std::filesystem;
using fineprint::testing::parse_json;
using fineprint::testing::run_fineprint;

namespace {

struct ExampleClaim {
  fs::path claim;
  fs::path rules;
};

// Claims directly in examples/claims/ use the bundled rules/; a folder holds
// its own rulebook.toml and the claims decided under it.
std::vector<ExampleClaim> example_claims() {
  fs::path root = fs::path(FINEPRINT_SOURCE_DIR) / "examples" / "claims";
  std::vector<ExampleClaim> out;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory()) {
      for (const auto& inner : fs::directory_iterator(entry.path()))
        if (inner.path().extension() == ".toml" && inner.path().filename() != "rulebook.toml")
          out.push_back({inner.path(), entry.path() / "rulebook.toml"});
    } else if (entry.path().extension() == ".toml") {
      out.push_back({entry.path(), fs::path(FINEPRINT_SOURCE_DIR) / "rules"});
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.claim < b.claim; });
  return out;
}

}  // namespace

TEST_CASE("every example claim decides as its comment says", "[examples]") {
  auto examples = example_claims();
  REQUIRE(examples.size() >= 12);
  const std::regex expected(R"(^# Expected: verdict ([a-z_]+),.*amount ([0-9]+\.[0-9]{2}))");
  for (const auto& example : examples) {
    DYNAMIC_SECTION(example.claim.filename().string()) {
      std::ifstream in(example.claim);
      std::string line, verdict, amount;
      std::smatch match;
      while (std::getline(in, line))
        if (std::regex_search(line, match, expected)) {
          verdict = match[1];
          amount = match[2];
        }
      REQUIRE(!verdict.empty());
      auto result = run_fineprint({"resolve", "--rules", example.rules.string(), "--format", "json",
                                   example.claim.string()});
      INFO(result.err);
      REQUIRE(result.exit_code == 0);
      auto decision = parse_json(result.out);
      CHECK(decision.get("verdict")->string == verdict);
      CHECK(decision.get("amount")->string == amount);
    }
  }
}

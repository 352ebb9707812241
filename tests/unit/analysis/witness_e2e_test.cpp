// Every witness of the semantic rules, run through the real executable: the
// claim must load, and `resolve` (or `price`) must show the problem the
// finding names.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include <fmt/format.h>

#include "lint/linter.hpp"
#include "load/rulebook_loader.hpp"
#include "mini_json.hpp"
#include "run_process.hpp"

namespace fs = std::filesystem;
using fineprint::testing::Json;
using fineprint::testing::parse_json;
using fineprint::testing::run_fineprint;
using fineprint::testing::TempDir;

namespace {

std::vector<fs::path> analysis_fixtures() {
  fs::path root = fs::path(FINEPRINT_SOURCE_DIR) / "tests" / "lint";
  std::vector<fs::path> out;
  for (const char* dir : {"promo/ambiguous-overlap", "promo/shadowed", "returns/gap",
                          "returns/unreachable-rule", "returns/overlap", "returns/assert-failed",
                          "law/eu-withdrawal", "law/eu-legal-guarantee", "law/window-anchor"})
    for (const auto& entry : fs::directory_iterator(root / dir))
      if (entry.path().extension() == ".toml") out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

// The outcome a message names: "... decides `deny` ..." / "is decided `review`".
std::string named_outcome(const std::string& message) {
  std::smatch m;
  if (std::regex_search(message, m, std::regex("decided? `([a-z_]+)`")) ||
      std::regex_search(message, m, std::regex("decides `([a-z_]+)`")))
    return m[1];
  return "";
}

const Json& first_item(const Json& decision) {
  const Json* items = decision.get("items");
  REQUIRE(items);
  REQUIRE(!items->items.empty());
  return items->items.front();
}

std::string text(const Json* j) {
  return j && j->is(Json::Kind::string) ? j->string : "";
}

}  // namespace

TEST_CASE("witnesses of the semantic rules show their problem in resolve", "[analysis][e2e]") {
  int checked = 0;
  for (const fs::path& fixture : analysis_fixtures()) {
    auto loaded = fineprint::load::load_rulebook({fixture.string()});
    REQUIRE(loaded.ok());
    auto findings = fineprint::lint::lint_rulebook(loaded, {});
    TempDir dir;
    for (const auto& f : findings) {
      if (!f.witness) continue;
      INFO(fixture.string() << ": " << f.rule << ": " << f.message << "\n"
                            << f.witness->claim_toml);
      CHECK(f.witness->summary.find('\n') == std::string::npos);
      fs::path claim =
          dir.write("witness-" + std::to_string(checked) + ".toml", f.witness->claim_toml);
      ++checked;
      auto run = run_fineprint({"resolve", "--rules", fixture.string(), claim.string(), "--format",
                                "json", "--lint-rules"});
      INFO("stdout: " << run.out << "\nstderr: " << run.err);
      REQUIRE(run.exited());
      REQUIRE(run.exit_code == 0);
      // resolve still decides, and with --lint-rules shows the finding on
      // stderr as a warning in lint's text form (semantic findings do not block).
      CHECK(run.err.find(fmt::format("{}:{}:{}: warning[{}]: {}\n", f.where.file, f.where.line,
                                     f.where.column, f.rule, f.message)) != std::string::npos);
      CHECK(run.err.find("  witness: " + f.witness->summary + "\n") != std::string::npos);
      Json decision = parse_json(run.out);
      if (f.rule == "promo/shadowed") {
        const Json* promotion = decision.get("promotion");
        REQUIRE(promotion);
        CHECK(!promotion->get("applied")->boolean);
        CHECK(!text(promotion->get("blocked_by")).empty());
      } else if (f.rule == "promo/ambiguous-overlap") {
        auto price = run_fineprint(
            {"price", "--rules", fixture.string(), claim.string(), "--format", "json"});
        REQUIRE(price.exit_code == 0);
        Json priced = parse_json(price.out);
        int candidates = 0;
        for (const auto& p : priced.get("promotions")->items)
          if (text(p.get("status")) != "not_candidate") ++candidates;
        CHECK(candidates == 2);
      } else if (f.rule == "returns/gap") {
        CHECK(text(first_item(decision).get("outcome")) == "review");
        CHECK(text(first_item(decision).get("because")) == "no rule covers this case");
      } else if (f.rule == "returns/overlap") {
        CHECK(text(first_item(decision).get("outcome")) == "review");
        CHECK(text(first_item(decision).get("because")).find("all match this item") !=
              std::string::npos);
      } else if (f.rule == "returns/unreachable-rule") {
        std::string rule = text(first_item(decision).get("rule"));
        CHECK(!rule.empty());
        CHECK(f.message.find("decided earlier by") != std::string::npos);
        CHECK(f.message.find(rule) != std::string::npos);
        CHECK(f.message.find("rule " + rule + " is never reached") == std::string::npos);
      } else {
        // assert-failed and law/*: the item is decided as the message says.
        std::string expected = named_outcome(f.message);
        CHECK(!expected.empty());
        CHECK(text(first_item(decision).get("outcome")) == expected);
      }
    }
  }
  CHECK(checked >= 10);
}

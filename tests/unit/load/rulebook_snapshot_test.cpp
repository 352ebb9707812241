// The snapshot of a loaded rulebook (issue 19, src/load/rulebook_snapshot.hpp)
// on real rulebooks: it reads back to a model that writes the same bytes and
// decides, writes letters and terms, and lints exactly as the loaded one.
// The byte-level refusals and a hand-built rulebook with every member set
// are in rulebook_snapshot_bytes_test.cpp.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/compiled_rulebook.hpp"
#include "engine/decision.hpp"
#include "engine/golden_cases.hpp"
#include "engine/policy_runner.hpp"
#include "letters/render.hpp"
#include "letters/reply.hpp"
#include "letters/terms.hpp"
#include "lint/linter.hpp"
#include "load/claim_file.hpp"
#include "load/rulebook_loader.hpp"
#include "load/rulebook_snapshot.hpp"
#include "report/decision_json.hpp"
#include "report/decision_text.hpp"
#include "report/findings.hpp"

namespace fs = std::filesystem;
using namespace fineprint;

namespace {

const fs::path kRoot = FINEPRINT_SOURCE_DIR;

// Through a snapshot and back, with `files` and `zone` put back as the
// cache does; the restored model must write the very same bytes.
model::Rulebook restored(const model::Rulebook& loaded) {
  const std::string bytes = load::write_snapshot(loaded);
  model::Rulebook out;
  out.files = loaded.files;
  out.store.zone = loaded.store.zone;
  REQUIRE(load::read_snapshot(bytes, out));
  CHECK(load::write_snapshot(out) == bytes);
  CHECK(out == loaded);  // field by field: a member the snapshot drops shows here
  return out;
}

std::vector<std::string> toml_files(const fs::path& folder) {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.is_regular_file() && entry.path().extension() == ".toml")
      out.push_back(entry.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

struct Case {
  std::string rules;
  std::vector<std::string> claims;
};

// rules/ with the example claims and its policy tests; the example with a
// rulebook of its own; every golden case (JPY, Poland, decomposed skus, the
// v1.1 3-for-2 and free-shipping cases, ...).
std::vector<Case> cases() {
  Case bundled{(kRoot / "rules").string(), toml_files(kRoot / "examples" / "claims")};
  for (auto& test : toml_files(kRoot / "rules" / "tests")) bundled.claims.push_back(test);
  const fs::path paid = kRoot / "examples" / "claims" / "hats-3for2-return-one-paid-basis";
  std::vector<Case> out{
      bundled,
      {(paid / "rulebook.toml").string(), {(paid / "return-full-price-hat.toml").string()}}};
  for (const auto& dir : test::golden_cases())
    out.push_back({test::golden_rules(dir), {(dir / "claim.toml").string()}});
  return out;
}

std::string messages(const core::Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += load::claim_error_text(d) + "\n";
  return out;
}

// The reply letter in `language` as text, or its error.
std::string reply(const model::Rulebook& rules, const model::Claim& claim,
                  const engine::Decision& decision, const std::string& language) {
  auto letter = letters::reply_letter(rules, claim, decision, language);
  return letter ? letters::render(*letter, letters::Format::text) : letter.error().message;
}

// Decides `claim_path` with both rulebooks; true when it was decided (not
// an order-only or invalid file, whose diagnostics must then agree).
bool same_decisions(const engine::CompiledRulebook& loaded,
                    const engine::CompiledRulebook& restored, const std::string& claim_path) {
  INFO(claim_path);
  // Policy tests carry an [expect] table, which the restored rulebook must meet.
  const load::ClaimLoadOptions options{.allow_expect = true};
  auto on_loaded = load::load_claim_file(claim_path, loaded.rulebook, options);
  auto on_restored = load::load_claim_file(claim_path, restored.rulebook, options);
  CHECK(messages(on_loaded.diagnostics) == messages(on_restored.diagnostics));
  if (!on_loaded.ok() || !on_loaded.has_claim) return false;
  auto a = engine::decide(loaded, on_loaded.claim);
  auto b = engine::decide(restored, on_restored.claim);
  REQUIRE(a.ok() == b.ok());
  if (!a) {
    CHECK(a.error().message == b.error().message);
    return false;
  }
  CHECK(report::decision_json(*a, true, nullptr) == report::decision_json(*b, true, nullptr));
  CHECK(report::decision_text(*a, true) == report::decision_text(*b, true));
  if (on_restored.expect) CHECK(engine::compare_expectations(*on_restored.expect, *b).empty());
  for (const auto& language : loaded.rulebook.store.languages)
    CHECK(reply(loaded.rulebook, on_loaded.claim, *a, language) ==
          reply(restored.rulebook, on_restored.claim, *b, language));
  return true;
}

std::string terms(const model::Rulebook& rules, const std::string& language) {
  auto document = letters::published_terms(rules, language);
  return document ? letters::render(*document, letters::Format::markdown)
                  : document.error().message;
}

void same_catalog(const model::Rulebook& loaded, const model::Rulebook& restored) {
  REQUIRE(loaded.catalog.has_value() == restored.catalog.has_value());
  if (!loaded.catalog) return;
  for (const auto& product : loaded.catalog->products) {
    INFO(product.sku.value);
    const model::Product* found = restored.catalog->product(product.sku.value);
    REQUIRE(found);
    CHECK(found->sku.value == product.sku.value);
    CHECK(found->category == loaded.catalog->product(product.sku.value)->category);
    CHECK(found->unit_price == product.unit_price);
    CHECK(found->title == product.title);
  }
  CHECK(restored.catalog->product("no such sku") == nullptr);
}

// Lint's findings in JSON, which holds every finding's place and text.
std::string lint_json(const load::LoadedRulebook& loaded, const model::Rulebook& rulebook) {
  load::LoadedRulebook copy{rulebook, loaded.diagnostics, loaded.unreadable};
  lint::LintOptions options;
  options.as_of = core::parse_rfc3339("2026-12-01T00:00:00Z");
  return report::findings_json(lint::lint_rulebook(copy, options), rulebook.files.size());
}

}  // namespace

TEST_CASE("a restored rulebook writes the same snapshot and decides every claim alike",
          "[snapshot]") {
  std::size_t decided = 0;
  bool saw_catalog = false;
  for (const Case& c : cases()) {
    INFO(c.rules);
    const load::LoadedRulebook loaded = load::load_rulebook({c.rules});
    REQUIRE(loaded.ok());
    const model::Rulebook restored_rules = restored(loaded.rulebook);
    same_catalog(loaded.rulebook, restored_rules);
    saw_catalog =
        saw_catalog || (loaded.rulebook.catalog && !loaded.rulebook.catalog->products.empty());
    const engine::CompiledRulebook on_loaded(loaded.rulebook);
    const engine::CompiledRulebook on_restored(restored_rules);
    CHECK(on_loaded.digest == on_restored.digest);
    for (const auto& claim : c.claims) decided += same_decisions(on_loaded, on_restored, claim);
    for (const auto& language : loaded.rulebook.store.languages)
      CHECK(terms(loaded.rulebook, language) == terms(restored_rules, language));
    CHECK(lint_json(loaded, loaded.rulebook) == lint_json(loaded, restored_rules));
  }
  CHECK(saw_catalog);
  CHECK(decided >= 60);  // the examples, policy tests and golden claims
}

TEST_CASE("every lint fixture's model survives a snapshot, findings and all", "[snapshot]") {
  std::size_t fixtures = 0;
  for (const auto& family : fs::directory_iterator(kRoot / "tests" / "lint")) {
    if (!family.is_directory()) continue;
    for (const auto& rule : fs::directory_iterator(family.path())) {
      if (!rule.is_directory()) continue;
      for (const auto& entry : fs::directory_iterator(rule.path())) {
        if (!entry.is_directory() && entry.path().extension() != ".toml") continue;
        INFO(entry.path().string());
        // A rulebook with load errors too: whatever parts loaded are written.
        const load::LoadedRulebook loaded = load::load_rulebook({entry.path().string()});
        const model::Rulebook restored_rules = restored(loaded.rulebook);
        CHECK(lint_json(loaded, loaded.rulebook) == lint_json(loaded, restored_rules));
        ++fixtures;
      }
    }
  }
  CHECK(fixtures >= 100);
}

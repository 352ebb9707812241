// The search over orders of two line kinds on a fixture: it finds the order
// that lets the promotion apply, and with too few steps it says it stopped
// instead of giving a verdict.
#include <catch2/catch.hpp>

#include <filesystem>

#include "analysis/engine_check.hpp"
#include "analysis/shadow_search.hpp"
#include "load/rulebook_loader.hpp"

using namespace fineprint;
using namespace fineprint::analysis;

namespace {

// clean-two-line-kinds-helper.toml: HATS5 (index 3) and the three
// promotions considered before it, in that order.
load::LoadedRulebook helper_fixture() {
  std::filesystem::path file = std::filesystem::path(FINEPRINT_SOURCE_DIR) / "tests" / "lint" /
                               "promo" / "shadowed" / "clean-two-line-kinds-helper.toml";
  load::LoadedRulebook loaded = load::load_rulebook({file.string()});
  REQUIRE(loaded.ok());
  REQUIRE(loaded.rulebook.promotions[3].id.value == "HATS5");
  return loaded;
}

const std::vector<Rival> kRivals{{0}, {1}, {2}};

}  // namespace

TEST_CASE("two line kinds: the search finds the order a helper needs a second line for",
          "[analysis]") {
  const load::LoadedRulebook loaded = helper_fixture();
  const PromoSet set = promo_set(loaded.rulebook);
  EngineCheck engine(loaded.rulebook);
  // One line kind: shadowed (BIGHATS20 or HATS10 hold the hats).
  ShadowVerdict one = search_shadow(loaded.rulebook, set, 3, kRivals);
  CHECK(one.shadowed);
  ShadowVerdict two = search_mixed_orders(loaded.rulebook, set, 3, kRivals, engine);
  CHECK(!two.stopped);
  CHECK(!two.shadowed);
}

TEST_CASE("two line kinds: out of steps, the search stops instead of deciding", "[analysis]") {
  const load::LoadedRulebook loaded = helper_fixture();
  const PromoSet set = promo_set(loaded.rulebook);
  EngineCheck engine(loaded.rulebook);
  ShadowVerdict v = search_mixed_orders(loaded.rulebook, set, 3, kRivals, engine, 2);
  CHECK(v.stopped);
  CHECK(!v.shadowed);
  CHECK(v.why == "its orders of two line kinds leave more than 2 steps to search");
}

// Every witness `diff` reports for the fixture pairs of tests/diff/ (returns
// claims and promotion orders), decided by the engine under OLD and NEW, is
// decided differently; and each side diffed with itself shows no change.
#include <catch2/catch.hpp>

#include <filesystem>

#include "diff/diff.hpp"
#include "load/rulebook_loader.hpp"

namespace fs = std::filesystem;
using namespace fineprint;

namespace {

std::string side(const fs::path& dir, const std::string& name) {
  fs::path file = dir / (name + ".toml");
  return fs::exists(file) ? file.string() : (dir / name).string();
}

}  // namespace

TEST_CASE("every witness of the diff fixtures is decided differently", "[diff]") {
  std::size_t witnesses = 0;
  for (const auto& entry : fs::directory_iterator("tests/diff")) {
    const fs::path dir = entry.path();
    if (!fs::exists(side(dir, "old")) || !fs::exists(side(dir, "new"))) continue;
    load::LoadedRulebook a = load::load_rulebook({side(dir, "old")});
    load::LoadedRulebook b = load::load_rulebook({side(dir, "new")});
    INFO(dir.string());
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    diff::DiffReport report = diff::diff_rulebooks(a.rulebook, b.rulebook, {});
    CHECK(report.complete());
    for (const auto& change : report.returns) {
      INFO(change.where);
      CHECK(change.witness.differs);
      ++witnesses;
    }
    for (const auto& change : report.promotions) {
      INFO(change.id);
      std::vector<const diff::OrderWitness*> orders{&change.order};
      if (!change.aspects.empty()) orders.clear();
      for (const auto& aspect : change.aspects) orders.push_back(&aspect.order);
      for (const auto* order : orders) {
        REQUIRE(order->witness);  // every fixture change has a witness order
        CHECK(order->witness->differs);
        ++witnesses;
      }
    }
    CHECK_FALSE(diff::diff_rulebooks(a.rulebook, a.rulebook, {}).changed());
    CHECK_FALSE(diff::diff_rulebooks(b.rulebook, b.rulebook, {}).changed());
  }
  CHECK(witnesses >= 12);
}

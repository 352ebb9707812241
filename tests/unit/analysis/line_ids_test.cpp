// share_line, the pair sweep's quick test, against common_ids, the general
// one, on random scopes that hold some line (no catalog: with one
// share_line asks common_ids).
#include <catch2/catch.hpp>

#include <random>

#include "analysis/line_ids.hpp"

using fineprint::analysis::common_ids;
using fineprint::analysis::Lines;
using fineprint::analysis::ScopeIds;
using fineprint::analysis::share_line;

namespace {

std::vector<int> random_ids(std::mt19937& g, int chance_percent) {
  std::vector<int> out;
  for (int id = 0; id < 4; ++id)
    if (static_cast<int>(g() % 100) < chance_percent) out.push_back(id);
  return out;  // sorted, unique
}

ScopeIds random_scope(std::mt19937& g) {
  ScopeIds s;
  s.present = g() % 10 != 0;
  s.cats = random_ids(g, 35);
  s.skus = random_ids(g, 30);
  s.exc_skus = random_ids(g, 25);
  if (g() % 5 == 0) s.exc_cats = random_ids(g, 25);
  if (!s.present) return ScopeIds{};  // no `products`: no lists either
  return s;
}

}  // namespace

TEST_CASE("the pair sweep's share_line agrees with common_ids", "[analysis]") {
  std::mt19937 g(19);
  int shared = 0;
  for (int round = 0; round < 20000; ++round) {
    Lines lines;
    lines.scopes = {random_scope(g), random_scope(g)};
    // The sweep pairs only promotions with some line in scope.
    if (!common_ids(lines, 0, 0) || !common_ids(lines, 1, 1)) continue;
    bool expected = common_ids(lines, 0, 1).has_value();
    auto text = [](const ScopeIds& s) {
      std::string t = s.present ? "scope" : "none";
      for (const auto* v : {&s.cats, &s.skus, &s.exc_cats, &s.exc_skus}) {
        t += " [";
        for (int id : *v) t += std::to_string(id) + " ";
        t += "]";
      }
      return t;
    };
    INFO("round " << round << ": " << text(lines.scopes[0]) << " / " << text(lines.scopes[1]));
    REQUIRE(share_line(lines, 0, 1) == expected);
    shared += expected ? 1 : 0;
  }
  CHECK(shared > 2000);
  CHECK(shared < 18000);
}

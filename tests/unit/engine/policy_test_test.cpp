#include "engine/policy_runner.hpp"

#include "engine_fixture.hpp"

using namespace fineprint;

namespace {

const std::string kRules =
    test::store() +
    "[[promotion]]\nid = \"TEN\"\ntitle = \"t\"\nstarts = 2026-12-01\npercent_off = 10\n"
    "[[promotion]]\nid = \"NEVER\"\ntitle = \"t\"\nstarts = 2030-01-01\npercent_off = 10\n"
    "[returns]\nhit_policy = \"first\"\n"
    "[[returns.rule]]\nid = \"sealed\"\nwhen = { condition = [\"sealed\"] }\noutcome = \"refund\"\n"
    "[[returns.rule]]\nid = \"used\"\nwhen = { condition = [\"used\"] }\noutcome = \"deny\"\n"
    "because = \"used\"\n";

const std::string kClaim =
    "[claim]\nid = \"T\"\nkind = \"return\"\nfiled_at = 2026-12-06T12:00:00+02:00\n"
    "[[claim.items]]\nsku = \"A\"\nqty = 1\ncondition = \"sealed\"\nreason = \"changed_mind\"\n"
    "[order]\nid = \"O\"\nplaced_at = 2026-12-05T12:00:00+02:00\nchannel = \"web\"\n" +
    test::line("A", "x", 1, "10.00");

}  // namespace

TEST_CASE("expectations are compared key by key", "[policy-test]") {
  auto rules = test::rulebook(kRules);
  auto d = test::decide(rules, test::claim(kClaim, rules));
  load::Expect pass;
  pass.verdict = "approved";
  pass.amount = 900;
  pass.rule = "sealed";
  pass.applied = std::vector<std::string>{"TEN"};
  pass.items = std::vector<load::ExpectItem>{{"A", "refund", "sealed", 900, {}}};
  CHECK(engine::compare_expectations(pass, d).empty());

  load::Expect fail;
  fail.verdict = "denied";
  fail.amount = 1000;
  fail.items = std::vector<load::ExpectItem>{{"A", "deny", "used", std::nullopt, {}}};
  auto mismatches = engine::compare_expectations(fail, d);
  REQUIRE(mismatches.size() == 4);
  CHECK(mismatches[0].what == "verdict");
  CHECK(mismatches[1].expected == "10.00");
  CHECK(mismatches[1].got == "9.00");
  CHECK(mismatches[2].what == "items[1].outcome");
  CHECK(mismatches[3].what == "items[1].rule");
}

TEST_CASE("coverage counts matched rules and applied promotions", "[policy-test]") {
  auto rules = test::rulebook(kRules);
  engine::Exercised exercised;
  exercised.add(test::decide(rules, test::claim(kClaim, rules)));
  auto c = engine::coverage(rules, exercised);
  CHECK(c.total == 4);
  CHECK(c.exercised == 2);
  CHECK(c.missed == std::vector<std::string>{"returns rule `used`", "promotion `NEVER`"});
}

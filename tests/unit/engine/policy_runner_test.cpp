#include "engine/policy_runner.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

#include <fmt/format.h>

#include "engine_fixture.hpp"
#include "report/policy_tests.hpp"

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

TEST_CASE("the runner reads a test file, decides it and says expected and got", "[policy-test]") {
  namespace fs = std::filesystem;
  auto rules = test::rulebook(kRules);
  const fs::path dir = fs::temp_directory_path() / fmt::format("fineprint-runner-{}", ::getpid());
  fs::remove_all(dir);
  fs::create_directories(dir / "tests");
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / "tests" / name) << text;
  };
  write("a-pass.toml", kClaim + "[expect]\nverdict = \"approved\"\namount = \"9.00\"\n");
  write("b-fail.toml", kClaim + "[expect]\nverdict = \"denied\"\n");
  write("c-no-expect.toml", kClaim);
  write("notes.txt", "not a test");
  fs::create_directories(dir / "other");
  std::ofstream(dir / "other" / "x.toml") << kClaim;  // not under a `tests` folder

  engine::Exercised exercised;
  engine::PolicySuiteResult suite = engine::run_policy_suite(dir.string(), rules, exercised);
  REQUIRE(suite.tests.size() == 3);
  CHECK(suite.tests[0].name == "a-pass");
  CHECK(suite.tests[0].problems.empty());
  CHECK(suite.tests[1].name == "b-fail");
  CHECK(suite.tests[1].problems ==
        std::vector<std::string>{"verdict: expected denied, got approved"});
  CHECK(suite.tests[2].problems ==
        std::vector<std::string>{"no [expect] table: a policy test says what it expects"});
  CHECK(exercised.rules == std::set<std::string>{"sealed"});

  const std::string text = report::policy_tests_text({suite});
  CHECK(text == fmt::format("FAIL {0}/tests/b-fail.toml\n"
                            "  verdict: expected denied, got approved\n"
                            "FAIL {0}/tests/c-no-expect.toml\n"
                            "  no [expect] table: a policy test says what it expects\n"
                            "\n"
                            "3 tests: 1 passed, 2 failed\n",
                            dir.generic_string()));
  const std::string junit = report::policy_tests_junit({suite});
  // A test whose expectation is not met fails; one that cannot run (no
  // [expect] table) is an error.
  CHECK_FALSE(suite.tests[1].error);
  CHECK(suite.tests[2].error);
  CHECK(
      junit.find("<testsuites name=\"fineprint test\" tests=\"3\" failures=\"1\" errors=\"1\">") !=
      std::string::npos);
  CHECK(junit.find("<testcase name=\"a-pass\" classname=\"" + dir.generic_string() + "\"/>") !=
        std::string::npos);
  CHECK(junit.find("<failure message=\"verdict: expected denied, got approved\">" +
                   dir.generic_string() + "/tests/b-fail.toml\n") != std::string::npos);
  CHECK(junit.find("<error message=\"no [expect] table: a policy test says what it expects\">") !=
        std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("policy test results escape XML and report coverage below a threshold", "[policy-test]") {
  engine::PolicySuiteResult suite{"r<&>",
                                  {{"r/tests/t.toml", "t", {"amount: expected <1>, got \"2\""}}}};
  const std::string junit = report::policy_tests_junit({suite});
  CHECK(junit.find("<testsuite name=\"r&lt;&amp;&gt;\" tests=\"1\" failures=\"1\" errors=\"0\" "
                   "skipped=\"0\">") != std::string::npos);
  CHECK(junit.find("message=\"amount: expected &lt;1&gt;, got &quot;2&quot;\"") !=
        std::string::npos);

  engine::Coverage c;
  c.total = 4;
  c.exercised = 3;
  c.missed = {"promotion `NEVER`"};
  CHECK(report::policy_coverage_text("rules", c, std::nullopt) ==
        "coverage of rules: 3 of 4 returns rules and promotions exercised (75%)\n"
        "  not exercised: promotion `NEVER`\n");
  CHECK(report::policy_coverage_text("rules", c, 8000) ==
        "coverage of rules: 3 of 4 returns rules and promotions exercised (75%)\n"
        "  not exercised: promotion `NEVER`\n"
        "  below --min-coverage 80%\n");
  CHECK_FALSE(engine::below(c, 7500));
}

#include "report/decision_json.hpp"
#include "report/decision_text.hpp"

#include "engine_fixture.hpp"

using namespace fineprint;

TEST_CASE("the rulebook digest hashes names, lengths and contents in load order", "[decision]") {
  model::Rulebook rules;
  CHECK(engine::rulebook_digest(rules) ==
        "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  rules.files.push_back({"/somewhere/a.toml", "a.toml", "x = 1\n"});
  rules.files.push_back({"/somewhere/sub/b.toml", "sub/b.toml", ""});
  // sha256("a.toml\n6\nx = 1\nsub/b.toml\n0\n"); the shown path is not hashed.
  CHECK(engine::rulebook_digest(rules) ==
        "sha256:3f35efae0007421c363eedf1121769ed75761e569b95250bd050762faa752b34");
}

TEST_CASE("the JSON record has its keys in the fixed order", "[decision]") {
  auto rules = test::rulebook(test::store() +
                              "[returns]\nhit_policy = \"first\"\n[[returns.rule]]\nid = \"all\"\n"
                              "outcome = \"refund\"\ncite = \"Terms §1\"\n");
  auto claim = test::claim(
      "[claim]\nid = \"C\"\nkind = \"return\"\nfiled_at = 2026-12-06T12:00:00+02:00\n"
      "[[claim.items]]\nsku = \"A\"\nqty = 1\ncondition = \"sealed\"\nreason = \"changed_mind\"\n"
      "[order]\nid = \"O\"\nplaced_at = 2026-12-05T12:00:00+02:00\nchannel = \"web\"\n" +
          test::line("A", "x", 1, "10.00"),
      rules);
  auto d = test::decide(rules, claim);
  std::string json = report::decision_json(d, false);
  std::vector<std::string> keys{
      "\"claim\":",   "\"verdict\":", "\"amount\":",   "\"currency\":", "\"items\":",
      "\"reasons\":", "\"trace\":",   "\"rulebook\":", "\"fineprint\":"};
  std::size_t at = 0;
  for (const auto& key : keys) {
    INFO(key << " in " << json);
    auto found = json.find(key, at);
    REQUIRE(found != std::string::npos);
    at = found;
  }
  CHECK(json.find('\n') == std::string::npos);
  CHECK_THAT(
      json,
      Catch::StartsWith(
          "{\"claim\":\"C\",\"verdict\":\"approved\",\"amount\":\"10.00\",\"currency\":\"EUR\""));
  std::string text = report::decision_text(d, true);
  CHECK_THAT(text, Catch::StartsWith("Claim C: approved\nAmount owed: 10.00 EUR\n"));
  CHECK_THAT(text, Catch::Contains("rule `all` (Terms §1)"));
  CHECK_THAT(text, Catch::Contains("Trace:\n  A × 1:\n    rule `all`: matched\n"));
}

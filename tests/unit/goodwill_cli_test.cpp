// Goodwill end to end (issue 17's "done when"): the washed-hat example shows
// the rules' "no" and the one gesture decided in advance, in the decision and
// in the letter; a second gesture within the period is refused with the date
// it becomes possible again.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "mini_json.hpp"
#include "run_process.hpp"

using fineprint::testing::contains;
using fineprint::testing::describe;
using fineprint::testing::parse_json;
using fineprint::testing::run_fineprint;

namespace {

const std::string kRules = std::string(FINEPRINT_SOURCE_DIR) + "/rules";
const std::string kExample =
    std::string(FINEPRINT_SOURCE_DIR) + "/examples/claims/washed-wool-hat-goodwill.toml";
const std::string kPlain =
    std::string(FINEPRINT_SOURCE_DIR) + "/examples/claims/washed-wool-hat.toml";

std::string example_text() {
  std::ifstream in(kExample);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("goodwill: the washed hat is denied and gets the voucher decided in advance",
          "[goodwill-cli]") {
  auto text = run_fineprint({"resolve", "--rules", kRules, kExample});
  INFO(describe(text));
  REQUIRE(text.exit_code == 0);
  CHECK(contains(text.out, "Claim EX-WASHED-HAT-GOODWILL: denied\nAmount owed: 0.00 EUR\n"));
  CHECK(
      contains(text.out,
               "- may offer: `care-advice-voucher`, 20% voucher, valid 60 days, at most 15.00 EUR\n"
               "Granted: `care-advice-voucher`, 20% voucher, valid 60 days, at most 15.00 EUR\n"));

  auto json = run_fineprint({"resolve", "--rules", kRules, "--format", "json", kExample});
  REQUIRE(json.exit_code == 0);
  auto record = parse_json(json.out);
  CHECK(record.get("verdict")->string == "denied");
  const auto* goodwill = record.get("goodwill");
  REQUIRE(goodwill);
  CHECK(goodwill->get("id")->string == "care-advice-voucher");
  CHECK(goodwill->get("gesture")->string == "voucher_percent");
  CHECK(goodwill->get("amount")->string == "15.00");

  auto letter = run_fineprint({"reply", "--rules", kRules, "--lang", "en", kExample});
  INFO(describe(letter));
  REQUIRE(letter.exit_code == 0);
  CHECK(contains(letter.out, "we cannot take it back"));
  CHECK(contains(
      letter.out,
      "Neither our terms nor the law oblige us to do more, but we would like to offer you a gesture of goodwill: “Care advice and a discount voucher”. It does not change the decision above. You will receive a voucher for 20% off your next purchase, worth up to €15.00, valid for 60 days from the day you receive it."));
}

TEST_CASE(
    "goodwill: a second gesture within the period is refused with the date it is possible again",
    "[goodwill-cli]") {
  const std::string again =
      std::regex_replace(example_text(), std::regex("at = 2025-11-20T11:00:00\\+02:00"),
                         "at = 2026-03-02T11:00:00+02:00");
  auto refused = run_fineprint({"resolve", "--rules", kRules, "-"}, again);
  INFO(describe(refused));
  CHECK(refused.exit_code == 2);
  CHECK(refused.out.empty());
  CHECK(contains(
      refused.err,
      "goodwill care-advice-voucher cannot be granted: the customer already had it 1 of 1 times its limit_per_customer allows in 365 days (counted to the claim's filing day 2027-01-05); it becomes possible again on 2027-03-02"));

  // Without the choice, resolve still decides and says why it is not offered.
  const std::string asked = std::regex_replace(again, std::regex("\\[goodwill\\][^]*$"), "");
  auto listed = run_fineprint({"resolve", "--rules", kRules, "-"}, asked);
  REQUIRE(listed.exit_code == 0);
  CHECK(contains(listed.out, "- may offer: nothing\n- not `care-advice-voucher`: "));
  CHECK(contains(listed.out, "it becomes possible again on 2027-03-02\n"));
}

TEST_CASE("goodwill: --goodwill and --note on the command line", "[goodwill-cli]") {
  auto no_note =
      run_fineprint({"resolve", "--rules", kRules, "--goodwill", "care-advice-voucher", kPlain});
  CHECK(no_note.exit_code == 2);
  CHECK(contains(no_note.err, "goodwill care-advice-voucher requires a note"));
  auto granted = run_fineprint({"resolve", "--rules", kRules, "--format", "json", "--goodwill",
                                "care-advice-voucher", "--note", "first wash", kPlain});
  INFO(describe(granted));
  REQUIRE(granted.exit_code == 0);
  CHECK(parse_json(granted.out).get("goodwill")->get("note")->string == "first wash");
  auto note_alone = run_fineprint({"resolve", "--rules", kRules, "--note", "x", kPlain});
  CHECK(note_alone.exit_code == 2);
  CHECK(contains(note_alone.err, "--note goes with --goodwill ID"));
}

TEST_CASE("goodwill: batch totals the gestures granted, per gesture", "[goodwill-cli]") {
  const std::string json_dir =
      std::string(FINEPRINT_SOURCE_DIR) + "/tests/batch/json/examples/claims/";
  auto read = [](const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  };
  const std::string granted = read(json_dir + "washed-wool-hat-goodwill.json");
  const std::string plain = read(json_dir + "washed-wool-hat.json");
  REQUIRE(!granted.empty());
  auto result = run_fineprint({"batch", "--rules", kRules}, granted + granted + plain);
  INFO(describe(result));
  REQUIRE(result.exit_code == 0);
  CHECK(result.err ==
        "3 claims: 0 approved, 0 partially approved, 3 denied, 0 review, 0 invalid\n"
        "goodwill care-advice-voucher: 2 granted, 30.00 EUR\n");
  auto none = run_fineprint({"batch", "--rules", kRules}, plain);
  CHECK(none.err == "1 claims: 0 approved, 0 partially approved, 1 denied, 0 review, 0 invalid\n");
}

TEST_CASE("goodwill: diff reports goodwill entries added, removed and changed", "[goodwill-cli]") {
  fineprint::testing::TempDir dir;
  auto write_rules = [&](const std::string& name, const std::string& goodwill) {
    return dir
        .write(name,
               "[store]\nname = \"S\"\ncurrency = \"EUR\"\ntimezone = \"Europe/Riga\"\n"
               "channels = [\"web\"]\n[returns]\nhit_policy = \"first\"\n[[returns.rule]]\n"
               "id = \"W\"\nwhen = { condition = [\"washed\"] }\noutcome = \"deny\"\n"
               "because = \"Washed.\"\n[[returns.rule]]\nid = \"ANY\"\noutcome = \"refund\"\n" +
                   goodwill)
        .string();
  };
  const std::string old_rules = write_rules(
      "old.toml",
      "[[goodwill]]\nid = \"CARE\"\ntitle = \"Care\"\nvoucher_percent = 20\nvoucher_days = 60\n"
      "max_amount = \"15.00\"\nwhen = { condition = [\"washed\"] }\noutcome_in = [\"deny\"]\n"
      "[[goodwill]]\nid = \"GONE\"\ntitle = \"Gone\"\namount = \"1\"\nlimit_per_customer = 1\n");
  const std::string new_rules = write_rules(
      "new.toml",
      "[[goodwill]]\nid = \"CARE\"\ntitle = \"Care\"\nvoucher_percent = 20\nvoucher_days = 60\n"
      "max_amount = \"20.00\"\nwhen = { condition = [\"washed\"] }\noutcome_in = [\"deny\"]\n"
      "[[goodwill]]\nid = \"NEW\"\ntitle = \"New\"\nrefund_percent = 10\nlimit_per_customer = 1\n"
      "period_days = 365\n");
  auto result = run_fineprint({"diff", old_rules, new_rules});
  INFO(describe(result));
  CHECK(contains(
      result.out,
      "Goodwill changes (what may be offered beyond the rules):\n"
      "  - `CARE`: max_amount was `15.00`, now `20.00`\n"
      "  - `NEW` added: gesture refund_percent 10; max_amount none; when every item; outcome_in any; orders_before any; limit_per_customer 1; period_days 365; requires_note false\n"
      "  - `GONE` removed\n"));
  auto json = run_fineprint({"diff", "--format", "json", old_rules, new_rules});
  auto report = parse_json(json.out);
  REQUIRE(report.get("goodwill"));
  CHECK(report.get("goodwill")->items.size() == 3);
  CHECK(report.get("changed")->boolean);
}

TEST_CASE("goodwill: a policy test's [expect] offers compares the gestures offered",
          "[goodwill-cli]") {
  namespace fs = std::filesystem;
  fineprint::testing::TempDir dir;
  fs::copy(kRules, dir.path() / "rules", fs::copy_options::recursive);
  const fs::path test = dir.path() / "rules" / "tests" / "goodwill-once-a-year.toml";
  std::ifstream in(test);
  std::stringstream text;
  text << in.rdbuf();
  in.close();
  dir.write("rules/tests/goodwill-once-a-year.toml",
            std::regex_replace(text.str(), std::regex("offers = \\[\\]"),
                               "offers = [\"care-advice-voucher\"]"));
  auto result = run_fineprint({"test", (dir.path() / "rules").string()});
  INFO(describe(result));
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out, "  offers: expected [care-advice-voucher], got []\n"));
  CHECK(run_fineprint({"test", kRules}).exit_code == 0);
}

TEST_CASE("goodwill: reply --goodwill words the gesture in the letter", "[goodwill-cli]") {
  auto letter = run_fineprint({"reply", "--rules", kRules, "--lang", "pl", "--goodwill",
                               "care-advice-voucher", "--note", "first wash", kPlain});
  INFO(describe(letter));
  REQUIRE(letter.exit_code == 0);
  CHECK(contains(letter.out, "gest dobrej woli: „Porady dotyczące pielęgnacji i bon rabatowy”."));
  CHECK(contains(letter.out, "ważny przez 60 dni od dnia jego otrzymania."));
  auto plain = run_fineprint({"reply", "--rules", kRules, "--lang", "pl", kPlain});
  CHECK_FALSE(contains(plain.out, "gest dobrej woli"));
}

TEST_CASE("goodwill: a refund capped by max_amount is not called a percentage of the price",
          "[goodwill-cli]") {
  // The bundled rulebook with a 50% refund of the washed hat's 24.90, capped at 5.00.
  fineprint::testing::TempDir dir;
  std::filesystem::copy(kRules, dir.path() / "rules", std::filesystem::copy_options::recursive);
  std::ofstream(dir.path() / "rules" / "goodwill.toml", std::ios::app)
      << "\n[[goodwill]]\nid = \"half-back\"\n"
         "title.lv = \"Puse atpakaļ\"\ntitle.en = \"Half back\"\ntitle.ru = \"Половина назад\"\n"
         "title.lt = \"Pusė atgal\"\ntitle.pl = \"Połowa z powrotem\"\n"
         "refund_percent = 50\nmax_amount = \"5.00\"\nwhen = { condition = [\"washed\"] }\n"
         "outcome_in = [\"deny\"]\nlimit_per_customer = 1\n";
  const std::string rules = (dir.path() / "rules").string();
  std::string claim = example_text();
  claim.erase(claim.find("[goodwill]"));
  std::ofstream(dir.path() / "claim.toml") << claim << "[goodwill]\nid = \"half-back\"\n";
  const std::string claim_path = (dir.path() / "claim.toml").string();

  auto text = run_fineprint({"resolve", "--rules", rules, claim_path});
  INFO(describe(text));
  CHECK(text.exit_code == 0);
  CHECK(contains(
      text.out,
      "Granted: `half-back`, refund of 50% of the paid value, capped at its max_amount (5.00 EUR)"));
  auto en = run_fineprint({"reply", "--rules", rules, "--lang", "en", claim_path});
  INFO(describe(en));
  CHECK(contains(
      en.out,
      "We will refund you €5.00, the most this gesture provides (50% of the price you paid would be more)."));
  CHECK_FALSE(contains(en.out, "which is 50% of the price you paid"));
  auto lv = run_fineprint({"reply", "--rules", rules, "--lang", "lv", claim_path});
  INFO(describe(lv));
  CHECK(
      contains(lv.out, "lielākā summa, ko paredz šis žests (50% no samaksātās cenas būtu vairāk)"));
}

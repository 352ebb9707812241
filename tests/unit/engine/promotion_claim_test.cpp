#include "engine_fixture.hpp"

using namespace fineprint;
using test::money;

namespace {

const std::string kPromotions =
    "[[promotion]]\nid = \"WINTER\"\ntitle = \"Winter\"\nstarts = 2026-12-01\nends = 2027-01-01\n"
    "code = \"WINTER20\"\npercent_off = 20\npriority = 1\n"
    "[[promotion]]\nid = \"CLUB\"\ntitle = \"Club\"\nstarts = 2026-12-01\nsegments = [\"club\"]\n"
    "amount_off = \"5\"\n";

// A promotion claim filed at `filed` for an order placed on 5 Dec 2026, 23:30 Riga.
std::string claim_text(const std::string& named, const std::string& filed,
                       const std::string& order_extra, const std::string& line_extra = "",
                       const std::string& customer = "") {
  return "[claim]\nid = \"P\"\nkind = \"promotion\"\nfiled_at = " + filed + "\n" + named +
         "\n[order]\nid = \"O\"\nplaced_at = 2026-12-05T23:30:00+02:00\nchannel = \"web\"\n" +
         order_extra + "\n" + test::line("A", "x", 1, "50.00") + line_extra + "\n" + customer;
}

}  // namespace

TEST_CASE("late codes: honoured within late_code_days counted from placed_at",
          "[promotion-claim]") {
  auto rules = test::rulebook(test::store("late_code_days = 3") + kPromotions);
  auto decide = [&](const std::string& filed) {
    return test::decide(
        rules,
        test::claim(claim_text("code = \"winter20\"", filed, "discount_received = \"0\""), rules));
  };
  // Day 0 is 5 Dec in Riga; 8 Dec 23:59 is day 3, 9 Dec 00:00 is day 4.
  auto day3 = decide("2026-12-08T23:59:00+02:00");
  CHECK(day3.verdict == engine::Verdict::approved);
  CHECK(money(day3.amount) == "10.00");
  CHECK(day3.promotion->id == "WINTER");
  auto day4 = decide("2026-12-08T22:00:00Z");
  CHECK(day4.verdict == engine::Verdict::denied);
  CHECK_THAT(day4.reasons.at(0), Catch::Contains("not entered at checkout"));
}

TEST_CASE("late_code_days 0 never adds a code", "[promotion-claim]") {
  auto rules = test::rulebook(test::store() + kPromotions);
  auto d =
      test::decide(rules, test::claim(claim_text("code = \"WINTER20\"", "2026-12-05T23:40:00+02:00",
                                                 "discount_received = \"0\""),
                                      rules));
  CHECK(d.verdict == engine::Verdict::denied);
}

TEST_CASE("a code that matches no promotion is denied", "[promotion-claim]") {
  auto rules = test::rulebook(test::store() + kPromotions);
  auto d =
      test::decide(rules, test::claim(claim_text("code = \"NOPE\"", "2026-12-06T10:00:00+02:00",
                                                 "codes = [\"NOPE\"]\ndiscount_received = \"0\""),
                                      rules));
  CHECK(d.verdict == engine::Verdict::denied);
  CHECK_THAT(d.reasons.at(0), Catch::Contains("matches no promotion"));
}

TEST_CASE("received: discount_received, else list − paid over every line, else review",
          "[promotion-claim]") {
  auto rules = test::rulebook(test::store() + kPromotions);
  const std::string named = "promotion = \"WINTER\"";
  const std::string filed = "2026-12-06T10:00:00+02:00";
  auto from_paid = test::decide(
      rules,
      test::claim(claim_text(named, filed, "codes = [\"WINTER20\"]", "paid = \"46.00\"\n"), rules));
  CHECK(from_paid.verdict == engine::Verdict::approved);
  CHECK(money(*from_paid.promotion->received) == "4.00");
  CHECK(money(*from_paid.promotion->entitled) == "10.00");
  CHECK(money(from_paid.amount) == "6.00");
  auto full = test::decide(
      rules,
      test::claim(claim_text(named, filed, "codes = [\"WINTER20\"]", "paid = \"40.00\"\n"), rules));
  CHECK(full.verdict == engine::Verdict::denied);
  CHECK_THAT(full.reasons.at(0), Catch::Contains("already received its full entitlement"));
  auto unknown =
      test::decide(rules, test::claim(claim_text(named, filed, "codes = [\"WINTER20\"]"), rules));
  CHECK(unknown.verdict == engine::Verdict::review);
}

TEST_CASE("a promotion that does not apply is denied with every failing condition",
          "[promotion-claim]") {
  auto rules = test::rulebook(test::store() + kPromotions);
  auto d = test::decide(rules,
                        test::claim(claim_text("promotion = \"CLUB\"", "2026-12-06T10:00:00+02:00",
                                               "discount_received = \"0\""),
                                    rules));
  CHECK(d.verdict == engine::Verdict::denied);
  REQUIRE(d.promotion->failed.size() == 1);
  CHECK(d.promotion->failed[0].key == "segments");
  CHECK_FALSE(d.promotion->applied);
}

TEST_CASE("a promotion blocked by another names it", "[promotion-claim]") {
  auto rules = test::rulebook(test::store() + kPromotions);
  auto d = test::decide(
      rules, test::claim(claim_text("promotion = \"CLUB\"", "2026-12-06T10:00:00+02:00",
                                    "codes = [\"WINTER20\"]\ndiscount_received = \"10\"", "",
                                    "[customer]\nsegments = [\"club\"]\n"),
                         rules));
  CHECK(d.verdict == engine::Verdict::denied);
  CHECK(d.promotion->blocked_by == "WINTER");
}

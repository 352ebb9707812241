// Gestures of goodwill (issue 17, docs/semantics.md §6): eligibility, the
// amount each gesture records, the limit counted to the claim's filing day,
// and the refusals; the rules' decision is never changed.
#include "engine_fixture.hpp"
#include "load/rulebook_loader.hpp"
#include "report/decision_json.hpp"

using namespace fineprint;
using test::money;

namespace {

const std::string kTable = R"([returns]
hit_policy = "first"
window_from = "delivery"

[[returns.rule]]
id = "WASHED"
when = { condition = ["washed"] }
outcome = "deny"
because = "Washed."

[[returns.rule]]
id = "ANY"
outcome = "refund"
)";

std::string goodwill(const std::string& id, const std::string& body) {
  return "[[goodwill]]\nid = \"" + id + "\"\ntitle = \"" + id + "\"\n" + body + "\n";
}

// Two washed items of one line of 3 units paid 20.00 (6.67 + 6.67 on the paid basis).
std::string washed_claim(const std::string& filed, const std::string& extra = "") {
  return "[claim]\nid = \"G\"\nkind = \"return\"\nfiled_at = " + filed +
         "\n[[claim.items]]\nsku = \"A\"\nqty = 2\ncondition = \"washed\"\nreason = \"changed_mind\"\n"
         "[order]\nid = \"O\"\nplaced_at = 2026-12-01T12:00:00+02:00\n"
         "delivered_at = 2026-12-02T12:00:00+02:00\nchannel = \"web\"\n"
         "[[order.lines]]\nsku = \"A\"\ncategory = \"hats\"\nqty = 3\nunit_price = \"10.00\"\n"
         "paid = \"20.00\"\n" +
         extra;
}

const engine::GoodwillOffer& offer(const engine::Decision& d, const std::string& id) {
  for (const auto& o : d.goodwill_offers)
    if (o.id == id) return o;
  FAIL("no offer " << id);
  static engine::GoodwillOffer none;
  return none;
}

}  // namespace

TEST_CASE("goodwill: each gesture's amount in minor units, capped", "[goodwill]") {
  auto rules = test::rulebook(
      test::store() + kTable +
      goodwill("REFUND",
               "refund_percent = \"12.5\"\noutcome_in = [\"deny\"]\nlimit_per_customer = 1") +
      goodwill("CAPPED", "refund_percent = 50\nmax_amount = \"5.00\"\noutcome_in = [\"deny\"]") +
      goodwill("FIXED", "amount = \"3.00\"\nmax_amount = \"2.50\"") +
      goodwill("NEW", "replacement = true\nlimit_per_customer = 1") +
      goodwill("NEW-CAPPED", "replacement = true\nmax_amount = \"13.00\"") +
      goodwill("VOUCHER", "voucher_percent = 20\nvoucher_days = 60\nmax_amount = \"15.00\"") +
      goodwill("VOUCHER-OPEN", "voucher_percent = 20\nvoucher_days = 60\nlimit_per_customer = 2"));
  auto d = test::decide(rules, test::claim(washed_claim("2027-01-05T10:00:00+02:00"), rules));
  CHECK(d.verdict == engine::Verdict::denied);  // the rules' answer stands
  CHECK(d.amount == 0);
  // 2 of 3 units paid 20.00: round_half_up(20.00 × 2 / 3) = 13.33.
  CHECK(money(*offer(d, "REFUND").amount) == "1.67");  // 12.5% of 13.33 = 1.666… → 1.67
  CHECK(money(*offer(d, "CAPPED").amount) == "5.00");  // 6.67 capped
  CHECK(offer(d, "CAPPED").capped);                    // so not "50% of the price"
  CHECK_FALSE(offer(d, "REFUND").capped);
  CHECK(money(*offer(d, "FIXED").amount) == "2.50");
  CHECK(money(*offer(d, "NEW").amount) == "13.33");
  CHECK_FALSE(offer(d, "NEW-CAPPED").eligible);
  CHECK(offer(d, "NEW-CAPPED").why_not ==
        "the items' paid value 13.33 EUR is more than its max_amount 13.00 EUR");
  CHECK(money(*offer(d, "VOUCHER").amount) == "15.00");  // a voucher records its cap
  CHECK_FALSE(offer(d, "VOUCHER-OPEN").amount.has_value());
  for (const auto& o : d.goodwill_offers)
    if (o.id != "NEW-CAPPED") CHECK(o.eligible);
}

TEST_CASE("goodwill: when and outcome_in use the returns rules' facts and decisions",
          "[goodwill]") {
  auto rules = test::rulebook(
      test::store() + kTable +
      goodwill("DENIED", "amount = \"1\"\noutcome_in = [\"deny\"]\nlimit_per_customer = 1") +
      goodwill("REFUNDED", "amount = \"1\"\noutcome_in = [\"refund\"]\nlimit_per_customer = 1") +
      goodwill("SEALED",
               "amount = \"1\"\nwhen = { condition = [\"sealed\"] }\nlimit_per_customer = 1") +
      goodwill("LOYAL", "amount = \"1\"\norders_before = { min = 1 }\nlimit_per_customer = 1") +
      goodwill("FEW-RETURNS",
               "amount = \"1\"\nwhen = { returns_90d = { max = 2 } }\nlimit_per_customer = 1"));
  auto d = test::decide(rules, test::claim(washed_claim("2027-01-05T10:00:00+02:00"), rules));
  CHECK(offer(d, "DENIED").eligible);
  CHECK(offer(d, "REFUNDED").why_not == "A is decided `deny`, not one of outcome_in [refund]");
  CHECK(offer(d, "SEALED").why_not == "its `when` condition does not hold for A");
  CHECK(offer(d, "LOYAL").why_not == "the claim does not say the customer's `orders_before`");
  CHECK(offer(d, "FEW-RETURNS").why_not == "the claim does not give `returns_90d` for A");

  auto known = test::decide(
      rules, test::claim(washed_claim("2027-01-05T10:00:00+02:00",
                                      "[customer]\norders_before = 0\nreturns_90d = 2\n"),
                         rules));
  CHECK(offer(known, "LOYAL").why_not == "the customer's orders_before 0 is not at least 1");
  CHECK(offer(known, "FEW-RETURNS").eligible);
}

TEST_CASE("goodwill: the limit counts local days to the claim's filing day", "[goodwill]") {
  auto rules =
      test::rulebook(test::store() + kTable +
                     goodwill("ONCE", "amount = \"1\"\nlimit_per_customer = 1\nperiod_days = 365") +
                     goodwill("TWICE", "amount = \"1\"\nlimit_per_customer = 2\nperiod_days = 30") +
                     goodwill("EVER", "amount = \"1\"\nlimit_per_customer = 1"));
  auto decide_with = [&](const std::string& filed, const std::string& history) {
    return test::decide(rules, test::claim(washed_claim(filed, "[customer]\n" + history), rules));
  };
  // Granted 2026-03-02 (Riga, 23:30 UTC on the 1st): counted until 2027-03-01.
  const std::string once = "[[customer.goodwill]]\nid = \"ONCE\"\nat = 2026-03-01T23:30:00Z\n";
  auto before = decide_with("2027-03-01T23:59:59+02:00", once);
  CHECK_FALSE(offer(before, "ONCE").eligible);
  CHECK(offer(before, "ONCE").again == "2027-03-02");
  CHECK(offer(decide_with("2027-03-02T00:00:00+02:00", once), "ONCE").eligible);
  CHECK(offer(before, "TWICE").eligible);  // other ids do not count

  // Three grants in 30 days, limit 2: possible again when the middle one leaves.
  const std::string three =
      "[[customer.goodwill]]\nid = \"TWICE\"\nat = 2027-01-01T10:00:00+02:00\n"
      "[[customer.goodwill]]\nid = \"TWICE\"\nat = 2027-01-03T10:00:00+02:00\n"
      "[[customer.goodwill]]\nid = \"TWICE\"\nat = 2027-01-10T10:00:00+02:00\n";
  CHECK(offer(decide_with("2027-01-12T10:00:00+02:00", three), "TWICE").again == "2027-02-02");

  const std::string ever = "[[customer.goodwill]]\nid = \"EVER\"\nat = 2016-01-01T10:00:00+02:00\n";
  auto never = decide_with("2027-01-12T10:00:00+02:00", ever);
  CHECK_FALSE(offer(never, "EVER").eligible);
  CHECK_FALSE(offer(never, "EVER").again.has_value());
}

TEST_CASE("goodwill: a grant is its own part, or refused", "[goodwill]") {
  auto rules = test::rulebook(
      test::store() + kTable +
      goodwill(
          "NOTED",
          "amount = \"2\"\nlimit_per_customer = 1\nrequires_note = true\noutcome_in = [\"deny\"]") +
      goodwill("REFUNDED", "amount = \"1\"\noutcome_in = [\"refund\"]\nlimit_per_customer = 1"));
  auto grant = [&](const std::string& choice) {
    return engine::decide(rules,
                          test::claim(washed_claim("2027-01-05T10:00:00+02:00", choice), rules));
  };
  auto granted = grant("[goodwill]\nid = \"NOTED\"\nnote = \"first time\"\n");
  REQUIRE(granted.ok());
  REQUIRE(granted.value().goodwill.has_value());
  CHECK(granted.value().goodwill->id == "NOTED");
  CHECK(money(*granted.value().goodwill->amount) == "2.00");
  CHECK(granted.value().goodwill->note == "first time");
  CHECK(granted.value().verdict == engine::Verdict::denied);
  CHECK(granted.value().amount == 0);

  auto no_note = grant("[goodwill]\nid = \"NOTED\"\nnote = \"  \"\n");
  REQUIRE_FALSE(no_note.ok());
  CHECK(no_note.error().rule == "goodwill/refused");
  CHECK(
      no_note.error().message ==
      "claim G: goodwill NOTED requires a note: say why it is granted (--note TEXT, or `note` in [goodwill])");
  auto not_eligible = grant("[goodwill]\nid = \"REFUNDED\"\n");
  REQUIRE_FALSE(not_eligible.ok());
  CHECK(
      not_eligible.error().message ==
      "claim G: goodwill REFUNDED cannot be granted: A is decided `deny`, not one of outcome_in [refund]");
  auto unknown = grant("[goodwill]\nid = \"NOTE\"\n");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().message ==
        "claim G: goodwill \"NOTE\" is not in the rulebook; did you mean \"NOTED\"?");
}

TEST_CASE("goodwill: batch weighs the gestures only to grant one, the record unchanged",
          "[goodwill]") {
  auto rules = test::rulebook(test::store() + kTable +
                              goodwill("DENIED", "amount = \"2\"\noutcome_in = [\"deny\"]") +
                              goodwill("REFUNDED", "amount = \"1\"\noutcome_in = [\"refund\"]"));
  const engine::CompiledRulebook compiled(rules);
  auto both = [&](const std::string& choice) {
    auto claim = test::claim(washed_claim("2027-01-05T10:00:00+02:00", choice), rules);
    auto weighed = engine::decide(compiled, claim);
    auto lean = engine::decide(compiled, claim, engine::GoodwillOffers::only_to_grant);
    REQUIRE(weighed.ok());
    REQUIRE(lean.ok());
    CHECK(report::decision_json(lean.value(), false) ==
          report::decision_json(weighed.value(), false));
    CHECK(weighed.value().goodwill_offers.size() == 2);
    return lean.value();
  };
  // Nothing asked for: nothing weighed.
  CHECK(both("").goodwill_offers.empty());
  // A gesture asked for: weighed, granted, in the record.
  auto granted = both("[goodwill]\nid = \"DENIED\"\n");
  CHECK(granted.goodwill_offers.size() == 2);
  REQUIRE(granted.goodwill.has_value());
  CHECK(money(*granted.goodwill->amount) == "2.00");
}

TEST_CASE("goodwill: the loader wants exactly one gesture and bounded numbers", "[goodwill]") {
  auto errors = [](const std::string& body) {
    auto loaded = load::load_rulebook_text(test::store() + kTable + goodwill("X", body), "r.toml");
    std::vector<std::string> out;
    for (const auto& d : loaded.diagnostics) out.push_back(d.rule + ": " + d.message);
    return out;
  };
  CHECK(
      errors("max_amount = \"1\"") ==
      std::vector<std::string>{
          "goodwill/gesture-count: goodwill X gives no gesture: write one of `voucher_percent`, `refund_percent`, `amount` or `replacement = true`"});
  CHECK(errors("voucher_percent = 10") ==
        std::vector<std::string>{
            "schema/missing-key: goodwill X is missing the required key `voucher_days`"});
  CHECK(
      errors("amount = \"1\"\nvoucher_days = 3") ==
      std::vector<std::string>{
          "schema/unknown-key: `voucher_days` in goodwill X belongs to a `voucher_percent` gesture"});
  CHECK(
      errors("amount = \"1\"\nperiod_days = 30") ==
      std::vector<std::string>{
          "schema/missing-key: `period_days` in goodwill X counts grants for `limit_per_customer`, which is missing"});
  CHECK(errors("amount = \"1\"\nlimit_per_customer = 0") ==
        std::vector<std::string>{
            "schema/wrong-type: `limit_per_customer` in goodwill X must be 1 or more, found 0"});
  CHECK(
      errors("amount = \"1\"\nlimit_per_customer = 99999999999") ==
      std::vector<std::string>{
          "schema/wrong-type: `limit_per_customer` in goodwill X is 99999999999; at most 1000000 (docs/limits.md)"});
  CHECK(errors("voucher_percent = 10\nvoucher_days = 0") ==
        std::vector<std::string>{
            "schema/wrong-type: `voucher_days` in goodwill X must be 1 or more, found 0"});
  CHECK(errors("amount = \"1\"\noutcome_in = [\"denny\"]") ==
        std::vector<std::string>{
            "schema/wrong-type: `denny` is not an outcome in goodwill X; did you mean `deny`?"});
}

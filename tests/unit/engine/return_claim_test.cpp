#include "engine_fixture.hpp"

using namespace fineprint;
using test::money;

namespace {

// A return claim of `items` against an order of `lines`.
std::string return_claim(const std::string& filed, const std::string& items,
                         const std::string& order_extra, const std::string& lines,
                         const std::string& customer = "") {
  return "[claim]\nid = \"R\"\nkind = \"return\"\nfiled_at = " + filed + "\n" + items +
         "[order]\nid = \"O\"\nplaced_at = 2026-10-01T12:00:00+03:00\nchannel = \"web\"\n" +
         order_extra + "\n" + lines + customer;
}

std::string item(const std::string& sku, int qty, const std::string& condition = "sealed",
                 const std::string& reason = "changed_mind") {
  return "[[claim.items]]\nsku = \"" + sku + "\"\nqty = " + std::to_string(qty) +
         "\ncondition = \"" + condition + "\"\nreason = \"" + reason + "\"\n";
}

std::string returns_table(const std::string& head, const std::string& rules) {
  return "[returns]\n" + head + "\n" + rules;
}

std::string rule(const std::string& id, const std::string& body) {
  return "[[returns.rule]]\nid = \"" + id + "\"\n" + body + "\n";
}

const std::string kWithin14 =
    returns_table("hit_policy = \"first\"\nwindow_from = \"delivery\"",
                  rule("in14", "when = { days = { max = 14 } }\noutcome = \"refund\"") +
                      rule("late", "outcome = \"deny\"\nbecause = \"too late\""));

}  // namespace

TEST_CASE("day 14 vs 15 across the DST change counts local calendar days", "[returns]") {
  auto rules = test::rulebook(test::store() + kWithin14);
  const std::string line = test::line("A", "x", 1, "10.00");
  const std::string delivered =
      "delivered_at = 2026-10-20T12:00:00+03:00";  // EEST; clocks go back on 25 Oct
  auto rule_for = [&](const std::string& filed) {
    return test::decide(rules,
                        test::claim(return_claim(filed, item("A", 1), delivered, line), rules))
        .items[0]
        .rule;
  };
  CHECK(rule_for("2026-11-03T23:59:59+02:00") == "in14");  // day 14, in EET
  CHECK(rule_for("2026-11-04T00:00:00+02:00") == "late");  // day 15
  CHECK(rule_for("2026-11-03T21:59:59Z") == "in14");       // the same instant written in UTC
  CHECK(rule_for("2026-11-03T22:00:00Z") == "late");
}

TEST_CASE("days count in the store zone across UTC midnight", "[returns]") {
  auto rules = test::rulebook(test::store() + kWithin14);
  const std::string line = test::line("A", "x", 1, "10.00");
  // Delivered 23:30 UTC on 10 Dec = 01:30 on 11 Dec in Riga: day 0 is 11 Dec.
  const std::string delivered = "delivered_at = 2026-12-10T23:30:00Z";
  auto rule_for = [&](const std::string& filed) {
    return test::decide(rules,
                        test::claim(return_claim(filed, item("A", 1), delivered, line), rules))
        .items[0]
        .rule;
  };
  CHECK(rule_for("2026-12-25T21:30:00Z") == "in14");  // 23:30 on 25 Dec in Riga: day 14
  CHECK(rule_for("2026-12-25T22:30:00Z") == "late");  // 00:30 on 26 Dec: day 15
}

TEST_CASE("a missing delivery date is review at the first days rule whose other keys hold",
          "[returns]") {
  auto rules = test::rulebook(
      test::store() +
      returns_table(
          "hit_policy = \"first\"\nwindow_from = \"delivery\"",
          rule("store-days",
               "when = { channel = [\"store\"], days = { max = 30 } }\noutcome = \"refund\"") +
              rule("always", "when = { condition = [\"sealed\"] }\noutcome = \"refund\"") +
              rule("web-days", "when = { days = { max = 14 } }\noutcome = \"refund\"")));
  auto d = test::decide(
      rules, test::claim(return_claim("2026-10-05T12:00:00+03:00", item("A", 1, "opened"), "",
                                      test::line("A", "x", 1, "10.00")),
                         rules));
  REQUIRE(d.items.size() == 1);
  CHECK(d.items[0].outcome == model::Outcome::review);
  CHECK(d.items[0].rule ==
        "web-days");  // store-days fails on channel first; always fails on condition
  CHECK(d.items[0].because == "the order has no delivery date");
  CHECK(d.verdict == engine::Verdict::review);
  REQUIRE(d.items[0].trace.size() == 3);
  CHECK(d.items[0].trace[0].key == "channel");
  CHECK(d.items[0].trace[2].kind == model::MatchKind::unknown);
}

TEST_CASE("returns_90d absent is unknown: review like a missing anchor", "[returns]") {
  auto rules =
      test::rulebook(test::store() +
                     returns_table("hit_policy = \"first\"",
                                   rule("serial",
                                        "when = { returns_90d = { min = 5 } }\noutcome = \"deny\"\n"
                                        "because = \"too many returns\"") +
                                       rule("ok", "outcome = \"refund\"")));
  const std::string line = test::line("A", "x", 1, "10.00");
  auto unknown = test::decide(
      rules, test::claim(return_claim("2026-10-05T12:00:00+03:00", item("A", 1), "", line), rules));
  CHECK(unknown.items[0].outcome == model::Outcome::review);
  CHECK(unknown.items[0].rule == "serial");
  auto known =
      test::decide(rules, test::claim(return_claim("2026-10-05T12:00:00+03:00", item("A", 1), "",
                                                   line, "[customer]\nreturns_90d = 1\n"),
                                      rules));
  CHECK(known.items[0].rule == "ok");
}

TEST_CASE("paid basis: k of qty units are worth round_half_up(paid × k / qty)", "[returns]") {
  auto rules = test::rulebook(test::store("rounding = \"down\"") +
                              returns_table("hit_policy = \"first\"\nrefund_basis = \"paid\"",
                                            rule("all", "outcome = \"refund\"")));
  auto refund = [&](int k, const std::string& paid, int qty) {
    std::string line = test::line("A", "x", qty, "10.00") + "paid = \"" + paid + "\"\n";
    return money(test::decide(rules, test::claim(return_claim("2026-10-05T12:00:00+03:00",
                                                              item("A", k), "", line),
                                                 rules))
                     .amount);
  };
  CHECK(refund(1, "10.00", 3) == "3.33");
  CHECK(refund(2, "10.00", 3) == "6.67");  // half-up regardless of the store's `down`
  CHECK(refund(1, "0.05", 2) == "0.03");   // 0.025 → 0.03
  CHECK(refund(3, "10.00", 3) == "10.00");
  // Without `paid` the line's entitled paid amount is the basis.
  auto none =
      test::decide(rules, test::claim(return_claim("2026-10-05T12:00:00+03:00", item("A", 1), "",
                                                   test::line("A", "x", 2, "7.25")),
                                      rules));
  CHECK(money(none.amount) == "7.25");
}

TEST_CASE("paid basis: two items of one line never exceed what the line cost", "[returns]") {
  auto rules = test::rulebook(
      test::store() + returns_table("hit_policy = \"first\"", rule("all", "outcome = \"refund\"")));
  std::string line = test::line("A", "x", 2, "10.00") + "paid = \"0.05\"\n";
  auto d =
      test::decide(rules, test::claim(return_claim("2026-10-05T12:00:00+03:00",
                                                   item("A", 1) + item("A", 1, "opened"), "", line),
                                      rules));
  CHECK(money(d.items[0].amount) == "0.03");
  CHECK(money(d.items[1].amount) == "0.02");
  CHECK(money(d.amount) == "0.05");
}

TEST_CASE("reprice: paid minus what the kept goods cost alone, clamped to what was paid",
          "[returns]") {
  const std::string table = returns_table("hit_policy = \"first\"\nrefund_basis = \"reprice\"",
                                          rule("all", "outcome = \"refund\""));
  SECTION("buy 1 get 1: returning the paid unit refunds the difference") {
    auto rules = test::rulebook(
        test::store() +
        "[[promotion]]\nid = \"B1G1\"\ntitle = \"t\"\nstarts = 2026-01-01\nends = 2027-06-01\n"
        "buy_x_get_y = { buy = 1, get = 1 }\n" +
        table);
    std::string lines = test::line("A", "x", 1, "30.00") + test::line("B", "x", 1, "10.00");
    auto back_a = test::decide(
        rules,
        test::claim(return_claim("2026-10-05T12:00:00+03:00", item("A", 1), "", lines), rules));
    CHECK(money(back_a.amount) == "20.00");  // paid 30 in all; B alone costs 10
    auto back_b = test::decide(
        rules,
        test::claim(return_claim("2026-10-05T12:00:00+03:00", item("B", 1), "", lines), rules));
    CHECK(money(back_b.amount) == "0.00");  // the free unit: 30 − 30
  }
  SECTION("never more than the returned units' paid value") {
    // B was charged full price though a 10% promotion applies to it alone.
    auto rules = test::rulebook(
        test::store() +
        "[[promotion]]\nid = \"TEN\"\ntitle = \"t\"\nstarts = 2026-01-01\nends = 2027-06-01\n"
        "percent_off = 10\nproducts = { skus = [\"B\"] }\n" +
        table);
    std::string lines = test::line("A", "x", 1, "30.00") + "paid = \"20.00\"\n" +
                        test::line("B", "x", 1, "50.00") + "paid = \"50.00\"\n";
    auto d = test::decide(
        rules,
        test::claim(return_claim("2026-10-05T12:00:00+03:00", item("A", 1), "", lines), rules));
    CHECK(money(d.amount) == "20.00");  // 70 − 45 = 25, clamped to A's 20.00
  }
  SECTION("split across items by paid value, largest remainder") {
    auto rules = test::rulebook(test::store() + table);
    std::string lines = test::line("A", "x", 1, "10.00") + test::line("B", "x", 1, "20.00") +
                        test::line("C", "x", 1, "5.00");
    auto d = test::decide(rules, test::claim(return_claim("2026-10-05T12:00:00+03:00",
                                                          item("A", 1) + item("B", 1), "", lines),
                                             rules));
    CHECK(money(d.items[0].amount) == "10.00");
    CHECK(money(d.items[1].amount) == "20.00");
  }
}

TEST_CASE("fees come off each refunded item with the store rounding", "[returns]") {
  auto run = [](const std::string& mode) {
    auto rules = test::rulebook(
        test::store("rounding = \"" + mode + "\"") +
        returns_table("hit_policy = \"first\"",
                      rule("fee", "outcome = \"store_credit\"\nfee_percent = \"12.5\"")));
    auto d = test::decide(rules, test::claim(return_claim("2026-10-05T12:00:00+03:00", item("A", 1),
                                                          "", test::line("A", "x", 1, "0.20")),
                                             rules));
    return std::make_pair(money(d.items[0].fee), money(d.amount));
  };
  CHECK(run("half_up") ==
        std::make_pair(std::string("0.03"), std::string("0.17")));  // 0.025 → 0.03
  CHECK(run("half_even") == std::make_pair(std::string("0.02"), std::string("0.18")));
  CHECK(run("down") == std::make_pair(std::string("0.02"), std::string("0.18")));
}

TEST_CASE("refund_shipping: only when every unit comes back and every item is refunded",
          "[returns]") {
  const std::string ship_rule = rule(
      "w", "when = { condition = [\"sealed\"] }\noutcome = \"refund\"\nrefund_shipping = true");
  auto rules = test::rulebook(
      test::store() + returns_table("hit_policy = \"first\"",
                                    ship_rule + rule("credit", "outcome = \"store_credit\"")));
  std::string lines = test::line("A", "x", 2, "10.00") + test::line("B", "x", 1, "5.00");
  const std::string shipping = "shipping = \"4.90\"";
  auto amount = [&](const std::string& items) {
    return money(test::decide(rules, test::claim(return_claim("2026-10-05T12:00:00+03:00", items,
                                                              shipping, lines),
                                                 rules))
                     .amount);
  };
  CHECK(amount(item("A", 2) + item("B", 1)) == "29.90");
  CHECK(amount(item("A", 1) + item("B", 1)) == "15.00");            // one unit kept
  CHECK(amount(item("A", 2) + item("B", 1, "opened")) == "25.00");  // B is store credit
}

TEST_CASE("verdict aggregation", "[returns]") {
  auto rules = test::rulebook(
      test::store() +
      returns_table(
          "hit_policy = \"first\"",
          rule("r", "when = { condition = [\"sealed\"] }\noutcome = \"refund\"") +
              rule("x", "when = { condition = [\"opened\"] }\noutcome = \"exchange\"") +
              rule("d",
                   "when = { condition = [\"used\"] }\noutcome = \"deny\"\nbecause = \"used\"") +
              rule("v",
                   "when = { condition = [\"washed\"] }\noutcome = \"review\"\nbecause = "
                   "\"look\"")));
  std::string lines = test::line("A", "x", 5, "10.00") + test::line("B", "x", 5, "10.00");
  auto verdict = [&](const std::string& items) {
    return test::decide(
               rules,
               test::claim(return_claim("2026-10-05T12:00:00+03:00", items, "", lines), rules))
        .verdict;
  };
  CHECK(verdict(item("A", 1) + item("B", 1, "opened")) == engine::Verdict::approved);
  CHECK(verdict(item("A", 1, "used") + item("B", 1, "used")) == engine::Verdict::denied);
  CHECK(verdict(item("A", 1) + item("B", 1, "used")) == engine::Verdict::partially_approved);
  CHECK(verdict(item("A", 1) + item("B", 1, "washed")) == engine::Verdict::review);
  CHECK(verdict(item("A", 1, "used") + item("B", 1, "washed")) == engine::Verdict::review);
}

TEST_CASE("unique hit policy: two matches is review naming both; no rule is review", "[returns]") {
  auto rules = test::rulebook(
      test::store() +
      returns_table("hit_policy = \"unique\"",
                    rule("a", "when = { condition = [\"sealed\"] }\noutcome = \"refund\"") +
                        rule("b", "when = { reason = [\"changed_mind\"] }\noutcome = \"refund\"")));
  std::string lines = test::line("A", "x", 2, "10.00");
  auto both = test::decide(
      rules,
      test::claim(return_claim("2026-10-05T12:00:00+03:00", item("A", 1), "", lines), rules));
  CHECK(both.items[0].outcome == model::Outcome::review);
  CHECK_THAT(*both.items[0].because, Catch::Contains("`a` and `b`"));
  auto none =
      test::decide(rules, test::claim(return_claim("2026-10-05T12:00:00+03:00",
                                                   item("A", 1, "used", "defective"), "", lines),
                                      rules));
  CHECK(none.items[0].outcome == model::Outcome::review);
  CHECK(none.items[0].rule.empty());
  CHECK(none.items[0].because == "no rule covers this case");
}

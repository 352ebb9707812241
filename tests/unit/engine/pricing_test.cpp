#include "engine/pricing.hpp"
#include "model/promotion_eligibility.hpp"

#include "engine_fixture.hpp"

using namespace fineprint;
using test::line;
using test::money;
using test::order;
using test::promo;
using test::status;

TEST_CASE("percent_off rounds halves by the store's rounding mode", "[pricing]") {
  // 10% of 0.05 = 0.005 and of 0.15 = 0.015: exactly half a cent each.
  auto run = [](const std::string& mode, const std::string& price) {
    auto rules =
        test::rulebook(test::store("rounding = \"" + mode + "\"") + promo("P", "percent_off = 10"));
    auto claim = test::claim(order(line("A", "x", 1, price)), rules);
    return money(test::price(rules, claim).total_discount);
  };
  CHECK(run("half_up", "0.05") == "0.01");
  CHECK(run("half_even", "0.05") == "0.00");
  CHECK(run("down", "0.05") == "0.00");
  CHECK(run("half_up", "0.15") == "0.02");
  CHECK(run("half_even", "0.15") == "0.02");
  CHECK(run("down", "0.15") == "0.01");
  CHECK(run("half_even", "0.25") == "0.02");
}

TEST_CASE("largest remainder allocation, ties to the earlier line", "[pricing]") {
  auto rules = test::rulebook(test::store() + promo("P", "amount_off = \"0.10\""));
  SECTION("equal lines: the leftover cent goes to the first") {
    auto p =
        test::price(rules, test::claim(order(line("A", "x", 1, "1.00") + line("B", "x", 1, "1.00") +
                                             line("C", "x", 1, "1.00")),
                                       rules));
    CHECK(money(p.lines[0].entitled_paid) == "0.96");
    CHECK(money(p.lines[1].entitled_paid) == "0.97");
    CHECK(money(p.lines[2].entitled_paid) == "0.97");
  }
  SECTION("the largest remainder wins over line order") {
    auto p = test::price(
        rules, test::claim(order(line("A", "x", 1, "1.00") + line("B", "x", 1, "2.00")), rules));
    CHECK(money(p.lines[0].allocations.at(0).amount) == "0.03");
    CHECK(money(p.lines[1].allocations.at(0).amount) == "0.07");
  }
  CHECK(engine::allocate(5, {1, 1, 1, 1}) == std::vector<core::Minor>{2, 1, 1, 1});
  CHECK(engine::allocate(0, {0, 0}) == std::vector<core::Minor>{0, 0});
}

TEST_CASE("buy_x_get_y: sorted by list price, incomplete groups get nothing", "[pricing]") {
  auto rules = test::rulebook(test::store() + promo("P", "buy_x_get_y = { buy = 2, get = 1 }"));
  SECTION("5 units: one complete group; its cheapest (third) unit is free") {
    // units 34 (C), 29 (B), 29 (B) | 19 (A), 19 (A): the 29 of B is free.
    auto p = test::price(rules,
                         test::claim(order(line("A", "x", 2, "19.00") + line("B", "x", 2, "29.00") +
                                           line("C", "x", 1, "34.00")),
                                     rules));
    CHECK(money(status(p, "P").discount) == "29.00");
    CHECK(p.lines[0].allocations.empty());
    CHECK(money(p.lines[1].allocations.at(0).amount) == "29.00");
    CHECK(p.lines[2].allocations.empty());
  }
  SECTION("6 units, two groups, allocated by the discounted units' list value") {
    // 34 34 29 | 29 19 19: the free units are a 29 (B) and a 19 (A).
    auto p = test::price(rules,
                         test::claim(order(line("A", "x", 2, "19.00") + line("B", "x", 2, "29.00") +
                                           line("C", "x", 2, "34.00")),
                                     rules));
    CHECK(money(status(p, "P").discount) == "48.00");
    CHECK(money(p.lines[0].allocations.at(0).amount) == "19.00");
    CHECK(money(p.lines[1].allocations.at(0).amount) == "29.00");
  }
  SECTION("ties in price keep line order; a partial percent rounds") {
    auto half = test::rulebook(test::store() +
                               promo("P", "buy_x_get_y = { buy = 1, get = 1, percent_off = 50 }"));
    auto p = test::price(
        half, test::claim(order(line("A", "x", 1, "0.05") + line("B", "x", 1, "0.05")), half));
    // the second unit (line B) is half off: 0.025 → 0.03 half-up
    CHECK(money(status(p, "P").discount) == "0.03");
    CHECK(p.lines[0].allocations.empty());
    CHECK(money(p.lines[1].allocations.at(0).amount) == "0.03");
  }
  SECTION("two units of buy 2 get 1: not a group, so it takes nothing off (v1.1)") {
    auto p = test::price(rules, test::claim(order(line("A", "x", 2, "19.00")), rules));
    CHECK(status(p, "P").status == engine::PromotionStatus::no_discount);
    CHECK(status(p, "P").no_discount == "the promotion's lines hold 2 units; a group needs 3");
    CHECK(status(p, "P").discount == 0);
    CHECK(status(p, "P").lines.empty());
  }
}

TEST_CASE("tiers: exactly at a threshold takes that tier; below the lowest is no candidate",
          "[pricing]") {
  auto rules = test::rulebook(test::store() +
                              promo("P",
                                    "tiers = [{ min_subtotal = \"50.00\", percent_off = 5 }, "
                                    "{ min_subtotal = \"100.00\", percent_off = 10 }]"));
  auto at = [&](const std::string& price) {
    return test::price(rules, test::claim(order(line("A", "x", 1, price)), rules));
  };
  CHECK(money(status(at("100.00"), "P").discount) == "10.00");
  CHECK(money(status(at("99.99"), "P").discount) == "5.00");  // 4.9995 → 5.00
  CHECK(money(status(at("50.00"), "P").discount) == "2.50");
  auto below = at("49.99");
  REQUIRE(status(below, "P").status == engine::PromotionStatus::not_candidate);
  REQUIRE(status(below, "P").failed.size() == 1);
  CHECK(status(below, "P").failed[0] == model::Condition::min_subtotal);
}

TEST_CASE("every failing candidate condition is recorded, in the spec's order", "[pricing]") {
  auto rules = test::rulebook(
      test::store() +
      promo("P",
            "percent_off = 10\nchannels = [\"store\"]\ncode = \"SAVE\"\n"
            "segments = [\"vip\"]\nfirst_order_only = true\n"
            "products = { categories = [\"x\"] }\nmin_quantity = 3\n"
            "min_subtotal = \"100\"\nlimit_per_customer = 1") +
      "[[promotion]]\nid = \"Q\"\ntitle = \"Q\"\nstarts = 2027-01-01\npercent_off = 5\n");
  auto p = test::price(
      rules, test::claim(order(line("A", "x", 1, "10.00"), "",
                               "[customer]\norders_before = 2\nredemptions = { P = 1 }\n"),
                         rules));
  std::vector<std::string> keys;
  for (auto f : status(p, "P").failed) keys.push_back(std::string(model::condition_key(f)));
  CHECK(keys == std::vector<std::string>{"channels", "code", "segments", "first_order_only",
                                         "min_subtotal", "min_quantity", "limit_per_customer"});
  REQUIRE(status(p, "Q").failed.size() == 1);
  CHECK(status(p, "Q").failed[0] == model::Condition::window);
}

TEST_CASE("exclusivity is per line; blocked by the earliest holder", "[pricing]") {
  SECTION("a higher priority promotion holds the line: blocked") {
    auto rules = test::rulebook(test::store() + promo("A", "percent_off = 10\npriority = 5") +
                                promo("B", "percent_off = 20"));
    auto p = test::price(rules, test::claim(order(line("X", "x", 1, "10.00")), rules));
    CHECK(status(p, "A").status == engine::PromotionStatus::applied);
    CHECK(status(p, "B").status == engine::PromotionStatus::blocked);
    CHECK(status(p, "B").blocked_by == "A");
  }
  SECTION("asymmetric combinable does not combine") {
    auto rules =
        test::rulebook(test::store() + promo("A", "percent_off = 10\ncombinable = [\"B\"]") +
                       promo("B", "percent_off = 20"));
    auto p = test::price(rules, test::claim(order(line("X", "x", 1, "10.00")), rules));
    CHECK(status(p, "B").status == engine::PromotionStatus::blocked);
  }
  SECTION("mutual lists combine; the second discounts the current amount") {
    auto rules =
        test::rulebook(test::store() + promo("A", "percent_off = 10\ncombinable = [\"B\"]") +
                       promo("B", "percent_off = 20\ncombinable = true"));
    auto p = test::price(rules, test::claim(order(line("X", "x", 1, "10.00")), rules));
    CHECK(money(status(p, "A").discount) == "1.00");
    CHECK(money(status(p, "B").discount) == "1.80");
    CHECK(money(p.lines[0].entitled_paid) == "7.20");
  }
  SECTION(
      "id ascending breaks a priority tie; a partly held scope still applies to the free lines") {
    auto rules = test::rulebook(
        test::store() + promo("B", "percent_off = 10\nproducts = { skus = [\"X\"] }") +
        promo("A", "percent_off = 50\nproducts = { skus = [\"X\", \"Y\"] }"));
    auto p = test::price(
        rules, test::claim(order(line("X", "x", 1, "10.00") + line("Y", "x", 1, "10.00")), rules));
    CHECK(status(p, "A").status == engine::PromotionStatus::applied);
    CHECK(status(p, "B").status == engine::PromotionStatus::blocked);
    CHECK(status(p, "B").blocked_by == "A");
  }
  SECTION("thresholds use the list subtotal of all scoped lines, also those held") {
    auto rules =
        test::rulebook(test::store() +
                       promo("A", "percent_off = 50\nproducts = { skus = [\"X\"] }\npriority = 1") +
                       promo("B", "amount_off = \"5\"\nmin_subtotal = \"20\""));
    auto p = test::price(
        rules, test::claim(order(line("X", "x", 1, "10.00") + line("Y", "x", 1, "10.00")), rules));
    REQUIRE(status(p, "B").status == engine::PromotionStatus::applied);
    CHECK(status(p, "B").lines == std::vector<std::size_t>{1});
    CHECK(money(p.lines[1].entitled_paid) == "5.00");
    REQUIRE(status(p, "B").held.size() == 1);
    CHECK(status(p, "B").held[0].holder == "A");
  }
}

TEST_CASE("free shipping is one more line; fixed price; max_discount", "[pricing]") {
  auto rules = test::rulebook(
      test::store() + promo("SHIP1", "free_shipping = true\npriority = 2") +
      promo("SHIP2", "free_shipping = true") +
      promo("FIX", "fixed_price = \"5.00\"\nmax_discount = \"7.00\"\ncombinable = true") +
      promo("SHIP0", "free_shipping = true\ncombinable = true\npriority = -1"));
  auto p =
      test::price(rules, test::claim(order(line("A", "x", 2, "6.00") + line("B", "x", 1, "20.00"),
                                           "shipping = \"4.90\""),
                                     rules));
  CHECK(money(status(p, "SHIP1").discount) == "4.90");
  CHECK(status(p, "SHIP2").blocked_by == "SHIP1");
  CHECK(status(p, "SHIP0").blocked_by == "SHIP1");
  // fixed price: (12 − 10) + (20 − 5) = 17, capped at 7, allocated 12 : 20.
  CHECK(money(status(p, "FIX").discount) == "7.00");
  CHECK(money(p.lines[0].allocations.at(0).amount) == "2.63");  // 2.625: remainder .5 beats .375
  CHECK(money(p.lines[1].allocations.at(0).amount) == "4.37");
  CHECK(money(p.total_discount) == "11.90");
  CHECK(money(p.shipping_paid) == "0.00");
}

TEST_CASE("code matching is ASCII case-insensitive", "[pricing]") {
  CHECK(model::codes_equal("Winter20", "WINTER20"));
  CHECK_FALSE(model::codes_equal("WINTER2O", "WINTER20"));
  auto rules = test::rulebook(test::store() + promo("P", "percent_off = 10\ncode = \"WINTER20\""));
  auto p = test::price(
      rules, test::claim(order(line("A", "x", 1, "10.00"), "codes = [\"winter20\"]"), rules));
  CHECK(status(p, "P").status == engine::PromotionStatus::applied);
}

TEST_CASE("overflow is an error value naming what overflowed", "[pricing]") {
  auto rules = test::rulebook(test::store() + promo("P", "percent_off = 10"));
  // The loader refuses such a price (docs/limits.md); the engine's checked
  // arithmetic is the second guard, so the model is built past the loader.
  auto c = test::claim(order(line("A", "x", 3, "1.00")), rules);
  c.order.lines[0].unit_price = 5'000'000'000'000'000'000;
  auto p = engine::price_order(rules, c.order, c.customer);
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().rule == "engine/overflow");
  CHECK_THAT(p.error().message, Catch::Contains("list amount of line `A`"));
}

TEST_CASE("buy_x_get_y counts runs, not units: a huge qty is cheap", "[pricing]") {
  auto rules = test::rulebook(test::store() + promo("P", "buy_x_get_y = { buy = 2, get = 1 }"));
  // 1 000 000 001 units: 333 333 333 complete groups, two units left over.
  // The loader allows at most 10,000 a line (docs/limits.md): the model is
  // built past it, since the engine must stay cheap whatever it is given.
  auto c = test::claim(order(line("A", "x", 1, "1.00") + line("B", "x", 1, "0.50")), rules);
  c.order.lines[0].qty = 1000000000;
  auto p = test::price(rules, c);
  CHECK(money(status(p, "P").discount) == "333333333.00");
  CHECK(p.lines[1].allocations.empty());  // the 0.50 unit is the last, in no complete group
}

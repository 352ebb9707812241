#include <catch2/catch.hpp>

#include <limits>

#include "core/money.hpp"

using namespace fineprint::core;

TEST_CASE("money parses decimals to minor units per currency precision", "[money]") {
  CHECK(parse_money("39.90", 2).value() == 3990);
  CHECK(parse_money("5", 2).value() == 500);
  CHECK(parse_money("0.5", 2).value() == 50);
  CHECK(parse_money("1500", 0).value() == 1500);
}

TEST_CASE("money rejects too many decimals as money/precision", "[money]") {
  auto three = parse_money("39.905", 2);
  REQUIRE_FALSE(three);
  CHECK(three.error().rule == "money/precision");
  auto yen = parse_money("1.5", 0);
  REQUIRE_FALSE(yen);
  CHECK(yen.error().rule == "money/precision");
}

TEST_CASE("money rejects text that is no plain decimal", "[money]") {
  for (const char* text : {"", "-1", "+1", "1.", ".5", "1,50", "1e3", "abc", " 1"}) {
    INFO(text);
    auto parsed = parse_money(text, 2);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().rule == "schema/wrong-type");
  }
}

TEST_CASE("money overflow is an error, never a wrap", "[money]") {
  CHECK(parse_money("92233720368547758.07", 2).value() == std::numeric_limits<std::int64_t>::max());
  CHECK_FALSE(parse_money("92233720368547758.08", 2));
  CHECK_FALSE(money_from_units(std::numeric_limits<std::int64_t>::max() / 10, 2));
  CHECK_FALSE(checked_add(std::numeric_limits<std::int64_t>::max(), 1));
  CHECK_FALSE(checked_mul(std::numeric_limits<std::int64_t>::max() / 2 + 1, 2));
  CHECK(checked_sub(0, 5).value() == -5);
}

TEST_CASE("money formats with exactly the currency's decimals", "[money]") {
  CHECK(format_money(3990, 2) == "39.90");
  CHECK(format_money(5, 2) == "0.05");
  CHECK(format_money(0, 2) == "0.00");
  CHECK(format_money(-150, 2) == "-1.50");
  CHECK(format_money(1500, 0) == "1500");
  CHECK(format_money(std::numeric_limits<std::int64_t>::min(), 2) == "-92233720368547758.08");
  CHECK(format_money(std::numeric_limits<std::int64_t>::max(), 2) == "92233720368547758.07");
  CHECK(format_money(1005, 3) == "1.005");
  CHECK(format_money(-5, 3) == "-0.005");
  CHECK(format_money(-7, 0) == "-7");
  CHECK(format_money(0, 3) == "0.000");
  CHECK(format_money(0, 0) == "0");
  CHECK(format_money(0, 0) == "0");
}

TEST_CASE("currencies fix their minor unit; unknown codes are unknown", "[money]") {
  CHECK(find_currency("EUR")->minor_digits == 2);
  CHECK(find_currency("JPY")->minor_digits == 0);
  CHECK(find_currency("ISK")->minor_digits == 0);
  CHECK_FALSE(find_currency("XYZ"));
  CHECK_FALSE(find_currency("eur"));
}

TEST_CASE("percent is hundredths of a percent", "[money]") {
  CHECK(parse_percent("12.5").value() == 1250);
  CHECK(parse_percent("20").value() == 2000);
  CHECK(percent_from_integer(20).value() == 2000);
  CHECK(parse_percent("12.345").error().rule == "money/precision");
  CHECK(format_percent(1250) == "12.5");
  CHECK(format_percent(2000) == "20");
  CHECK(format_percent(1) == "0.01");
}

TEST_CASE("each rounding mode on halves", "[money][rounding]") {
  // 2.5, 3.5, -2.5 and a non-half 2.4 / 2.6
  CHECK(divide_rounded(25, 10, Rounding::half_up).value() == 3);
  CHECK(divide_rounded(35, 10, Rounding::half_up).value() == 4);
  CHECK(divide_rounded(-25, 10, Rounding::half_up).value() == -3);
  CHECK(divide_rounded(25, 10, Rounding::half_even).value() == 2);
  CHECK(divide_rounded(35, 10, Rounding::half_even).value() == 4);
  CHECK(divide_rounded(-25, 10, Rounding::half_even).value() == -2);
  CHECK(divide_rounded(25, 10, Rounding::down).value() == 2);
  CHECK(divide_rounded(29, 10, Rounding::down).value() == 2);
  CHECK(divide_rounded(24, 10, Rounding::half_up).value() == 2);
  CHECK(divide_rounded(26, 10, Rounding::half_even).value() == 3);
  CHECK_FALSE(divide_rounded(1, 0, Rounding::half_up));
}

TEST_CASE("percent_of rounds amount × percent with the store's mode", "[money][rounding]") {
  // 20% of 39.90 = 7.98 exactly
  CHECK(percent_of(3990, 2000, Rounding::half_up).value() == 798);
  // 12.5% of 0.20 = 0.025 → 0.03 / 0.02 / 0.02
  CHECK(percent_of(20, 1250, Rounding::half_up).value() == 3);
  CHECK(percent_of(20, 1250, Rounding::half_even).value() == 2);
  CHECK(percent_of(20, 1250, Rounding::down).value() == 2);
  // 15% of 0.30 = 0.045 → half_even rounds to the even 0.04
  CHECK(percent_of(30, 1500, Rounding::half_even).value() == 4);
  // Large amounts do not overflow before the division.
  CHECK(percent_of(std::numeric_limits<std::int64_t>::max(), 10000, Rounding::half_up).value() ==
        std::numeric_limits<std::int64_t>::max());
}

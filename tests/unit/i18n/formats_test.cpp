// Amounts and dates as each language writes them, by ICU, whatever the
// machine's TZ and locale.
#include <catch2/catch.hpp>

#include "i18n/formats.hpp"

using namespace fineprint;

namespace {

const i18n::Catalog& load(std::string_view language) {
  auto found = i18n::catalog(language);
  REQUIRE(found);
  return **found;
}

std::string money(std::string_view language, core::Minor amount) {
  auto text = i18n::money(load(language), amount, core::Currency{"EUR", 2});
  REQUIRE(text);
  return *text;
}

core::LocalTime local(int y, unsigned m, unsigned d, int h = 0, int min = 0, int s = 0) {
  return date::local_days{date::year{y} / date::month{m} / date::day{d}} + std::chrono::hours{h} +
         std::chrono::minutes{min} + std::chrono::seconds{s};
}

std::string day(std::string_view language, core::LocalTime when,
                i18n::DateForm form = i18n::DateForm::date) {
  auto text = i18n::local_date(load(language), when, form);
  REQUIRE(text);
  return *text;
}

}  // namespace

TEST_CASE("amounts are written in each language's currency format", "[i18n]") {
  CHECK(money("en", 798) == "€7.98");
  CHECK(money("lv", 798) == "7,98\u00a0€");
  CHECK(money("lt", 798) == "7,98\u00a0€");
  CHECK(money("pl", 798) == "7,98\u00a0€");
  CHECK(money("ru", 798) == "7,98\u00a0€");
  CHECK(money("en", 123456789) == "€1,234,567.89");
  CHECK(money("lv", 123456789) == "1\u00a0234\u00a0567,89\u00a0€");
  CHECK(money("en", 0) == "€0.00");
  // Exact beyond a double's 53 bits.
  CHECK(money("en", 9007199254740993) == "€90,071,992,547,409.93");
}

TEST_CASE("dates are written as a native writer of each language would", "[i18n]") {
  const core::LocalTime when = local(2026, 12, 19);
  CHECK(day("en", when) == "19 December 2026");
  CHECK(day("lv", when) == "2026. gada 19. decembrī");  // locative: "on"
  CHECK(day("lt", when) == "2026 m. gruodžio 19 dieną");
  CHECK(day("pl", when) == "19 grudnia 2026 roku");
  CHECK(day("ru", when) == "19 декабря 2026 года");
  const core::LocalTime last = local(2026, 12, 31, 23, 59, 59);
  CHECK(day("en", last, i18n::DateForm::date_time_seconds) == "31 December 2026, 23:59:59");
  CHECK(day("lv", last, i18n::DateForm::date_time_seconds) ==
        "2026. gada 31. decembrī plkst. 23:59:59");
  CHECK(day("lv", local(2027, 3, 1)) == "2027. gada 1. martā");
}

TEST_CASE("a date is the local date of the store's zone, not the machine's", "[i18n]") {
  // 2026-12-18T22:30:00Z is already 19 December in Riga (+02:00).
  const core::Zone riga = core::find_zone("Europe/Riga");
  REQUIRE(riga);
  const core::Instant instant = date::sys_days{date::year{2026} / 12 / 18} +
                                std::chrono::hours{22} + std::chrono::minutes{30};
  auto text = i18n::date_in_zone(load("en"), riga, instant, i18n::DateForm::date_time);
  REQUIRE(text);
  CHECK(*text == "19 December 2026, 00:30");
}

TEST_CASE("percentages are written in each language's form", "[i18n]") {
  auto percent = [&](std::string_view language, core::BasisPoints value) {
    auto text = i18n::percent(load(language), value);
    REQUIRE(text);
    return *text;
  };
  CHECK(percent("en", 2000) == "20%");
  CHECK(percent("en", 1250) == "12.5%");
  CHECK(percent("lv", 1250) == "12,5%");  // CLDR: no space in Latvian
}

// The text/ lint rules on texts in several languages: how many findings, and
// which phrases (the fixtures under tests/lint/text/ check where they point).
#include <algorithm>

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "lint/linter.hpp"
#include "lint/rules/text_numbers.hpp"
#include "load/rulebook_loader.hpp"

using namespace fineprint;

namespace {

const std::string kStore =
    "[store]\nname = \"Księgarnia\"\ncurrency = \"PLN\"\ntimezone = \"Europe/Warsaw\"\n"
    "channels = [\"web\"]\nlocale = \"pl\"\n";

std::string promotion(const std::string& title) {
  return "[[promotion]]\nid = \"P\"\ntitle = \"" + title +
         "\"\nstarts = 2026-12-01T00:00:00+01:00\nends = 2026-12-08T00:00:00+01:00\n"
         "percent_off = 50\n";
}

std::vector<core::Diagnostic> findings(const std::string& toml, const std::string& rule) {
  auto loaded = load::load_rulebook_text(toml, "r.toml");
  REQUIRE(loaded.ok());
  std::vector<core::Diagnostic> out;
  for (auto& d : lint::lint_rulebook(loaded, lint::LintOptions{}))
    if (d.rule == rule) out.push_back(std::move(d));
  return out;
}

std::vector<std::string> vague_phrases_in(const std::string& title) {
  std::vector<std::string> out;
  for (const auto& d : findings(kStore + promotion(title), "text/vague-terms")) {
    auto open = d.message.find("says \"") + 6;
    out.push_back(d.message.substr(open, d.message.find('"', open) - open));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("text/vague-terms reports every vague phrase of a text", "[texts][lint]") {
  CHECK(vague_phrases_in("Rabat do 50% na wybrane tytuły, do wyczerpania zapasów") ==
        std::vector<std::string>{"do 50%", "do wyczerpania zapasów", "wybrane tytuły"});
  CHECK(vague_phrases_in("Promocja na wybrane książki. Rabat nawet 30%.") ==
        std::vector<std::string>{"nawet 30", "wybrane książki"});
  // Overlapping phrases are one: "nawet do 50%" is not also "do 50%".
  CHECK(vague_phrases_in("Rabat nawet do 50%") == std::vector<std::string>{"nawet do"});
  // "do" and "nawet" alone are "until" and "even".
  CHECK(vague_phrases_in("Rabat 50% do 7 grudnia, nawet w niedzielę") ==
        std::vector<std::string>{});
}

TEST_CASE("text/vague-terms reads every language of a text table", "[texts][lint]") {
  std::string store =
      "[store]\nname = \"Grāmatu Nams\"\ncurrency = \"EUR\"\ntimezone = \"Europe/Riga\"\n"
      "channels = [\"web\"]\nlanguages = [\"lv\", \"lt\", \"ru\", \"en\", \"pl\"]\n";
  std::string title =
      "title = { lv = \"Atlaide līdz pat 50%\", lt = \"Nuolaida kol turime prekių\", "
      "ru = \"Скидка до 50% на избранные книги\", en = \"Up to 50% off\", pl = \"Rabat 50%\" }\n";
  auto found = findings(store + "[[promotion]]\nid = \"P\"\n" + title +
                            "starts = 2026-12-01T00:00:00+02:00\nends = 2026-12-08T00:00:00+02:00\n"
                            "percent_off = 50\n",
                        "text/vague-terms");
  CHECK(found.size() == 5);
}

TEST_CASE("text/missing-translation names every missing language", "[texts][lint]") {
  std::string store =
      "[store]\nname = \"Grāmatu Nams\"\ncurrency = \"EUR\"\ntimezone = \"Europe/Riga\"\n"
      "channels = [\"web\"]\nlanguages = [\"lv\", \"en\", \"ru\"]\n";
  std::string rule =
      "[returns]\nhit_policy = \"first\"\n[[returns.rule]]\nid = \"USED\"\noutcome = \"deny\"\n";
  SECTION("a plain string when three languages are declared") {
    auto found = findings(store + rule + "because = \"Lietotas preces netiek pieņemtas.\"\n",
                          "text/missing-translation");
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == core::Severity::error);
    CHECK_THAT(found[0].message, Catch::Contains("has no text in en, ru"));
    CHECK(found[0].where.line == 12);
  }
  SECTION("a table without the default language") {
    auto found = findings(store + rule + "because = { en = \"No.\", ru = \"Нет.\" }\n",
                          "text/missing-translation");
    REQUIRE(found.size() == 1);
    CHECK_THAT(found[0].message, Catch::Contains("has no text in lv "));
  }
  SECTION("every language given") {
    CHECK(findings(store + rule + "because = { lv = \"Nē.\", en = \"No.\", ru = \"Нет.\" }\n",
                   "text/missing-translation")
              .empty());
  }
}

TEST_CASE("the numbers a text states, in every language", "[texts][lint]") {
  core::Currency eur{"EUR", 2};
  auto dates = [&](const std::string& text) {
    std::vector<std::string> out;
    for (const auto& d : lint::stated_numbers(text, eur).dates)
      out.push_back(fmt::format("{}-{:02}-{:02}", d.year ? *d.year : 0, d.month, d.day));
    return out;
  };
  CHECK(dates("no 2026. gada 1. novembra līdz 30. novembrim") ==
        std::vector<std::string>{"2026-11-01", "0-11-30"});
  CHECK(dates("nuo 2026 m. lapkričio 1 d. iki gruodžio 24 d.") ==
        std::vector<std::string>{"2026-11-01", "0-12-24"});
  CHECK(dates("od 18 stycznia 2027 r. do 30 listopada") ==
        std::vector<std::string>{"2027-01-18", "0-11-30"});
  CHECK(dates("с 00:00 18 января 2027 года до 1 мая") ==
        std::vector<std::string>{"2027-01-18", "0-05-01"});
  CHECK(dates("from 1 November 2026 to December 24, 2026; you may return it") ==
        std::vector<std::string>{"2026-11-01", "2026-12-24"});
  CHECK(dates("12.00 EUR, 3 for 2, 20% off, order 30").empty());

  auto numbers = lint::stated_numbers("Atlaide 12,5% un 10 %; 12,00 EUR, €5, 7.50 EUR, 3 zł", eur);
  REQUIRE(numbers.percents.size() == 2);
  CHECK(numbers.percents[0].value == 1250);
  CHECK(numbers.percents[1].value == 1000);
  REQUIRE(numbers.amounts.size() == 3);
  CHECK(numbers.amounts[0].value == 1200);
  CHECK(numbers.amounts[1].value == 500);
  CHECK(numbers.amounts[1].shown == "€5");
  CHECK(numbers.amounts[2].value == 750);
}

TEST_CASE("text/terms-contradict: percentages, amounts and dates against the data",
          "[texts][lint]") {
  std::string store =
      "[store]\nname = \"S\"\ncurrency = \"EUR\"\ntimezone = \"Europe/Riga\"\n"
      "channels = [\"web\"]\nlanguages = [\"pl\"]\n";
  auto promo = [&](const std::string& title, const std::string& terms) {
    return store + "[[promotion]]\nid = \"P\"\ntitle = \"" + title + "\"\nterms = \"" + terms +
           "\"\nstarts = 2026-11-01T00:00:00\nends = 2026-12-01T00:00:00\npercent_off = 20\n"
           "min_subtotal = \"50.00\"\n";
  };
  CHECK(findings(promo("Rabat 20%", "Od 1 do 30 listopada, od 50,00 EUR."), "text/terms-contradict")
            .empty());
  CHECK(findings(promo("Rabat 25%", "Od 1 do 30 listopada, od 50,00 EUR."), "text/terms-contradict")
            .size() == 1);
  CHECK(findings(promo("Rabat 20%", "Od 1 do 29 listopada, od 40,00 EUR."), "text/terms-contradict")
            .size() == 2);
  // 1 December is the day the window's exclusive end falls on: stated, not a contradiction.
  CHECK(findings(promo("Rabat 20%", "Od 1 listopada do 1 grudnia 2026, godz. 00:00."),
                 "text/terms-contradict")
            .empty());
}

// The message catalogs: every key in every language, every message valid ICU
// MessageFormat, plural forms by CLDR at the counts where languages differ.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

#include "i18n/catalog.hpp"
#include "run_process.hpp"

using namespace fineprint;

namespace {

const i18n::Catalog& load(std::string_view language) {
  auto found = i18n::catalog(language);
  INFO((found ? std::string{} : found.error().message));
  REQUIRE(found);
  return **found;
}

}  // namespace

TEST_CASE("there is a catalog for each of the five languages", "[i18n]") {
  CHECK(i18n::catalog_languages() == std::vector<std::string>{"en", "lt", "lv", "pl", "ru"});
  auto missing = i18n::catalog("de");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message ==
        "there is no message catalog for the language \"de\"; there are: en, lt, lv, pl, ru");
}

// The build parses i18n/*.toml and compiles the result in (issue 19): what
// catalog() hands out must be what parse_catalog makes of the files as they
// are now, text for text.
TEST_CASE("the compiled catalogs are parse_catalog of i18n/<language>.toml", "[i18n]") {
  const std::filesystem::path dir = std::filesystem::path(FINEPRINT_SOURCE_DIR) / "i18n";
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".toml") files.push_back(entry.path().stem().string());
  std::sort(files.begin(), files.end());
  CHECK(files == i18n::catalog_languages());
  for (const std::string& language : files) {
    INFO("i18n/" << language << ".toml");
    auto parsed =
        i18n::parse_catalog(language, fineprint::testing::read_text(dir / (language + ".toml")));
    INFO((parsed ? std::string{} : parsed.error().message));
    REQUIRE(parsed);
    const i18n::Catalog& compiled = load(language);
    CHECK(compiled.language() == parsed->language());
    CHECK(compiled.messages() == parsed->messages());
    CHECK(compiled.glossary() == parsed->glossary());
    CHECK(compiled.dates().date == parsed->dates().date);
    CHECK(compiled.dates().date_time == parsed->dates().date_time);
    CHECK(compiled.dates().date_time_seconds == parsed->dates().date_time_seconds);
    CHECK(compiled.dates().months == parsed->dates().months);
  }
}

TEST_CASE("every catalog has every message and glossary key of every other", "[i18n]") {
  std::set<std::string> messages, glossary;
  for (const auto& language : i18n::catalog_languages()) {
    for (const auto& [key, text] : load(language).messages()) messages.insert(key);
    for (const auto& [key, text] : load(language).glossary()) glossary.insert(key);
  }
  CHECK(messages.size() > 100);
  for (const auto& language : i18n::catalog_languages()) {
    const i18n::Catalog& catalog = load(language);
    for (const auto& key : messages) {
      INFO(language << " lacks message " << key);
      CHECK(catalog.messages().count(key) == 1);
    }
    for (const auto& key : glossary) {
      INFO(language << " lacks glossary term " << key);
      CHECK(catalog.glossary().count(key) == 1);
    }
  }
}

TEST_CASE("every message is valid ICU MessageFormat", "[i18n]") {
  for (const auto& language : i18n::catalog_languages()) {
    const i18n::Catalog& catalog = load(language);
    for (const auto& [key, text] : catalog.messages()) {
      // Formatting with no values fails only on a missing placeholder value
      // (named in the message) or on a pattern ICU refuses (not named).
      auto formatted = catalog.format(key);
      if (formatted) continue;
      INFO(language << " " << key << ": " << formatted.error().message);
      CHECK(formatted.error().message.find("needs a value for") != std::string::npos);
    }
  }
}

TEST_CASE("a missing placeholder value is an error, never \"{name}\" in the output", "[i18n]") {
  auto text = load("en").format("total.refund", {});
  REQUIRE_FALSE(text);
  CHECK(text.error().message == "the en message `total.refund` needs a value for `amount`");
  auto unknown = load("en").format("no.such.key", {});
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().message == "the en catalog has no message `no.such.key`");
}

// CLDR plural categories at 0 1 2 5 11 21 22 25 101:
//   en  other one   other other other other other other other
//   lv  zero  one   other other zero  one   other other one
//   lt  other one   few   few   other one   few   few   one
//   pl  many  one   few   many  many  many  few   many  many
//   ru  many  one   few   many  many  one   few   many  one
TEST_CASE("day counts take the plural form CLDR gives each number", "[i18n]") {
  const std::vector<std::int64_t> counts{0, 1, 2, 5, 11, 21, 22, 25, 101};
  auto forms = [&](std::string_view language) {
    std::vector<std::string> out;
    for (std::int64_t n : counts) {
      auto text = load(language).format("terms.when.days_max",
                                        {{"max", n}, {"event", std::string("delivery")}});
      REQUIRE(text);
      out.push_back(*text);
    }
    return out;
  };
  auto en = forms("en");
  CHECK(en[0] == "It comes back within 0 days of delivery.");
  CHECK(en[1] == "It comes back within 1 day of delivery.");
  CHECK(en[3] == "It comes back within 5 days of delivery.");
  CHECK(en[5] == "It comes back within 21 days of delivery.");
  auto lv = forms("lv");  // genitive: 1, 21, 101 singular "dienas"; the rest plural "dienu"
  CHECK(lv == std::vector<std::string>{"Prece tiek atgriezta 0 dienu laikā pēc piegādes.",
                                       "Prece tiek atgriezta 1 dienas laikā pēc piegādes.",
                                       "Prece tiek atgriezta 2 dienu laikā pēc piegādes.",
                                       "Prece tiek atgriezta 5 dienu laikā pēc piegādes.",
                                       "Prece tiek atgriezta 11 dienu laikā pēc piegādes.",
                                       "Prece tiek atgriezta 21 dienas laikā pēc piegādes.",
                                       "Prece tiek atgriezta 22 dienu laikā pēc piegādes.",
                                       "Prece tiek atgriezta 25 dienu laikā pēc piegādes.",
                                       "Prece tiek atgriezta 101 dienas laikā pēc piegādes."});
  auto lt = forms("lt");  // accusative: dieną (one), dienas (few), dienų (other)
  CHECK(lt == std::vector<std::string>{"Prekė grąžinama per 0 dienų nuo pristatymo.",
                                       "Prekė grąžinama per 1 dieną nuo pristatymo.",
                                       "Prekė grąžinama per 2 dienas nuo pristatymo.",
                                       "Prekė grąžinama per 5 dienas nuo pristatymo.",
                                       "Prekė grąžinama per 11 dienų nuo pristatymo.",
                                       "Prekė grąžinama per 21 dieną nuo pristatymo.",
                                       "Prekė grąžinama per 22 dienas nuo pristatymo.",
                                       "Prekė grąžinama per 25 dienas nuo pristatymo.",
                                       "Prekė grąžinama per 101 dieną nuo pristatymo."});
  auto pl = forms("pl");  // genitive after "w ciągu": dnia (one), dni (few, many)
  CHECK(pl ==
        std::vector<std::string>{
            "Towar wraca w ciągu 0 dni od dostawy.", "Towar wraca w ciągu 1 dnia od dostawy.",
            "Towar wraca w ciągu 2 dni od dostawy.", "Towar wraca w ciągu 5 dni od dostawy.",
            "Towar wraca w ciągu 11 dni od dostawy.", "Towar wraca w ciągu 21 dni od dostawy.",
            "Towar wraca w ciągu 22 dni od dostawy.", "Towar wraca w ciągu 25 dni od dostawy.",
            "Towar wraca w ciągu 101 dni od dostawy."});
  auto ru = forms("ru");  // genitive after "в течение": дня (one), дней (few, many)
  CHECK(ru == std::vector<std::string>{"Товар возвращается в течение 0 дней после доставки.",
                                       "Товар возвращается в течение 1 дня после доставки.",
                                       "Товар возвращается в течение 2 дней после доставки.",
                                       "Товар возвращается в течение 5 дней после доставки.",
                                       "Товар возвращается в течение 11 дней после доставки.",
                                       "Товар возвращается в течение 21 дня после доставки.",
                                       "Товар возвращается в течение 22 дней после доставки.",
                                       "Товар возвращается в течение 25 дней после доставки.",
                                       "Товар возвращается в течение 101 дня после доставки."});
}

TEST_CASE("the days after delivery take the case of their sentence", "[i18n]") {
  auto said = [&](std::string_view language, std::int64_t days) {
    auto text = load(language).format("fact.days", {{"filed", std::string("F")},
                                                    {"days", days},
                                                    {"event", std::string("delivery")},
                                                    {"event_date", std::string("E")}});
    REQUIRE(text);
    return *text;
  };
  // Latvian accusative: 1, 21, 101 "dienu"; 0, 11 (CLDR zero) and 2, 5, 22 "dienas".
  CHECK(said("lv", 21) == "Jūs mums rakstījāt F – 21 dienu pēc tam, kad prece tika piegādāta (E).");
  CHECK(said("lv", 11) ==
        "Jūs mums rakstījāt F – 11 dienas pēc tam, kad prece tika piegādāta (E).");
  // Lithuanian dative after "praėjus": dienai, dienoms, and the genitive dienų for 10–20.
  CHECK(said("lt", 101) == "Jūs mums parašėte F, praėjus 101 dienai po prekės pristatymo (E).");
  CHECK(said("lt", 22) == "Jūs mums parašėte F, praėjus 22 dienoms po prekės pristatymo (E).");
  CHECK(said("lt", 11) == "Jūs mums parašėte F, praėjus 11 dienų po prekės pristatymo (E).");
  // Polish: dzień, dni.
  CHECK(said("pl", 1) == "Napisali Państwo do nas F, 1 dzień po dostawie (E).");
  CHECK(said("pl", 22) == "Napisali Państwo do nas F, 22 dni po dostawie (E).");
  // Russian: день, дня, дней.
  CHECK(said("ru", 21) == "Вы написали нам F — через 21 день после доставки (E).");
  CHECK(said("ru", 22) == "Вы написали нам F — через 22 дня после доставки (E).");
  CHECK(said("ru", 25) == "Вы написали нам F — через 25 дней после доставки (E).");
}

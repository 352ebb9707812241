// Texts in several languages as the loaders read them (docs/format.md §1.3):
// both forms, [store] languages and locale, [store.letter], customer.language,
// and every mistake as a finding with file, line and column.
#include <catch2/catch.hpp>

#include "../engine/engine_fixture.hpp"
#include "load/claim_json.hpp"

using namespace fineprint;

namespace {

std::string store(const std::string& languages) {
  return "[store]\nname = \"Grāmatu Nams\"\ncurrency = \"EUR\"\ntimezone = \"Europe/Riga\"\n"
         "channels = [\"web\"]\n" +
         languages + "\n";
}

const std::string kRule =
    "[returns]\nhit_policy = \"first\"\n[[returns.rule]]\nid = \"USED\"\n"
    "when = { condition = [\"used\"] }\noutcome = \"deny\"\n";

struct Found {
  std::string rule;
  std::uint32_t line = 0, column = 0;
  std::string message;
};

std::vector<Found> errors(const std::string& toml) {
  auto loaded = load::load_rulebook_text(toml, "r.toml");
  std::vector<Found> out;
  for (const auto& d : loaded.diagnostics) {
    CHECK(d.where.file == "r.toml");
    if (d.severity == core::Severity::error)
      out.push_back({d.rule, d.where.line, d.where.column, d.message});
  }
  return out;
}

}  // namespace

TEST_CASE("a text is a string in the default language or a table of languages", "[texts]") {
  SECTION("a plain string is the default language's text") {
    auto rules = test::rulebook(store("languages = [\"lv\", \"en\"]") + kRule +
                                "because = \"Lietotas preces netiek pieņemtas.\"\n");
    const model::Text& because = rules.returns->rules[0].outcome.because;
    REQUIRE(because.by_language.size() == 1);
    REQUIRE(because.in("lv"));
    CHECK(*because.in("lv") == "Lietotas preces netiek pieņemtas.");
    CHECK(because.in("en") == nullptr);
    CHECK(because.where.line == 13);
    CHECK(rules.store.languages == std::vector<std::string>{"lv", "en"});
    CHECK(rules.store.default_language() == "lv");
  }
  SECTION("a table gives each language; the default text is the first declared") {
    auto rules = test::rulebook(
        store("languages = [\"en\", \"ru\"]") + kRule +
        "because = { ru = \"Бывшие в употреблении товары не принимаются.\", en = \"Used items are not taken back.\" }\n"
        "cite = { en = \"Terms §4\", ru = \"Правила, п. 4\" }\n");
    const model::OutcomeSpec& spec = rules.returns->rules[0].outcome;
    CHECK(spec.because.by_language.size() == 2);
    CHECK(*spec.because.in("ru") == "Бывшие в употреблении товары не принимаются.");
    CHECK(rules.store.default_text(spec.because) == "Used items are not taken back.");
    CHECK(rules.store.default_text(spec.cite) == "Terms §4");
    CHECK(spec.because.where.line == 13);
    CHECK(spec.because.where.column == 1);
  }
  SECTION("without languages or locale the store speaks English") {
    auto rules = test::rulebook(store("") + kRule + "because = \"Used.\"\n");
    CHECK(rules.store.languages == std::vector<std::string>{"en"});
    CHECK(*rules.returns->rules[0].outcome.because.in("en") == "Used.");
  }
  SECTION("locale is the one-language shorthand") {
    auto rules = test::rulebook(store("locale = \"pl\"") + kRule + "because = \"Zużyte.\"\n");
    CHECK(rules.store.languages == std::vector<std::string>{"pl"});
    CHECK(*rules.returns->rules[0].outcome.because.in("pl") == "Zużyte.");
  }
  SECTION("a plain store name is the name in every declared language") {
    auto rules = test::rulebook(store("languages = [\"lv\", \"en\", \"ru\"]"));
    CHECK(rules.store.name.by_language.size() == 3);
    CHECK(*rules.store.name.in("ru") == "Grāmatu Nams");
  }
  SECTION("[store.letter] holds signature, contact and appeal") {
    auto rules = test::rulebook(store(
        "languages = [\"lv\", \"en\"]\n[store.letter]\n"
        "signature = { lv = \"Ar cieņu, Grāmatu Nams\", en = \"Kind regards, Grāmatu Nams\" }\n"
        "contact = \"info@gramatunams.lv\"\n"
        "appeal = { lv = \"PTAC, www.ptac.gov.lv\", en = \"Consumer Rights Protection Centre, www.ptac.gov.lv\" }"));
    CHECK(*rules.store.letter.signature.in("en") == "Kind regards, Grāmatu Nams");
    CHECK(*rules.store.letter.contact.in("lv") == "info@gramatunams.lv");
    CHECK(rules.store.letter.appeal.by_language.size() == 2);
  }
}

TEST_CASE("text and language mistakes are findings with file, line and column", "[texts]") {
  SECTION("an unknown code in languages") {
    auto found = errors(store("languages = [\"lv\", \"de\"]"));
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "text/unknown-language");
    CHECK(found[0].line == 6);
    CHECK(found[0].column == 20);
  }
  SECTION("a text table naming an unsupported or undeclared language") {
    auto found = errors(store("languages = [\"lv\"]") + kRule +
                        "because = { lv = \"Nē.\", ru = \"Нет.\", xx = \"?\" }\n");
    REQUIRE(found.size() == 2);
    for (const auto& f : found) {
      CHECK(f.rule == "text/unknown-language");
      CHECK(f.line == 13);
    }
    CHECK(found[0].column == 25);
    CHECK_THAT(found[0].message, Catch::Contains("does not declare"));
    CHECK(found[1].column == 38);
  }
  SECTION("both languages and locale") {
    auto found = errors(store("languages = [\"lv\"]\nlocale = \"lv\""));
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "schema/unknown-key");
    CHECK(found[0].line == 7);
  }
  SECTION("a language twice, and an empty list") {
    auto twice = errors(store("languages = [\"lv\", \"lv\"]"));
    REQUIRE(twice.size() == 1);
    CHECK(twice[0].rule == "schema/wrong-type");
    auto none = errors(store("languages = []"));
    REQUIRE(none.size() == 1);
    CHECK(none[0].rule == "schema/wrong-type");
  }
  SECTION("a text that is neither a string nor a table of strings") {
    auto number = errors(store("") + kRule + "because = 3\n");
    REQUIRE(number.size() == 1);
    CHECK(number[0].rule == "schema/wrong-type");
    CHECK(number[0].line == 13);
    CHECK_THAT(number[0].message, Catch::Contains("a string or a table of languages"));
    auto inner = errors(store("") + kRule + "because = { en = 3 }\n");
    REQUIRE(inner.size() == 1);
    CHECK(inner[0].rule == "schema/wrong-type");
    CHECK(inner[0].column == 13);
    auto empty = errors(store("") + kRule + "because = {}\n");
    REQUIRE(empty.size() == 1);
    CHECK(empty[0].rule == "schema/wrong-type");
  }
  SECTION("[store.letter] without its contact") {
    auto found = errors(store("[store.letter]\nsignature = \"Shop\""));
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "schema/missing-key");
    CHECK_THAT(found[0].message, Catch::Contains("`contact`"));
  }
}

TEST_CASE("customer.language is read by both claim readers", "[texts][claims]") {
  auto rules = test::rulebook(store("languages = [\"lv\", \"en\"]") + kRule +
                              "because = { lv = \"Nē.\", en = \"No.\" }\n");
  auto toml = [](const std::string& language) {
    return test::order(test::line("A", "books", 1, "10.00"), "",
                       "[customer]\nid = \"K1\"\nlanguage = \"" + language + "\"\n");
  };
  const std::string json_head =
      R"({"claim":{"id":"C","kind":"promotion","filed_at":"2026-12-06T12:00:00+02:00","promotion":"P"},)"
      R"("order":{"id":"O","placed_at":"2026-12-05T12:00:00+02:00","channel":"web",)"
      R"("lines":[{"sku":"A","category":"books","qty":1,"unit_price":"10.00"}]},)";
  SECTION("a supported language, declared by the store or not") {
    CHECK(test::claim(toml("ru"), rules).customer.language == std::optional<std::string>("ru"));
    load::JsonClaimReader reader(rules);
    model::Claim claim;
    CHECK(reader.read(json_head + R"("customer":{"language":"lv"}})", claim).empty());
    CHECK(claim.customer.language == std::optional<std::string>("lv"));
  }
  SECTION("absent: not known") {
    auto claim = test::claim(test::order(test::line("A", "books", 1, "10.00")), rules);
    CHECK(!claim.customer.language);
  }
  SECTION("another code is an error at the key, with did-you-mean") {
    auto loaded = load::load_claim_text(toml("LV"), "c.toml", rules);
    REQUIRE(loaded.diagnostics.size() == 1);
    CHECK(loaded.diagnostics[0].rule == "claim/unknown-language");
    CHECK(loaded.diagnostics[0].where.line == 19);
    CHECK(loaded.diagnostics[0].where.column == 1);
    CHECK_THAT(loaded.diagnostics[0].message, Catch::Contains("did you mean `lv`?"));
    load::JsonClaimReader reader(rules);
    model::Claim claim;
    auto json = reader.read(json_head + R"("customer":{"language":"de"}})", claim);
    REQUIRE(json.size() == 1);
    CHECK(json[0].rule == "claim/unknown-language");
    CHECK(json[0].key_path == "customer.language");
  }
}

TEST_CASE("[store.names] gives ids the names customers read; an unknown id is an error",
          "[texts]") {
  const std::string names =
      "[store.names.channel]\nweb = { lv = \"interneta veikals\", en = \"online shop\" }\n"
      "fax = { lv = \"fakss\", en = \"fax\" }\n"
      "[store.names.category]\nhats = { lv = \"cepures\", en = \"hats\" }\n"
      "[catalog]\ncategories = [\"hats\"]\n";
  auto loaded = load::load_rulebook_text(store("languages = [\"lv\", \"en\"]\n") + names, "r.toml");
  const auto& channel = loaded.rulebook.store.names.channel;
  REQUIRE(channel.count("web") == 1);
  CHECK(*channel.at("web").in("lv") == "interneta veikals");
  CHECK(*loaded.rulebook.store.names.category.at("hats").in("en") == "hats");
  auto found = errors(store("languages = [\"lv\", \"en\"]\n") + names);
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "refs/unknown-channel");
  CHECK(found[0].line == 9);
  CHECK(found[0].message.find("named channel \"fax\"") != std::string::npos);
}

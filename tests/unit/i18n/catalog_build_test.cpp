// The message catalogs compiled at build time (issue 19): the C++ literals
// the generator writes, the source it writes, and fineprint_catalogs itself:
// a malformed catalog fails it (and so the build) with parse_catalog's
// message, an unchanged one leaves its output alone.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

#include "i18n/catalog_source.hpp"
#include "run_process.hpp"

using namespace fineprint;
using fineprint::testing::contains;
using fineprint::testing::describe;
using fineprint::testing::read_text;
using fineprint::testing::run_process;

namespace {

const std::filesystem::path kCatalogDir = std::filesystem::path(FINEPRINT_SOURCE_DIR) / "i18n";

i18n::Catalog catalog_of(std::string language, std::string message) {
  return i18n::Catalog(std::move(language), {{"letter.greeting", std::move(message)}}, {},
                       i18n::DateStyle{"d MMMM y", "d MMMM y HH:mm", "d MMMM y HH:mm:ss", {}});
}

}  // namespace

TEST_CASE("a C++ literal of the generator keeps every byte, whatever it is", "[i18n]") {
  CHECK(i18n::cpp_string_literal("") == "\"\"sv");
  CHECK(i18n::cpp_string_literal("Dear {name},") == "\"Dear {name},\"sv");
  // Quote and backslash escaped; a raw string's delimiter means nothing here.
  CHECK(i18n::cpp_string_literal(R"(say "hi" \ )fp")") == R"("say \"hi\" \\ )fp\""sv)");
  // Newline, tab, NUL and a digit after it (three octal digits always), UTF-8.
  const std::string bytes(
      "a\n\tb\0"
      "7\xc4\x81\x7f",
      9);
  CHECK(i18n::cpp_string_literal(bytes) == R"("a\012\011b\0007\304\201\177"sv)");
}

TEST_CASE("the compiled catalogs' source is sorted by language and the same every time", "[i18n]") {
  const i18n::Catalog lv = catalog_of("lv", "Labdien!");
  const i18n::Catalog en = catalog_of("en", "Hello \"you\"");
  const std::string source = i18n::catalogs_source({&lv, &en});
  CHECK(source == i18n::catalogs_source({&en, &lv}));
  CHECK(source.find("{\"en\"sv, kMessages0, {},") != std::string::npos);
  CHECK(source.find("{\"lv\"sv, kMessages1, {},") != std::string::npos);
  CHECK(contains(source, "{\"letter.greeting\"sv, \"Hello \\\"you\\\"\"sv},"));
  CHECK(contains(source, "constinit const std::size_t kCatalogCount = 2;"));
  // No glossary and no month names: empty spans, not empty arrays.
  CHECK_FALSE(contains(source, "kGlossary0[]"));
  CHECK_FALSE(contains(source, "kMonths0[]"));
}

TEST_CASE("fineprint_catalogs writes the source the library was built from", "[i18n]") {
  fineprint::testing::TempDir dir;
  const std::filesystem::path out = dir.path() / "catalogs_data.cpp";
  std::vector<std::string> argv{FINEPRINT_CATALOGS_EXE, out.string()};
  for (const char* language : {"en", "lt", "lv", "pl", "ru"})
    argv.push_back((kCatalogDir / (std::string(language) + ".toml")).string());
  auto made = run_process(argv);
  INFO(describe(made));
  REQUIRE(made.exit_code == 0);
  CHECK(read_text(out) == read_text(FINEPRINT_CATALOGS_CPP));
  // Unchanged catalogs leave the output alone: nothing is rebuilt.
  const auto old = std::filesystem::file_time_type::clock::now() - std::chrono::hours(24);
  std::filesystem::last_write_time(out, old);
  REQUIRE(run_process(argv).exit_code == 0);
  CHECK(std::filesystem::last_write_time(out) == old);
}

TEST_CASE("fineprint_catalogs refuses a malformed catalog, naming the file and the key", "[i18n]") {
  fineprint::testing::TempDir dir;
  const std::string good = read_text(kCatalogDir / "en.toml");
  auto run = [&](const std::string& language, const std::string& text) {
    auto path = dir.write(language + ".toml", text);
    return run_process({FINEPRINT_CATALOGS_EXE, (dir.path() / "out.cpp").string(),
                        (kCatalogDir / "lv.toml").string(), path.string()});
  };
  auto not_text = run("de", good + "\n[letter.extra]\ncount = 3\n");
  INFO(describe(not_text));
  CHECK(not_text.exit_code == 1);
  CHECK(not_text.err == "fineprint_catalogs: i18n/de.toml: `letter.extra.count` is not a string\n");
  auto no_dates = run("fr", "[glossary]\n[letter]\ngreeting = \"Bonjour\"\n");
  CHECK(no_dates.exit_code == 1);
  CHECK(contains(no_dates.err, "i18n/fr.toml needs a [dates] and a [glossary] table"));
  auto broken = run("it", "[letter\n");
  CHECK(broken.exit_code == 1);
  CHECK(contains(broken.err, "fineprint_catalogs: i18n/it.toml: "));
  CHECK_FALSE(std::filesystem::exists(dir.path() / "out.cpp"));
  // Two files of one language (lv.toml in two folders).
  auto twice = run("lv", good);
  CHECK(twice.exit_code == 1);
  CHECK(contains(twice.err, "two catalogs of the language lv"));
}

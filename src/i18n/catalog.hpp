// Message catalogs (i18n/<language>.toml, parsed and compiled in at build
// time by fineprint_catalogs, src/catalogs_main.cpp): whole
// sentences in ICU MessageFormat with named placeholders and ICU plural and
// select, a glossary of the consumer-law terms each language's authority uses,
// and the date and time patterns of the language. Letters and terms take every
// customer-facing sentence from here; nothing is glued from pieces.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/result.hpp"

namespace fineprint::i18n {

// A placeholder's value: an integer (plural, select on numbers, `#`) or text
// already in the language (an amount, a date, a rulebook text).
using ArgValue = std::variant<std::int64_t, std::string>;
struct Arg {
  std::string_view name;
  ArgValue value;
};
using Args = std::vector<Arg>;

// What a catalog says about writing dates: ICU SimpleDateFormat patterns, and
// for a language whose dates in running text take another case than ICU's
// month names (Latvian "19. decembrī"), the twelve month names to use.
struct DateStyle {
  std::string date;       // "d MMMM y"
  std::string date_time;  // "d MMMM y HH:mm"
  std::string date_time_seconds;
  std::vector<std::string> months;  // empty: ICU's own
};

class Catalog {
 public:
  // Inline: the build-time generator makes catalogs without linking ICU.
  Catalog(std::string language, std::map<std::string, std::string, std::less<>> messages,
          std::map<std::string, std::string, std::less<>> glossary, DateStyle dates)
      : language_(std::move(language)),
        messages_(std::move(messages)),
        glossary_(std::move(glossary)),
        dates_(std::move(dates)) {}

  const std::string& language() const { return language_; }
  const DateStyle& dates() const { return dates_; }
  const std::map<std::string, std::string, std::less<>>& messages() const { return messages_; }
  const std::map<std::string, std::string, std::less<>>& glossary() const { return glossary_; }

  // The message `key` with `args` put in by ICU MessageFormat. Errors: an
  // unknown key, a pattern ICU refuses, a placeholder without a value.
  core::Result<std::string> format(std::string_view key, const Args& args = {}) const;

 private:
  std::string language_;
  std::map<std::string, std::string, std::less<>> messages_;
  std::map<std::string, std::string, std::less<>> glossary_;
  DateStyle dates_;
};

// The languages that have a catalog, sorted: en, lt, lv, pl, ru.
std::vector<std::string> catalog_languages();

// The catalog of `language`, made once from the tables compiled in and kept.
// Error: no such catalog (the message lists the languages there are).
core::Result<const Catalog*> catalog(std::string_view language);

// Parses and checks a catalog's TOML text (catalog_parse.cpp): what the
// build does to every i18n/*.toml before compiling it in. Errors name the
// file and the key.
core::Result<Catalog> parse_catalog(std::string_view language, std::string_view text);

}  // namespace fineprint::i18n

// Message catalogs (i18n/<language>.toml, embedded at build time): whole
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
  Catalog(std::string language, std::map<std::string, std::string, std::less<>> messages,
          std::map<std::string, std::string, std::less<>> glossary, DateStyle dates);

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

// The catalog of `language`, parsed once and kept. Error: no such catalog
// (the message lists the languages there are) or a catalog that is malformed.
core::Result<const Catalog*> catalog(std::string_view language);

// Parses a catalog's TOML text (what catalog() does for an embedded one).
core::Result<Catalog> parse_catalog(std::string_view language, std::string_view text);

}  // namespace fineprint::i18n

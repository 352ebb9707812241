// A customer-facing text of the rulebook, in one or more languages
// (docs/format.md §1.7): `because = "…"` (the store's default language) or
// `because = { lv = "…", en = "…" }`. Absent texts are empty.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_range.hpp"

namespace fineprint::model {

struct Text {
  // Language code (en, lv, lt, pl, ru) → the text in it, NFC.
  std::map<std::string, std::string, std::less<>> by_language;
  core::SourceRange where;  // key start to value end (the string, or the table of languages)

  // The text in exactly `language`, or nullptr: no fallback here.
  const std::string* in(std::string_view language) const;
  bool empty() const { return by_language.empty(); }

  friend bool operator==(const Text&, const Text&) = default;
};

// The languages a store may answer in, in this order: the codes fineprint
// has catalogs and phrase lists for.
const std::vector<std::string>& supported_languages();
bool is_supported_language(std::string_view code);

// The text to show in `language`, else in the first of `fallbacks` that has
// one, else its first language; empty for an empty text. Used where one
// language must be shown (the English outputs show the store's default).
const std::string& text_in(const Text& text, std::string_view language,
                           const std::vector<std::string>& fallbacks);

}  // namespace fineprint::model

// The message catalogs of i18n/*.toml as the build parsed and checked them:
// fineprint_catalogs (src/catalogs_main.cpp, catalog_source.cpp) writes the
// definitions into build/generated/catalogs_data.cpp, compiled into the
// library. catalog() makes a Catalog from these without parsing any TOML.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace fineprint::i18n::generated {

// A message ("letter.greeting") or glossary term and its text, byte for byte.
struct CompiledText {
  std::string_view key;
  std::string_view text;
};

// DateStyle as static data.
struct CompiledDates {
  std::string_view date;
  std::string_view date_time;
  std::string_view date_time_seconds;
  std::span<const std::string_view> months;  // empty, or twelve
};

struct CompiledCatalog {
  std::string_view language;               // the file name without .toml: "lv"
  std::span<const CompiledText> messages;  // sorted by key
  std::span<const CompiledText> glossary;  // sorted by key
  CompiledDates dates;
};

// Sorted by language.
extern const CompiledCatalog kCatalogs[];
extern const std::size_t kCatalogCount;

}  // namespace fineprint::i18n::generated

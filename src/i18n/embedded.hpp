// The message catalogs of i18n/*.toml as compiled into the library
// (cmake/embed_files.cmake generates the definitions at build time).
#pragma once

#include <cstddef>
#include <string_view>

namespace fineprint::i18n::generated {

struct EmbeddedCatalog {
  std::string_view language;  // the file name without .toml: "lv"
  std::string_view text;      // the TOML, byte for byte
};

extern const EmbeddedCatalog kCatalogs[];
extern const std::size_t kCatalogCount;

}  // namespace fineprint::i18n::generated

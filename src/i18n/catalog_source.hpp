// The C++ source of the compiled catalogs (compiled_catalogs.hpp): what the
// build-time program fineprint_catalogs writes from the parsed i18n/*.toml.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "i18n/catalog.hpp"

namespace fineprint::i18n {

// `bytes` as a C++ string_view literal ("…"sv) that holds exactly those
// bytes: printable ASCII as itself (with \" and \\), every other byte as a
// three-digit octal escape, so no source character set, line ending or NUL
// can change a text.
std::string cpp_string_literal(std::string_view bytes);

// The definitions of generated::kCatalogs and kCatalogCount for `catalogs`,
// sorted by language. The same catalogs give the same bytes.
std::string catalogs_source(std::vector<const Catalog*> catalogs);

}  // namespace fineprint::i18n

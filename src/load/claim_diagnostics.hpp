// How the semantic claim checks (claim_validate.cpp, claim_without_order.cpp)
// point at what they report: a line and column where the reader knew one
// (TOML, through ClaimPlaces), else the file alone; and the key path, which
// is all a JSON claim has to name a value (`order.lines[0].qty`).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/diagnostic.hpp"
#include "core/did_you_mean.hpp"
#include "load/claim_loader.hpp"
#include "load/table_reader.hpp"
#include "model/rulebook.hpp"

namespace fineprint::load::detail {

struct Place {
  core::SourceRange where;
  std::string key_path;
};

inline Place at(const core::SourceRange& place, const ClaimPlaces& places, std::string key_path) {
  return {place.known() || !place.file.empty() ? place : places.file, std::move(key_path)};
}

inline void flag(core::Diagnostics& out, std::string rule, std::string message, Place place,
                 std::string help = {}) {
  add_error(out, std::move(rule), std::move(message), std::move(place.where), std::move(help));
  out.back().key_path = std::move(place.key_path);
}

// "; did you mean `SKU`?" for the catalog's product sku nearest to `sku`, or
// "" when none is near. The index of the catalog's skus is built in `index`
// at the first call, once for a whole claim.
// "unknown X `y`; did you mean `z`?" with the known names as help otherwise.
inline void unknown_name(core::Diagnostics& out, std::string rule, std::string_view what,
                         const std::string& name, const std::vector<std::string>& known,
                         Place place) {
  std::string message = fmt::format("unknown {} `{}`", what, name);
  auto suggestion = core::did_you_mean(name, known);
  if (suggestion) message += fmt::format("; did you mean `{}`?", *suggestion);
  flag(out, std::move(rule), std::move(message), std::move(place),
       suggestion ? std::string{} : fmt::format("known: {}", fmt::join(known, ", ")));
}

inline std::string nearest_product(const model::Rulebook& rulebook, std::string_view sku,
                                   std::optional<core::Suggester>& index) {
  if (!rulebook.catalog) return {};
  if (!index) {
    std::vector<std::string> known;
    for (const auto& product : rulebook.catalog->products) known.push_back(product.sku.value);
    index.emplace(std::move(known));
  }
  auto near = index->suggest(sku);
  return near ? fmt::format("; did you mean `{}`?", *near) : std::string{};
}

}  // namespace fineprint::load::detail

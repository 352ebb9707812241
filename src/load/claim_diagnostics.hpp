// How the semantic claim checks (claim_validate.cpp, claim_without_order.cpp)
// point at what they report: a line and column where the reader knew one
// (TOML, through ClaimPlaces), else the file alone; and the key path, which
// is all a JSON claim has to name a value (`order.lines[0].qty`).
#pragma once

#include <string>

#include "core/diagnostic.hpp"
#include "load/claim_loader.hpp"
#include "load/table_reader.hpp"

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

}  // namespace fineprint::load::detail

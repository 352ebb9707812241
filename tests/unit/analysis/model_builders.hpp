// Rulebooks built in code for the analysis tests: small, with every entity
// given a distinct source line so that findings can be told apart.
#pragma once

#include <string>
#include <vector>

#include "model/rulebook.hpp"

namespace fineprint::analysis::test {

inline model::Names names(const std::vector<std::string>& values) {
  model::Names out;
  for (const auto& v : values) out.push_back({v, {}});
  return out;
}

inline core::SourceRange at_line(std::uint32_t line) {
  return {"test.toml", line, 1, line, 2};
}

inline model::Store store(bool eu = false) {
  model::Store s;
  s.name.by_language = {{"en", "Shop"}};
  s.currency = {"EUR", 2};
  s.timezone = {"Europe/Riga", {}};
  s.zone = core::find_zone("Europe/Riga");
  s.channels = names({"web", "store"});
  s.distance_channels = names({"web"});
  s.jurisdiction = eu ? model::Jurisdiction::eu : model::Jurisdiction::none;
  s.where = at_line(1);
  return s;
}

// Line numbers that identify what a finding points at.
inline constexpr std::uint32_t kReturnsLine = 2;
inline constexpr std::uint32_t kOtherwiseLine = 3;
inline constexpr std::uint32_t kWindowLine = 4;
inline constexpr std::uint32_t kRuleLine = 100;     // + rule index
inline constexpr std::uint32_t kOutcomeLine = 200;  // + rule index
inline constexpr std::uint32_t kAssertLine = 300;   // + assert index
inline constexpr std::uint32_t kPromoLine = 400;    // + promotion index

}  // namespace fineprint::analysis::test

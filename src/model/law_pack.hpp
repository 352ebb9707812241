// The consumer law a `store.jurisdiction` brings (docs/law.md): the EU floors
// every member state shares, and what each supported country adds. Only what
// the team can cite is here; the rest is listed in docs/law.md as not covered.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "model/rulebook.hpp"

namespace fineprint::model {

struct LawPack {
  Jurisdiction jurisdiction = Jurisdiction::none;
  std::string_view code;     // as written in `store.jurisdiction`
  std::string_view country;  // "the EU" for the EU-only pack
  // The legal guarantee: a lack of conformity that becomes apparent within
  // this many days of delivery (Directive (EU) 2019/771 art. 10(1): 2 years).
  std::int64_t guarantee_days = 730;
  std::string_view guarantee_statute;  // the national law on top of art. 10; empty for `EU`
  // Art. 11: a lack of conformity that becomes apparent within this many
  // years of delivery is presumed to have existed at delivery (1 year; a
  // member state may set 2, art. 11(2)).
  std::int64_t presumption_years = 1;
  std::string_view presumption_statute;  // the full citation
  // Art. 12: a member state may require the consumer to notify a lack of
  // conformity within at least 2 months of discovering it. Absent: no duty
  // the team can cite, nothing checked.
  std::optional<std::int64_t> notification_months;
  std::string_view notification_statute;
};

// The EU floors (the `EU` pack) and the country packs, in the order of the
// `jurisdiction` values the format accepts. Citations name the article where
// the team can; docs/law.md lists what is not covered.
inline const std::array<LawPack, 5>& law_packs() {
  static const std::array<LawPack, 5> packs{{
      {Jurisdiction::eu, "EU", "the EU", 730, "", 1, "Directive (EU) 2019/771 art. 11(1)",
       std::nullopt, ""},
      {Jurisdiction::lv, "LV", "Latvia", 730, "Patērētāju tiesību aizsardzības likums art. 27", 1,
       "Directive (EU) 2019/771 art. 11(1); Patērētāju tiesību aizsardzības likums", 2,
       "Directive (EU) 2019/771 art. 12; Patērētāju tiesību aizsardzības likums"},
      {Jurisdiction::lt, "LT", "Lithuania", 730, "Civilinis kodeksas art. 6.363", 1,
       "Directive (EU) 2019/771 art. 11(1); Civilinis kodeksas art. 6.363", std::nullopt, ""},
      {Jurisdiction::pl, "PL", "Poland", 730, "Ustawa o prawach konsumenta art. 43c", 2,
       "Directive (EU) 2019/771 art. 11(2); Ustawa o prawach konsumenta art. 43c", std::nullopt,
       ""},
      {Jurisdiction::ee, "EE", "Estonia", 730, "Võlaõigusseadus § 218", 1,
       "Directive (EU) 2019/771 art. 11(1); Võlaõigusseadus § 218", std::nullopt, ""},
  }};
  return packs;
}

// The pack of a jurisdiction; nullptr for `none` (no law checks).
inline const LawPack* law_pack(Jurisdiction jurisdiction) {
  for (const auto& pack : law_packs())
    if (pack.jurisdiction == jurisdiction) return &pack;
  return nullptr;
}

// EU law applies: `EU` itself or a member state.
inline bool eu_law_applies(Jurisdiction jurisdiction) {
  return law_pack(jurisdiction) != nullptr;
}

inline std::optional<Jurisdiction> parse_jurisdiction(std::string_view code) {
  if (code == "none") return Jurisdiction::none;
  for (const auto& pack : law_packs())
    if (pack.code == code) return pack.jurisdiction;
  return std::nullopt;
}

// The sentence with which a guarantee decision explains the burden of proof,
// in English: the presumption period of the jurisdiction and its citation.
// `resolve` states it for a return with a defect reason; `terms` and `reply`
// (not built yet, issue 14) are to state it too.
inline std::string presumption_sentence(const LawPack& law) {
  return fmt::format(
      "A lack of conformity that becomes apparent within {} of delivery is presumed to have existed at delivery, unless the store proves otherwise ({}).",
      law.presumption_years == 1 ? std::string("1 year")
                                 : fmt::format("{} years", law.presumption_years),
      law.presumption_statute);
}

}  // namespace fineprint::model

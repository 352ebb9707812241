// The lint rules that read the loaded model directly (the semantic ones live
// in analysis/): each is a Rule value defined beside its check, in the file
// named here; lint/registry.cpp lists them.
#pragma once

#include "lint/registry.hpp"

namespace fineprint::lint {

// time_rules.cpp
extern const Rule kTimeEndAt2359;
extern const Rule kTimeOpenEnded;
extern const Rule kTimeDateOnlyEnd;
extern const Rule kTimeExpired;
extern const Rule kTimeStartsBeforeLaunch;
// promotion_rules.cpp
extern const Rule kMoneyFreeOrder;
extern const Rule kPromoCodeCollision;
// missing_translation.cpp
extern const Rule kTextMissingTranslation;
// terms_contradict.cpp
extern const Rule kTextTermsContradict;
// vague_terms.cpp
extern const Rule kTextVagueTerms;

}  // namespace fineprint::lint

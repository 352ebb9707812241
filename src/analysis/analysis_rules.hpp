// The semantic lint rules backed by the exact analysis (docs/lint-rules.md promo/,
// returns/, law/ and refs/unused-category): each a Rule value defined beside its
// check in the file named here; the registry (lint/registry.cpp) lists them.
#pragma once

#include "lint/registry.hpp"

namespace fineprint::analysis {

// promotion_rules.cpp
extern const lint::Rule kPromoAmbiguousOverlap;
extern const lint::Rule kPromoAsymmetricCombinable;
extern const lint::Rule kPromoShadowed;
extern const lint::Rule kPromoNeverEligible;
extern const lint::Rule kPromoRefundBasisUnset;
// returns_rules.cpp
extern const lint::Rule kReturnsGap;
extern const lint::Rule kReturnsUnreachableRule;
extern const lint::Rule kReturnsOverlap;
extern const lint::Rule kReturnsAssertFailed;
// law_rules.cpp
extern const lint::Rule kLawEuWithdrawal;
extern const lint::Rule kLawEuLegalGuarantee;
extern const lint::Rule kLawWindowAnchor;
extern const lint::Rule kLawLvNotificationPeriod;
// promotion_rules.cpp
extern const lint::Rule kRefsUnusedCategory;

}  // namespace fineprint::analysis

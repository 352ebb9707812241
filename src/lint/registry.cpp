// Every lint rule, in one explicit list (no static self-registration: a
// static library drops unreferenced objects), in the order `fineprint rules`
// prints them. Each Rule value is defined beside its check: the loader's in
// load/load_rules.hpp, the model checks' in lint/rules/, the semantic rules'
// in analysis/.
#include "lint/registry.hpp"

#include "analysis/analysis_rules.hpp"
#include "lint/rules/checks.hpp"
#include "load/load_rules.hpp"

namespace fineprint::lint {

const RuleList& registry() {
  static const RuleList rules({
      &load::kSchemaParseError,
      &load::kSchemaUnknownKey,
      &load::kSchemaWrongType,
      &load::kSchemaMissingKey,
      &load::kSchemaDuplicateId,
      &load::kSchemaDuplicateKey,
      &load::kSchemaBadId,
      &load::kSchemaVersion,
      &load::kRefsUnknownCategory,
      &load::kRefsUnknownSku,
      &load::kRefsUnknownChannel,
      &load::kRefsUnknownPromotion,
      &load::kRefsUnknownCondition,
      &load::kRefsUnknownReason,
      &load::kMoneyFloat,
      &load::kMoneyPrecision,
      &load::kMoneyUnknownCurrency,
      &load::kMoneyPercentRange,
      &load::kMoneyTierOrder,
      &kMoneyFreeOrder,
      &load::kTimeBadTimezone,
      &load::kTimeNonexistentLocalTime,
      &load::kTimeAmbiguousLocalTime,
      &load::kTimeEmptyWindow,
      &kTimeEndAt2359,
      &kTimeOpenEnded,
      &kTimeDateOnlyEnd,
      &kTimeExpired,
      &kTimeStartsBeforeLaunch,
      &load::kPromoBenefitCount,
      &kPromoCodeCollision,
      &load::kReturnsMissingWindowAnchor,
      &load::kTextUnknownLanguage,
      &kTextMissingTranslation,
      &kTextVagueTerms,
      &kTextTermsContradict,
      // The semantic rules (analysis/).
      &analysis::kPromoAmbiguousOverlap,
      &analysis::kPromoAsymmetricCombinable,
      &analysis::kPromoShadowed,
      &analysis::kPromoNeverEligible,
      &analysis::kPromoRefundBasisUnset,
      &analysis::kReturnsGap,
      &analysis::kReturnsUnreachableRule,
      &analysis::kReturnsOverlap,
      &analysis::kReturnsAssertFailed,
      &analysis::kLawEuWithdrawal,
      &analysis::kLawEuLegalGuarantee,
      &analysis::kLawWindowAnchor,
      &analysis::kLawLvNotificationPeriod,
      &analysis::kRefsUnusedCategory,
  });
  return rules;
}

const Rule* find_rule(std::string_view name) {
  for (const auto& rule : registry())
    if (rule.name == name) return &rule;
  return nullptr;
}

core::Diagnostic finding(const Rule& rule, std::string message, core::SourceRange where,
                         std::string help, std::string subject) {
  core::Diagnostic diagnostic;
  diagnostic.rule = std::string(rule.name);
  diagnostic.severity = rule.severity;
  diagnostic.message = std::move(message);
  diagnostic.where = std::move(where);
  diagnostic.help = std::move(help);
  diagnostic.subject = std::move(subject);
  return diagnostic;
}

}  // namespace fineprint::lint

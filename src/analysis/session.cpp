#include "analysis/session.hpp"

#include <memory>

#include "lint/rule.hpp"

namespace fineprint::analysis {

const TableAnalysis& Session::table() {
  if (!table_) {
    Budget budget;
    table_ = analyse_table(rulebook_, budget);
  }
  return *table_;
}

const PromoAnalysis& Session::promotions(std::size_t keep_ambiguous, bool shadows) {
  if (!promotions_ || keep_ambiguous_ != keep_ambiguous || shadows_ != shadows) {
    promotions_ = analyse_promotions(rulebook_, keep_ambiguous, shadows);
    keep_ambiguous_ = keep_ambiguous;
    shadows_ = shadows;
  }
  return *promotions_;
}

}  // namespace fineprint::analysis

namespace fineprint::lint {

// Defined here, beside the session it creates: lint/ knows the session only
// by name, so that the lint layer does not include the analysis.
analysis::Session& LintContext::analysis() const {
  if (!session_) session_ = std::make_shared<analysis::Session>(rulebook);
  return *session_;
}

}  // namespace fineprint::lint

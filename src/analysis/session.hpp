// The analysis results of one lint run: each computed when a check first
// asks for it, then shared by every check that reads it (several rules read
// one analysis). The run's LintContext owns the session; nothing outlives
// it, so there is no cache to key, invalidate or find stale.
#pragma once

#include <cstddef>
#include <optional>

#include "analysis/promotion_analysis.hpp"
#include "analysis/returns_analysis.hpp"
#include "model/rulebook.hpp"

namespace fineprint::analysis {

class Session {
 public:
  explicit Session(const model::Rulebook& rulebook) : rulebook_(rulebook) {}
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // The returns table decided over the whole item domain.
  const TableAnalysis& table();
  // The promotions' pairs and shadowing (analyse_promotions' arguments);
  // asked again with other arguments, it is computed again.
  const PromoAnalysis& promotions(std::size_t keep_ambiguous, bool shadows);

 private:
  const model::Rulebook& rulebook_;
  std::optional<TableAnalysis> table_;
  std::optional<PromoAnalysis> promotions_;
  std::size_t keep_ambiguous_ = 0;
  bool shadows_ = false;
};

}  // namespace fineprint::analysis

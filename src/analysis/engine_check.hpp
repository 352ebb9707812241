// The engine's own pricing as the judge of an order the shadowing search
// proposes: the search over orders of two line kinds reads thresholds and
// "takes something off" as totals, and only an order the engine prices with
// the promotion applied counts as proof that it is not shadowed.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "analysis/witness.hpp"
#include "model/rulebook.hpp"

namespace fineprint::engine {
struct CompiledRulebook;
}

namespace fineprint::analysis {

class EngineCheck {
 public:
  explicit EngineCheck(const model::Rulebook& rulebook);
  ~EngineCheck();
  EngineCheck(const EngineCheck&) = delete;
  EngineCheck& operator=(const EngineCheck&) = delete;

  // Whether the engine applies promotion `index` (file order) to `order`,
  // for a customer who has reached the limit of the promotions `used_up`
  // (file order; the sketch's own `used_up` names are not read).
  // Safe to call from several threads; the rulebook is compiled on first use.
  bool applies(const OrderSketch& order, const std::vector<std::size_t>& used_up,
               std::size_t index) const;

 private:
  const model::Rulebook& rulebook_;
  mutable std::once_flag compiled_once_;
  mutable std::unique_ptr<engine::CompiledRulebook> compiled_;
};

}  // namespace fineprint::analysis

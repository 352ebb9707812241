// Fuzz target: a TOML claim file through the claim loader and, when it is
// valid, the engine and both decision formats, against the bundled rules/.
#include <string>

#include "engine/decision.hpp"
#include "load/claim_loader.hpp"
#include "report/decision_json.hpp"
#include "report/decision_text.hpp"
#include "support.hpp"
#include "targets.hpp"

namespace fineprint::fuzz {

int claim_toml(const std::uint8_t* data, std::size_t size) {
  const std::string path = "fuzz/claim.toml";
  const std::string text(reinterpret_cast<const char*>(data), size);
  const model::Rulebook& rules = bundled_rulebook().rulebook;
  load::LoadedClaim loaded = load::load_claim_text(text, path, rules);
  for (const core::Diagnostic& error : loaded.diagnostics)
    require(error.where.file == path, "every claim error names the file");
  if (!loaded.ok() || !loaded.has_claim) return 0;

  auto decision = engine::decide(bundled_compiled(), loaded.claim);
  if (!decision) {
    require(!decision.error().message.empty(), "an engine error says what went wrong");
    return 0;
  }
  std::string json = report::decision_json(*decision, true);
  require(!json.empty() && !report::decision_text(*decision, true).empty(), "decision output");
  // Same inputs, same bytes out; and the promotion index changes nothing:
  // the reference considers every promotion for every order.
  auto again = engine::decide(bundled_reference(), loaded.claim);
  require(again && report::decision_json(*again, true) == json,
          "deciding twice, with and without the promotion index, gives one answer");
  return 0;
}

}  // namespace fineprint::fuzz

#include "engine/decision.hpp"

#include <fmt/format.h>

#include "core/sha256.hpp"
#include "engine/checked.hpp"
#include "engine/claim_steps.hpp"

namespace fineprint::engine {

namespace detail {

Pricing must_price(const CompiledRulebook& rules, const model::Order& order,
                   const model::Customer& customer, PricingScope scope) {
  auto priced = price_order(rules, order, customer, scope);
  if (!priced) throw Failed{priced.error()};
  return std::move(priced.value());
}

std::string money_text(const model::Rulebook& rulebook, core::Minor amount) {
  return core::format_money(amount, rulebook.store.currency.minor_digits) + " " +
         rulebook.store.currency.code;
}

}  // namespace detail

std::string_view verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::approved:
      return "approved";
    case Verdict::partially_approved:
      return "partially_approved";
    case Verdict::denied:
      return "denied";
    case Verdict::review:
      return "review";
  }
  return "review";
}

std::string verdict_words(Verdict verdict) {
  return verdict == Verdict::partially_approved ? "partially approved"
                                                : std::string(verdict_name(verdict));
}

std::string program_version() {
  return FINEPRINT_VERSION;
}

std::string rulebook_digest(const model::Rulebook& rulebook) {
  core::Sha256 hash;
  for (const auto& file : rulebook.files) {
    hash.update(fmt::format("{}\n{}\n", file.canonical_name, file.content.size()));
    hash.update(file.content);
  }
  return "sha256:" + core::hex(hash.finish());
}

core::Result<Decision> decide(const model::Rulebook& rulebook, const model::Claim& claim) {
  return decide(CompiledRulebook(rulebook), claim);
}

core::Result<Decision> decide(const CompiledRulebook& rules, const model::Claim& claim,
                              GoodwillOffers offers) {
  Decision decision;
  decision.claim = claim.id;
  decision.kind = claim.kind;
  decision.currency = rules.rulebook.store.currency;
  decision.rulebook = rules.digest;
  decision.fineprint = rules.version;
  decision.has_order = claim.has_order;
  try {
    if (claim.kind == model::ClaimKind::return_claim) {
      detail::decide_return(rules, claim, decision);
    } else {
      detail::decide_promotion(rules, claim, decision);
    }
    // Weighing every gesture is a tenth of a return claim's decision; the
    // JSON record prints only the one granted (issue 19).
    if (offers == GoodwillOffers::weigh || claim.goodwill)
      decision.goodwill_offers = goodwill_offers(rules.rulebook, claim, decision);
    if (claim.goodwill) {
      auto part = grant_goodwill(rules.rulebook, decision.goodwill_offers, *claim.goodwill);
      if (!part) throw detail::Failed{part.error()};
      decision.goodwill = std::move(part.value());
    }
  } catch (const detail::Overflow& error) {
    return core::Error{"engine/overflow", fmt::format("claim {}: {} overflows 64-bit minor units",
                                                      claim.id, error.what)};
  } catch (const detail::Failed& failed) {
    return core::Error{failed.error.rule,
                       fmt::format("claim {}: {}", claim.id, failed.error.message)};
  }
  return decision;
}

}  // namespace fineprint::engine

// The decision record (docs/semantics.md §5) and the engine's entry point: a claim and
// a rulebook in, one Decision out — or an error value on money overflow.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/money.hpp"
#include "core/result.hpp"
#include "engine/compiled_rulebook.hpp"
#include "engine/goodwill.hpp"
#include "engine/pricing.hpp"
#include "model/claim.hpp"
#include "model/item_facts.hpp"
#include "model/rulebook.hpp"

namespace fineprint::engine {

enum class Verdict { approved, partially_approved, denied, review };
std::string_view verdict_name(Verdict verdict);  // "partially_approved"
std::string verdict_words(Verdict verdict);      // "partially approved"

// One returns rule considered for an item: matched, the first `when` key that
// failed, or the key whose fact is missing (unknown).
struct TraceStep {
  std::string rule;
  model::MatchKind kind = model::MatchKind::matched;
  std::string key;
};

struct ItemDecision {
  std::string sku;
  std::int64_t qty = 0;
  model::Outcome outcome = model::Outcome::review;
  // The deciding rule's id, "otherwise", or empty when no rule covers it.
  std::string rule;
  core::Minor amount = 0;  // refund or store credit after the fee; 0 for other outcomes
  core::Minor fee = 0;
  std::optional<core::BasisPoints> fee_percent;
  std::optional<std::string> because;
  std::optional<std::string> cite;
  std::vector<TraceStep> trace;
  // A claim without an order (no receipt): the facts the catalog supplied,
  // "category", "unit_price", "final_sale" (issue 16).
  std::vector<std::string> assumed_from_catalog;
};

struct PromotionDecision {
  std::string id;  // the promotion named or found by its code; empty when none
  bool applied = false;
  std::optional<std::string> blocked_by;
  std::optional<std::string> no_discount;  // v1.1: a candidate that takes nothing off, and why
  std::vector<FailedCondition> failed;
  std::optional<core::Minor> entitled;  // absent when the order was not priced
  std::optional<core::Minor> received;
};

struct Decision {
  std::string claim;
  model::ClaimKind kind = model::ClaimKind::return_claim;
  Verdict verdict = Verdict::review;
  core::Minor amount = 0;
  core::Currency currency;
  std::vector<ItemDecision> items;             // a return claim
  std::optional<PromotionDecision> promotion;  // a promotion claim
  core::Minor shipping_refund = 0;             // part of `amount`
  // false: a store return without a receipt, decided without an order
  // (the record says "no receipt, no order").
  bool has_order = true;
  std::vector<std::string> reasons;
  std::optional<Pricing> pricing;  // the order as priced; trace of a promotion claim
  // Every [[goodwill]] weighed after the rules decided (issue 17); empty when
  // the rulebook has none, or when decided with GoodwillOffers::only_to_grant
  // and no gesture is asked for. The verdict does not depend on them.
  std::vector<GoodwillOffer> goodwill_offers;
  std::optional<GoodwillPart> goodwill;  // the gesture granted with the claim
  std::string rulebook;                  // "sha256:…"
  std::string fineprint;                 // the program's version
};

// Decides `claim` (already validated) under the compiled rulebook: what
// depends only on the rulebook (digest, promotion index) is computed once
// for every claim (batch, resolve of several claims, policy tests).
// `offers`: whether to weigh every [[goodwill]] into `goodwill_offers`, which
// only the text record and policy tests print; the gesture a claim asks for is
// granted either way.
enum class GoodwillOffers { weigh, only_to_grant };
core::Result<Decision> decide(const CompiledRulebook& rules, const model::Claim& claim,
                              GoodwillOffers offers = GoodwillOffers::weigh);
// The same, compiling the rulebook first (tests; one claim).
core::Result<Decision> decide(const model::Rulebook& rulebook, const model::Claim& claim);

// "sha256:" + hex SHA-256 of the canonical bytes: for each source file in load
// order, canonical_name '\n' decimal byte length '\n' content.
std::string rulebook_digest(const model::Rulebook& rulebook);

std::string program_version();

// The facts of a claimed item as the returns table sees them (semantics §4.1):
// what `reply` states (the day count) is what decided.
model::ItemFacts item_facts(const model::Rulebook& rulebook, const model::Claim& claim,
                            const model::ClaimItem& item);

// A promotion's discount on the goods before and after the return (reprice).
struct PromotionChange {
  std::string id;
  core::Minor before = 0;  // on the whole order as bought
  core::Minor after = 0;   // on the kept goods priced alone
};

// Why a refund on the reprice basis (semantics §4.3) is what it is: what the
// goods cost as charged, what the kept goods cost alone, the cap (what the
// returned units were worth on the paid basis), the refund before fees, and
// the promotions whose discount shrinks. Nothing for a paid-basis table or a
// claim that pays no money.
struct RepriceBreakdown {
  core::Minor paid_total = 0;
  core::Minor kept_cost = 0;
  core::Minor cap = 0;
  core::Minor refund = 0;
  std::vector<PromotionChange> changes;
};
core::Result<std::optional<RepriceBreakdown>> reprice_breakdown(const model::Rulebook& rulebook,
                                                                const model::Claim& claim,
                                                                const Decision& decision);

}  // namespace fineprint::engine

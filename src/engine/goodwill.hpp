// Gestures of goodwill written in advance (`[[goodwill]]`, issue 17): which the
// claim is eligible for once the rules have decided it, and the one the agent
// grants. The rules' verdict is never changed here (docs/semantics.md §6).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/money.hpp"
#include "model/claim.hpp"
#include "model/rulebook.hpp"

namespace fineprint::engine {

struct Decision;

// One [[goodwill]] entry weighed against a decided claim.
struct GoodwillOffer {
  std::string id;
  model::GestureKind gesture = model::GestureKind::amount;
  bool eligible = false;
  std::string why_not;                // when not eligible: the first thing that fails
  std::optional<std::string> again;   // over its limit: the local date it is possible again
  std::optional<core::Minor> amount;  // what it is worth (docs/semantics.md §6.2)
  bool capped = false;  // refund_percent: max_amount is less than the percentage of the paid value
  std::vector<std::string> skus;  // the returned items it is for
  std::string words;              // the gesture for the agent: gesture_words
};

// The decision record's `goodwill` part: the gesture granted with the claim.
struct GoodwillPart {
  std::string id;
  model::GestureKind gesture = model::GestureKind::amount;
  core::BasisPoints percent = 0;      // voucher_percent and refund_percent
  std::int64_t voucher_days = 0;      // voucher_percent
  std::optional<core::Minor> amount;  // as GoodwillOffer::amount
  bool capped = false;                // as GoodwillOffer::capped
  std::vector<std::string> skus;      // as GoodwillOffer::skus
  std::optional<std::string> note;
  std::string words;  // gesture_words
};

// Every [[goodwill]] of the rulebook, in file order, weighed against the
// claim as `decision` decided it. Throws detail::Overflow on money overflow.
std::vector<GoodwillOffer> goodwill_offers(const model::Rulebook& rulebook,
                                           const model::Claim& claim, const Decision& decision);

// The part for the agent's choice, or why it is refused (rule "goodwill/refused").
core::Result<GoodwillPart> grant_goodwill(const model::Rulebook& rulebook,
                                          const std::vector<GoodwillOffer>& offers,
                                          const model::GoodwillChoice& choice);

// "20% voucher, valid 60 days", "refund of 10% (2.90 EUR)", "5.00 EUR", "replacement": for
// the agent (English).
std::string gesture_words(const model::Rulebook& rulebook, const model::Goodwill& goodwill,
                          const std::optional<core::Minor>& amount, bool capped = false);

// The paid-basis value of the claim's items at `indexes` (semantics §4.3).
std::vector<core::Minor> returned_paid_values(const model::Claim& claim, const Decision& decision,
                                              const std::vector<std::size_t>& indexes);

}  // namespace fineprint::engine

// A witness claim decided by the real engine under both rulebooks: what each
// decides, in words, and whether the two decisions differ. Every difference
// `diff` reports carries one; a test holds that they all differ.
#pragma once

#include "core/diagnostic.hpp"
#include "diff/diff.hpp"
#include "engine/compiled_rulebook.hpp"
#include "engine/decision.hpp"
#include "model/rulebook.hpp"

namespace fineprint::diff {

// A return claim: differs when the verdict, an amount, a fee, an item's
// outcome or deciding rule, or the reasons differ.
CheckedWitness check_return_witness(const engine::CompiledRulebook& old_rules,
                                    const engine::CompiledRulebook& new_rules, core::Witness claim);

// A promotion claim, read as an order to price: differs when what the
// customer pays or the promotions applied differ. With `focus_differs`, also
// whether promotion `focus` itself fares differently (status or discount).
CheckedWitness check_order_witness(const engine::CompiledRulebook& old_rules,
                                   const engine::CompiledRulebook& new_rules, core::Witness claim,
                                   const std::string& focus = {}, bool* focus_differs = nullptr);

// The parts of two decisions a customer sees: verdict, amounts, each item's
// outcome, rule and fee, the reasons.
bool same_decision(const engine::Decision& a, const engine::Decision& b);

// "denied, 0.00: hat deny by `final-30d`" — a decision in one line.
std::string decision_words(const engine::Decision& decision);

}  // namespace fineprint::diff

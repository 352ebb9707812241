// Helpers for the engine tests: a rulebook and a claim from inline TOML,
// through the real loaders, so that every test reads like a user's files.
#pragma once

#include <string>

#include <catch2/catch.hpp>

#include "engine/decision.hpp"
#include "engine/pricing.hpp"
#include "load/claim_loader.hpp"
#include "load/rulebook_loader.hpp"

namespace fineprint::test {

// A [store] in Europe/Riga with web (distance) and store channels; `extra`
// adds store keys (rounding, late_code_days).
inline std::string store(const std::string& extra = "") {
  return "[store]\nname = \"T\"\ncurrency = \"EUR\"\ntimezone = \"Europe/Riga\"\n"
         "channels = [\"web\", \"store\"]\ndistance_channels = [\"web\"]\n" +
         extra + "\n";
}

inline model::Rulebook rulebook(const std::string& toml) {
  load::LoadedRulebook loaded = load::load_rulebook_text(toml, "rulebook.toml");
  for (const auto& d : loaded.diagnostics)
    if (d.severity == core::Severity::error)
      UNSCOPED_INFO(d.rule << ": " << d.message << " at line " << d.where.line);
  REQUIRE(loaded.ok());
  return loaded.rulebook;
}

// The bundled rulebook of rules/, loaded once.
inline const model::Rulebook& bundled_rulebook() {
  static const load::LoadedRulebook loaded =
      load::load_rulebook({std::string(FINEPRINT_SOURCE_DIR) + "/rules"});
  REQUIRE(loaded.ok());
  return loaded.rulebook;
}

inline model::Claim claim(const std::string& toml, const model::Rulebook& rules) {
  load::LoadedClaim loaded = load::load_claim_text(toml, "claim.toml", rules);
  for (const auto& d : loaded.diagnostics)
    UNSCOPED_INFO(d.rule << ": " << d.message << " at " << d.where.line << ":" << d.where.column);
  REQUIRE(loaded.ok());
  return loaded.claim;
}

inline engine::Decision decide(const model::Rulebook& rules, const model::Claim& c) {
  auto decision = engine::decide(rules, c);
  if (!decision) UNSCOPED_INFO(decision.error().message);
  REQUIRE(decision.ok());
  return decision.value();
}

inline engine::Pricing price(const model::Rulebook& rules, const model::Claim& c) {
  auto pricing = engine::price_order(rules, c.order, c.customer);
  if (!pricing) UNSCOPED_INFO(pricing.error().message);
  REQUIRE(pricing.ok());
  return pricing.value();
}

inline std::string money(core::Minor m) {
  return core::format_money(m, 2);
}

// An order (web, placed 2026-12-05 12:00 Riga) with the given lines; a
// promotion claim file so that it also loads as a claim.
inline std::string order(const std::string& lines, const std::string& order_extra = "",
                         const std::string& customer = "") {
  return "[claim]\nid = \"C\"\nkind = \"promotion\"\nfiled_at = "
         "2026-12-06T12:00:00+02:00\npromotion = \"P\"\n"
         "[order]\nid = \"O\"\nplaced_at = 2026-12-05T12:00:00+02:00\nchannel = \"web\"\n" +
         order_extra + "\n" + lines + "\n" + customer;
}

inline std::string line(const std::string& sku, const std::string& category, int qty,
                        const std::string& price) {
  return "[[order.lines]]\nsku = \"" + sku + "\"\ncategory = \"" + category +
         "\"\nqty = " + std::to_string(qty) + "\nunit_price = \"" + price + "\"\n";
}

// A [[promotion]] open through December 2026 with `body` for its terms.
inline std::string promo(const std::string& id, const std::string& body) {
  return "[[promotion]]\nid = \"" + id + "\"\ntitle = \"" + id +
         "\"\nstarts = 2026-12-01\nends = 2027-01-01\n" + body + "\n";
}

// The pricing's result for promotion `id` (it must be in the rulebook).
inline const engine::PromotionResult& status(const engine::Pricing& p, const std::string& id) {
  const auto* found = p.find(id);
  REQUIRE(found);
  return *found;
}

}  // namespace fineprint::test

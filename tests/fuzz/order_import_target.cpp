// Fuzz target: a shop's order export (issue 16, `claim new`). The first byte
// picks the exporter (even: Shopify, odd: WooCommerce), the rest is the JSON,
// imported against the bundled rules/. Properties: an imported order writes a
// claim that is well-formed TOML (every string escaped) and whose money the
// claim reader reads back as the importer computed it.
#include <string>

#include "intake/claim_writer.hpp"
#include "intake/order_import.hpp"
#include "load/claim_loader.hpp"
#include "support.hpp"
#include "targets.hpp"

namespace fineprint::fuzz {

int order_import(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto source =
      data[0] % 2 == 0 ? intake::OrderSource::shopify : intake::OrderSource::woocommerce;
  std::string_view json(reinterpret_cast<const char*>(data + 1), size - 1);
  const model::Rulebook& rulebook = bundled_rulebook().rulebook;
  auto imported = intake::import_order(json, source, rulebook, {});
  if (!imported) {
    require(imported.error().rule.rfind("import/", 0) == 0, "every import error is import/*");
    require(!imported.error().message.empty(), "every import error has a message");
    return 0;
  }
  model::Claim claim;
  claim.order = imported->order;
  if (imported->customer_id) claim.customer.id = *imported->customer_id;
  intake::ClaimText text{claim, false, imported->notes, "fuzz"};
  std::string toml = intake::claim_toml(text, rulebook.store);
  load::ClaimLoadOptions order_only;
  order_only.order_only = true;
  auto reread = load::load_claim_text(toml, "fuzz.toml", rulebook, order_only);
  for (const auto& d : reread.diagnostics)
    require(d.rule != "schema/parse-error" && d.rule != "schema/duplicate-key",
            "the written claim is well-formed TOML");
  if (reread.ok()) {
    require(reread.claim.order.lines.size() == claim.order.lines.size(), "every line read back");
    for (std::size_t i = 0; i < claim.order.lines.size(); ++i)
      require(reread.claim.order.lines[i].paid == claim.order.lines[i].paid,
              "paid reads back as imported");
    require(reread.claim.order.shipping == claim.order.shipping, "shipping reads back");
  }
  return 0;
}

}  // namespace fineprint::fuzz

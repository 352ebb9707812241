// A store return without a receipt is a claim without an order (issue 16,
// item 5): [order] absent, `has_receipt = false`, the store `channel` in
// [claim]; the items' facts come from the catalog, no day is known, and every
// way of getting it wrong is an error at its line and column.
#include <catch2/catch.hpp>

#include <string>

#include <fmt/format.h>

#include "../engine/engine_fixture.hpp"
#include "load/claim_json.hpp"
#include "report/decision_json.hpp"
#include "report/decision_text.hpp"

using namespace fineprint;

namespace {

const std::string kRules = test::store() + R"([catalog]
categories = ["hats", "gloves"]

[[catalog.product]]
sku = "HAT-201"
category = "hats"
unit_price = "29.00"

[[catalog.product]]
sku = "GLV-399"
category = "gloves"
unit_price = "12.50"
final_sale = true

[returns]
hit_policy = "first"
window_from = "delivery"

[[returns.rule]]
id = "defect-2y"
when = { reason = ["defective"], days = { max = 730 } }
outcome = "repair_or_replace"

[[returns.rule]]
id = "final-sale"
when = { final_sale = true }
outcome = "deny"
because = "Final sale."

[[returns.rule]]
id = "no-receipt-credit"
when = { channel = ["store"], has_receipt = false, condition = ["sealed"] }
outcome = "store_credit"
fee_percent = 10

[returns.otherwise]
outcome = "review"
because = "A person decides."
)";

const model::Rulebook& rules() {
  static const model::Rulebook loaded = test::rulebook(kRules);
  return loaded;
}

// A claim without an order: `claim_keys` replace the receipt and channel lines.
std::string claim(const std::string& items,
                  const std::string& claim_keys = "has_receipt = false\nchannel = \"store\"\n") {
  return "[claim]\nid = \"N-1\"\nkind = \"return\"\nfiled_at = 2027-01-20T17:00:00+02:00\n" +
         claim_keys + items;
}

std::string item(const std::string& sku, int qty, const std::string& condition,
                 const std::string& reason) {
  return fmt::format(
      "\n[[claim.items]]\nsku = \"{}\"\nqty = {}\ncondition = \"{}\"\nreason = \"{}\"\n", sku, qty,
      condition, reason);
}

// The errors as `line:column rule message`, one a line.
std::string errors(const std::string& toml) {
  auto loaded = load::load_claim_text(toml, "claim.toml", rules());
  std::string out;
  for (const auto& d : loaded.diagnostics)
    out += fmt::format("{}:{} {} {}\n", d.where.line, d.where.column, d.rule, d.message);
  return out;
}

}  // namespace

TEST_CASE("no receipt, no order: the catalog's facts decide, at the current list price",
          "[no-receipt]") {
  model::Claim c = test::claim(claim(item("HAT-201", 2, "sealed", "changed_mind") +
                                     item("GLV-399", 1, "sealed", "changed_mind")),
                               rules());
  CHECK_FALSE(c.has_order);
  REQUIRE(c.order.lines.size() == 2);
  CHECK(c.order.lines[0].qty == 2);
  CHECK(c.order.lines[0].unit_price == 2900);
  CHECK(c.order.lines[1].final_sale);
  CHECK(c.order.id.empty());
  CHECK_FALSE(c.order.delivered_at);

  engine::Decision d = test::decide(rules(), c);
  CHECK_FALSE(d.has_order);
  REQUIRE(d.items.size() == 2);
  // 2 × 29.00 at the catalog price, less the 10% fee: 58.00 − 5.80.
  CHECK(d.items[0].rule == "no-receipt-credit");
  CHECK(d.items[0].outcome == model::Outcome::store_credit);
  CHECK(test::money(d.items[0].amount) == "52.20");
  CHECK(d.items[1].rule == "final-sale");
  CHECK(d.verdict == engine::Verdict::partially_approved);
  CHECK(d.items[0].assumed_from_catalog ==
        std::vector<std::string>{"category", "unit_price", "final_sale"});
  REQUIRE_FALSE(d.reasons.empty());
  CHECK(
      d.reasons[0] ==
      "No receipt, no order: the category (`hats`), list price (29.00 EUR) and final sale (no) of HAT-201 are the catalog's; the day of the purchase is not known.");

  std::string json = report::decision_json(d, false, nullptr);
  CHECK(json.find(R"("currency":"EUR","without_order":"no receipt, no order","items")") !=
        std::string::npos);
  CHECK(json.find(R"("assumed_from_catalog":["category","unit_price","final_sale"])") !=
        std::string::npos);
  CHECK(report::decision_text(d, false).find("Order: none (no receipt, no order") !=
        std::string::npos);
}

TEST_CASE("no receipt, no order: a rule that counts days cannot be shown to hold: review",
          "[no-receipt]") {
  engine::Decision d =
      test::decide(rules(), test::claim(claim(item("HAT-201", 1, "sealed", "defective")), rules()));
  REQUIRE(d.items.size() == 1);
  CHECK(d.items[0].outcome == model::Outcome::review);
  CHECK(d.items[0].rule == "defect-2y");
  CHECK(
      d.items[0].because ==
      "no receipt, no order: the day of the purchase is not known, so no number of days can be shown");
  CHECK(d.verdict == engine::Verdict::review);
}

TEST_CASE("a claim without an order: each wrong way is an error at its line and column",
          "[no-receipt]") {
  const std::string hat = item("HAT-201", 1, "sealed", "changed_mind");
  // The receipt says there is an order.
  CHECK(
      errors(claim(hat, "has_receipt = true\nchannel = \"store\"\n")) ==
      "5:1 claim/order-missing the claim has no [order] but has a receipt (`has_receipt = true`): copy the order from the receipt into [order]\n");
  // Left unsaid: strict, the claim must say it.
  CHECK(
      errors(claim(hat, "channel = \"store\"\n")) ==
      "1:1 claim/order-missing the claim has no [order]: a return without an order must say `has_receipt = false`\n");
  // An online purchase always has its order.
  CHECK(
      errors(claim(hat, "has_receipt = false\nchannel = \"web\"\n")) ==
      "6:1 claim/order-missing the claim has no [order], but `web` is a distance channel: a purchase made at a distance always has its order, so give it in [order]\n");
  CHECK(errors(claim(hat, "has_receipt = false\nchannel = \"stroe\"\n")) ==
        "6:1 refs/unknown-channel unknown channel `stroe`; did you mean `store`?\n");
  CHECK(
      errors(claim(hat, "has_receipt = false\n"))
          .starts_with(
              "1:1 claim/order-missing the claim has no [order]; only a store return without a receipt may leave it out"));
  // A sku the catalog does not know, with the nearest one.
  CHECK(
      errors(claim(item("HAT-210", 1, "sealed", "changed_mind"))) ==
      "9:1 claim/unknown-product returned sku `HAT-210` has no product in the catalog, and a claim without an order takes its category and list price from there; did you mean `HAT-201`?\n");
  // A claim with its order names no channel of its own.
  std::string with_order = claim(hat, "channel = \"store\"\n") +
                           "\n[order]\nid = \"O-1\"\nplaced_at = 2027-01-16T12:00:00+02:00\n"
                           "channel = \"store\"\n\n[[order.lines]]\nsku = \"HAT-201\"\nqty = 1\n";
  CHECK(
      errors(with_order) ==
      "5:1 claim/channel-with-order `channel` in [claim] is only for a store return without an order; this claim's channel is its order's `channel`\n");
  // A promotion claim is about an order's price.
  CHECK(
      errors("[claim]\nid = \"P\"\nkind = \"promotion\"\nfiled_at = 2027-01-20T17:00:00+02:00\n"
             "code = \"X\"\n") ==
      "1:1 claim/order-missing the claim has no [order]: a promotion claim is about the price of an order, so it needs that order\n");
}

TEST_CASE("the JSON claim reader takes a claim without an order the same way", "[no-receipt]") {
  load::JsonClaimReader reader(rules());
  model::Claim c;
  auto diagnostics = reader.read(
      R"({"claim": {"id": "N-1", "kind": "return", "filed_at": "2027-01-20T17:00:00+02:00", )"
      R"("has_receipt": false, "channel": "store", "items": [{"sku": "HAT-201", "qty": 2, )"
      R"("condition": "sealed", "reason": "changed_mind"}]}})",
      c);
  REQUIRE(load::json_claim_error_text(diagnostics).empty());
  CHECK_FALSE(c.has_order);
  CHECK(test::money(test::decide(rules(), c).amount) == "52.20");

  diagnostics = reader.read(
      R"({"claim": {"id": "N-1", "kind": "return", "filed_at": "2027-01-20T17:00:00+02:00", )"
      R"("has_receipt": false, "channel": "web", "items": [{"sku": "HAT-201", "qty": 1, )"
      R"("condition": "sealed", "reason": "changed_mind"}]}})",
      c);
  CHECK(
      load::json_claim_error_text(diagnostics) ==
      "claim.channel: the claim has no [order], but `web` is a distance channel: a purchase made at a distance always has its order, so give it in [order]");
}

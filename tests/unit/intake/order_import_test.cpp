// Shop order exports → the claim's order (issue 16, item 2): the field
// mapping of docs/import.md on the fixtures of tests/import/, built from the
// Shopify and WooCommerce API documentation's example orders.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "core/instant.hpp"
#include "engine/engine_fixture.hpp"
#include "intake/order_import.hpp"
#include "load/rulebook_loader.hpp"

using namespace fineprint;
using intake::OrderSource;

namespace {

const model::Rulebook& bundled() {
  return test::bundled_rulebook();
}

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(FINEPRINT_SOURCE_DIR) + "/tests/import/" + name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

core::Result<intake::ImportedOrder> import(const std::string& name, OrderSource source,
                                           const intake::ImportOptions& options = {}) {
  return intake::import_order(fixture(name), source, bundled(), options);
}

std::string riga(core::Instant instant) {
  return core::format_instant(bundled().store.zone, instant);
}

void require_error(const core::Result<intake::ImportedOrder>& result, const std::string& rule,
                   const std::string& part) {
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().rule == rule);
  INFO(result.error().message);
  CHECK(result.error().message.find(part) != std::string::npos);
}

}  // namespace

TEST_CASE("a Shopify order becomes the claim's order: paid after discount allocations",
          "[intake]") {
  auto imported = import("shopify-washed-hat.json", OrderSource::shopify);
  REQUIRE(imported.ok());
  const model::Order& order = imported->order;
  CHECK(order.id == "#1001");
  CHECK(riga(order.placed_at) == "2026-12-08T19:42:00+02:00");
  REQUIRE(order.delivered_at);
  CHECK(riga(*order.delivered_at) == "2026-12-10T12:05:00+02:00");
  CHECK(order.channel == "web");
  CHECK(order.codes == std::vector<std::string>{"TENOFF"});
  CHECK(order.shipping == 490);
  CHECK(order.shipping_paid == 490);
  REQUIRE(order.lines.size() == 2);
  CHECK(order.lines[0].sku == "HAT-201");
  CHECK(order.lines[0].category == "hats");
  CHECK(order.lines[0].qty == 1);
  CHECK(order.lines[0].unit_price == 2900);
  CHECK(order.lines[0].paid == 2671);  // 29.00 − 2.29
  CHECK(order.lines[1].paid == 1749);  // 19.00 − 1.51
  CHECK(imported->customer_id == "207119551");
  CHECK(imported->notes.empty());
}

TEST_CASE("Shopify: shipping discounts make shipping_paid; paid is the whole line", "[intake]") {
  auto imported = import("shopify-free-shipping.json", OrderSource::shopify);
  REQUIRE(imported.ok());
  CHECK(imported->order.shipping == 490);
  CHECK(imported->order.shipping_paid == 0);
  CHECK(imported->order.lines[0].qty == 2);
  CHECK(imported->order.lines[0].paid == 5800);
}

TEST_CASE("Shopify: delivery is a successful fulfillment whose shipment was delivered",
          "[intake]") {
  auto in_transit = import("shopify-in-transit.json", OrderSource::shopify);
  REQUIRE(in_transit.ok());
  CHECK_FALSE(in_transit->order.delivered_at);
  CHECK_FALSE(in_transit->notes.empty());

  intake::ImportOptions told;
  told.delivered_at = core::parse_rfc3339("2026-12-11T10:00:00+02:00");
  auto given = import("shopify-in-transit.json", OrderSource::shopify, told);
  REQUIRE(given.ok());
  REQUIRE(given->order.delivered_at);
  CHECK(riga(*given->order.delivered_at) == "2026-12-11T10:00:00+02:00");
  CHECK(given->notes.empty());
}

TEST_CASE("Shopify exports refused: other currency, no sku, refunded line, malformed", "[intake]") {
  require_error(import("shopify-multi-currency.json", OrderSource::shopify), "import/currency",
                "the order is in USD (`order.currency`), the store's currency is EUR");
  require_error(import("shopify-presentment-currency.json", OrderSource::shopify),
                "import/currency", "SEK (`order.presentment_currency`)");
  require_error(import("shopify-no-sku.json", OrderSource::shopify), "import/no-sku",
                "line item 2 (\"Knit beanie\") (`order.line_items[1]`) has no sku");
  require_error(import("shopify-refunded-line.json", OrderSource::shopify), "import/refunded",
                "line item 2 (\"Knit beanie\") was already refunded");
  require_error(import("shopify-malformed.json", OrderSource::shopify), "import/malformed-json",
                "line 5, column 5: ");
}

TEST_CASE("a WooCommerce order becomes the claim's order: amounts with their tax", "[intake]") {
  auto imported = import("woocommerce-jacket.json", OrderSource::woocommerce);
  REQUIRE(imported.ok());
  const model::Order& order = imported->order;
  CHECK(order.id == "727");
  CHECK(riga(order.placed_at) == "2027-01-20T19:00:00+02:00");  // date_created_gmt is UTC
  CHECK_FALSE(order.delivered_at);  // date_completed_gmt is not a delivery
  CHECK(order.codes == std::vector<std::string>{"winter10"});
  CHECK(order.shipping == 490);
  CHECK(order.shipping_paid == 490);
  REQUIRE(order.lines.size() == 2);
  CHECK(order.lines[0].sku == "JKT-101");
  CHECK(order.lines[0].category == "jackets");
  CHECK(order.lines[0].unit_price == 18900);  // subtotal 156.20 + subtotal_tax 32.80
  CHECK(order.lines[0].paid == 17010);        // total 140.58 + total_tax 29.52
  CHECK(order.lines[1].paid == 5310);
  CHECK(imported->customer_id == "26");
}

TEST_CASE("WooCommerce exports refused: other currency, no sku, a refund", "[intake]") {
  require_error(import("woocommerce-multi-currency.json", OrderSource::woocommerce),
                "import/currency", "the order is in USD (`currency`)");
  require_error(import("woocommerce-no-sku.json", OrderSource::woocommerce), "import/no-sku",
                "line item 2 (\"Merino base layer leggings\") (`line_items[1]`) has no sku");
  require_error(import("woocommerce-refunded.json", OrderSource::woocommerce), "import/refunded",
                "the order already has a refund");
}

TEST_CASE("exported money is read exactly from its decimal text, never as a float", "[intake]") {
  auto order = [](const std::string& price, const std::string& quantity = "1") {
    return R"({"order": {"id": 1, "currency": "EUR", "created_at": "2027-01-05T10:00:00Z",
      "line_items": [{"sku": "HAT-201", "title": "Hat", "quantity": )" +
           quantity + R"(, "price": )" + price + "}]}}";
  };
  auto run = [&](const std::string& price, const std::string& quantity = "1") {
    return intake::import_order(order(price, quantity), OrderSource::shopify, bundled(), {});
  };
  auto string_price = run("\"0.10\"", "3");
  REQUIRE(string_price.ok());
  CHECK(string_price->order.lines[0].paid == 30);  // 3 × 0.10, exactly
  auto number_price = run("19.9");
  REQUIRE(number_price.ok());
  CHECK(number_price->order.lines[0].unit_price == 1990);
  require_error(run("1.99e1"), "import/money", "a number with an exponent");
  require_error(run("\"19.999\""), "import/money", "`order.line_items[0].price`");
  require_error(run("\"-1.00\""), "import/money", "a negative amount");
  require_error(run("\"abc\""), "import/money", "`order.line_items[0].price`");
  require_error(run("\"1.00\"", "0"), "import/wrong-type", "at least 1");
  require_error(run("true"), "import/wrong-type", "must be an amount");
  std::string far_future = order("\"1.00\"");
  far_future.replace(far_future.find("2027-01-05T10:00:00Z"), 20, "9999-12-31T23:59:59Z");
  require_error(intake::import_order(far_future, OrderSource::shopify, bundled(), {}),
                "import/wrong-type", "years 1900 to 2999 only");
}

TEST_CASE("WooCommerce: a subtotal that is not qty equal unit prices is refused", "[intake]") {
  std::string text = R"({"id": 5, "currency": "EUR", "date_created_gmt": "2027-01-05T10:00:00",
    "line_items": [{"sku": "HAT-201", "name": "Hat", "quantity": 3, "subtotal": "10.00",
                    "total": "10.00"}]})";
  auto result = intake::import_order(text, OrderSource::woocommerce, bundled(), {});
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().rule == "import/money");
  CHECK(result.error().message.find("is not 3 equal unit prices") != std::string::npos);
}

TEST_CASE("the channel is --channel, else the store's first distance channel", "[intake]") {
  intake::ImportOptions store;
  store.channel = "store";
  auto chosen = import("shopify-washed-hat.json", OrderSource::shopify, store);
  REQUIRE(chosen.ok());
  CHECK(chosen->order.channel == "store");
  intake::ImportOptions unknown;
  unknown.channel = "webshop";
  require_error(import("shopify-washed-hat.json", OrderSource::shopify, unknown), "import/channel",
                "--channel \"webshop\" is not one of the store's channels");
  CHECK(intake::parse_order_source("shopify") == OrderSource::shopify);
  CHECK(intake::parse_order_source("woocommerce") == OrderSource::woocommerce);
  CHECK_FALSE(intake::parse_order_source("magento"));
}

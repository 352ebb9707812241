// The Shopify Admin REST API's order (docs/import.md, "Shopify"): money is
// decimal strings in the shop's currency, times are RFC 3339 with an offset.
#include <fmt/format.h>

#include "intake/importers.hpp"
#include "intake/order_fields.hpp"

namespace fineprint::intake::detail {

namespace {

constexpr std::string_view kOrder = "order";

// Σ discount_allocations[].amount of a line item or shipping line; a line
// item without the array falls back to its total_discount.
core::Minor allocated(const JsonValue& line, std::string_view path, int digits,
                      bool total_discount_fallback) {
  const JsonValue* allocations = optional_member(line, "discount_allocations");
  if (!allocations) {
    const JsonValue* total = optional_member(line, "total_discount");
    if (total_discount_fallback && total)
      return as_money(*total, fmt::format("{}.total_discount", path), digits);
    return 0;
  }
  std::string array_path = fmt::format("{}.discount_allocations", path);
  core::Minor sum = 0;
  const JsonValue& array = as_array(*allocations, array_path);
  for (std::size_t i = 0; i < array.elements.size(); ++i) {
    std::string at = element_path(array_path, i);
    const JsonValue& allocation = as_object(array.elements[i], at);
    sum = add(sum, as_money(member(allocation, at, "amount"), at + ".amount", digits), at);
  }
  return sum;
}

std::string line_name(const JsonValue& item, std::size_t index) {
  const JsonValue* title = optional_member(item, "title");
  if (title && title->kind == JsonValue::Kind::string)
    return fmt::format("line item {} (\"{}\")", index + 1, title->text);
  return fmt::format("line item {}", index + 1);
}

model::OrderLine read_line(const JsonValue& item, std::size_t index, int digits) {
  std::string path = element_path("order.line_items", index);
  as_object(item, path);
  const JsonValue* sku = optional_member(item, "sku");
  if (!sku || sku->kind != JsonValue::Kind::string || sku->text.empty())
    fail("import/no-sku",
         fmt::format("{} (`{}`) has no sku: the rulebook decides by sku; give the product a "
                     "sku in Shopify, or write this line by hand",
                     line_name(item, index), path));
  model::OrderLine line;
  line.sku = sku->text;
  line.qty = as_count(member(item, path, "quantity"), path + ".quantity");
  line.unit_price = as_money(member(item, path, "price"), path + ".price", digits);
  auto gross = core::checked_mul(line.unit_price, line.qty);
  if (!gross) fail("import/money", fmt::format("`{}`: price × quantity overflows", path));
  line.paid = sub(*gross, allocated(item, path, digits, true), path);
  return line;
}

// Shopify's refunds name the line items they return: a line already
// refunded cannot be claimed again, and a partly refunded order no longer
// shows what the customer paid. Refused, naming the line (docs/decisions.md).
void refuse_refunds(const JsonValue& order) {
  const JsonValue* refunds = optional_member(order, "refunds");
  if (!refunds) return;
  const JsonValue& array = as_array(*refunds, "order.refunds");
  if (array.elements.empty()) return;
  const JsonValue* items = optional_member(order, "line_items");
  for (const JsonValue& refund : array.elements) {
    const JsonValue* lines = optional_member(refund, "refund_line_items");
    if (!lines || lines->kind != JsonValue::Kind::array || lines->elements.empty()) continue;
    for (const JsonValue& refunded : lines->elements) {
      const JsonValue* line_id = optional_member(refunded, "line_item_id");
      for (std::size_t i = 0; items && line_id && i < items->elements.size(); ++i) {
        const JsonValue* id = optional_member(items->elements[i], "id");
        if (id && id->text == line_id->text)
          fail("import/refunded",
               fmt::format("{} was already refunded (order.refunds): a claim on this order "
                           "would count it twice; decide it by hand",
                           line_name(items->elements[i], i)));
      }
    }
  }
  fail("import/refunded",
       "the order already has a refund (order.refunds): what the customer paid is no longer "
       "what the export shows; decide this claim by hand");
}

std::optional<core::Instant> delivered_at(const JsonValue& order) {
  const JsonValue* fulfillments = optional_member(order, "fulfillments");
  if (!fulfillments) return std::nullopt;
  const JsonValue& array = as_array(*fulfillments, "order.fulfillments");
  std::optional<core::Instant> latest;
  for (std::size_t i = 0; i < array.elements.size(); ++i) {
    std::string path = element_path("order.fulfillments", i);
    const JsonValue& fulfillment = as_object(array.elements[i], path);
    const JsonValue* status = optional_member(fulfillment, "status");
    if (status && status->text != "success") continue;  // cancelled, error, failure
    const JsonValue* shipment = optional_member(fulfillment, "shipment_status");
    if (!shipment || shipment->text != "delivered") return std::nullopt;
    core::Instant at =
        as_instant(member(fulfillment, path, "updated_at"), path + ".updated_at", false);
    if (!latest || at > *latest) latest = at;
  }
  return latest;
}

void read_shipping(const JsonValue& order, model::Order& out, int digits) {
  const JsonValue* lines = optional_member(order, "shipping_lines");
  if (!lines) return;
  const JsonValue& array = as_array(*lines, "order.shipping_lines");
  core::Minor price = 0, paid = 0;
  for (std::size_t i = 0; i < array.elements.size(); ++i) {
    std::string path = element_path("order.shipping_lines", i);
    const JsonValue& line = as_object(array.elements[i], path);
    core::Minor one = as_money(member(line, path, "price"), path + ".price", digits);
    price = add(price, one, path);
    paid = add(paid, sub(one, allocated(line, path, digits, false), path), path);
  }
  out.shipping = price;
  out.shipping_paid = paid;
}

void refuse_tax_on_top(const JsonValue& order, int digits) {
  const JsonValue* included = optional_member(order, "taxes_included");
  const JsonValue* tax = optional_member(order, "total_tax");
  if (!included || included->text != "false" || !tax) return;
  if (as_money(*tax, "order.total_tax", digits) != 0)
    fail("import/tax-on-top",
         "the order's prices exclude tax (taxes_included = false) and tax was charged on top: "
         "fineprint's amounts are what the customer paid, tax included; decide this claim by "
         "hand");
}

}  // namespace

ImportedOrder read_shopify(const JsonValue& root, const model::Store& store) {
  const JsonValue* wrapped = optional_member(root, kOrder);
  const JsonValue& order = as_object(wrapped ? *wrapped : root, kOrder);
  const int digits = store.currency.minor_digits;
  check_currency(member(order, kOrder, "currency"), "order.currency", store);
  if (const JsonValue* presentment = optional_member(order, "presentment_currency"))
    check_currency(*presentment, "order.presentment_currency", store);
  refuse_tax_on_top(order, digits);
  refuse_refunds(order);

  ImportedOrder out;
  const JsonValue* name = optional_member(order, "name");
  out.order.id =
      name ? as_string(*name, "order.name") : as_id(member(order, kOrder, "id"), "order.id");
  out.order.placed_at = as_instant(member(order, kOrder, "created_at"), "order.created_at", false);
  out.order.delivered_at = delivered_at(order);
  if (const JsonValue* codes = optional_member(order, "discount_codes")) {
    const JsonValue& array = as_array(*codes, "order.discount_codes");
    for (std::size_t i = 0; i < array.elements.size(); ++i) {
      std::string path = element_path("order.discount_codes", i);
      out.order.codes.push_back(
          as_string(member(as_object(array.elements[i], path), path, "code"), path + ".code"));
    }
  }
  read_shipping(order, out.order, digits);
  const JsonValue& items = as_array(member(order, kOrder, "line_items"), "order.line_items");
  for (std::size_t i = 0; i < items.elements.size(); ++i)
    out.order.lines.push_back(read_line(items.elements[i], i, digits));
  if (const JsonValue* customer = optional_member(order, "customer"))
    out.customer_id = as_id(member(as_object(*customer, "order.customer"), "order.customer", "id"),
                            "order.customer.id");
  return out;
}

}  // namespace fineprint::intake::detail

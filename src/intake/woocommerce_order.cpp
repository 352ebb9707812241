// The WooCommerce REST API v3's order (docs/import.md, "WooCommerce"): money
// is decimal strings without tax, the tax beside it; *_gmt times are UTC
// without an offset.
#include <fmt/format.h>

#include "intake/importers.hpp"
#include "intake/order_fields.hpp"

namespace fineprint::intake::detail {

namespace {

constexpr std::string_view kOrder = "order";

// `amount` + `amount_tax` of an object: what the customer paid, tax included
// (WooCommerce keeps the two apart whatever prices_include_tax says).
core::Minor with_tax(const JsonValue& object, std::string_view path, std::string_view amount,
                     std::string_view tax, int digits) {
  core::Minor value =
      as_money(member(object, path, amount), fmt::format("{}.{}", path, amount), digits);
  if (const JsonValue* taxed = optional_member(object, tax))
    value = add(value, as_money(*taxed, fmt::format("{}.{}", path, tax), digits), path);
  return value;
}

model::OrderLine read_line(const JsonValue& item, std::size_t index, int digits) {
  std::string path = element_path("line_items", index);
  as_object(item, path);
  const JsonValue* sku = optional_member(item, "sku");
  if (!sku || sku->kind != JsonValue::Kind::string || sku->text.empty()) {
    const JsonValue* name = optional_member(item, "name");
    std::string what = name && name->kind == JsonValue::Kind::string
                           ? fmt::format("line item {} (\"{}\")", index + 1, name->text)
                           : fmt::format("line item {}", index + 1);
    fail("import/no-sku",
         fmt::format("{} (`{}`) has no sku: the rulebook decides by sku; give the product a "
                     "sku in WooCommerce, or write this line by hand",
                     what, path));
  }
  model::OrderLine line;
  line.sku = sku->text;
  line.qty = as_count(member(item, path, "quantity"), path + ".quantity");
  // subtotal: the line before coupons; total: after them.
  core::Minor before = with_tax(item, path, "subtotal", "subtotal_tax", digits);
  if (before % line.qty != 0)
    fail("import/money",
         fmt::format("`{}`: the line's subtotal with tax, {}, is not {} equal unit prices; write "
                     "this line's unit_price by hand",
                     path, core::format_money(before, digits), line.qty));
  line.unit_price = before / line.qty;
  line.paid = with_tax(item, path, "total", "total_tax", digits);
  return line;
}

}  // namespace

ImportedOrder read_woocommerce(const JsonValue& root, const model::Store& store) {
  const JsonValue& order = as_object(root, kOrder);
  const int digits = store.currency.minor_digits;
  check_currency(member(order, "", "currency"), "currency", store);
  if (const JsonValue* refunds = optional_member(order, "refunds");
      refunds && !as_array(*refunds, "refunds").elements.empty())
    fail("import/refunded",
         "the order already has a refund (`refunds`): WooCommerce's order does not say which "
         "lines it returned, and what the customer paid is no longer what the export shows; "
         "decide this claim by hand");

  ImportedOrder out;
  const JsonValue* number = optional_member(order, "number");
  out.order.id = number ? as_id(*number, "number") : as_id(member(order, "", "id"), "id");
  out.order.placed_at = as_instant(member(order, "", "date_created_gmt"), "date_created_gmt", true);
  if (const JsonValue* coupons = optional_member(order, "coupon_lines")) {
    const JsonValue& array = as_array(*coupons, "coupon_lines");
    for (std::size_t i = 0; i < array.elements.size(); ++i) {
      std::string path = element_path("coupon_lines", i);
      out.order.codes.push_back(
          as_string(member(as_object(array.elements[i], path), path, "code"), path + ".code"));
    }
  }
  if (const JsonValue* shipping = optional_member(order, "shipping_lines")) {
    const JsonValue& array = as_array(*shipping, "shipping_lines");
    core::Minor sum = 0;
    for (std::size_t i = 0; i < array.elements.size(); ++i) {
      std::string path = element_path("shipping_lines", i);
      sum =
          add(sum, with_tax(as_object(array.elements[i], path), path, "total", "total_tax", digits),
              path);
    }
    out.order.shipping = sum;
    out.order.shipping_paid = sum;
  }
  const JsonValue& items = as_array(member(order, "", "line_items"), "line_items");
  for (std::size_t i = 0; i < items.elements.size(); ++i)
    out.order.lines.push_back(read_line(items.elements[i], i, digits));
  const JsonValue* customer = optional_member(order, "customer_id");
  if (customer && customer->text != "0") out.customer_id = as_id(*customer, "customer_id");
  return out;
}

}  // namespace fineprint::intake::detail

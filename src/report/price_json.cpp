#include "engine/failure_text.hpp"
#include "report/json_writer.hpp"
#include "report/price_report.hpp"

namespace fineprint::report {

namespace {

// Each promotion in the order considered: status, failed conditions, who
// blocked it, why it takes nothing off, its discount and lines.
void write_promotions(JsonWriter& json, const PriceReport& r) {
  const int digits = r.rulebook.store.currency.minor_digits;
  auto money = [&](core::Minor m) { return core::format_money(m, digits); };
  auto name = [&](std::size_t line) {
    return line == engine::kShippingLine ? std::string("shipping") : r.order.lines[line].sku;
  };
  const engine::Pricing& p = r.pricing;
  json.key("promotions").begin_array();
  for (const auto& promo : p.promotions) {
    json.begin_object();
    json.key("id").value(promo.id);
    json.key("status").value(engine::status_name(promo.status));
    json.key("failed").begin_array();
    for (const auto& failed : engine::failed_conditions(r.rulebook, r.order, promo)) {
      json.begin_object()
          .key("condition")
          .value(failed.key)
          .key("message")
          .value(failed.message)
          .end_object();
    }
    json.end_array();
    json.key("blocked_by");
    if (promo.blocked_by.empty()) {
      json.null();
    } else {
      json.value(promo.blocked_by);
    }
    json.key("no_discount");
    if (promo.no_discount.empty()) {
      json.null();
    } else {
      json.value(promo.no_discount);
    }
    json.key("discount").value(money(promo.discount));
    json.key("lines").begin_array();
    for (std::size_t line : promo.lines) json.value(name(line));
    json.end_array();
    json.key("held").begin_array();
    for (const auto& held : promo.held)
      json.begin_object()
          .key("line")
          .value(name(held.line))
          .key("by")
          .value(held.holder)
          .end_object();
    json.end_array();
    json.end_object();
  }
  json.end_array();
}

// Each line's allocations and entitled paid amount, shipping, the totals.
void write_lines_and_totals(JsonWriter& json, const PriceReport& r) {
  const int digits = r.rulebook.store.currency.minor_digits;
  auto money = [&](core::Minor m) { return core::format_money(m, digits); };
  const engine::Pricing& p = r.pricing;
  auto allocations = [&](const std::vector<engine::Allocation>& list) {
    json.key("allocations").begin_array();
    for (const auto& a : list)
      json.begin_object()
          .key("promotion")
          .value(a.promotion)
          .key("amount")
          .value(money(a.amount))
          .end_object();
    json.end_array();
  };
  json.key("lines").begin_array();
  for (const auto& line : p.lines) {
    json.begin_object();
    json.key("sku").value(line.sku);
    json.key("qty").value(line.qty);
    json.key("list").value(money(line.list));
    allocations(line.allocations);
    json.key("entitled_paid").value(money(line.entitled_paid));
    json.end_object();
  }
  json.end_array();
  json.key("shipping").begin_object();
  json.key("list").value(money(p.shipping));
  allocations(p.shipping_allocations);
  json.key("entitled_paid").value(money(p.shipping_paid));
  json.end_object();
  json.key("totals").begin_object();
  json.key("list").value(money(p.goods_list));
  json.key("shipping").value(money(p.shipping));
  json.key("goods_discount").value(money(p.goods_discount));
  json.key("shipping_discount").value(money(p.shipping_discount));
  json.key("discount").value(money(p.total_discount));
  json.key("to_pay").value(money(p.total_paid));
  json.end_object();
}

}  // namespace

std::string price_json(const PriceReport& r) {
  JsonWriter json(true);
  json.begin_object();
  json.key("order").value(r.order.id);
  json.key("currency").value(r.rulebook.store.currency.code);
  write_promotions(json, r);
  write_lines_and_totals(json, r);
  json.key("rulebook").value(r.digest);
  json.key("fineprint").value(r.version);
  json.end_object();
  return json.str();
}

}  // namespace fineprint::report

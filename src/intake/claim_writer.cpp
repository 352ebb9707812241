#include "intake/claim_writer.hpp"

#include <fmt/format.h>

#include "analysis/witness.hpp"
#include "report/json_writer.hpp"

namespace fineprint::intake {

namespace {

using analysis::toml_string;

std::string toml_strings(const std::vector<std::string>& names) {
  std::string out = "[";
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + toml_string(names[i]);
  return out + "]";
}

std::string claim_table(const model::Claim& claim, const model::Store& store) {
  std::string t = "[claim]\n";
  t += fmt::format("id = {}\nkind = \"return\"\nfiled_at = {}\n", toml_string(claim.id),
                   core::format_instant(store.zone, claim.filed_at));
  if (claim.has_receipt) t += fmt::format("has_receipt = {}\n", *claim.has_receipt);
  if (!claim.has_order && claim.channel)
    t += fmt::format("channel = {}  # no receipt, no order: the store channel\n",
                     toml_string(*claim.channel));
  for (const auto& item : claim.items)
    t += fmt::format("\n[[claim.items]]\nsku = {}\nqty = {}\ncondition = {}\nreason = {}\n",
                     toml_string(item.sku), item.qty, toml_string(item.condition),
                     toml_string(item.reason));
  return t + "\n";
}

std::string order_table(const model::Order& order, const model::Store& store) {
  const int digits = store.currency.minor_digits;
  std::string t = "[order]\n";
  t += fmt::format("id = {}\nplaced_at = {}\n", toml_string(order.id),
                   core::format_instant(store.zone, order.placed_at));
  if (order.delivered_at)
    t += fmt::format("delivered_at = {}\n", core::format_instant(store.zone, *order.delivered_at));
  t += fmt::format("channel = {}\n", toml_string(order.channel));
  if (!order.codes.empty()) t += fmt::format("codes = {}\n", toml_strings(order.codes));
  t += fmt::format("shipping = \"{}\"\n", core::format_money(order.shipping, digits));
  if (order.shipping_paid)
    t += fmt::format("shipping_paid = \"{}\"\n", core::format_money(*order.shipping_paid, digits));
  for (const auto& line : order.lines) {
    t += fmt::format("\n[[order.lines]]\nsku = {}\n", toml_string(line.sku));
    if (!line.category.empty()) t += fmt::format("category = {}\n", toml_string(line.category));
    t += fmt::format("qty = {}\nunit_price = \"{}\"\n", line.qty,
                     core::format_money(line.unit_price, digits));
    if (line.paid)
      t += fmt::format("paid = \"{}\"  # the whole line, after its discounts\n",
                       core::format_money(*line.paid, digits));
  }
  return t;
}

void json_order(report::JsonWriter& w, const model::Order& order, const model::Store& store) {
  const int digits = store.currency.minor_digits;
  w.key("order").begin_object();
  w.key("id").value(order.id);
  w.key("placed_at").value(core::format_instant(store.zone, order.placed_at));
  if (order.delivered_at)
    w.key("delivered_at").value(core::format_instant(store.zone, *order.delivered_at));
  w.key("channel").value(order.channel);
  if (!order.codes.empty()) w.key("codes").strings(order.codes);
  w.key("shipping").value(core::format_money(order.shipping, digits));
  if (order.shipping_paid)
    w.key("shipping_paid").value(core::format_money(*order.shipping_paid, digits));
  w.key("lines").begin_array();
  for (const auto& line : order.lines) {
    w.begin_object().key("sku").value(line.sku);
    if (!line.category.empty()) w.key("category").value(line.category);
    w.key("qty").value(line.qty);
    w.key("unit_price").value(core::format_money(line.unit_price, digits));
    if (line.paid) w.key("paid").value(core::format_money(*line.paid, digits));
    w.end_object();
  }
  w.end_array().end_object();
}

}  // namespace

std::string claim_toml(const ClaimText& text, const model::Store& store) {
  std::string t;
  if (!text.source.empty()) t += fmt::format("# {}\n", text.source);
  for (const auto& note : text.notes) t += fmt::format("# {}\n", note);
  if (!t.empty()) t += "\n";
  if (text.has_claim) t += claim_table(text.claim, store);
  if (text.claim.has_order) t += order_table(text.claim.order, store);
  if (!text.claim.customer.id.empty())
    t += fmt::format("\n[customer]\nid = {}\n", toml_string(text.claim.customer.id));
  return t;
}

std::string claim_json(const ClaimText& text, const model::Store& store) {
  const model::Claim& claim = text.claim;
  report::JsonWriter w;
  w.begin_object();
  if (text.has_claim) {
    w.key("claim").begin_object();
    w.key("id").value(claim.id).key("kind").value("return");
    w.key("filed_at").value(core::format_instant(store.zone, claim.filed_at));
    if (claim.has_receipt) w.key("has_receipt").value(*claim.has_receipt);
    if (!claim.has_order && claim.channel) w.key("channel").value(*claim.channel);
    w.key("items").begin_array();
    for (const auto& item : claim.items)
      w.begin_object()
          .key("sku")
          .value(item.sku)
          .key("qty")
          .value(item.qty)
          .key("condition")
          .value(item.condition)
          .key("reason")
          .value(item.reason)
          .end_object();
    w.end_array().end_object();
  }
  if (claim.has_order) json_order(w, claim.order, store);
  if (!claim.customer.id.empty())
    w.key("customer").begin_object().key("id").value(claim.customer.id).end_object();
  w.end_object();
  return w.str();
}

}  // namespace fineprint::intake

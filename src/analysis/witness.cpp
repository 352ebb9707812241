#include "analysis/witness.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/money.hpp"

namespace fineprint::analysis {

namespace {

std::string list(const std::vector<std::string>& names) {
  std::string out = "[";
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + toml_string(names[i]);
  return out + "]";
}

std::string at(const model::Rulebook& rulebook, core::Instant t) {
  return core::format_instant(rulebook.store.zone, t);
}

std::string money(const model::Rulebook& rulebook, core::Minor amount) {
  return core::format_money(amount, rulebook.store.currency.minor_digits);
}

}  // namespace

std::string toml_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    // Other control characters are not allowed raw in a TOML basic string
    // (order imports copy text from shop exports, issue 16).
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f) {
      out += fmt::format("\\u{:04X}", static_cast<unsigned char>(c));
      continue;
    }
    out += c;
  }
  return out + "\"";
}

core::Instant witness_day(core::Zone zone, std::int64_t day_offset) {
  using namespace std::chrono;
  // Local noon is never inside a daylight-saving change.
  core::LocalTime local{date::local_days{date::year{2026} / 6 / 1} + days{day_offset} + hours{12}};
  core::LocalResolution r = core::resolve_local(zone, local);
  return r.kind == core::LocalKind::unique ? r.instant : r.first;
}

core::Witness return_witness(const model::Rulebook& rulebook, const model::ItemFacts& facts,
                             const ReturnTiming& timing) {
  core::Zone zone = rulebook.store.zone;
  bool delivery = rulebook.returns && rulebook.returns->window_from &&
                  rulebook.returns->window_from->value == model::WindowFrom::delivery;
  bool purchase = rulebook.returns && rulebook.returns->window_from &&
                  rulebook.returns->window_from->value == model::WindowFrom::purchase;
  std::int64_t lag = timing.delivery_lag;
  std::int64_t filed_day = 0;
  bool has_delivery = true;
  std::string when;
  if (delivery && facts.days) {
    filed_day = lag + *facts.days;
    when = fmt::format("day {} after delivery", *facts.days);
  } else if (delivery) {
    has_delivery = false;
    filed_day = 3;
    when = "no delivery date";
  } else if (purchase && facts.days) {
    filed_day = *facts.days;
    lag = std::min(lag, filed_day);
    when = fmt::format("day {} after purchase, {} after delivery", *facts.days, filed_day - lag);
  } else {
    filed_day = lag + 1;
    when = "filed a day after delivery";
  }
  core::Instant placed = witness_day(zone, 0);
  core::Instant delivered = witness_day(zone, lag);
  core::Instant filed = witness_day(zone, filed_day);

  std::string extras;
  if (!facts.segments.empty())
    extras += fmt::format(", customer in {}", fmt::join(facts.segments, "/"));
  if (facts.returns_90d)
    extras += fmt::format(", {} returns in 90 days", *facts.returns_90d);
  else
    extras += ", returns in 90 days not stated";
  std::string summary = fmt::format(
      "{} order placed {}, return of 1 × {} ({}) at {}, {}, {}, {}, {}{}{}", facts.channel,
      at(rulebook, placed), facts.sku, facts.category, money(rulebook, facts.unit_price),
      facts.condition, facts.reason, when, facts.has_receipt ? "with receipt" : "without receipt",
      facts.final_sale ? ", final sale" : "", extras);

  std::string t;
  t += "# A claim that shows the finding: fineprint resolve --rules <rulebook> <this file>\n";
  t += "[claim]\nid = \"W-1\"\nkind = \"return\"\n";
  t += fmt::format("filed_at = {}\nhas_receipt = {}\n\n", at(rulebook, filed), facts.has_receipt);
  t += fmt::format("[[claim.items]]\nsku = {}\nqty = 1\ncondition = {}\nreason = {}\n\n",
                   toml_string(facts.sku), toml_string(facts.condition), toml_string(facts.reason));
  t += fmt::format("[order]\nid = \"O-1\"\nplaced_at = {}\n", at(rulebook, placed));
  if (has_delivery) t += fmt::format("delivered_at = {}\n", at(rulebook, delivered));
  t += fmt::format("channel = {}\n", toml_string(facts.channel));
  if (timing.shipping > 0)
    t += fmt::format("shipping = \"{}\"\n", money(rulebook, timing.shipping));
  t += "\n";
  t += fmt::format(
      "[[order.lines]]\nsku = {}\ncategory = {}\nqty = 1\nunit_price = \"{}\"\nfinal_sale = {}\n\n",
      toml_string(facts.sku), toml_string(facts.category), money(rulebook, facts.unit_price),
      facts.final_sale);
  t += fmt::format("[customer]\nid = \"C-1\"\nsegments = {}\norders_before = 1\n",
                   list(facts.segments));
  if (facts.returns_90d) t += fmt::format("returns_90d = {}\n", *facts.returns_90d);
  return {std::move(summary), std::move(t)};
}

core::Witness promotion_witness(const model::Rulebook& rulebook, const OrderSketch& order,
                                const std::string& promotion) {
  std::string lines;
  for (const auto& line : order.lines)
    lines += fmt::format("{}{} × {} ({}) at {}", lines.empty() ? "" : ", ", line.qty, line.sku,
                         line.category, money(rulebook, line.unit_price));
  const std::string placed = at(rulebook, order.placed_at);
  std::string summary = fmt::format("{} order placed {}, {}", order.channel, placed, lines);
  if (!order.codes.empty()) summary += fmt::format(", code {}", fmt::join(order.codes, " and "));
  if (!order.segments.empty())
    summary += fmt::format(", customer in {}", fmt::join(order.segments, "/"));
  summary += order.first_order ? ", first order" : "";
  if (!order.used_up.empty())
    summary += fmt::format(", limit reached for {}", fmt::join(order.used_up, ", "));

  std::string t;
  t += "# A claim that shows the finding: fineprint resolve --rules <rulebook> <this file>\n";
  t += fmt::format("[claim]\nid = \"W-1\"\nkind = \"promotion\"\nfiled_at = {}\npromotion = {}\n\n",
                   at(rulebook, order.placed_at + std::chrono::hours{24}), toml_string(promotion));
  t += fmt::format("[order]\nid = \"O-1\"\nplaced_at = {}\nchannel = {}\ncodes = {}\n", placed,
                   toml_string(order.channel), list(order.codes));
  t += fmt::format("shipping = \"{}\"\ndiscount_received = \"{}\"\n\n",
                   money(rulebook, order.shipping), money(rulebook, 0));
  for (const auto& line : order.lines)
    t += fmt::format("[[order.lines]]\nsku = {}\ncategory = {}\nqty = {}\nunit_price = \"{}\"\n\n",
                     toml_string(line.sku), toml_string(line.category), line.qty,
                     money(rulebook, line.unit_price));
  t += fmt::format("[customer]\nid = \"C-1\"\nsegments = {}\norders_before = {}\n",
                   list(order.segments), order.first_order ? 0 : 1);
  if (!order.used_up.empty()) {
    t += "\n[customer.redemptions]\n";
    for (const auto& id : order.used_up) {
      std::int64_t limit = 1;
      for (const auto& p : rulebook.promotions)
        if (p.id.value == id && p.limit_per_customer) limit = p.limit_per_customer->value;
      t += fmt::format("{} = {}\n", toml_string(id), limit);
    }
  }
  return {std::move(summary), std::move(t)};
}

}  // namespace fineprint::analysis

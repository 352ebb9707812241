#include "load/claim_loader.hpp"

#include <fmt/format.h>

#include "core/unicode.hpp"
#include "load/claim_fields.hpp"
#include "load/table_reader.hpp"
#include "load/toml_document.hpp"

namespace fineprint::load {

namespace {

using core::SourceRange;

// Reads a non-negative integer; a negative one is a schema/wrong-type error.
std::optional<std::int64_t> count(TableReader& reader, std::string_view key,
                                  Need need = Need::optional) {
  auto value = reader.integer(key, need);
  if (!value) return std::nullopt;
  auto checked =
      claim_fields::count(value->value, fmt::format("`{}` in {}", key, reader.context()));
  if (!checked) {
    report(reader.out(), checked.error().rule, checked.error().message, value->where);
    return std::nullopt;
  }
  return *checked;
}

// A key that the format defines but this kind of claim must not carry.
void not_allowed(TableReader& reader, std::string_view key, model::ClaimKind kind) {
  if (const toml::node* node = reader.take(key)) {
    (void)node;
    report(reader.out(), "schema/unknown-key",
           fmt::format("`{}` is not allowed in {}: {}", key, reader.context(),
                       claim_fields::not_allowed_why(kind, key).value_or("")),
           reader.key_where(key));
  }
}

class ClaimFileReader {
 public:
  ClaimFileReader(const model::Rulebook& rulebook, LoadedClaim& out, ClaimPlaces& places)
      : rulebook_(rulebook),
        out_(out),
        places_(places),
        digits_(rulebook.store.currency.minor_digits) {}

  void read(const toml::table& root, const ClaimLoadOptions& options) {
    TableReader top(root, "the claim file", out_.diagnostics);
    const toml::table* claim =
        top.table("claim", options.order_only ? Need::optional : Need::required);
    const toml::table* order = top.table("order", Need::required);
    const toml::table* customer = top.table("customer");
    const toml::table* expect = options.allow_expect ? top.table("expect") : nullptr;
    top.finish();
    out_.has_claim = claim != nullptr;
    if (order) read_order(*order);
    if (claim) read_claim(*claim);
    if (customer) read_customer(*customer);
    if (expect) read_expect(*expect);
  }

 private:
  void read_claim(const toml::table& table) {
    TableReader r(table, "[claim]", out_.diagnostics);
    model::Claim& claim = out_.claim;
    if (auto id = r.string("id", Need::required)) claim.id = id->value;
    std::optional<model::ClaimKind> kind;
    if (auto text = r.string("kind", Need::required)) {
      kind = claim_fields::parse_kind(text->value);
      if (!kind)
        report(out_.diagnostics, "schema/wrong-type",
               claim_fields::bad_kind_message("`kind` in [claim]", text->value), text->where);
    }
    if (auto filed =
            r.instant("filed_at", rulebook_.store.zone, DateMeaning::forbidden, Need::required)) {
      claim.filed_at = filed->instant;
      places_.filed_at = filed->where;
    }
    if (auto receipt = r.boolean("has_receipt")) claim.has_receipt = receipt->value;
    if (kind) claim.kind = *kind;
    if (kind == model::ClaimKind::promotion_claim) {
      auto promotion = r.string("promotion");
      auto code = r.string("code");
      if (promotion) claim.promotion = promotion->value;
      if (code) claim.code = code->value;
      if (!r.table().contains("promotion") && !r.table().contains("code"))
        report(out_.diagnostics, "schema/missing-key",
               claim_fields::needs_promotion_or_code("[claim]"), r.table_where());
      not_allowed(r, "items", *kind);
    } else if (kind == model::ClaimKind::return_claim) {
      auto items = r.tables("items", Need::required);
      places_.items_key = r.key_where("items");
      if (r.table().contains("items") && items.empty() && r.table().get("items")->is_array() &&
          r.table().get("items")->as_array()->empty())
        report(out_.diagnostics, "schema/missing-key",
               claim_fields::needs_items("[claim]", "[[claim.items]]"), r.where("items"));
      for (std::size_t i = 0; i < items.size(); ++i) read_item(*items[i], i + 1);
      not_allowed(r, "promotion", *kind);
      not_allowed(r, "code", *kind);
    } else {
      // Unknown kind: still declare the keys so the only error is `kind`.
      r.take("promotion");
      r.take("code");
      r.take("items");
    }
    r.finish();
  }

  void read_item(const toml::table& table, std::size_t n) {
    TableReader r(table, fmt::format("[[claim.items]] #{}", n), out_.diagnostics);
    model::ClaimItem item;
    ClaimPlaces::Item place;
    item.where = r.table_where();
    if (auto sku = r.string("sku", Need::required)) item.sku = sku->value, place.sku = sku->where;
    if (auto qty = r.integer("qty", Need::required)) item.qty = qty->value, place.qty = qty->where;
    if (auto c = r.string("condition", Need::required))
      item.condition = c->value, place.condition = c->where;
    if (auto reason = r.string("reason", Need::required))
      item.reason = reason->value, place.reason = reason->where;
    r.finish();
    out_.claim.items.push_back(std::move(item));
    places_.items.push_back(place);
  }

  void read_order(const toml::table& table) {
    TableReader r(table, "[order]", out_.diagnostics);
    model::Order& order = out_.claim.order;
    if (auto id = r.string("id", Need::required)) order.id = id->value;
    if (auto placed =
            r.instant("placed_at", rulebook_.store.zone, DateMeaning::forbidden, Need::required)) {
      order.placed_at = placed->instant;
      places_.placed_at = placed->where;
    }
    if (auto delivered = r.instant("delivered_at", rulebook_.store.zone, DateMeaning::forbidden)) {
      order.delivered_at = delivered->instant;
      places_.delivered_at = delivered->where;
    }
    if (auto channel = r.string("channel", Need::required)) {
      order.channel = channel->value;
      places_.channel = channel->where;
    }
    if (auto codes = r.strings("codes")) order.codes = model::values(*codes);
    if (auto shipping = r.money("shipping", digits_)) order.shipping = shipping->value;
    if (auto shipping_paid = r.money("shipping_paid", digits_))
      order.shipping_paid = shipping_paid->value;
    if (auto received = r.money("discount_received", digits_))
      order.discount_received = received->value;
    auto lines = r.tables("lines", Need::required);
    places_.lines_key = r.key_where("lines");
    if (r.table().contains("lines") && lines.empty() && r.table().get("lines")->is_array() &&
        r.table().get("lines")->as_array()->empty())
      report(out_.diagnostics, "schema/missing-key",
             claim_fields::needs_lines("[order]", "[[order.lines]]"), r.where("lines"));
    for (std::size_t i = 0; i < lines.size(); ++i) read_line(*lines[i], i + 1);
    r.finish();
  }

  void read_line(const toml::table& table, std::size_t n) {
    TableReader r(table, fmt::format("[[order.lines]] #{}", n), out_.diagnostics);
    model::OrderLine line;
    ClaimPlaces::Line place;
    line.where = r.table_where();
    if (auto sku = r.string("sku", Need::required)) line.sku = sku->value, place.sku = sku->where;
    if (auto category = r.string("category", Need::required)) line.category = category->value;
    if (auto qty = r.integer("qty", Need::required)) line.qty = qty->value, place.qty = qty->where;
    if (auto price = r.money("unit_price", digits_, Need::required)) line.unit_price = price->value;
    if (auto paid = r.money("paid", digits_)) line.paid = paid->value;
    if (auto final_sale = r.boolean("final_sale")) line.final_sale = final_sale->value;
    r.finish();
    out_.claim.order.lines.push_back(std::move(line));
    places_.lines.push_back(place);
  }

  void read_customer(const toml::table& table) {
    TableReader r(table, "[customer]", out_.diagnostics);
    model::Customer& customer = out_.claim.customer;
    if (auto id = r.string("id")) customer.id = id->value;
    if (auto segments = r.strings("segments")) customer.segments = model::values(*segments);
    customer.orders_before = count(r, "orders_before");
    customer.returns_90d = count(r, "returns_90d");
    if (const toml::table* redemptions = r.table("redemptions")) {
      TableReader inner(*redemptions, "`redemptions` of [customer]", out_.diagnostics);
      for (auto&& [key, value] : *redemptions) {
        // Read by the key as written, kept in NFC like every name (parse_toml
        // refused two keys that normalize alike).
        std::string written(key.str());
        if (auto n = count(inner, written)) customer.redemptions[core::to_nfc(written)] = *n;
      }
      inner.finish();
    }
    r.finish();
  }

  void read_expect(const toml::table& table) {
    TableReader r(table, "[expect]", out_.diagnostics);
    Expect expect;
    expect.where = r.table_where();
    if (auto verdict = r.string("verdict")) expect.verdict = verdict->value;
    if (auto amount = r.money("amount", digits_)) expect.amount = amount->value;
    if (auto rule = r.string("rule")) expect.rule = rule->value;
    if (auto applied = r.strings("applied")) expect.applied = model::values(*applied);
    if (r.table().contains("items")) {
      auto items = r.tables("items");
      expect.items.emplace();
      for (std::size_t i = 0; i < items.size(); ++i) {
        TableReader item(*items[i], fmt::format("`items` #{} of [expect]", i + 1),
                         out_.diagnostics);
        ExpectItem e;
        e.where = item.table_where();
        if (auto sku = item.string("sku", Need::required)) e.sku = sku->value;
        if (auto outcome = item.string("outcome")) {
          e.outcome = outcome->value;
          if (!model::parse_outcome(outcome->value))
            report(out_.diagnostics, "schema/wrong-type",
                   fmt::format("`outcome` \"{}\" in {} is not an outcome", outcome->value,
                               item.context()),
                   outcome->where);
        }
        if (auto rule = item.string("rule")) e.rule = rule->value;
        if (auto amount = item.money("amount", digits_)) e.amount = amount->value;
        item.finish();
        expect.items->push_back(std::move(e));
      }
    } else {
      r.take("items");
    }
    r.finish();
    out_.expect = std::move(expect);
  }

  const model::Rulebook& rulebook_;
  LoadedClaim& out_;
  ClaimPlaces& places_;
  int digits_;
};

}  // namespace

LoadedClaim load_claim_text(const std::string& text, const std::string& path,
                            const model::Rulebook& rulebook, const ClaimLoadOptions& options) {
  LoadedClaim out;
  auto root = parse_toml(text, path, out.diagnostics);
  if (!root) return out;
  ClaimPlaces places;
  places.file.file = path;
  ClaimFileReader reader(rulebook, out, places);
  reader.read(*root, options);
  // Semantic checks only on a claim that read cleanly: otherwise they would
  // repeat the same problem in other words.
  if (out.ok()) {
    auto semantic = validate_claim(out.claim, rulebook, places, out.has_claim);
    out.diagnostics.insert(out.diagnostics.end(), semantic.begin(), semantic.end());
  }
  core::sort_diagnostics(out.diagnostics);
  return out;
}

}  // namespace fineprint::load

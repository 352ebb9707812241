#include "report/decision_json.hpp"

#include "report/json_writer.hpp"

namespace fineprint::report {

namespace {

std::string_view match_name(model::MatchKind kind) {
  switch (kind) {
    case model::MatchKind::matched:
      return "matched";
    case model::MatchKind::failed:
      return "failed";
    case model::MatchKind::unknown:
      return "unknown";
  }
  return "failed";
}

void optional_string(JsonWriter& json, PlainKey key, const std::optional<std::string>& value) {
  json.plain_key(key);
  if (value) {
    json.value(*value);
  } else {
    json.null();
  }
}

// A string that is null when empty, without copying it into an optional.
void string_or_null(JsonWriter& json, PlainKey key, const std::string& value) {
  json.plain_key(key);
  if (value.empty()) {
    json.null();
  } else {
    json.value(value);
  }
}

void write_items(JsonWriter& json, const engine::Decision& d) {
  const int digits = d.currency.minor_digits;
  json.plain_key("items").begin_array();
  for (const auto& item : d.items) {
    json.begin_object();
    json.plain_key("sku").value(item.sku);
    json.plain_key("qty").value(item.qty);
    json.plain_key("outcome").value(model::outcome_name(item.outcome));
    string_or_null(json, "rule", item.rule);
    json.plain_key("amount").value(core::format_money(item.amount, digits));
    optional_string(json, "because", item.because);
    optional_string(json, "cite", item.cite);
    json.plain_key("fee").value(core::format_money(item.fee, digits));
    if (!item.assumed_from_catalog.empty())
      json.plain_key("assumed_from_catalog").strings(item.assumed_from_catalog);
    json.end_object();
  }
  json.end_array();
}

void write_promotion(JsonWriter& json, const engine::Decision& d) {
  const int digits = d.currency.minor_digits;
  const engine::PromotionDecision& p = *d.promotion;
  auto money = [&](const std::optional<core::Minor>& m) {
    return m ? std::optional<std::string>(core::format_money(*m, digits)) : std::nullopt;
  };
  json.plain_key("promotion").begin_object();
  string_or_null(json, "id", p.id);
  json.plain_key("applied").value(p.applied);
  optional_string(json, "blocked_by", p.blocked_by);
  optional_string(json, "no_discount", p.no_discount);
  json.plain_key("failed").begin_array();
  for (const auto& failed : p.failed) {
    json.begin_object();
    json.plain_key("condition").value(failed.key);
    json.plain_key("message").value(failed.message);
    json.end_object();
  }
  json.end_array();
  optional_string(json, "entitled", money(p.entitled));
  optional_string(json, "received", money(p.received));
  json.end_object();
}

void write_trace(JsonWriter& json, const engine::Decision& d) {
  json.plain_key("trace").begin_array();
  if (d.kind == model::ClaimKind::return_claim) {
    for (const auto& item : d.items) {
      json.begin_object();
      json.plain_key("sku").value(item.sku);
      json.plain_key("rules").begin_array();
      for (const auto& step : item.trace) {
        json.begin_object();
        json.plain_key("rule").value(step.rule);
        json.plain_key("result").value(match_name(step.kind));
        string_or_null(json, "key", step.key);
        json.end_object();
      }
      json.end_array();
      json.end_object();
    }
  } else if (d.pricing) {
    for (const auto& p : d.pricing->promotions) {
      json.begin_object();
      json.plain_key("promotion").value(p.id);
      json.plain_key("result").value(engine::status_name(p.status));
      json.plain_key("failed").begin_array();
      for (model::Condition failed : p.failed) json.value(model::condition_key(failed));
      json.end_array();
      string_or_null(json, "blocked_by", p.blocked_by);
      json.plain_key("discount").value(core::format_money(p.discount, d.currency.minor_digits));
      json.end_object();
    }
  }
  json.end_array();
}

// The gesture of goodwill granted with the claim, a part of its own: the
// verdict and amount above are the rules' (issue 17).
void write_goodwill(JsonWriter& json, const engine::Decision& d) {
  if (!d.goodwill) return;
  const engine::GoodwillPart& g = *d.goodwill;
  auto money = [&](const std::optional<core::Minor>& m) {
    return m ? std::optional<std::string>(core::format_money(*m, d.currency.minor_digits))
             : std::nullopt;
  };
  json.plain_key("goodwill").begin_object();
  json.plain_key("id").value(g.id);
  json.plain_key("gesture").value(model::gesture_key(g.gesture));
  if (g.gesture == model::GestureKind::voucher_percent ||
      g.gesture == model::GestureKind::refund_percent)
    json.plain_key("percent").value(core::format_percent(g.percent));
  if (g.gesture == model::GestureKind::voucher_percent)
    json.plain_key("voucher_days").value(g.voucher_days);
  optional_string(json, "amount", money(g.amount));
  optional_string(json, "note", g.note);
  json.end_object();
}

}  // namespace

std::string decision_json(const engine::Decision& d, bool pretty, const ReplyField* reply) {
  JsonWriter json(pretty);
  write_decision_json(json, d, reply);
  return json.str();
}

void write_decision_json(JsonWriter& json, const engine::Decision& d, const ReplyField* reply) {
  json.begin_object();
  json.plain_key("claim").value(d.claim);
  json.plain_key("verdict").value(engine::verdict_name(d.verdict));
  json.plain_key("amount").value(core::format_money(d.amount, d.currency.minor_digits));
  json.plain_key("currency").value(d.currency.code);
  // Only a claim decided without an order says so (issue 16).
  if (!d.has_order) json.plain_key("without_order").value("no receipt, no order");
  if (d.kind == model::ClaimKind::return_claim) {
    write_items(json, d);
  } else {
    write_promotion(json, d);
  }
  json.plain_key("reasons").strings(d.reasons);
  write_trace(json, d);
  write_goodwill(json, d);
  json.plain_key("rulebook").value(d.rulebook);
  json.plain_key("fineprint").value(d.fineprint);
  if (reply) {
    json.plain_key("reply").begin_object();
    json.plain_key("language").value(reply->language);
    json.plain_key("text").value(reply->text);
    json.end_object();
  }
  json.end_object();
}

}  // namespace fineprint::report

// [returns], its rules, exemptions and `otherwise`, and [[assert]]
// (docs/format.md §1.5, §1.6).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/did_you_mean.hpp"
#include "core/limits.hpp"
#include "load/allow_reader.hpp"
#include "load/rulebook_sections.hpp"
#include "load/table_reader.hpp"
#include "load/text_reader.hpp"

namespace fineprint::load {

namespace {

std::vector<std::string> outcome_names() {
  std::vector<std::string> names;
  for (auto outcome :
       {model::Outcome::refund, model::Outcome::store_credit, model::Outcome::exchange,
        model::Outcome::repair, model::Outcome::replace, model::Outcome::repair_or_replace,
        model::Outcome::deny, model::Outcome::review})
    names.emplace_back(model::outcome_name(outcome));
  return names;
}

}  // namespace

std::optional<model::Outcome> outcome_value(TableReader& reader,
                                            const core::Located<std::string>& text) {
  if (auto outcome = model::parse_outcome(text.value)) return outcome;
  std::string message = fmt::format("`{}` is not an outcome in {}; one of {}", text.value,
                                    reader.context(), fmt::join(outcome_names(), ", "));
  if (auto suggestion = core::did_you_mean(text.value, outcome_names()))
    message = fmt::format("`{}` is not an outcome in {}; did you mean `{}`?", text.value,
                          reader.context(), *suggestion);
  add_error(reader.out(), "schema/wrong-type", std::move(message), text.where);
  return std::nullopt;
}

namespace {

template <class T>
std::optional<core::Located<T>> enum_value(TableReader& reader, std::string_view key,
                                           const std::vector<std::pair<std::string, T>>& choices,
                                           Need need = Need::optional) {
  auto text = reader.string(key, need);
  if (!text) return std::nullopt;
  std::vector<std::string> names;
  for (const auto& [name, value] : choices) {
    if (name == text->value) return core::Located<T>{value, text->where};
    names.push_back(name);
  }
  add_error(reader.out(), "schema/wrong-type",
            fmt::format("`{}` in {} must be one of {}, found \"{}\"", key, reader.context(),
                        fmt::join(names, ", "), text->value),
            text->where);
  return std::nullopt;
}

}  // namespace

model::When read_when(TableReader& parent, const model::Store& store) {
  model::When when;
  const toml::table* table = parent.table("when");
  if (!table) return when;
  when.where = parent.where("when");
  TableReader reader(*table, fmt::format("`when` of {}", parent.context()), parent.out());
  when.category = reader.strings("category");
  when.sku = reader.strings("sku");
  when.channel = reader.strings("channel");
  when.condition = reader.strings("condition");
  when.reason = reader.strings("reason");
  when.days = reader.integer_range("days", core::limits::kMaxDays);
  when.has_receipt = reader.boolean("has_receipt");
  when.final_sale = reader.boolean("final_sale");
  when.unit_price = reader.money_range("unit_price", store.currency.minor_digits);
  when.segment = reader.strings("segment");
  when.returns_90d = reader.integer_range("returns_90d", core::limits::kMaxCount);
  reader.finish();
  return when;
}

namespace {

// The outcome keys shared by rules and `otherwise`.
std::optional<model::OutcomeSpec> read_outcome(TableReader& reader, const model::Store& store) {
  model::OutcomeSpec spec;
  spec.where = reader.where("outcome");
  auto text = reader.string("outcome", Need::required);
  spec.because = read_text(reader, "because", store);
  spec.fee_percent = reader.percent("fee_percent");
  if (auto flag = reader.boolean("refund_shipping")) spec.refund_shipping = flag->value;
  spec.cite = read_text(reader, "cite", store);
  if (!text) return std::nullopt;
  auto outcome = outcome_value(reader, *text);
  if (!outcome) return std::nullopt;
  spec.outcome = *outcome;
  if ((spec.outcome == model::Outcome::deny || spec.outcome == model::Outcome::review) &&
      !reader.table().get("because")) {
    add_error(reader.out(), "schema/missing-key",
              fmt::format("{} decides `{}` and needs `because`: the reason given to the customer",
                          reader.context(), text->value),
              spec.where);
  }
  return spec;
}

}  // namespace

void read_returns(const toml::table& table, const model::Store& store, model::Returns& returns,
                  core::Diagnostics& out) {
  TableReader reader(table, "[returns]", out);
  returns.where = reader.table_where();
  if (auto policy = enum_value<model::HitPolicy>(
          reader, "hit_policy",
          {{"first", model::HitPolicy::first}, {"unique", model::HitPolicy::unique}},
          Need::required))
    returns.hit_policy = policy->value;
  returns.window_from_written = table.get("window_from") != nullptr;
  returns.window_from = enum_value<model::WindowFrom>(
      reader, "window_from",
      {{"delivery", model::WindowFrom::delivery}, {"purchase", model::WindowFrom::purchase}});
  returns.refund_basis = enum_value<model::RefundBasis>(
      reader, "refund_basis",
      {{"paid", model::RefundBasis::paid}, {"reprice", model::RefundBasis::reprice}});
  if (auto names = reader.strings("conditions")) returns.conditions = *names;
  if (auto names = reader.strings("reasons")) returns.reasons = *names;
  returns.defect_reasons = reader.strings("defect_reasons");
  if (const toml::table* otherwise = reader.table("otherwise")) {
    TableReader inner(*otherwise, "`otherwise` of [returns]", out);
    returns.otherwise = read_outcome(inner, store);
    if (returns.otherwise) returns.otherwise->where = reader.where("otherwise");
    inner.finish();
  }
  auto rules = reader.tables("rule", Need::required);
  for (const toml::table* rule_table : rules) {
    model::ReturnsRule rule;
    std::string name = "a returns rule";
    if (auto id = rule_table->get("id"); id && id->is_string())
      name = fmt::format("returns rule {}", *id->value<std::string>());
    TableReader inner(*rule_table, name, out);
    rule.where = inner.table_where();
    if (auto id = inner.string("id", Need::required)) {
      rule.id = *id;
      check_id(*id, "rule id", out);
    }
    rule.when = read_when(inner, store);
    if (auto outcome = read_outcome(inner, store)) rule.outcome = *outcome;
    inner.finish();
    returns.rules.push_back(std::move(rule));
  }
  if (reader.table().get("rule") && reader.table().get("rule")->is_array() && rules.empty())
    add_error(out, "schema/missing-key", "[returns] needs at least one [[returns.rule]]",
              reader.where("rule"));
  for (const toml::table* exemption_table : reader.tables("exemption")) {
    model::Exemption exemption;
    TableReader inner(*exemption_table, "a [[returns.exemption]]", out);
    exemption.where = inner.table_where();
    if (auto names = inner.strings("categories", Need::required)) exemption.categories = *names;
    if (auto names = inner.strings("conditions", Need::required)) exemption.conditions = *names;
    exemption.basis = read_text(inner, "basis", store, Need::required);
    inner.finish();
    returns.exemptions.push_back(std::move(exemption));
  }
  read_allow(reader, returns.allow);
  reader.finish();
}

void read_assert(const toml::table& table, const model::Store& store, model::Assert& assertion,
                 core::Diagnostics& out) {
  std::string name = "an [[assert]]";
  if (auto id = table.get("id"); id && id->is_string())
    name = fmt::format("assert {}", *id->value<std::string>());
  TableReader reader(table, name, out);
  assertion.where = reader.table_where();
  if (auto id = reader.string("id", Need::required)) {
    assertion.id = *id;
    check_id(*id, "assert id", out);
  }
  assertion.when = read_when(reader, store);
  auto in = reader.strings("outcome_in");
  auto not_in = reader.strings("outcome_not_in");
  bool has_in = table.get("outcome_in") != nullptr;
  bool has_not_in = table.get("outcome_not_in") != nullptr;
  if (has_in == has_not_in) {
    add_error(out, has_in ? "schema/unknown-key" : "schema/missing-key",
              fmt::format("{} needs exactly one of `outcome_in` and `outcome_not_in`", name),
              has_in ? reader.key_where("outcome_not_in") : assertion.where);
  }
  assertion.outcome_in = has_in;
  for (const auto& text : in ? *in : not_in ? *not_in : model::Names{}) {
    if (auto outcome = outcome_value(reader, text))
      assertion.outcomes.push_back({*outcome, text.where});
  }
  assertion.because = read_text(reader, "because", store);
  reader.finish();
}

}  // namespace fineprint::load

// [[promotion]] (docs/format.md §1.4): window, eligibility, exactly one benefit.
#include <algorithm>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/limits.hpp"
#include "load/allow_reader.hpp"
#include "load/rulebook_sections.hpp"
#include "load/table_reader.hpp"
#include "load/text_reader.hpp"
#include "load/toml_document.hpp"

namespace fineprint::load {

namespace {

using model::BenefitKind;

constexpr BenefitKind kBenefitKinds[] = {BenefitKind::percent_off, BenefitKind::amount_off,
                                         BenefitKind::fixed_price, BenefitKind::buy_x_get_y,
                                         BenefitKind::tiers,       BenefitKind::free_shipping};

// A count: 1..limits::kMaxCount.
std::optional<std::int64_t> positive(TableReader& reader, std::string_view key,
                                     Need need = Need::optional) {
  auto value = reader.positive(key, core::limits::kMaxCount, {}, need);
  return value ? std::optional<std::int64_t>(value->value) : std::nullopt;
}

std::optional<model::Benefit> read_buy_x_get_y(TableReader& reader) {
  const toml::table* table = reader.table("buy_x_get_y");
  if (!table) return std::nullopt;
  TableReader inner(*table, fmt::format("`buy_x_get_y` of {}", reader.context()), reader.out());
  model::Benefit benefit;
  benefit.kind = BenefitKind::buy_x_get_y;
  auto buy = positive(inner, "buy", Need::required);
  auto get = positive(inner, "get", Need::required);
  auto percent = inner.percent("percent_off");
  inner.finish();
  if (!buy || !get) return std::nullopt;
  benefit.buy = *buy;
  benefit.get = *get;
  benefit.percent = percent ? percent->value : core::kHundredPercent;
  return benefit;
}

std::optional<model::Benefit> read_tiers(TableReader& reader, const model::Store& store) {
  auto tables = reader.tables("tiers");
  if (!reader.table().get("tiers")) return std::nullopt;
  model::Benefit benefit;
  benefit.kind = BenefitKind::tiers;
  bool ok = true;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    TableReader inner(*tables[i], fmt::format("tier {} of {}", i + 1, reader.context()),
                      reader.out());
    model::Tier tier;
    tier.where = inner.table_where();
    auto min = inner.money("min_subtotal", store.currency.minor_digits, Need::required);
    auto percent = inner.percent("percent_off");
    auto amount = inner.money("amount_off", store.currency.minor_digits);
    bool has_percent = inner.table().get("percent_off") != nullptr;
    bool has_amount = inner.table().get("amount_off") != nullptr;
    if (has_percent == has_amount) {
      add_error(
          reader.out(), "schema/missing-key",
          fmt::format("{} needs exactly one of `percent_off` and `amount_off`", inner.context()),
          tier.where);
      ok = false;
    }
    inner.finish();
    if (!min || (has_percent && !percent) || (has_amount && !amount)) {
      ok = false;
      continue;
    }
    tier.min_subtotal = min->value;
    tier.is_percent = has_percent;
    if (percent) tier.percent = percent->value;
    if (amount) tier.amount = amount->value;
    benefit.tiers.push_back(tier);
  }
  // Not an array, or an element that is not a table: reported by tables().
  const toml::array* items = reader.table().get("tiers")->as_array();
  if (!items || tables.size() != items->size()) {
    ok = false;
  } else if (items->empty()) {
    add_error(reader.out(), "schema/wrong-type",
              fmt::format("`tiers` in {} must hold at least one tier", reader.context()),
              reader.where("tiers"));
    ok = false;
  }
  for (std::size_t i = 1; i < benefit.tiers.size(); ++i) {
    const model::Tier& previous = benefit.tiers[i - 1];
    const model::Tier& tier = benefit.tiers[i];
    if (tier.min_subtotal <= previous.min_subtotal) {
      add_error(
          reader.out(), "money/tier-order",
          fmt::format(
              "tier {} of {} starts at {}, not above the previous tier's {}; tiers must be strictly increasing",
              i + 1, reader.context(),
              core::format_money(tier.min_subtotal, store.currency.minor_digits),
              core::format_money(previous.min_subtotal, store.currency.minor_digits)),
          tier.where);
      ok = false;
    }
    if (tier.is_percent != benefit.tiers[0].is_percent) {
      add_error(
          reader.out(), "money/tier-order",
          fmt::format("tier {} of {} gives {} but tier 1 gives {}; all tiers must be of one kind",
                      i + 1, reader.context(), tier.is_percent ? "percent_off" : "amount_off",
                      benefit.tiers[0].is_percent ? "percent_off" : "amount_off"),
          tier.where);
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return benefit;
}

// Reads every benefit key; exactly one must be present (promo/benefit-count).
void read_benefit(TableReader& reader, const model::Store& store, model::Promotion& promotion) {
  std::vector<std::string_view> present;
  std::optional<model::Benefit> benefit;
  for (BenefitKind kind : kBenefitKinds) {
    std::string_view key = model::benefit_key(kind);
    if (reader.table().get(key)) present.push_back(key);
    std::optional<model::Benefit> read;
    switch (kind) {
      case BenefitKind::percent_off:
        if (auto percent = reader.percent(key))
          read = model::Benefit{kind, percent->value, 0, 0, 0, {}, {}};
        break;
      case BenefitKind::amount_off:
      case BenefitKind::fixed_price:
        if (auto amount = reader.money(key, store.currency.minor_digits))
          read = model::Benefit{kind, 0, amount->value, 0, 0, {}, {}};
        break;
      case BenefitKind::buy_x_get_y:
        read = read_buy_x_get_y(reader);
        break;
      case BenefitKind::tiers:
        read = read_tiers(reader, store);
        break;
      case BenefitKind::free_shipping:
        if (auto flag = reader.boolean(key)) {
          if (flag->value) {
            read = model::Benefit{kind, 0, 0, 0, 0, {}, {}};
          } else {
            add_error(reader.out(), "schema/wrong-type",
                      fmt::format("`free_shipping` in {} can only be true; remove the key instead",
                                  reader.context()),
                      flag->where);
          }
        }
        break;
    }
    if (read && !benefit) {
      read->where = reader.where(key);
      benefit = read;
    }
  }
  if (present.size() == 1) {
    promotion.benefit = benefit;
    return;
  }
  if (present.empty()) {
    add_error(
        reader.out(), "promo/benefit-count",
        fmt::format(
            "{} has no benefit; give exactly one of percent_off, amount_off, fixed_price, buy_x_get_y, tiers, free_shipping",
            reader.context()),
        promotion.where);
    return;
  }
  // Name them, and point at the second, in the order they are written.
  std::stable_sort(present.begin(), present.end(), [&](std::string_view a, std::string_view b) {
    core::SourceRange ra = reader.key_where(a), rb = reader.key_where(b);
    return std::tie(ra.line, ra.column) < std::tie(rb.line, rb.column);
  });
  add_error(reader.out(), "promo/benefit-count",
            fmt::format("{} has {} benefits ({}); give exactly one", reader.context(),
                        present.size(), fmt::join(present, ", ")),
            reader.key_where(present[1]), "split it into one promotion per benefit");
}

void read_combinable(TableReader& reader, model::Promotion& promotion) {
  const toml::node* node = reader.take("combinable");
  if (!node) return;
  promotion.combinable.where = reader.where("combinable");
  if (auto flag = node->value_exact<bool>()) {
    promotion.combinable.kind =
        *flag ? model::Combinable::Kind::all : model::Combinable::Kind::none;
    return;
  }
  if (node->is_array()) {
    if (auto ids = reader.strings("combinable")) {
      promotion.combinable.kind = model::Combinable::Kind::list;
      promotion.combinable.ids = *ids;
    }
    return;
  }
  reader.wrong_type("combinable", "true, false or an array of promotion ids", *node);
}

void read_products(TableReader& reader, model::Promotion& promotion) {
  const toml::table* table = reader.table("products");
  if (!table) return;
  TableReader inner(*table, fmt::format("`products` of {}", reader.context()), reader.out());
  model::ProductScope& scope = promotion.products;
  scope.present = true;
  scope.where = reader.where("products");
  if (auto names = inner.strings("categories")) scope.categories = *names;
  if (auto names = inner.strings("skus")) scope.skus = *names;
  if (auto names = inner.strings("exclude_categories")) scope.exclude_categories = *names;
  if (auto names = inner.strings("exclude_skus")) scope.exclude_skus = *names;
  inner.finish();
}

}  // namespace

void read_promotion(const toml::table& table, const model::Store& store,
                    model::Promotion& promotion, core::Diagnostics& out) {
  TableReader probe(table, "a promotion", out);
  promotion.where = probe.table_where();
  std::string name = "a promotion";
  if (auto id = table.get("id"); id && id->is_string())
    name = fmt::format("promotion {}", *id->value<std::string>());
  TableReader reader(table, name, out);
  int digits = store.currency.minor_digits;
  if (auto id = reader.string("id", Need::required)) {
    promotion.id = *id;
    check_id(*id, "promotion id", out);
  }
  promotion.title = read_text(reader, "title", store, Need::required);
  if (auto starts = reader.instant("starts", store.zone, DateMeaning::start_of_day, Need::required))
    promotion.starts = *starts;
  promotion.ends = reader.instant("ends", store.zone, DateMeaning::start_of_next_day);
  promotion.ends_written = table.get("ends") != nullptr;
  promotion.channels = reader.strings("channels");
  promotion.code = reader.string("code");
  if (promotion.code && promotion.code->value.empty()) {
    add_error(out, "schema/wrong-type", fmt::format("`code` in {} is empty", name),
              promotion.code->where);
    promotion.code.reset();
  }
  promotion.segments = reader.strings("segments");
  if (auto flag = reader.boolean("first_order_only")) promotion.first_order_only = flag->value;
  read_products(reader, promotion);
  promotion.min_subtotal = reader.money("min_subtotal", digits);
  if (auto quantity = positive(reader, "min_quantity"))
    promotion.min_quantity = core::Located<std::int64_t>{*quantity, reader.where("min_quantity")};
  if (auto priority = reader.integer("priority")) {
    if (priority->value >= -core::limits::kMaxPriority &&
        priority->value <= core::limits::kMaxPriority) {
      promotion.priority = priority->value;
    } else {
      add_error(out, "schema/wrong-type",
                fmt::format(
                    "`priority` in {} is {}; it must lie between -{} and {} (docs/limits.md)", name,
                    priority->value, core::limits::kMaxPriority, core::limits::kMaxPriority),
                priority->where);
    }
  }
  read_combinable(reader, promotion);
  if (auto limit = positive(reader, "limit_per_customer"))
    promotion.limit_per_customer =
        core::Located<std::int64_t>{*limit, reader.where("limit_per_customer")};
  promotion.max_discount = reader.money("max_discount", digits);
  promotion.terms = read_text(reader, "terms", store);
  read_allow(reader, promotion.allow);
  read_benefit(reader, store, promotion);
  reader.finish();
  if (promotion.ends && promotion.starts.where.known() &&
      promotion.ends->instant <= promotion.starts.instant) {
    add_error(out, "time/empty-window",
              fmt::format("{} ends {} at or before it starts {}: the window is empty", name,
                          store.zone ? core::format_instant(store.zone, promotion.ends->instant)
                                     : promotion.ends->text,
                          store.zone ? core::format_instant(store.zone, promotion.starts.instant)
                                     : promotion.starts.text),
              promotion.ends->where);
  }
}

}  // namespace fineprint::load

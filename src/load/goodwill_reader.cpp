// [[goodwill]]: a gesture of goodwill written in advance (docs/format.md §1.7,
// issue 17). Its `when` is a returns rule's, read by the same reader.
#include <fmt/format.h>

#include "core/limits.hpp"
#include "load/rulebook_sections.hpp"
#include "load/table_reader.hpp"
#include "load/text_reader.hpp"

namespace fineprint::load {

namespace {

constexpr std::string_view kGestureKeys =
    "`voucher_percent`, `refund_percent`, `amount` or `replacement = true`";

// The one gesture key; every other one written is an error of its own.
void read_gesture(TableReader& reader, const model::Store& store, model::Goodwill& goodwill) {
  int written = 0;
  auto note = [&](model::GestureKind kind, std::string_view key) {
    if (!reader.table().contains(key)) return;
    if (++written == 1) {
      goodwill.gesture = kind;
      goodwill.gesture_where = reader.where(key);
      return;
    }
    add_error(
        reader.out(), "goodwill/gesture-count",
        fmt::format("{} gives more than one gesture, `{}` and `{}`; give exactly one of {}",
                    reader.context(), model::gesture_key(goodwill.gesture), key, kGestureKeys),
        reader.key_where(key));
  };
  note(model::GestureKind::voucher_percent, "voucher_percent");
  note(model::GestureKind::refund_percent, "refund_percent");
  note(model::GestureKind::amount, "amount");
  note(model::GestureKind::replacement, "replacement");
  if (written == 0)
    add_error(reader.out(), "goodwill/gesture-count",
              fmt::format("{} gives no gesture: write one of {}", reader.context(), kGestureKeys),
              reader.table_where());
  if (auto percent = reader.percent("voucher_percent")) goodwill.percent = percent->value;
  if (auto percent = reader.percent("refund_percent")) goodwill.percent = percent->value;
  if (auto amount = reader.money("amount", store.currency.minor_digits))
    goodwill.amount = amount->value;
  if (auto flag = reader.boolean("replacement"); flag && !flag->value)
    add_error(
        reader.out(), "schema/wrong-type",
        fmt::format("`replacement` in {} can only be true; leave it out instead", reader.context()),
        flag->where);
  bool voucher = written >= 1 && goodwill.gesture == model::GestureKind::voucher_percent;
  auto days = reader.positive("voucher_days", core::limits::kMaxDays, " days",
                              voucher ? Need::required : Need::optional);
  if (days && !voucher)
    add_error(reader.out(), "schema/unknown-key",
              fmt::format("`voucher_days` in {} belongs to a `voucher_percent` gesture",
                          reader.context()),
              reader.key_where("voucher_days"));
  else if (days)
    goodwill.voucher_days = days->value;
}

// `limit_per_customer` 1..kMaxCount, `period_days` 1..kMaxDays and only with a limit.
void read_limit(TableReader& reader, model::Goodwill& goodwill) {
  goodwill.limit_per_customer = reader.positive("limit_per_customer", core::limits::kMaxCount);
  goodwill.period_days = reader.positive("period_days", core::limits::kMaxDays, " days");
  if (goodwill.period_days && !reader.table().contains("limit_per_customer"))
    add_error(
        reader.out(), "schema/missing-key",
        fmt::format("`period_days` in {} counts grants for `limit_per_customer`, which is missing",
                    reader.context()),
        reader.key_where("period_days"));
}

}  // namespace

void read_goodwill(const toml::table& table, const model::Store& store, model::Goodwill& goodwill,
                   core::Diagnostics& out) {
  std::string name = "a [[goodwill]]";
  if (auto id = table.get("id"); id && id->is_string())
    name = fmt::format("goodwill {}", *id->value<std::string>());
  TableReader reader(table, name, out);
  goodwill.where = reader.table_where();
  if (auto id = reader.string("id", Need::required)) {
    goodwill.id = *id;
    check_id(*id, "goodwill id", out);
  }
  goodwill.title = read_text(reader, "title", store, Need::required);
  goodwill.text = read_text(reader, "text", store);
  read_gesture(reader, store, goodwill);
  goodwill.max_amount = reader.money("max_amount", store.currency.minor_digits);
  goodwill.when = read_when(reader, store);
  if (auto names = reader.strings("outcome_in")) {
    goodwill.outcome_in.emplace();
    for (const auto& text : *names)
      if (auto outcome = outcome_value(reader, text))
        goodwill.outcome_in->push_back({*outcome, text.where});
    if (names->empty())
      add_error(
          out, "schema/wrong-type",
          fmt::format("`outcome_in` in {} lists no outcome; leave it out to allow every one", name),
          reader.where("outcome_in"));
  }
  goodwill.orders_before = reader.integer_range("orders_before", core::limits::kMaxCount);
  read_limit(reader, goodwill);
  if (auto flag = reader.boolean("requires_note")) goodwill.requires_note = flag->value;
  reader.finish();
}

}  // namespace fineprint::load

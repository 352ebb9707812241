// [store] and [catalog] (docs/format.md §1.1, §1.2).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/did_you_mean.hpp"
#include "core/limits.hpp"
#include "load/rulebook_sections.hpp"
#include "load/product_reader.hpp"
#include "load/table_reader.hpp"
#include "model/law_pack.hpp"

namespace fineprint::load {

namespace {

// A string key whose value must be one of `allowed`; nullopt when absent or wrong.
std::optional<core::Located<std::string>> one_of(TableReader& reader, std::string_view key,
                                                 const std::vector<std::string>& allowed,
                                                 Need need = Need::optional) {
  auto value = reader.string(key, need);
  if (!value) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), value->value) != allowed.end()) return value;
  std::string message = fmt::format("`{}` in {} must be one of {}, found \"{}\"", key,
                                    reader.context(), fmt::join(allowed, ", "), value->value);
  if (auto suggestion = core::did_you_mean(value->value, allowed))
    message += fmt::format("; did you mean \"{}\"?", *suggestion);
  add_error(reader.out(), "schema/wrong-type", std::move(message), value->where);
  return std::nullopt;
}

}  // namespace

void read_store(const toml::table& table, model::Store& store, core::Diagnostics& out) {
  TableReader reader(table, "[store]", out);
  store.where = reader.table_where();
  if (auto name = reader.string("name", Need::required)) store.name = *name;
  if (auto currency = reader.string("currency", Need::required)) {
    if (auto known = core::find_currency(currency->value)) {
      store.currency = *known;
    } else {
      add_error(
          out, "money/unknown-currency",
          fmt::format(
              "currency \"{}\" is not one fineprint knows (EUR, PLN, USD, GBP, SEK, NOK, DKK, CZK, HUF, CHF, RON, BGN, JPY, KRW, ISK)",
              currency->value),
          currency->where);
    }
  }
  if (auto zone = reader.string("timezone", Need::required)) {
    store.timezone = *zone;
    // Only canonical names: `localtime` would make every decision depend on
    // the /etc/localtime of the machine that runs fineprint.
    if (auto problem = core::zone_name_problem(zone->value)) {
      add_error(
          out, "time/bad-timezone",
          fmt::format("\"{}\" is not a time zone fineprint accepts: {}", zone->value, *problem),
          zone->where,
          zone->value == "localtime"
              ? "\"localtime\" is the zone of the machine running fineprint, so another machine would decide the same claim differently; name the store's zone, like \"Europe/Riga\""
              : "use a name like \"Europe/Riga\", \"America/New_York\" or \"UTC\"");
    } else if (!(store.zone = core::find_zone(zone->value))) {
      add_error(out, "time/bad-timezone",
                fmt::format("\"{}\" is not an IANA time zone in the tz database", zone->value),
                zone->where, "use a name like \"Europe/Riga\" or \"America/New_York\"");
    }
  }
  if (auto channels = reader.strings("channels", Need::required)) {
    store.channels = *channels;
    store.channels_loaded = !channels->empty();
    if (channels->empty())
      add_error(out, "schema/wrong-type", "`channels` in [store] must name at least one channel",
                reader.where("channels"));
    for (const auto& channel : store.channels) check_id(channel, "channel", out);
  }
  if (auto distance = reader.strings("distance_channels")) store.distance_channels = *distance;
  if (auto jurisdiction = one_of(reader, "jurisdiction", {"EU", "LV", "LT", "PL", "EE", "none"}))
    store.jurisdiction = *model::parse_jurisdiction(jurisdiction->value);
  if (auto locale = one_of(reader, "locale", {"en", "lv", "lt", "pl", "ru"}))
    store.locale = locale->value;
  if (auto rounding = one_of(reader, "rounding", {"half_up", "half_even", "down"}))
    store.rounding = *core::parse_rounding(rounding->value);
  if (auto days = reader.integer("late_code_days")) {
    if (days->value < 0) {
      add_error(out, "schema/wrong-type",
                fmt::format("`late_code_days` in [store] must be 0 or more, found {}", days->value),
                days->where);
    } else if (reader.at_most("late_code_days", *days, core::limits::kMaxDays, " days")) {
      store.late_code_days = days->value;
    }
  }
  reader.finish();
}

void read_catalog(const toml::table& table, const model::Store& store, model::Catalog& catalog,
                  core::Diagnostics& out) {
  TableReader reader(table, "[catalog]", out);
  catalog.where = reader.table_where();
  catalog.categories = reader.strings("categories");
  catalog.skus = reader.strings("skus");
  read_product_tables(reader, store, catalog);
  reader.finish();
}

}  // namespace fineprint::load

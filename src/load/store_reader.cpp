// [store] and [catalog] (docs/format.md §1.1, §1.2).
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/did_you_mean.hpp"
#include "core/limits.hpp"
#include "load/product_reader.hpp"
#include "load/rulebook_sections.hpp"
#include "load/table_reader.hpp"
#include "load/text_reader.hpp"
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

// `languages`, or `locale` as its one-language shorthand (never both). Only
// codes of model::supported_languages(), each once; the store keeps its
// default ("en") when none loads.
void read_languages(TableReader& reader, model::Store& store) {
  bool has_locale = reader.table().get("locale") != nullptr;
  bool has_languages = reader.table().get("languages") != nullptr;
  if (has_locale && has_languages)
    add_error(
        reader.out(), "schema/unknown-key",
        "[store] has both `languages` and `locale`; `locale` is the one-language shorthand of `languages`: keep `languages`",
        reader.key_where("locale"));
  std::vector<std::string> declared;
  if (auto locale = reader.string("locale")) {
    if (check_language(*locale, "`locale` of [store]", reader.out()))
      declared.push_back(locale->value);
  }
  if (auto languages = reader.strings("languages")) {
    declared.clear();
    if (languages->empty())
      add_error(reader.out(), "schema/wrong-type",
                "`languages` in [store] must name at least one language",
                reader.where("languages"));
    for (const auto& code : *languages) {
      if (!check_language(code, "`languages` of [store]", reader.out())) continue;
      if (std::find(declared.begin(), declared.end(), code.value) != declared.end()) {
        add_error(reader.out(), "schema/wrong-type",
                  fmt::format("`languages` in [store] names \"{}\" twice", code.value), code.where);
        continue;
      }
      declared.push_back(code.value);
    }
  }
  if (!declared.empty()) store.languages = std::move(declared);
}

// The store's name: a plain string is a proper name, the same in every
// declared language (docs/decisions.md); a table gives it per language.
void read_name(TableReader& reader, model::Store& store) {
  const toml::node* node = reader.table().get("name");
  store.name = read_text(reader, "name", store, Need::required);
  if (node && node->is_string() && !store.name.empty()) {
    std::string name = store.name.by_language.begin()->second;
    for (const auto& language : store.languages) store.name.by_language.emplace(language, name);
  }
}

// [store.letter]: how the store's letters to customers end (docs/format.md §1.1).
// [store.names]: the customer-facing name of each channel, category and
// segment id, a text like any other (docs/format.md §1.1). The ids are
// checked with every other reference (load/references.cpp).
void read_names(TableReader& reader, model::Store& store) {
  const toml::table* table = reader.table("names");
  if (!table) return;
  TableReader names(*table, "[store.names]", reader.out());
  auto read_kind = [&](std::string_view kind,
                       std::map<std::string, model::Text, std::less<>>& into) {
    const toml::table* ids = names.table(kind);
    if (!ids) return;
    TableReader of_kind(*ids, fmt::format("[store.names.{}]", kind), reader.out());
    for (const auto& [id, value] : *ids) {
      std::string key(id.str());
      into[key] = read_text(of_kind, key, store);
    }
    of_kind.finish();
  };
  read_kind("channel", store.names.channel);
  read_kind("category", store.names.category);
  read_kind("segment", store.names.segment);
  names.finish();
}

void read_letter(TableReader& reader, model::Store& store) {
  const toml::table* table = reader.table("letter");
  if (!table) return;
  TableReader letter(*table, "[store.letter]", reader.out());
  store.letter.signature = read_text(letter, "signature", store, Need::required);
  store.letter.contact = read_text(letter, "contact", store, Need::required);
  store.letter.appeal = read_text(letter, "appeal", store);
  letter.finish();
}

}  // namespace

void read_store(const toml::table& table, model::Store& store, core::Diagnostics& out) {
  TableReader reader(table, "[store]", out);
  store.where = reader.table_where();
  read_languages(reader, store);
  read_name(reader, store);
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
  read_letter(reader, store);
  read_names(reader, store);
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

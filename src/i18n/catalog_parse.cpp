// parse_catalog: a catalog's TOML text to a Catalog, with every check. Kept
// apart from catalog.cpp (ICU, the compiled-in tables) because the build-time
// program fineprint_catalogs runs it on i18n/*.toml before the library that
// holds its output exists; only toml++ and fmt here.
#include <fmt/format.h>
#include <toml++/toml.h>

#include "i18n/catalog.hpp"
#include "i18n/catalog_error.hpp"

namespace fineprint::i18n {

namespace {

using Texts = std::map<std::string, std::string, std::less<>>;

// [letter] greeting = "…" becomes "letter.greeting": nested tables flatten to
// dotted keys; every leaf must be a string.
bool flatten(const toml::table& table, const std::string& prefix, Texts& out, std::string& bad) {
  for (const auto& [key, node] : table) {
    std::string name =
        prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (const auto* sub = node.as_table()) {
      if (!flatten(*sub, name, out, bad)) return false;
    } else if (const auto* text = node.as_string()) {
      out.emplace(name, text->get());
    } else {
      bad = name;
      return false;
    }
  }
  return true;
}

DateStyle read_dates(const toml::table& root) {
  DateStyle style;
  const toml::node_view<const toml::node> dates = root["dates"];
  style.date = dates["date"].value_or(std::string{});
  style.date_time = dates["date_time"].value_or(std::string{});
  style.date_time_seconds = dates["date_time_seconds"].value_or(std::string{});
  if (const auto* months = dates["months"].as_array())
    for (const auto& month : *months) style.months.push_back(month.value_or(std::string{}));
  return style;
}

}  // namespace

core::Result<Catalog> parse_catalog(std::string_view language, std::string_view text) {
  toml::table root;
  try {  // this toml++ is built with exceptions: a parse error is thrown
    root = toml::parse(text, std::string("i18n/") + std::string(language) + ".toml");
  } catch (const toml::parse_error& error) {
    return catalog_error(fmt::format("i18n/{}.toml: {}", language, error.description()));
  }
  // Every table but [dates] and [glossary] holds messages: [letter] greeting
  // is the message "letter.greeting".
  Texts messages, glossary;
  std::string bad;
  const auto* glossary_table = root["glossary"].as_table();
  if (!glossary_table || !root["dates"].as_table())
    return catalog_error(
        fmt::format("i18n/{}.toml needs a [dates] and a [glossary] table", language));
  toml::table message_tables = root;
  message_tables.erase("dates");
  message_tables.erase("glossary");
  if (!flatten(message_tables, "", messages, bad) || !flatten(*glossary_table, "", glossary, bad))
    return catalog_error(fmt::format("i18n/{}.toml: `{}` is not a string", language, bad));
  DateStyle dates = read_dates(root);
  if (dates.date.empty() || dates.date_time.empty() || dates.date_time_seconds.empty() ||
      !(dates.months.empty() || dates.months.size() == 12))
    return catalog_error(fmt::format(
        "i18n/{}.toml: [dates] needs date, date_time and date_time_seconds patterns, and months "
        "either absent or twelve names",
        language));
  return Catalog(std::string(language), std::move(messages), std::move(glossary), std::move(dates));
}

}  // namespace fineprint::i18n

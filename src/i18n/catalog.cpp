#include "i18n/catalog.hpp"

#include <algorithm>
#include <mutex>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/unistr.h>

#include "i18n/embedded.hpp"

namespace fineprint::i18n {

namespace {

using Texts = std::map<std::string, std::string, std::less<>>;

core::Error catalog_error(std::string message) {
  return core::Error{"i18n/catalog", std::move(message)};
}

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

icu::UnicodeString unicode(std::string_view utf8) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
}

icu::Formattable formattable(const ArgValue& value) {
  if (const auto* number = std::get_if<std::int64_t>(&value))
    return icu::Formattable(static_cast<int64_t>(*number));
  return icu::Formattable(unicode(std::get<std::string>(value)));
}

// The first placeholder name of the pattern, at any depth (inside plural and
// select too), that `args` gives no value.
std::optional<std::string> unset_placeholder(const icu::UnicodeString& text, const Args& args) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError where;
  icu::MessagePattern pattern(text, &where, status);
  if (U_FAILURE(status)) return std::nullopt;  // MessageFormat reports it
  for (std::int32_t i = 0; i < pattern.countParts(); ++i) {
    const icu::MessagePattern::Part& part = pattern.getPart(i);
    if (part.getType() != UMSGPAT_PART_TYPE_ARG_NAME) continue;
    std::string name;
    pattern.getSubstring(part).toUTF8String(name);
    if (std::none_of(args.begin(), args.end(), [&](const Arg& arg) { return arg.name == name; }))
      return name;
  }
  return std::nullopt;
}

}  // namespace

Catalog::Catalog(std::string language, Texts messages, Texts glossary, DateStyle dates)
    : language_(std::move(language)),
      messages_(std::move(messages)),
      glossary_(std::move(glossary)),
      dates_(std::move(dates)) {}

core::Result<std::string> Catalog::format(std::string_view key, const Args& args) const {
  auto found = messages_.find(key);
  if (found == messages_.end())
    return catalog_error(fmt::format("the {} catalog has no message `{}`", language_, key));
  UErrorCode status = U_ZERO_ERROR;
  icu::MessageFormat format(unicode(found->second), icu::Locale(language_.c_str()), status);
  if (U_FAILURE(status))
    return catalog_error(fmt::format("the {} message `{}` is not valid ICU MessageFormat: {}",
                                     language_, key, u_errorName(status)));
  // ICU would print a placeholder without a value as "{name}": an error, never output.
  if (auto missing = unset_placeholder(unicode(found->second), args))
    return catalog_error(
        fmt::format("the {} message `{}` needs a value for `{}`", language_, key, *missing));
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  for (const Arg& arg : args) {
    names.push_back(unicode(arg.name));
    values.push_back(formattable(arg.value));
  }
  icu::UnicodeString result;
  format.format(names.data(), values.data(), static_cast<std::int32_t>(names.size()), result,
                status);
  if (U_FAILURE(status))
    return catalog_error(fmt::format("the {} message `{}` could not be formatted: {}", language_,
                                     key, u_errorName(status)));
  std::string out;
  result.toUTF8String(out);
  return out;
}

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

std::vector<std::string> catalog_languages() {
  std::vector<std::string> languages;
  for (std::size_t i = 0; i < generated::kCatalogCount; ++i)
    languages.emplace_back(generated::kCatalogs[i].language);
  std::sort(languages.begin(), languages.end());
  return languages;
}

core::Result<const Catalog*> catalog(std::string_view language) {
  // Parsed on first use and kept for the process: batch threads may ask at once.
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<Catalog>, std::less<>> cache;
  std::lock_guard lock(mutex);
  if (auto found = cache.find(language); found != cache.end()) return found->second.get();
  for (std::size_t i = 0; i < generated::kCatalogCount; ++i) {
    if (generated::kCatalogs[i].language != language) continue;
    core::Result<Catalog> parsed = parse_catalog(language, generated::kCatalogs[i].text);
    if (!parsed) return parsed.error();
    auto stored = std::make_unique<Catalog>(std::move(parsed.value()));
    const Catalog* pointer = stored.get();
    cache.emplace(std::string(language), std::move(stored));
    return pointer;
  }
  std::vector<std::string> languages = catalog_languages();
  return catalog_error(
      fmt::format("there is no message catalog for the language \"{}\"; there are: {}", language,
                  fmt::join(languages, ", ")));
}

}  // namespace fineprint::i18n

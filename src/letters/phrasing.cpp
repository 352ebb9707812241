#include "letters/phrasing.hpp"

#include <algorithm>
#include <memory>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unicode/listformatter.h>
#include <unicode/unistr.h>

namespace fineprint::letters {

namespace {

template <class T>
T must(core::Result<T> result) {
  if (!result) throw Failure{result.error()};
  return std::move(result.value());
}

}  // namespace

std::string Phrasing::say(std::string_view key, const i18n::Args& args) const {
  return must(catalog_.format(key, args));
}

std::string Phrasing::money(core::Minor amount) const {
  return must(i18n::money(catalog_, amount, rulebook_.store.currency));
}

std::string Phrasing::percent(core::BasisPoints percent) const {
  return must(i18n::percent(catalog_, percent));
}

std::string Phrasing::date(core::Instant instant, i18n::DateForm form) const {
  return must(i18n::date_in_zone(catalog_, rulebook_.store.zone, instant, form));
}

std::string Phrasing::day(date::local_days day) const {
  return must(i18n::local_date(catalog_, core::LocalTime{day}));
}

std::vector<std::string> Phrasing::names(std::string_view kind, const model::Names& ids) const {
  const model::Store::DisplayNames& all = rulebook_.store.names;
  const auto& of_kind = kind == "channel"    ? all.channel
                        : kind == "category" ? all.category
                                             : all.segment;
  std::vector<std::string> out;
  for (const auto& id : ids) {
    auto named = of_kind.find(id.value);
    out.push_back(named == of_kind.end()
                      ? id.value
                      : text(named->second, fmt::format("the name of {} `{}`", kind, id.value)));
  }
  return out;
}

std::string Phrasing::list(const std::vector<std::string>& parts) const {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::ListFormatter> formatter(
      icu::ListFormatter::createInstance(icu::Locale(language().c_str()), status));
  if (U_FAILURE(status) || !formatter)
    throw Failure{core::Error{"i18n/format", fmt::format("no list format for {}", language())}};
  std::vector<icu::UnicodeString> items;
  for (const auto& part : parts) items.push_back(icu::UnicodeString::fromUTF8(part));
  icu::UnicodeString joined;
  formatter->format(items.data(), static_cast<std::int32_t>(items.size()), joined, status);
  std::string out;
  joined.toUTF8String(out);
  return out;
}

std::string Phrasing::quoted(std::string_view text) const {
  return say("common.quoted", {{"text", std::string(text)}});
}

std::string Phrasing::text(const model::Text& text, std::string_view what) const {
  if (text.empty()) return {};
  if (const std::string* found = text.in(language())) return *found;
  std::vector<std::string> has;
  for (const auto& [code, value] : text.by_language) has.push_back(code);
  throw Failure{core::Error{
      "text/missing-translation",
      fmt::format("{}:{}: the rulebook has no {} text for {}; it has: {}", text.where.file,
                  text.where.line, language(), what, fmt::join(has, ", "))}};
}

std::string Phrasing::store_name() const {
  return text(rulebook_.store.name, "the store's `name`");
}

const model::Promotion* promotion_named(const model::Rulebook& rulebook, std::string_view id) {
  for (const auto& promotion : rulebook.promotions)
    if (promotion.id.value == id) return &promotion;
  return nullptr;
}

core::Result<const i18n::Catalog*> catalog_for(const model::Rulebook& rulebook,
                                               std::string_view language) {
  const std::vector<std::string>& declared = rulebook.store.languages;
  if (std::find(declared.begin(), declared.end(), language) == declared.end())
    return core::Error{"text/unknown-language",
                       fmt::format("the store does not answer in \"{}\"; its `languages` are: {}",
                                   language, fmt::join(declared, ", "))};
  return i18n::catalog(language);
}

}  // namespace fineprint::letters

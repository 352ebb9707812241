// Catalog::format (ICU MessageFormat) and catalog(): the catalogs compiled in
// at build time (compiled_catalogs.hpp), made into Catalogs on first use.
#include "i18n/catalog.hpp"

#include <algorithm>
#include <mutex>
#include <optional>
#include <span>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/unistr.h>

#include "i18n/catalog_error.hpp"
#include "i18n/compiled_catalogs.hpp"

namespace fineprint::i18n {

namespace {

using Texts = std::map<std::string, std::string, std::less<>>;

// The compiled texts are sorted by key: each goes in at the end of the map.
Texts texts(std::span<const generated::CompiledText> compiled) {
  Texts out;
  for (const generated::CompiledText& entry : compiled)
    out.emplace_hint(out.end(), entry.key, entry.text);
  return out;
}

Catalog from_tables(const generated::CompiledCatalog& compiled) {
  DateStyle dates{
      std::string(compiled.dates.date), std::string(compiled.dates.date_time),
      std::string(compiled.dates.date_time_seconds),
      std::vector<std::string>(compiled.dates.months.begin(), compiled.dates.months.end())};
  return Catalog(std::string(compiled.language), texts(compiled.messages), texts(compiled.glossary),
                 std::move(dates));
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

std::vector<std::string> catalog_languages() {
  std::vector<std::string> languages;
  for (std::size_t i = 0; i < generated::kCatalogCount; ++i)
    languages.emplace_back(generated::kCatalogs[i].language);
  std::sort(languages.begin(), languages.end());
  return languages;
}

core::Result<const Catalog*> catalog(std::string_view language) {
  // Made on first use from the compiled tables and kept for the process:
  // batch threads may ask at once.
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<Catalog>, std::less<>> cache;
  std::lock_guard lock(mutex);
  if (auto found = cache.find(language); found != cache.end()) return found->second.get();
  for (std::size_t i = 0; i < generated::kCatalogCount; ++i) {
    if (generated::kCatalogs[i].language != language) continue;
    auto stored = std::make_unique<Catalog>(from_tables(generated::kCatalogs[i]));
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

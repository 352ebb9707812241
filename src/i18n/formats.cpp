#include "i18n/formats.hpp"

#include <map>
#include <memory>

#include <fmt/format.h>
#include <unicode/dtfmtsym.h>
#include <unicode/numberformatter.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

namespace fineprint::i18n {

namespace {

core::Error format_error(std::string_view what, const Catalog& catalog, UErrorCode status) {
  return core::Error{"i18n/format", fmt::format("could not write {} in {}: {}", what,
                                                catalog.language(), u_errorName(status))};
}

icu::UnicodeString unicode(std::string_view utf8) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
}

std::string utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

const std::string& pattern_of(const Catalog& catalog, DateForm form) {
  switch (form) {
    case DateForm::date_time:
      return catalog.dates().date_time;
    case DateForm::date_time_seconds:
      return catalog.dates().date_time_seconds;
    case DateForm::date:
      break;
  }
  return catalog.dates().date;
}

// The catalog's month names in place of ICU's format-wide ones (Latvian
// running text writes the locative, "decembrī", where CLDR has "decembris").
void use_months(const Catalog& catalog, icu::SimpleDateFormat& format, UErrorCode& status) {
  const std::vector<std::string>& months = catalog.dates().months;
  if (months.empty()) return;
  icu::DateFormatSymbols symbols(icu::Locale(catalog.language().c_str()), status);
  if (U_FAILURE(status)) return;
  std::vector<icu::UnicodeString> names;
  for (const auto& month : months) names.push_back(unicode(month));
  symbols.setMonths(names.data(), static_cast<std::int32_t>(names.size()),
                    icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::WIDE);
  format.setDateFormatSymbols(symbols);
}

}  // namespace

core::Result<std::string> money(const Catalog& catalog, core::Minor amount,
                                const core::Currency& currency) {
  UErrorCode status = U_ZERO_ERROR;
  icu::CurrencyUnit unit(icu::StringPiece(currency.code.c_str()), status);
  if (U_FAILURE(status)) return format_error("an amount", catalog, status);
  // The exact decimal, never a double: "7.98" from 798 minor units.
  const std::string decimal = core::format_money(amount, currency.minor_digits);
  icu::number::LocalizedNumberFormatter formatter =
      icu::number::NumberFormatter::withLocale(icu::Locale(catalog.language().c_str()))
          .unit(unit)
          .precision(icu::number::Precision::fixedFraction(currency.minor_digits));
  icu::UnicodeString text =
      formatter.formatDecimal(icu::StringPiece(decimal.c_str()), status).toString(status);
  if (U_FAILURE(status)) return format_error("an amount", catalog, status);
  return utf8(text);
}

core::Result<std::string> percent(const Catalog& catalog, core::BasisPoints percent) {
  UErrorCode status = U_ZERO_ERROR;
  const std::string decimal = core::format_percent(percent);
  icu::number::LocalizedNumberFormatter formatter =
      icu::number::NumberFormatter::withLocale(icu::Locale(catalog.language().c_str()))
          .unit(icu::NoUnit::percent())
          .precision(icu::number::Precision::maxFraction(2));
  icu::UnicodeString text =
      formatter.formatDecimal(icu::StringPiece(decimal.c_str()), status).toString(status);
  if (U_FAILURE(status)) return format_error("a percentage", catalog, status);
  return utf8(text);
}

namespace {

// A formatter per language, pattern and month names, kept for the thread:
// building a SimpleDateFormat loads the locale's calendar data, and one
// letter writes five dates (half of `reply`'s ICU time). Each thread has its
// own, as ICU's formatters are not to be shared between threads.
icu::SimpleDateFormat* date_format(const Catalog& catalog, DateForm form, UErrorCode& status) {
  // '\0' cannot occur in a catalog's strings, so the parts cannot run together.
  std::string key = catalog.language() + '\0' + pattern_of(catalog, form);
  for (const auto& month : catalog.dates().months) key += '\0' + month;
  thread_local std::map<std::string, std::unique_ptr<icu::SimpleDateFormat>> formats;
  if (auto found = formats.find(key); found != formats.end()) return found->second.get();
  auto format = std::make_unique<icu::SimpleDateFormat>(
      unicode(pattern_of(catalog, form)), icu::Locale(catalog.language().c_str()), status);
  use_months(catalog, *format, status);
  if (U_FAILURE(status)) return nullptr;
  // The local date and time counted as if it were UTC, and written in UTC:
  // the zone was applied by `date` already.
  format->adoptTimeZone(icu::TimeZone::getGMT()->clone());
  return formats.emplace(std::move(key), std::move(format)).first->second.get();
}

}  // namespace

core::Result<std::string> local_date(const Catalog& catalog, core::LocalTime local, DateForm form) {
  UErrorCode status = U_ZERO_ERROR;
  icu::SimpleDateFormat* format = date_format(catalog, form, status);
  if (!format) return format_error("a date", catalog, status);
  const auto seconds = local.time_since_epoch().count();
  icu::UnicodeString text;
  format->format(static_cast<UDate>(seconds) * 1000.0, text);
  return utf8(text);
}

core::Result<std::string> date_in_zone(const Catalog& catalog, core::Zone zone,
                                       core::Instant instant, DateForm form) {
  return local_date(catalog, zone->to_local(instant), form);
}

void prepare(std::string_view language) {
  const core::Result<const Catalog*> found = catalog(language);
  if (!found) return;
  (void)local_date(*found.value(), core::LocalTime{}, DateForm::date);
  (void)money(*found.value(), 0, core::Currency{"EUR", 2});
}

}  // namespace fineprint::i18n

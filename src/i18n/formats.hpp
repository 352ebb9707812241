// Amounts and dates in a language's own form, by ICU and CLDR: "7,98 €" (lv),
// "€7.98" (en); "2026. gada 19. decembrī" (lv), "19 December 2026" (en). Dates
// are local dates and times of the store's zone, read through `date` by the
// caller: ICU is only asked to write them, in UTC, so neither the machine's
// TZ nor its locale can change a byte.
#pragma once

#include <string>
#include <string_view>

#include "core/instant.hpp"
#include "core/money.hpp"
#include "i18n/catalog.hpp"

namespace fineprint::i18n {

// The amount (minor units) in the currency, as the language writes money.
core::Result<std::string> money(const Catalog& catalog, core::Minor amount,
                                const core::Currency& currency);

// A percentage (hundredths of a percent) as the language writes it: "20 %" (lv), "20%" (en).
core::Result<std::string> percent(const Catalog& catalog, core::BasisPoints percent);

enum class DateForm { date, date_time, date_time_seconds };

// A local date (or date and time) by the catalog's pattern of that form.
core::Result<std::string> local_date(const Catalog& catalog, core::LocalTime local,
                                     DateForm form = DateForm::date);

// The instant's local date (or date and time) in `zone`.
core::Result<std::string> date_in_zone(const Catalog& catalog, core::Zone zone,
                                       core::Instant instant, DateForm form = DateForm::date);

// Does ahead of time what the first letter in `language` would: parses its
// catalog and loads ICU's calendar and number data for it. `reply --lang L`
// calls it while date lists the zones on another thread (issue 19), when
// this thread would otherwise only wait. Failures are left for the letter
// to meet and report.
void prepare(std::string_view language);

}  // namespace fineprint::i18n

// Notice deadlines in a rule's text (law/lv-notification-period): a sentence
// that asks the customer to notify or report ("report", "paziņot", "zgłosić",
// "уведомить", ...) and the period it states, in en, lv, lt, pl and ru.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fineprint::analysis {

// A period stated as a number and a unit, in days (a month counts 31: what is
// compared is "shorter than N months for some discovery date").
struct NoticePeriod {
  std::int64_t days = 0;
  std::string text;  // as written, lower-cased: "14 days", "8 nedēļu"
};

// The shortest notice period a sentence of `text` asks for, when it is shorter
// than `months` calendar months for some date (at most 31 * months - 1 days).
// Numbers are digits or English words; periods in years are not read.
std::optional<NoticePeriod> short_notice(std::string_view text, std::int64_t months);

}  // namespace fineprint::analysis

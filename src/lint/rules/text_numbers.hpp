// The numbers a hand-written text states, read in any of the five languages:
// percentages, amounts of money and calendar dates (text/terms-contradict).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.hpp"

namespace fineprint::lint {

struct StatedPercent {
  core::BasisPoints value = 0;
  std::string shown;  // as written: "25%", "10 %"
};

struct StatedAmount {
  core::Minor value = 0;
  std::string shown;  // "12,00 EUR", "€12"
};

struct StatedDate {
  std::optional<int> year;  // absent: the text gives day and month only
  unsigned month = 0;       // 1..12
  unsigned day = 0;         // 1..31
  std::string shown;        // "30 listopada 2026", "lapkričio 30"
};

struct StatedNumbers {
  std::vector<StatedPercent> percents;
  std::vector<StatedAmount> amounts;
  std::vector<StatedDate> dates;
};

// Reads `text`: a percentage is a number followed by '%' (a space between
// allowed); an amount is a number with the currency's code or symbol right
// before or after it (`currency` "EUR": "EUR", "€"); a date is a day and a
// month name (any grammatical case, in en, lv, lt, pl, ru), in either order,
// with the year when it is written next to it ("2026. gada 30. novembrī",
// "2026 m. lapkričio 30 d.", "30 ноября 2026 года", "30 November 2026").
StatedNumbers stated_numbers(std::string_view text, const core::Currency& currency);

}  // namespace fineprint::lint

// Fuzz target: the value parsers on their own. The first byte picks the
// parser and its parameter; the rest is the text. Besides "no crash", each
// accepted value must survive a round trip through its formatter.
#include <string>
#include <string_view>

#include "core/instant.hpp"
#include "core/money.hpp"
#include "load/claim_fields.hpp"
#include "load/table_reader.hpp"
#include "load/toml_document.hpp"
#include "targets.hpp"

namespace fineprint::fuzz {
namespace {

void money(std::string_view text, int digits) {
  auto parsed = core::parse_money(text, digits);
  if (!parsed) return;
  auto again = core::parse_money(core::format_money(*parsed, digits), digits);
  require(again && *again == *parsed, "money round-trips through format_money");
  // A JSON number literal reads the same money when it is a plain decimal.
  auto literal = load::claim_fields::money_from_literal(text, digits);
  if (literal) require(*literal == *parsed, "JSON money agrees with TOML money");
}

void percent(std::string_view text) {
  auto parsed = core::parse_percent(text);
  if (!parsed) return;
  auto again = core::parse_percent(core::format_percent(*parsed));
  require(again && *again == *parsed, "percent round-trips through format_percent");
  for (core::Rounding mode :
       {core::Rounding::half_up, core::Rounding::half_even, core::Rounding::down}) {
    auto share = core::percent_of(999'999'999'999, *parsed, mode);
    if (share && *parsed >= 0 && *parsed <= core::kHundredPercent)
      require(*share >= 0 && *share <= 999'999'999'999, "0..100% of an amount stays within it");
  }
}

void rfc3339(std::string_view text) {
  auto parsed = core::parse_rfc3339(text);
  // Readers refuse years outside limits::kMinYear..kMaxYear as written; the
  // round trip is promised for what they accept (found by this target:
  // 9999-12-31T23:59:59-23:59 is year 10000 in UTC, which no output can
  // write back as RFC 3339).
  if (!parsed || !load::year_allowed(core::rfc3339_written_year(text))) return;
  core::Zone utc = core::find_zone("UTC");
  auto again = core::parse_rfc3339(core::format_instant(utc, *parsed));
  require(again && *again == *parsed, "an RFC 3339 instant round-trips");
}

// A TOML value read as a store-zone instant, as a rulebook window is.
void toml_instant(std::string_view text, int zone_pick) {
  static const char* const kZones[] = {"Europe/Riga", "America/New_York", "Pacific/Auckland",
                                       "UTC"};
  core::Zone zone = core::find_zone(kZones[zone_pick % 4]);
  core::Diagnostics out;
  auto table = load::parse_toml("v = " + std::string(text) + "\n", "fuzz/value.toml", out);
  if (!table) return;
  load::TableReader reader(*table, "[fuzz]", out);
  auto dates =
      zone_pick & 4 ? load::DateMeaning::start_of_next_day : load::DateMeaning::start_of_day;
  auto instant = reader.instant("v", zone, dates);
  if (!instant) return;
  require(!core::format_instant(zone, instant->instant).empty(), "an instant formats");
  for (const core::Diagnostic& error : out)
    require(error.where.file == "fuzz/value.toml", "errors name the file");
}

}  // namespace

int values(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const int pick = data[0];
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  switch (pick % 4) {
    case 0:
      money(text, (pick >> 2) % 4);  // 0..3 minor digits, as docs/format.md §1.3's currencies
      break;
    case 1:
      percent(text);
      break;
    case 2:
      rfc3339(text);
      break;
    default:
      toml_instant(text, pick >> 2);
      break;
  }
  return 0;
}

}  // namespace fineprint::fuzz

#include "intake/claim_form.hpp"

#include <charconv>
#include <locale>
#include <sstream>

#include <fmt/format.h>

namespace fineprint::intake {

core::Result<model::ClaimItem> parse_item(std::string_view spec) {
  std::string_view fields[3];
  std::string_view rest = spec;
  for (int i = 2; i >= 0; --i) {
    auto colon = rest.rfind(':');
    if (colon == std::string_view::npos) {
      return core::Error{"import/item",
                         fmt::format("--item \"{}\" must be SKU:QTY:CONDITION:REASON, such as "
                                     "HAT-201:1:washed:defective",
                                     spec)};
    }
    fields[i] = rest.substr(colon + 1);
    rest = rest.substr(0, colon);
  }
  model::ClaimItem item;
  item.sku = std::string(rest);
  item.condition = std::string(fields[1]);
  item.reason = std::string(fields[2]);
  if (item.sku.empty() || item.condition.empty() || item.reason.empty())
    return core::Error{
        "import/item",
        fmt::format("--item \"{}\": sku, condition and reason must not be empty", spec)};
  const char* end = fields[0].data() + fields[0].size();
  auto [ptr, error] = std::from_chars(fields[0].data(), end, item.qty);
  if (error != std::errc{} || ptr != end || item.qty < 1)
    return core::Error{"import/item",
                       fmt::format("--item \"{}\": the quantity \"{}\" must be a whole number of "
                                   "at least 1",
                                   spec, fields[0])};
  return item;
}

core::Result<core::Instant> parse_filed(std::string_view text, core::Zone zone) {
  if (auto instant = core::parse_rfc3339(text)) return *instant;
  date::year_month_day day{};
  std::istringstream in{std::string(text)};
  in.imbue(std::locale::classic());  // not the machine's locale
  in >> date::parse("%F", day);
  if (text.size() == 10 && !in.fail() && day.ok()) {
    auto local = core::LocalTime{date::local_days{day}} + std::chrono::hours{23} +
                 std::chrono::minutes{59} + std::chrono::seconds{59};
    auto resolved = core::resolve_local(zone, local);
    if (resolved.kind == core::LocalKind::unique) return resolved.instant;
    if (resolved.kind == core::LocalKind::ambiguous) return resolved.second;
  }
  return core::Error{"import/filed",
                     fmt::format("--filed \"{}\" must be a date-time with offset such as "
                                 "2027-01-05T14:30:00+02:00, or a date such as 2027-01-05",
                                 text)};
}

}  // namespace fineprint::intake

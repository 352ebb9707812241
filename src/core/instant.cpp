#include "core/instant.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <exception>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "core/thread_placement.hpp"

namespace fineprint::core {

std::optional<std::string> zone_name_problem(std::string_view name) {
  if (name == "UTC") return std::nullopt;
  static constexpr std::array<std::string_view, 10> kAreas{
      "Africa",   "America",   "Antarctica", "Arctic", "Asia",
      "Atlantic", "Australia", "Europe",     "Indian", "Pacific"};
  constexpr std::size_t kMostBytes = 64;  // the longest real name is 32
  if (name.empty()) return "it is empty";
  if (name.size() > kMostBytes) return fmt::format("it is longer than {} bytes", kMostBytes);
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    std::size_t slash = name.find('/', start);
    parts.push_back(name.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (parts.size() < 2 || parts.size() > 3 ||
      std::find(kAreas.begin(), kAreas.end(), parts[0]) == kAreas.end())
    return std::string(
        "only \"UTC\" and canonical names are, Area/Location with the Area one of Africa, America, Antarctica, Arctic, Asia, Atlantic, Australia, Europe, Indian, Pacific");
  for (std::size_t i = 1; i < parts.size(); ++i) {
    std::string_view part = parts[i];
    auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    bool ok =
        !part.empty() && letter(part[0]) && std::all_of(part.begin(), part.end(), [&](char c) {
          return letter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '+';
        });
    if (!ok)
      return fmt::format("\"{}\" is not a place name (letters, digits, '_', '-', '+')", part);
  }
  return std::nullopt;
}

ZoneListWarmup::ZoneListWarmup() {
  // date keeps the list for the whole process: only the first load warms it
  static std::atomic<bool> started{false};
  if (started.exchange(true)) return;
  try {
    worker_ = std::thread([] {
      try {
        date::get_tzdb();
      } catch (const std::exception&) {
        // find_zone tries again on the caller's thread and reports it there
      }
    });
  } catch (const std::system_error&) {
    // no thread to be had: find_zone lists the zones itself, only later
    return;
  }
  keep_off_this_core(worker_.native_handle());  // so that the two run side by side
}

ZoneListWarmup::~ZoneListWarmup() {
  if (worker_.joinable()) worker_.join();
}

Zone find_zone(std::string_view name) {
  if (zone_name_problem(name)) return nullptr;
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;  // unknown zone: the caller reports time/bad-timezone
  }
}

LocalResolution resolve_local(Zone zone, LocalTime local) {
  auto info = zone->get_info(local);
  LocalResolution out;
  switch (info.result) {
    case date::local_info::unique:
      out.kind = LocalKind::unique;
      out.instant = Instant{local.time_since_epoch() - info.first.offset};
      break;
    case date::local_info::nonexistent:
      out.kind = LocalKind::nonexistent;
      out.first = info.first.end;  // the gap's instant: clocks jump here
      out.second = info.second.begin;
      break;
    case date::local_info::ambiguous:
      out.kind = LocalKind::ambiguous;
      out.first = Instant{local.time_since_epoch() - info.first.offset};
      out.second = Instant{local.time_since_epoch() - info.second.offset};
      break;
  }
  return out;
}

date::local_days local_day(Zone zone, Instant instant) {
  auto local = zone->to_local(instant);
  return date::floor<date::days>(local);
}

std::int64_t days_between(Zone zone, Instant from, Instant to) {
  return (local_day(zone, to) - local_day(zone, from)).count();
}

std::string format_local(LocalTime local) {
  auto day = date::floor<date::days>(local);
  date::year_month_day ymd{day};
  date::hh_mm_ss<std::chrono::seconds> tod{local - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     tod.hours().count(), tod.minutes().count(), tod.seconds().count());
}

std::string format_instant(Zone zone, Instant instant) {
  auto info = zone->get_info(instant);
  // RFC 3339 offsets are whole minutes, but historic (LMT-era) offsets can
  // have seconds (Europe/Riga before 1926: +01:36:34): such an instant is
  // written in UTC, which is exact, rather than with a rounded offset.
  if (info.offset % std::chrono::minutes{1} != std::chrono::seconds{0})
    return format_local(LocalTime{instant.time_since_epoch()}) + "Z";
  auto local = LocalTime{instant.time_since_epoch() + info.offset};
  auto offset = std::chrono::duration_cast<std::chrono::minutes>(info.offset).count();
  if (offset == 0) return format_local(local) + "Z";
  char sign = offset < 0 ? '-' : '+';
  if (offset < 0) offset = -offset;
  return fmt::format("{}{}{:02}:{:02}", format_local(local), sign, offset / 60, offset % 60);
}

Instant instant_from_offset(LocalTime local, std::int32_t offset_minutes) {
  return Instant{local.time_since_epoch() - std::chrono::minutes{offset_minutes}};
}

std::optional<Instant> parse_rfc3339(std::string_view text) {
  auto digits = [&](std::size_t at, std::size_t count) -> std::optional<int> {
    if (at + count > text.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  auto at = [&](std::size_t i, char c) { return i < text.size() && text[i] == c; };
  auto year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
  auto hour = digits(11, 2), minute = digits(14, 2), second = digits(17, 2);
  if (!year || !month || !day || !hour || !minute || !second || !at(4, '-') || !at(7, '-') ||
      !(at(10, 'T') || at(10, 't') || at(10, ' ')) || !at(13, ':') || !at(16, ':'))
    return std::nullopt;
  date::year_month_day ymd{date::year{*year}, date::month{static_cast<unsigned>(*month)},
                           date::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok() || *hour > 23 || *minute > 59 || *second > 59) return std::nullopt;
  std::size_t rest = 19;
  int offset = 0;
  if (at(rest, 'Z') || at(rest, 'z')) {
    rest += 1;
  } else if (at(rest, '+') || at(rest, '-')) {
    auto oh = digits(rest + 1, 2), om = digits(rest + 4, 2);
    if (!oh || !om || !at(rest + 3, ':') || *oh > 23 || *om > 59) return std::nullopt;
    offset = (*oh * 60 + *om) * (text[rest] == '-' ? -1 : 1);
    rest += 6;
  } else {
    return std::nullopt;
  }
  if (rest != text.size()) return std::nullopt;
  LocalTime local = LocalTime{date::local_days{ymd}} + std::chrono::hours{*hour} +
                    std::chrono::minutes{*minute} + std::chrono::seconds{*second};
  return instant_from_offset(local, offset);
}

int rfc3339_written_year(std::string_view text) {
  return (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
}

}  // namespace fineprint::core

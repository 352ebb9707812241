// Instants and the store's zone: absolute time as sys_seconds, local dates
// and times read through the tz database, gaps and overlaps reported.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include <date/date.h>
#include <date/tz.h>

namespace fineprint::core {

using Instant = std::chrono::sys_seconds;
using LocalTime = date::local_seconds;
using Zone = const date::time_zone*;

// The zone named `name` when it is one fineprint accepts (zone_name_problem
// finds nothing) and the system tz database has it; nullptr otherwise.
Zone find_zone(std::string_view name);

// Builds date's list of the tz database's zones on a second thread while the
// caller goes on (reading a rulebook's TOML), and waits for it when
// destroyed. date lists all ~700 zone files (a `stat` each) before it hands
// out the first zone, even one located by name, and that listing was a tenth
// of a `resolve` process (tests/bench/README.md, issue 19). A failure is left
// for find_zone to meet again and report.
class ZoneListWarmup {
 public:
  ZoneListWarmup();
  ~ZoneListWarmup();
  ZoneListWarmup(const ZoneListWarmup&) = delete;
  ZoneListWarmup& operator=(const ZoneListWarmup&) = delete;

 private:
  std::thread worker_;
};

// Why `name` is not a zone name fineprint accepts, or nullopt when its form
// is one: exactly "UTC", or Area/Location[/Sub] whose Area is a geographic
// area of the tz database (Africa, America, Antarctica, Arctic, Asia,
// Atlantic, Australia, Europe, Indian, Pacific) and whose parts are letters,
// digits, '_', '-' and '+'. So `localtime` (the host's /etc/localtime),
// `posixrules`, `Factory`, `posix/…`, `right/…`, `Etc/…` and the legacy
// aliases (`US/Eastern`, `EST5EDT`, `GMT`) are refused: a decision must not
// depend on how the machine running fineprint is set up (docs/decisions.md).
std::optional<std::string> zone_name_problem(std::string_view name);

enum class LocalKind { unique, nonexistent, ambiguous };

// A local time in a zone: the instant when unique; otherwise the kind, and
// for the message the instants around it (gap edges or both readings).
struct LocalResolution {
  LocalKind kind = LocalKind::unique;
  Instant instant{};
  Instant first{};
  Instant second{};
};

LocalResolution resolve_local(Zone zone, LocalTime local);

// The local calendar day of an instant in the zone.
date::local_days local_day(Zone zone, Instant instant);

// Calendar days from the local day of `from` to the local day of `to`.
std::int64_t days_between(Zone zone, Instant from, Instant to);

// "2026-12-05T12:00:00+02:00": the instant in the zone's local time with its
// offset, the form every output uses. When the zone's offset then is not a
// whole number of minutes (historic local mean time, Europe/Riga before 1926
// was +01:36:34), the instant is written in UTC with `Z` instead: RFC 3339
// offsets have no seconds, and a rounded one would be off when read back.
std::string format_instant(Zone zone, Instant instant);

// "2026-12-05T12:00:00": a local time without offset, for messages.
std::string format_local(LocalTime local);

// An absolute instant from a local date-time and an explicit UTC offset in
// minutes, as written in an RFC 3339 / TOML offset date-time.
Instant instant_from_offset(LocalTime local, std::int32_t offset_minutes);

// Parses RFC 3339 "YYYY-MM-DDTHH:MM:SS(Z|±HH:MM)" (JSON claims, --as-of).
std::optional<Instant> parse_rfc3339(std::string_view text);

// The year as written in a text parse_rfc3339 accepted (its first four
// digits, before any offset is applied): what the year limit is checked on.
int rfc3339_written_year(std::string_view text);

}  // namespace fineprint::core

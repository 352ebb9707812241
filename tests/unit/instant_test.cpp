#include <catch2/catch.hpp>

#include "core/instant.hpp"

using namespace fineprint::core;
using namespace std::chrono;

namespace {
LocalTime local(int y, unsigned m, unsigned d, int hh, int mm, int ss = 0) {
  return LocalTime{date::local_days{date::year{y} / date::month{m} / date::day{d}}} + hours{hh} +
         minutes{mm} + seconds{ss};
}
}  // namespace

TEST_CASE("zones come from the tz database; unknown names are null", "[instant]") {
  CHECK(find_zone("Europe/Riga") != nullptr);
  CHECK(find_zone("Europe/Rigaa") == nullptr);
  CHECK(find_zone("") == nullptr);
}

TEST_CASE("only canonical zone names: Area/Location or UTC, never the host's", "[instant]") {
  for (const char* name :
       {"Europe/Riga", "America/New_York", "America/Argentina/Buenos_Aires",
        "America/Port-au-Prince", "Antarctica/DumontDUrville", "Pacific/Auckland",
        "Indian/Maldives", "Atlantic/Reykjavik", "Arctic/Longyearbyen", "UTC"}) {
    INFO(name);
    CHECK_FALSE(zone_name_problem(name));
    CHECK(find_zone(name) != nullptr);
  }
  // The tz database has them all (date::locate_zone finds every one), but
  // none names a place: the host's zone, rule files, legacy aliases.
  for (const char* name : {"localtime",
                           "posixrules",
                           "Factory",
                           "US/Eastern",
                           "EST5EDT",
                           "GMT",
                           "Etc/UTC",
                           "Etc/GMT+5",
                           "posix/Europe/Riga",
                           "right/UTC",
                           "Zulu",
                           "UCT",
                           "utc",
                           "europe/riga",
                           "Europe",
                           "Europe/",
                           "/Riga",
                           "Europe//Riga",
                           "Europe/Riga/Old/Town",
                           "Europe/../Etc/UTC",
                           "Europe/Riga ",
                           "Europe/R\xc4\xabga",
                           "+02:00",
                           ""}) {
    INFO(name);
    CHECK(zone_name_problem(name));
    CHECK(find_zone(name) == nullptr);
  }
  CHECK(*zone_name_problem(std::string(65, 'A')) == "it is longer than 64 bytes");
  // A name of the right form still has to be in the tz database.
  CHECK_FALSE(zone_name_problem("Europe/Atlantis"));
  CHECK(find_zone("Europe/Atlantis") == nullptr);
}

TEST_CASE("local times resolve in the store zone", "[instant]") {
  Zone riga = find_zone("Europe/Riga");
  auto winter = resolve_local(riga, local(2026, 12, 31, 23, 30));
  REQUIRE(winter.kind == LocalKind::unique);
  CHECK(format_instant(riga, winter.instant) == "2026-12-31T23:30:00+02:00");
  auto summer = resolve_local(riga, local(2026, 7, 1, 12, 0));
  CHECK(format_instant(riga, summer.instant) == "2026-07-01T12:00:00+03:00");
}

TEST_CASE("DST gap and overlap in Europe/Riga are reported, not guessed", "[instant]") {
  Zone riga = find_zone("Europe/Riga");
  // 2026-03-29 03:00 → 04:00 local
  auto gap = resolve_local(riga, local(2026, 3, 29, 3, 30));
  CHECK(gap.kind == LocalKind::nonexistent);
  // 2026-10-25 04:00 → 03:00 local: 03:30 happens twice
  auto overlap = resolve_local(riga, local(2026, 10, 25, 3, 30));
  REQUIRE(overlap.kind == LocalKind::ambiguous);
  CHECK(format_instant(riga, overlap.first) == "2026-10-25T03:30:00+03:00");
  CHECK(format_instant(riga, overlap.second) == "2026-10-25T03:30:00+02:00");
}

TEST_CASE("DST gap and overlap in America/New_York", "[instant]") {
  Zone ny = find_zone("America/New_York");
  CHECK(resolve_local(ny, local(2026, 3, 8, 2, 30)).kind == LocalKind::nonexistent);
  CHECK(resolve_local(ny, local(2026, 11, 1, 1, 30)).kind == LocalKind::ambiguous);
  CHECK(resolve_local(ny, local(2026, 11, 1, 2, 30)).kind == LocalKind::unique);
}

TEST_CASE("offset date-times are absolute instants", "[instant]") {
  Zone riga = find_zone("Europe/Riga");
  Instant utc = instant_from_offset(local(2026, 12, 31, 22, 30), 0);
  CHECK(format_instant(riga, utc) == "2027-01-01T00:30:00+02:00");
  CHECK(parse_rfc3339("2026-12-31T22:30:00Z") == utc);
  CHECK(parse_rfc3339("2027-01-01T00:30:00+02:00") == utc);
  CHECK_FALSE(parse_rfc3339("2027-01-01T00:30:00"));
  CHECK_FALSE(parse_rfc3339("2027-02-30T00:30:00Z"));
  CHECK_FALSE(parse_rfc3339("2027-01-01T24:00:00Z"));
}

TEST_CASE("an offset with seconds is written in UTC, exactly", "[instant]") {
  // Before 1926 Riga kept its local mean time, +01:36:34: an RFC 3339 offset
  // cannot say the 34 seconds, so the instant is written with `Z`.
  Zone riga = find_zone("Europe/Riga");
  Instant old = instant_from_offset(local(1910, 1, 1, 0, 0), 120);
  REQUIRE(riga->get_info(old).offset == hours{1} + minutes{36} + seconds{34});
  CHECK(format_instant(riga, old) == "1909-12-31T22:00:00Z");
  CHECK(parse_rfc3339(format_instant(riga, old)) == old);
  // Monrovia kept -00:44:30 until 1972: a negative offset with seconds.
  Zone monrovia = find_zone("Africa/Monrovia");
  Instant mmt = instant_from_offset(local(1960, 6, 1, 12, 0), 0);
  REQUIRE(monrovia->get_info(mmt).offset == -(minutes{44} + seconds{30}));
  CHECK(format_instant(monrovia, mmt) == "1960-06-01T12:00:00Z");
  // A whole-minute offset keeps the local form, then and now.
  CHECK(format_instant(riga, instant_from_offset(local(1930, 1, 1, 0, 0), 120)) ==
        "1930-01-01T00:00:00+02:00");
  CHECK(format_instant(monrovia, instant_from_offset(local(1973, 1, 1, 0, 0), 0)) ==
        "1973-01-01T00:00:00Z");
}

TEST_CASE("days count local calendar days in the store zone", "[instant]") {
  Zone riga = find_zone("Europe/Riga");
  // Stamped in UTC on the 31st, already 1 January in Riga.
  Instant delivered = instant_from_offset(local(2026, 12, 31, 22, 30), 0);
  Instant filed = instant_from_offset(local(2027, 1, 15, 10, 0), 120);
  CHECK(days_between(riga, delivered, filed) == 14);
  // Across the spring DST change: 14 calendar days, not 14 × 24 hours.
  Instant before = instant_from_offset(local(2026, 3, 20, 23, 0), 120);
  Instant after = instant_from_offset(local(2026, 4, 3, 23, 59, 59), 180);
  CHECK(days_between(riga, before, after) == 14);
  CHECK(days_between(riga, before, after + seconds{1}) == 15);
}

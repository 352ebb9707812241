// time/ rules that read promotion windows: 23:59 ends, open ends, date-only
// ends, and the --as-of checks.
#include <fmt/format.h>

#include "lint/registry.hpp"

namespace fineprint::lint {

// The rules of this file, defined below beside their checks.
extern const lint::Rule kTimeEndAt2359;
extern const lint::Rule kTimeOpenEnded;
extern const lint::Rule kTimeDateOnlyEnd;
extern const lint::Rule kTimeExpired;
extern const lint::Rule kTimeStartsBeforeLaunch;

namespace {

std::string name_of(const model::Promotion& promotion) {
  return fmt::format("promotion {}", promotion.id.value);
}

void check_end_at_2359(const LintContext& context, core::Diagnostics& out) {
  core::Zone zone = context.rulebook.store.zone;
  if (!zone) return;
  for (const auto& promotion : context.rulebook.promotions) {
    if (!promotion.ends || promotion.ends->date_only) continue;
    auto local = zone->to_local(promotion.ends->instant);
    auto time = date::hh_mm_ss<std::chrono::seconds>(local - date::floor<date::days>(local));
    bool minute = time.hours().count() == 23 && time.minutes().count() == 59;
    if (!minute || (time.seconds().count() != 0 && time.seconds().count() != 59)) continue;
    std::string_view left_out = time.seconds().count() == 0 ? "minute" : "second";
    auto next_day = date::floor<date::days>(local) + date::days{1};
    out.push_back(finding(
        kTimeEndAt2359,
        fmt::format(
            "{} ends {}, which leaves the last {} of the day outside the window (windows close before `ends`)",
            name_of(promotion), core::format_instant(zone, promotion.ends->instant), left_out),
        promotion.ends->where,
        fmt::format("write `ends = {}` (the whole day), or end at {}",
                    core::format_local(core::LocalTime{next_day - date::days{1}}).substr(0, 10),
                    core::format_local(core::LocalTime{next_day})),
        promotion.id.value));
  }
}

}  // namespace

FINEPRINT_LINT_RULE(kTimeEndAt2359){
    .name = "time/end-at-2359",
    .severity = core::Severity::warning,
    .summary = "`ends` at 23:59 or 23:59:59 leaves the last minute/second outside",
    .doc = "A promotion that ends at 23:59 or 23:59:59 local time.",
    .why =
        "Windows are half-open, so the last minute (or second) of the day is outside: an order at 23:59:30 is refused.",
    .example = "ends = 2026-12-31T23:59:59",
    .fix = "End at the next day's 00:00, or write the date alone: `ends = 2026-12-31`.",
    .when = RunWhen::always,
    .check = check_end_at_2359,
};

namespace {

void check_open_ended(const LintContext& context, core::Diagnostics& out) {
  for (const auto& promotion : context.rulebook.promotions) {
    if (promotion.ends_written) continue;  // an unreadable `ends` is its own load error
    out.push_back(finding(
        kTimeOpenEnded,
        fmt::format("{} has no `ends`: it applies to every order from its start on, forever",
                    name_of(promotion)),
        promotion.where, "give it an `ends`", promotion.id.value));
  }
}

}  // namespace

FINEPRINT_LINT_RULE(kTimeOpenEnded){
    .name = "time/open-ended",
    .severity = core::Severity::warning,
    .summary = "a promotion without `ends`",
    .doc = "A promotion with no `ends`.",
    .why = "An open-ended promotion keeps applying long after the campaign is over.",
    .example = "[[promotion]]\nid = \"P\"\nstarts = 2026-12-01",
    .fix = "Give it an `ends`.",
    .when = RunWhen::always,
    .check = check_open_ended,
};

namespace {

void check_date_only_end(const LintContext& context, core::Diagnostics& out) {
  core::Zone zone = context.rulebook.store.zone;
  if (!zone) return;
  for (const auto& promotion : context.rulebook.promotions) {
    if (!promotion.ends || !promotion.ends->date_only) continue;
    auto last_day =
        date::year_month_day{core::local_day(zone, promotion.ends->instant) - date::days{1}};
    out.push_back(finding(
        kTimeDateOnlyEnd,
        fmt::format("{} ends {}: read as through the end of {} {} {}, {} (the window closes at {})",
                    name_of(promotion), promotion.ends->text, static_cast<unsigned>(last_day.day()),
                    date::format("%b", last_day), static_cast<int>(last_day.year()), zone->name(),
                    core::format_instant(zone, promotion.ends->instant)),
        promotion.ends->where, {}, promotion.id.value));
  }
}

}  // namespace

FINEPRINT_LINT_RULE(kTimeDateOnlyEnd){
    .name = "time/date-only-end",
    .severity = core::Severity::note,
    .summary = "says how a date-only `ends` is read",
    .doc =
        "A promotion whose `ends` is a bare date; the note says it runs through the end of that day in the store zone.",
    .why =
        "Authors and customers read \"until 31 December\" differently; the note makes the reading explicit.",
    .example = "ends = 2026-12-31",
    .fix = "Nothing to fix if the reading is what was meant.",
    .when = RunWhen::always,
    .check = check_date_only_end,
};

namespace {

void check_expired(const LintContext& context, core::Diagnostics& out) {
  core::Zone zone = context.rulebook.store.zone;
  if (!zone || !context.as_of) return;
  for (const auto& promotion : context.rulebook.promotions) {
    if (!promotion.ends || promotion.ends->instant > *context.as_of) continue;
    out.push_back(finding(
        kTimeExpired,
        fmt::format("{} closed at {}, before the launch at {}", name_of(promotion),
                    core::format_instant(zone, promotion.ends->instant),
                    core::format_instant(zone, *context.as_of)),
        promotion.ends->where, "remove the promotion or move its window", promotion.id.value));
  }
}

}  // namespace

FINEPRINT_LINT_RULE(kTimeExpired){
    .name = "time/expired",
    .severity = core::Severity::warning,
    .summary = "with --as-of: the window closed before it",
    .doc = "With `--as-of`, a promotion whose window closed at or before that instant.",
    .why = "A campaign launched with an expired promotion promises what it will not give.",
    .example = "# lint --as-of 2027-01-15T00:00:00+02:00\nends = 2027-01-01",
    .fix = "Remove the promotion or move its window.",
    .when = RunWhen::always,
    .check = check_expired,
};

namespace {

void check_starts_before_launch(const LintContext& context, core::Diagnostics& out) {
  core::Zone zone = context.rulebook.store.zone;
  if (!zone || !context.as_of) return;
  for (const auto& promotion : context.rulebook.promotions) {
    if (!promotion.starts.where.known() || promotion.starts.instant >= *context.as_of) continue;
    if (promotion.ends && promotion.ends->instant <= *context.as_of)
      continue;  // time/expired says it
    out.push_back(finding(
        kTimeStartsBeforeLaunch,
        fmt::format(
            "{} opened at {}, before the launch at {}: orders placed before the launch may claim it",
            name_of(promotion), core::format_instant(zone, promotion.starts.instant),
            core::format_instant(zone, *context.as_of)),
        promotion.starts.where, {}, promotion.id.value));
  }
}

}  // namespace

FINEPRINT_LINT_RULE(kTimeStartsBeforeLaunch){
    .name = "time/starts-before-launch",
    .severity = core::Severity::note,
    .summary = "with --as-of: the window opened before it",
    .doc = "With `--as-of`, a promotion whose window opened before that instant.",
    .why = "Orders placed before the launch may claim it.",
    .example = "# lint --as-of 2026-12-05T00:00:00+02:00\nstarts = 2026-12-01",
    .fix = "Check that this is intended.",
    .when = RunWhen::always,
    .check = check_starts_before_launch,
};

}  // namespace fineprint::lint

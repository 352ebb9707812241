// time/ rules that read promotion windows: 23:59 ends, open ends, date-only
// ends, and the --as-of checks.
#include <fmt/format.h>

#include "lint/rules/checks.hpp"

namespace fineprint::lint {

namespace {

std::string name_of(const model::Promotion& promotion) {
  return fmt::format("promotion {}", promotion.id.value);
}

}  // namespace

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
        "time/end-at-2359",
        fmt::format("{} ends {}, which leaves the last {} of the day outside the window "
                    "(windows close before `ends`)",
                    name_of(promotion), core::format_instant(zone, promotion.ends->instant),
                    left_out),
        promotion.ends->where,
        fmt::format("write `ends = {}` (the whole day), or end at {}",
                    core::format_local(core::LocalTime{next_day - date::days{1}}).substr(0, 10),
                    core::format_local(core::LocalTime{next_day})),
        promotion.id.value));
  }
}

void check_open_ended(const LintContext& context, core::Diagnostics& out) {
  for (const auto& promotion : context.rulebook.promotions) {
    if (promotion.ends_written) continue;  // an unreadable `ends` is its own load error
    out.push_back(finding(
        "time/open-ended",
        fmt::format("{} has no `ends`: it applies to every order from its start on, forever",
                    name_of(promotion)),
        promotion.where, "give it an `ends`", promotion.id.value));
  }
}

void check_date_only_end(const LintContext& context, core::Diagnostics& out) {
  core::Zone zone = context.rulebook.store.zone;
  if (!zone) return;
  for (const auto& promotion : context.rulebook.promotions) {
    if (!promotion.ends || !promotion.ends->date_only) continue;
    auto last_day =
        date::year_month_day{core::local_day(zone, promotion.ends->instant) - date::days{1}};
    out.push_back(finding(
        "time/date-only-end",
        fmt::format("{} ends {}: read as through the end of {} {} {}, {} (the window closes at {})",
                    name_of(promotion), promotion.ends->text, static_cast<unsigned>(last_day.day()),
                    date::format("%b", last_day), static_cast<int>(last_day.year()), zone->name(),
                    core::format_instant(zone, promotion.ends->instant)),
        promotion.ends->where, {}, promotion.id.value));
  }
}

void check_expired(const LintContext& context, core::Diagnostics& out) {
  core::Zone zone = context.rulebook.store.zone;
  if (!zone || !context.as_of) return;
  for (const auto& promotion : context.rulebook.promotions) {
    if (!promotion.ends || promotion.ends->instant > *context.as_of) continue;
    out.push_back(finding(
        "time/expired",
        fmt::format("{} closed at {}, before the launch at {}", name_of(promotion),
                    core::format_instant(zone, promotion.ends->instant),
                    core::format_instant(zone, *context.as_of)),
        promotion.ends->where, "remove the promotion or move its window", promotion.id.value));
  }
}

void check_starts_before_launch(const LintContext& context, core::Diagnostics& out) {
  core::Zone zone = context.rulebook.store.zone;
  if (!zone || !context.as_of) return;
  for (const auto& promotion : context.rulebook.promotions) {
    if (!promotion.starts.where.known() || promotion.starts.instant >= *context.as_of) continue;
    if (promotion.ends && promotion.ends->instant <= *context.as_of)
      continue;  // time/expired says it
    out.push_back(finding(
        "time/starts-before-launch",
        fmt::format("{} opened at {}, before the launch at {}: orders placed before the launch "
                    "may claim it",
                    name_of(promotion), core::format_instant(zone, promotion.starts.instant),
                    core::format_instant(zone, *context.as_of)),
        promotion.starts.where, {}, promotion.id.value));
  }
}

}  // namespace fineprint::lint

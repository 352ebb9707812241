// text/terms-contradict: a promotion's hand-written title or terms stating a
// percentage, an amount or a date that its data does not have.
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "lint/rules/checks.hpp"
#include "lint/rules/rulebook_texts.hpp"
#include "lint/rules/text_numbers.hpp"

namespace fineprint::lint {

namespace {

// The numbers of one promotion's data.
struct Figures {
  std::vector<core::BasisPoints> percents;
  std::vector<core::Minor> amounts;
};

Figures figures_of(const model::Promotion& p) {
  Figures out;
  if (p.benefit) {
    const model::Benefit& b = *p.benefit;
    if (b.kind == model::BenefitKind::percent_off ||
        (b.kind == model::BenefitKind::buy_x_get_y && b.percent != core::kHundredPercent))
      out.percents.push_back(b.percent);
    if (b.kind == model::BenefitKind::amount_off || b.kind == model::BenefitKind::fixed_price)
      out.amounts.push_back(b.amount);
    for (const auto& tier : b.tiers) {
      out.amounts.push_back(tier.min_subtotal);
      if (tier.is_percent)
        out.percents.push_back(tier.percent);
      else
        out.amounts.push_back(tier.amount);
    }
  }
  if (p.min_subtotal) out.amounts.push_back(p.min_subtotal->value);
  if (p.max_discount) out.amounts.push_back(p.max_discount->value);
  return out;
}

template <class T>
bool has(const std::vector<T>& values, T value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// The calendar days a text may name for a window: its first day, the day of
// its (exclusive) end, and the last day it covers.
std::vector<date::year_month_day> window_days(const model::Promotion& p, core::Zone zone) {
  std::vector<date::year_month_day> out;
  if (!zone || !p.starts.where.known()) return out;
  out.emplace_back(core::local_day(zone, p.starts.instant));
  if (p.ends) {
    out.emplace_back(core::local_day(zone, p.ends->instant));
    out.emplace_back(core::local_day(zone, p.ends->instant - std::chrono::seconds(1)));
  }
  return out;
}

bool date_fits(const StatedDate& stated, const std::vector<date::year_month_day>& days) {
  return std::any_of(days.begin(), days.end(), [&](const date::year_month_day& day) {
    return unsigned(day.month()) == stated.month && unsigned(day.day()) == stated.day &&
           (!stated.year || int(day.year()) == *stated.year);
  });
}

std::string day_text(const date::year_month_day& day) {
  return fmt::format("{:04}-{:02}-{:02}", int(day.year()), unsigned(day.month()),
                     unsigned(day.day()));
}

struct Site {
  const TextSite& text;
  const std::string& language;
  core::Diagnostics& out;

  void report(std::string what, std::string data) const {
    out.push_back(finding(
        kTextTermsContradict,
        fmt::format("`{}` of {} says \"{}\" ({}), {}", text.key, text.owner, what, language, data),
        text.text->where, "write the number the promotion's data has, or fix the data",
        text.subject));
  }
};

std::string percents_text(const std::vector<core::BasisPoints>& values) {
  std::vector<std::string> shown;
  for (auto v : values) shown.push_back(core::format_percent(v) + "%");
  return shown.empty() ? "none" : fmt::format("{}", fmt::join(shown, ", "));
}

std::string amounts_text(const std::vector<core::Minor>& values, int digits) {
  std::vector<std::string> shown;
  for (auto v : values) shown.push_back(core::format_money(v, digits));
  return shown.empty() ? "none" : fmt::format("{}", fmt::join(shown, ", "));
}

// One finding for each stated figure that is not among `allowed`.
template <class Stated, class Value>
void report_unknown(const Site& at, const std::vector<Stated>& stated,
                    const std::vector<Value>& allowed, std::string_view wrong,
                    const std::string& data) {
  for (const auto& figure : stated)
    if (!has(allowed, figure.value)) at.report(figure.shown, fmt::format("{} ({})", wrong, data));
}

void check_text(const LintContext& context, const TextSite& site, const Figures& all,
                core::Diagnostics& out) {
  const model::Store& store = context.rulebook.store;
  const model::Promotion& p = *site.promotion;
  Figures own = figures_of(p);
  // A title states this promotion's offer; terms may also name another's.
  const Figures& allowed = site.key == "title" ? own : all;
  auto days = window_days(p, store.zone);
  for (const auto& [language, value] : site.text->by_language) {
    Site at{site, language, out};
    StatedNumbers stated = stated_numbers(value, store.currency);
    bool title = site.key == "title";
    report_unknown(at, stated.percents, allowed.percents,
                   title ? "a percentage the promotion does not give"
                         : "a percentage no promotion of the rulebook gives",
                   "its percentages: " + percents_text(own.percents));
    report_unknown(at, stated.amounts, allowed.amounts,
                   title ? "an amount the promotion's data does not have"
                         : "an amount no promotion of the rulebook has",
                   "its amounts: " + amounts_text(own.amounts, store.currency.minor_digits));
    if (days.empty()) continue;
    for (const auto& date : stated.dates)
      if (!date_fits(date, days))
        at.report(date.shown,
                  fmt::format("a day that is not one of its window ({} to {}, last day {})",
                              day_text(days[0]), days.size() > 1 ? day_text(days[1]) : "open",
                              days.size() > 2 ? day_text(days[2]) : "none"));
  }
}

void check_terms_contradict(const LintContext& context, core::Diagnostics& out) {
  Figures all;
  for (const auto& p : context.rulebook.promotions) {
    Figures f = figures_of(p);
    all.percents.insert(all.percents.end(), f.percents.begin(), f.percents.end());
    all.amounts.insert(all.amounts.end(), f.amounts.begin(), f.amounts.end());
  }
  for (const TextSite& site : rulebook_texts(context.rulebook))
    if (site.promotion) check_text(context, site, all, out);
}

}  // namespace

const Rule kTextTermsContradict{
    .name = "text/terms-contradict",
    .severity = core::Severity::warning,
    .summary = "a promotion's title or terms state a number its data does not have",
    .doc =
        "Reads every language of a promotion's `title` and `terms` for three kinds of number and compares them with the promotion's data. A percentage (a number followed by `%`) must be one of the promotion's own percentages (`percent_off`, each tier's `percent_off`, a `buy_x_get_y` percent other than 100); in `terms` also one of another promotion's, which terms may name. An amount (a number with the store currency's code or symbol before or after it: `12,00 EUR`, `€12`, `12 zł`) must be one of the promotion's own amounts (`amount_off`, `fixed_price`, `min_subtotal`, `max_discount`, each tier's `min_subtotal` and `amount_off`); in `terms` also another promotion's. A date (a day and a month name, in any case of the five languages, in either order, with its year when written next to it: `30 November 2026`, `2026. gada 30. novembrī`, `2026 m. lapkričio 30 d.`, `30 listopada 2026`, `30 ноября 2026 года`) must be the first day of the window, the day its exclusive end falls on, or the last day the window covers (the day before an end at midnight), in the store's zone; a date without a year compares day and month. Numbers of other kinds (counts, times, skus, numeric dates like 30.11.2026) are not read. One finding per number, pointing at the text.",
    .why =
        "The published terms are what the customer holds the store to: \"25%\" in the text and 20 in the data is a dispute the store loses, and a last day one off is a claim decided against what the customer read.",
    .example =
        "[[promotion]]\nid = \"WINTER\"\ntitle = \"Rabat 25% na wszystkie książki\"\nstarts = 2026-12-01\nends = 2026-12-31\npercent_off = 20",
    .fix =
        "Write the numbers the data has (or correct the data). A number the data cannot hold, such as a list price or a delivery charge, can be allowed with a reason: `allow = { \"text/terms-contradict\" = \"19.00 EUR is the list price\" }`.",
    .when = RunWhen::clean_load,
    .check = check_terms_contradict,
};

}  // namespace fineprint::lint

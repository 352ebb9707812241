// Every lint rule, in one explicit list (no static self-registration: a
// static library drops unreferenced objects). Rules the loader reports have
// no check function; the semantic rules come from analysis/.
#include "lint/registry.hpp"

#include "analysis/analysis_rules.hpp"
#include "lint/rules/checks.hpp"

namespace fineprint::lint {

namespace {

using core::Severity;

std::vector<RuleDescriptor> model_rules() {
  return {
      {"schema/parse-error",
       Severity::error,
       "TOML syntax error",
       {"A file that is not valid TOML: an unclosed string, a missing `=`, a key defined twice in "
        "one file, "
        "invalid UTF-8.",
        "Nothing in a file that does not parse can be trusted; fineprint reports where the parser "
        "stopped.",
        "[store]\nname = \"Shop\ncurrency = \"EUR\"",
        "Fix the syntax at the line and column given (the message is the TOML parser's)."},
       RunWhen::loader,
       nullptr},
      {"schema/unknown-key",
       Severity::error,
       "key not in the format, with did-you-mean",
       {"A key that the format does not define in that table, such as `percent_of` instead of "
        "`percent_off`.",
        "Every table is closed: a misspelt key would otherwise be ignored silently and the rule "
        "would mean "
        "something other than what its author wrote.",
        "[[promotion]]\nid = \"WINTER20\"\npercent_of = 20",
        "Use the key the message suggests, or remove it."},
       RunWhen::loader,
       nullptr},
      {"schema/wrong-type",
       Severity::error,
       "a value of the wrong type or outside its allowed values",
       {"A value of the wrong TOML type (a string where an integer is required) or outside the "
        "values the "
        "format allows (`hit_policy = \"any\"`, a negative quantity, a range with min above max).",
        "A value read as something other than what it says is a rule applied differently from how "
        "it reads.",
        "[[promotion]]\nid = \"P\"\npriority = \"high\"",
        "Write the value with the type the message names."},
       RunWhen::loader,
       nullptr},
      {"schema/missing-key",
       Severity::error,
       "a required key is absent",
       {"A required key is missing: `[store]` without `timezone`, a promotion without `starts`, a "
        "`deny` rule "
        "without `because`.",
        "fineprint never guesses a default for what the format requires.",
        "[store]\nname = \"Shop\"\ncurrency = \"EUR\"\nchannels = [\"web\"]",
        "Add the key the message names."},
       RunWhen::loader,
       nullptr},
      {"schema/duplicate-id",
       Severity::error,
       "two promotions, or two returns rules, share an id",
       {"Two promotions, two returns rules or two asserts with the same id.",
        "Decisions and claims cite rules by id; two rules with one id make a citation ambiguous.",
        "[[promotion]]\nid = \"WINTER\"\n# ...\n[[promotion]]\nid = \"WINTER\"",
        "Give each a distinct id."},
       RunWhen::loader,
       nullptr},
      {"schema/duplicate-key",
       Severity::error,
       "the same top-level key or [store] in two files",
       {"A rulebook directory where two files both define `[store]`, `[catalog]`, `[returns]` or "
        "`fineprint`.",
        "Files merge into one rulebook; two definitions of one table leave it unclear which "
        "applies.",
        "# a.toml\n[store]\nname = \"A\"\n# b.toml\n[store]\nname = \"B\"",
        "Keep the table in one file."},
       RunWhen::loader,
       nullptr},
      {"schema/bad-id",
       Severity::error,
       "id outside [A-Za-z0-9][A-Za-z0-9_.-]* or over 64 chars",
       {"An id (promotion, returns rule, assert, channel) with spaces, punctuation or more than 64 "
        "characters.",
        "Ids appear in decisions, file names and command lines; they must be safe and unambiguous.",
        "[[promotion]]\nid = \"winter sale!\"",
        "Use letters, digits, `_`, `.` and `-`, starting with a letter or digit."},
       RunWhen::loader,
       nullptr},
      {"schema/version",
       Severity::error,
       "`fineprint` is not 1",
       {"The `fineprint` format version key holds something other than 1.",
        "A rulebook written for another version of the format may mean something else.",
        "fineprint = 2", "Write `fineprint = 1`, or remove the key."},
       RunWhen::loader,
       nullptr},
      {"refs/unknown-category",
       Severity::error,
       "a category not in [catalog]",
       {"A category named in a promotion scope, a returns rule, an exemption or an assert that the "
        "catalog's "
        "`categories` does not list.",
        "A misspelt category matches nothing, so the rule silently never applies.",
        "[catalog]\ncategories = [\"hats\"]\n[[promotion]]\nproducts = { categories = [\"hat\"] }",
        "Use a catalog category (the message suggests the nearest), or add it to the catalog."},
       RunWhen::loader,
       nullptr},
      {"refs/unknown-sku",
       Severity::error,
       "a sku not in [catalog]",
       {"A sku named in the rulebook that the catalog's `skus` does not list.",
        "A misspelt sku matches nothing, so the rule silently never applies.",
        "[catalog]\nskus = [\"HAT-001\"]\n[[promotion]]\nproducts = { skus = [\"HAT-01\"] }",
        "Use a catalog sku, or add it to the catalog."},
       RunWhen::loader,
       nullptr},
      {"refs/unknown-channel",
       Severity::error,
       "a channel not in store.channels",
       {"A channel named in a promotion, a returns rule or `distance_channels` that "
        "`store.channels` does not "
        "list.",
        "A misspelt channel matches no order.",
        "[store]\nchannels = [\"web\"]\n[[promotion]]\nchannels = [\"shop\"]",
        "Use a store channel, or add it to `store.channels`."},
       RunWhen::loader,
       nullptr},
      {"refs/unknown-promotion",
       Severity::error,
       "a `combinable` list names no promotion",
       {"A promotion's `combinable` list names an id that no promotion has.",
        "The author meant two promotions to stack; with a misspelt id they never do.",
        "[[promotion]]\nid = \"A\"\ncombinable = [\"BB\"]", "Name an existing promotion id."},
       RunWhen::loader,
       nullptr},
      {"refs/unknown-condition",
       Severity::error,
       "a condition neither built in nor declared",
       {"A returns rule, exemption or assert names an item condition that is neither built in "
        "(sealed, opened, "
        "used, washed, damaged) nor declared in `returns.conditions`.",
        "A condition no claim can have makes the rule dead.",
        "[[returns.rule]]\nwhen = { condition = [\"unopened\"] }",
        "Use a built-in condition, or declare it in `returns.conditions`."},
       RunWhen::loader,
       nullptr},
      {"refs/unknown-reason",
       Severity::error,
       "a reason neither built in nor declared",
       {"A returns rule, assert or `defect_reasons` names a return reason that is neither built in "
        "nor declared "
        "in `returns.reasons`.",
        "A reason no claim can give makes the rule dead.",
        "[[returns.rule]]\nwhen = { reason = [\"broken\"] }",
        "Use a built-in reason (changed_mind, defective, damaged_in_transit, wrong_item, "
        "not_as_described, "
        "late_delivery), or declare it."},
       RunWhen::loader,
       nullptr},
      {"money/float",
       Severity::error,
       "a TOML float used as money or percent",
       {"Money or a percent written as a TOML float (`39.9`).",
        "Binary floats cannot hold most decimal amounts exactly: 39.9 is not 39.90.",
        "amount_off = 39.9", "Write money as a string (`\"39.90\"`) or an integer of whole units."},
       RunWhen::loader,
       nullptr},
      {"money/precision",
       Severity::error,
       "more decimals than the currency's minor unit",
       {"An amount with more decimals than the store currency has (`\"9.999\"` in EUR, `\"5.5\"` "
        "in JPY), or a "
        "percent with more than 2 decimals.",
        "An amount that cannot be paid in the currency has to be rounded somewhere, and that is a "
        "dispute.",
        "amount_off = \"9.999\"", "Write the amount in whole minor units of the currency."},
       RunWhen::loader,
       nullptr},
      {"money/unknown-currency",
       Severity::error,
       "currency not in the known table",
       {"`store.currency` is not one of the ISO 4217 codes fineprint knows.",
        "The currency fixes how many decimals every amount has.", "[store]\ncurrency = \"EURO\"",
        "Use an ISO 4217 code such as \"EUR\"."},
       RunWhen::loader,
       nullptr},
      {"money/percent-range",
       Severity::error,
       "percent <= 0 or > 100",
       {"A percent at or below 0 or above 100 (`percent_off`, a tier, `fee_percent`).",
        "A discount over 100% pays the customer to take the goods; 0% promises nothing.",
        "percent_off = 120", "Use a percent greater than 0 and at most 100."},
       RunWhen::loader,
       nullptr},
      {"money/tier-order",
       Severity::error,
       "tiers not strictly increasing, or of mixed kinds",
       {"`tiers` whose `min_subtotal` values do not strictly increase, or that mix `percent_off` "
        "and "
        "`amount_off`.",
        "With overlapping or mixed tiers an order's tier is a matter of opinion.",
        "tiers = [{ min_subtotal = \"100\", percent_off = 10 }, { min_subtotal = \"50\", "
        "percent_off = 5 }]",
        "Order the tiers by strictly increasing `min_subtotal`, all of one kind."},
       RunWhen::loader,
       nullptr},
      {"money/free-order",
       Severity::warning,
       "amount_off >= min_subtotal (or no threshold): an order can become free",
       {"An `amount_off` (or an amount tier) at least as large as its `min_subtotal`, or with no "
        "threshold at all.",
        "An order whose eligible goods cost no more than the amount becomes free.",
        "[[promotion]]\namount_off = \"50\"\nmin_subtotal = \"40\"",
        "Raise `min_subtotal` above the amount, or allow it with a reason if free orders are "
        "intended."},
       RunWhen::always,
       check_free_order},
      {"time/bad-timezone",
       Severity::error,
       "store.timezone is not an IANA zone",
       {"`store.timezone` is not a canonical zone of the IANA tz database: `UTC`, or "
        "Area/Location with a geographic Area (Africa, America, Antarctica, Arctic, Asia, "
        "Atlantic, Australia, Europe, Indian, Pacific). `localtime` (the machine's own zone), "
        "`posixrules`, `Factory`, `Etc/…` and legacy aliases such as `US/Eastern` are refused.",
        "Every local date and time in the rulebook is read in this zone, and a decision must "
        "be the same on every machine.",
        "[store]\ntimezone = \"localtime\"",
        "Use the store's IANA name, such as \"Europe/Riga\" or \"America/New_York\"."},
       RunWhen::loader,
       nullptr},
      {"time/nonexistent-local-time",
       Severity::error,
       "a local time inside a DST gap in the store zone",
       {"A local date-time that does not exist in the store zone because the clocks jump forward "
        "over it.",
        "There is no such instant; any reading of it is a guess.",
        "# Europe/Riga springs forward at 03:00 on 2026-03-29\nstarts = 2026-03-29T03:30:00",
        "Write the instant with an explicit offset, or pick a time outside the gap."},
       RunWhen::loader,
       nullptr},
      {"time/ambiguous-local-time",
       Severity::error,
       "a local time inside a DST overlap",
       {"A local date-time that happens twice in the store zone because the clocks fall back over "
        "it.",
        "Two instants an hour apart are both that time; a customer at the boundary gets a coin "
        "toss.",
        "# Europe/Riga falls back at 04:00 on 2026-10-25\nends = 2026-10-25T03:30:00",
        "Write the instant with an explicit offset to say which one is meant."},
       RunWhen::loader,
       nullptr},
      {"time/empty-window",
       Severity::error,
       "`ends` <= `starts`",
       {"A promotion whose window closes at or before it opens.",
        "Such a promotion can never apply.", "starts = 2026-12-10\nends = 2026-12-01",
        "Fix the dates."},
       RunWhen::loader,
       nullptr},
      {"time/end-at-2359",
       Severity::warning,
       "`ends` at 23:59 or 23:59:59 leaves the last minute/second outside",
       {"A promotion that ends at 23:59 or 23:59:59 local time.",
        "Windows are half-open, so the last minute (or second) of the day is outside: an order at "
        "23:59:30 "
        "is refused.",
        "ends = 2026-12-31T23:59:59",
        "End at the next day's 00:00, or write the date alone: `ends = 2026-12-31`."},
       RunWhen::always,
       check_end_at_2359},
      {"time/open-ended",
       Severity::warning,
       "a promotion without `ends`",
       {"A promotion with no `ends`.",
        "An open-ended promotion keeps applying long after the campaign is over.",
        "[[promotion]]\nid = \"P\"\nstarts = 2026-12-01", "Give it an `ends`."},
       RunWhen::always,
       check_open_ended},
      {"time/date-only-end",
       Severity::note,
       "says how a date-only `ends` is read",
       {"A promotion whose `ends` is a bare date; the note says it runs through the end of that "
        "day in the store "
        "zone.",
        "Authors and customers read \"until 31 December\" differently; the note makes the reading "
        "explicit.",
        "ends = 2026-12-31", "Nothing to fix if the reading is what was meant."},
       RunWhen::always,
       check_date_only_end},
      {"time/expired",
       Severity::warning,
       "with --as-of: the window closed before it",
       {"With `--as-of`, a promotion whose window closed at or before that instant.",
        "A campaign launched with an expired promotion promises what it will not give.",
        "# lint --as-of 2027-01-15T00:00:00+02:00\nends = 2027-01-01",
        "Remove the promotion or move its window."},
       RunWhen::always,
       check_expired},
      {"time/starts-before-launch",
       Severity::note,
       "with --as-of: the window opened before it",
       {"With `--as-of`, a promotion whose window opened before that instant.",
        "Orders placed before the launch may claim it.",
        "# lint --as-of 2026-12-05T00:00:00+02:00\nstarts = 2026-12-01",
        "Check that this is intended."},
       RunWhen::always,
       check_starts_before_launch},
      {"promo/benefit-count",
       Severity::error,
       "not exactly one benefit key",
       {"A promotion with no benefit key, or with more than one of percent_off, amount_off, "
        "fixed_price, "
        "buy_x_get_y, tiers, free_shipping.",
        "A promotion with two benefits leaves unclear whether they add up.",
        "[[promotion]]\npercent_off = 10\namount_off = \"5\"",
        "Give exactly one benefit; split it into two promotions."},
       RunWhen::loader,
       nullptr},
      {"promo/code-collision",
       Severity::error,
       "two promotions share a code (case-insensitively)",
       {"Two promotions whose `code` is the same, ignoring ASCII case.",
        "A customer entering the code gets whichever promotion wins, not the one they were told "
        "about.",
        "[[promotion]]\ncode = \"WINTER\"\n[[promotion]]\ncode = \"winter\"",
        "Give each promotion its own code."},
       RunWhen::always,
       check_code_collision},
      {"returns/missing-window-anchor",
       Severity::error,
       "a rule tests `days` and `window_from` is not set",
       {"A returns rule tests `days` but `[returns]` does not say whether days count from delivery "
        "or purchase.",
        "\"Within 14 days\" means different things from the order date and from the delivery date.",
        "[returns]\nhit_policy = \"first\"\n[[returns.rule]]\nwhen = { days = { max = 14 } }",
        "Set `window_from = \"delivery\"` (or \"purchase\")."},
       RunWhen::loader,
       nullptr},
      {"text/vague-terms",
       Severity::warning,
       "title, terms or because uses phrases that invite argument",
       {"A `title`, `terms` or `because` text with phrases that invite argument (\"while stocks "
        "last\", "
        "\"selected items\", \"up to\", \"etc.\", \"and more\", \"subject to availability\", "
        "\"reasonable\"), "
        "in English, Latvian, Lithuanian, Polish or Russian.",
        "The customer reads the text, not the TOML; vague text is where disputes start.",
        "terms = \"Up to 50% off selected items while stocks last\"",
        "Say exactly what the rule says: which products, how much, until when."},
       RunWhen::always,
       check_vague_terms},
  };
}

}  // namespace

const std::vector<RuleDescriptor>& registry() {
  static const std::vector<RuleDescriptor> rules = [] {
    std::vector<RuleDescriptor> all = model_rules();
    const auto& semantic = analysis::analysis_rules();
    all.insert(all.end(), semantic.begin(), semantic.end());
    return all;
  }();
  return rules;
}

const RuleDescriptor* find_rule(std::string_view name) {
  for (const auto& rule : registry())
    if (rule.name == name) return &rule;
  return nullptr;
}

core::Diagnostic finding(std::string_view rule, std::string message, core::SourceRange where,
                         std::string help, std::string subject) {
  core::Diagnostic diagnostic;
  diagnostic.rule = std::string(rule);
  const RuleDescriptor* descriptor = find_rule(rule);
  diagnostic.severity = descriptor ? descriptor->severity : core::Severity::error;
  diagnostic.message = std::move(message);
  diagnostic.where = std::move(where);
  diagnostic.help = std::move(help);
  diagnostic.subject = std::move(subject);
  return diagnostic;
}

}  // namespace fineprint::lint

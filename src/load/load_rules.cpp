// The rules the loader reports itself while it reads (schema/, refs/, money/,
// time/ and two more): they have no check function. Each is defined with
// FINEPRINT_LINT_RULE, so the build lists it in the registry.
#include "load/load_rules.hpp"

namespace fineprint::load {

FINEPRINT_LINT_RULE(kSchemaParseError){
    .name = "schema/parse-error",
    .severity = core::Severity::error,
    .summary = "TOML syntax error",
    .doc =
        "A file that is not valid TOML: an unclosed string, a missing `=`, a key defined twice in one file, invalid UTF-8.",
    .why =
        "Nothing in a file that does not parse can be trusted; fineprint reports where the parser stopped.",
    .example = "[store]\nname = \"Shop\ncurrency = \"EUR\"",
    .fix = "Fix the syntax at the line and column given (the message is the TOML parser's).",
};

FINEPRINT_LINT_RULE(kSchemaUnknownKey){
    .name = "schema/unknown-key",
    .severity = core::Severity::error,
    .summary = "key not in the format, with did-you-mean",
    .doc =
        "A key that the format does not define in that table, such as `percent_of` instead of `percent_off`.",
    .why =
        "Every table is closed: a misspelt key would otherwise be ignored silently and the rule would mean something other than what its author wrote.",
    .example = "[[promotion]]\nid = \"WINTER20\"\npercent_of = 20",
    .fix = "Use the key the message suggests, or remove it.",
};

FINEPRINT_LINT_RULE(kSchemaWrongType){
    .name = "schema/wrong-type",
    .severity = core::Severity::error,
    .summary = "a value of the wrong type or outside its allowed values",
    .doc =
        "A value of the wrong TOML type (a string where an integer is required) or outside the values the format allows (`hit_policy = \"any\"`, a negative quantity, a range with min above max).",
    .why =
        "A value read as something other than what it says is a rule applied differently from how it reads.",
    .example = "[[promotion]]\nid = \"P\"\npriority = \"high\"",
    .fix = "Write the value with the type the message names.",
};

FINEPRINT_LINT_RULE(kSchemaMissingKey){
    .name = "schema/missing-key",
    .severity = core::Severity::error,
    .summary = "a required key is absent",
    .doc =
        "A required key is missing: `[store]` without `timezone`, a promotion without `starts`, a `deny` rule without `because`.",
    .why = "fineprint never guesses a default for what the format requires.",
    .example = "[store]\nname = \"Shop\"\ncurrency = \"EUR\"\nchannels = [\"web\"]",
    .fix = "Add the key the message names.",
};

FINEPRINT_LINT_RULE(kSchemaDuplicateId){
    .name = "schema/duplicate-id",
    .severity = core::Severity::error,
    .summary = "two promotions, or two returns rules, share an id",
    .doc = "Two promotions, two returns rules or two asserts with the same id.",
    .why =
        "Decisions and claims cite rules by id; two rules with one id make a citation ambiguous.",
    .example = "[[promotion]]\nid = \"WINTER\"\n# ...\n[[promotion]]\nid = \"WINTER\"",
    .fix = "Give each a distinct id.",
};

FINEPRINT_LINT_RULE(kSchemaDuplicateKey){
    .name = "schema/duplicate-key",
    .severity = core::Severity::error,
    .summary = "the same top-level key or [store] in two files",
    .doc =
        "A rulebook directory where two files both define `[store]`, `[catalog]`, `[returns]` or `fineprint`.",
    .why =
        "Files merge into one rulebook; two definitions of one table leave it unclear which applies.",
    .example = "# a.toml\n[store]\nname = \"A\"\n# b.toml\n[store]\nname = \"B\"",
    .fix = "Keep the table in one file.",
};

FINEPRINT_LINT_RULE(kSchemaBadId){
    .name = "schema/bad-id",
    .severity = core::Severity::error,
    .summary = "id outside [A-Za-z0-9][A-Za-z0-9_.-]* or over 64 chars",
    .doc =
        "An id (promotion, returns rule, assert, channel) with spaces, punctuation or more than 64 characters.",
    .why =
        "Ids appear in decisions, file names and command lines; they must be safe and unambiguous.",
    .example = "[[promotion]]\nid = \"winter sale!\"",
    .fix = "Use letters, digits, `_`, `.` and `-`, starting with a letter or digit.",
};

FINEPRINT_LINT_RULE(kSchemaVersion){
    .name = "schema/version",
    .severity = core::Severity::error,
    .summary = "`fineprint` is not 1",
    .doc = "The `fineprint` format version key holds something other than 1.",
    .why = "A rulebook written for another version of the format may mean something else.",
    .example = "fineprint = 2",
    .fix = "Write `fineprint = 1`, or remove the key.",
};

FINEPRINT_LINT_RULE(kRefsUnknownCategory){
    .name = "refs/unknown-category",
    .severity = core::Severity::error,
    .summary = "a category not in [catalog]",
    .doc =
        "A category named in a promotion scope, a returns rule, an exemption or an assert that the catalog's `categories` does not list.",
    .why = "A misspelt category matches nothing, so the rule silently never applies.",
    .example =
        "[catalog]\ncategories = [\"hats\"]\n[[promotion]]\nproducts = { categories = [\"hat\"] }",
    .fix = "Use a catalog category (the message suggests the nearest), or add it to the catalog.",
};

FINEPRINT_LINT_RULE(kRefsUnknownSku){
    .name = "refs/unknown-sku",
    .severity = core::Severity::error,
    .summary = "a sku not in [catalog]",
    .doc = "A sku named in the rulebook that the catalog's `skus` does not list.",
    .why = "A misspelt sku matches nothing, so the rule silently never applies.",
    .example = "[catalog]\nskus = [\"HAT-001\"]\n[[promotion]]\nproducts = { skus = [\"HAT-01\"] }",
    .fix = "Use a catalog sku, or add it to the catalog.",
};

FINEPRINT_LINT_RULE(kRefsUnknownChannel){
    .name = "refs/unknown-channel",
    .severity = core::Severity::error,
    .summary = "a channel not in store.channels",
    .doc =
        "A channel named in a promotion, a returns rule or `distance_channels` that `store.channels` does not list.",
    .why = "A misspelt channel matches no order.",
    .example = "[store]\nchannels = [\"web\"]\n[[promotion]]\nchannels = [\"shop\"]",
    .fix = "Use a store channel, or add it to `store.channels`.",
};

FINEPRINT_LINT_RULE(kRefsUnknownPromotion){
    .name = "refs/unknown-promotion",
    .severity = core::Severity::error,
    .summary = "a `combinable` list names no promotion",
    .doc = "A promotion's `combinable` list names an id that no promotion has.",
    .why = "The author meant two promotions to stack; with a misspelt id they never do.",
    .example = "[[promotion]]\nid = \"A\"\ncombinable = [\"BB\"]",
    .fix = "Name an existing promotion id.",
};

FINEPRINT_LINT_RULE(kRefsUnknownCondition){
    .name = "refs/unknown-condition",
    .severity = core::Severity::error,
    .summary = "a condition neither built in nor declared",
    .doc =
        "A returns rule, exemption or assert names an item condition that is neither built in (sealed, opened, used, washed, damaged) nor declared in `returns.conditions`.",
    .why = "A condition no claim can have makes the rule dead.",
    .example = "[[returns.rule]]\nwhen = { condition = [\"unopened\"] }",
    .fix = "Use a built-in condition, or declare it in `returns.conditions`.",
};

FINEPRINT_LINT_RULE(kRefsUnknownReason){
    .name = "refs/unknown-reason",
    .severity = core::Severity::error,
    .summary = "a reason neither built in nor declared",
    .doc =
        "A returns rule, assert or `defect_reasons` names a return reason that is neither built in nor declared in `returns.reasons`.",
    .why = "A reason no claim can give makes the rule dead.",
    .example = "[[returns.rule]]\nwhen = { reason = [\"broken\"] }",
    .fix =
        "Use a built-in reason (changed_mind, defective, damaged_in_transit, wrong_item, not_as_described, late_delivery), or declare it.",
};

FINEPRINT_LINT_RULE(kMoneyFloat){
    .name = "money/float",
    .severity = core::Severity::error,
    .summary = "a TOML float used as money or percent",
    .doc = "Money or a percent written as a TOML float (`39.9`).",
    .why = "Binary floats cannot hold most decimal amounts exactly: 39.9 is not 39.90.",
    .example = "amount_off = 39.9",
    .fix = "Write money as a string (`\"39.90\"`) or an integer of whole units.",
};

FINEPRINT_LINT_RULE(kMoneyPrecision){
    .name = "money/precision",
    .severity = core::Severity::error,
    .summary = "more decimals than the currency's minor unit",
    .doc =
        "An amount with more decimals than the store currency has (`\"9.999\"` in EUR, `\"5.5\"` in JPY), or a percent with more than 2 decimals.",
    .why =
        "An amount that cannot be paid in the currency has to be rounded somewhere, and that is a dispute.",
    .example = "amount_off = \"9.999\"",
    .fix = "Write the amount in whole minor units of the currency.",
};

FINEPRINT_LINT_RULE(kMoneyUnknownCurrency){
    .name = "money/unknown-currency",
    .severity = core::Severity::error,
    .summary = "currency not in the known table",
    .doc = "`store.currency` is not one of the ISO 4217 codes fineprint knows.",
    .why = "The currency fixes how many decimals every amount has.",
    .example = "[store]\ncurrency = \"EURO\"",
    .fix = "Use an ISO 4217 code such as \"EUR\".",
};

FINEPRINT_LINT_RULE(kMoneyPercentRange){
    .name = "money/percent-range",
    .severity = core::Severity::error,
    .summary = "percent <= 0 or > 100",
    .doc = "A percent at or below 0 or above 100 (`percent_off`, a tier, `fee_percent`).",
    .why = "A discount over 100% pays the customer to take the goods; 0% promises nothing.",
    .example = "percent_off = 120",
    .fix = "Use a percent greater than 0 and at most 100.",
};

FINEPRINT_LINT_RULE(kMoneyTierOrder){
    .name = "money/tier-order",
    .severity = core::Severity::error,
    .summary = "tiers not strictly increasing, or of mixed kinds",
    .doc =
        "`tiers` whose `min_subtotal` values do not strictly increase, or that mix `percent_off` and `amount_off`.",
    .why = "With overlapping or mixed tiers an order's tier is a matter of opinion.",
    .example =
        "tiers = [{ min_subtotal = \"100\", percent_off = 10 }, { min_subtotal = \"50\", percent_off = 5 }]",
    .fix = "Order the tiers by strictly increasing `min_subtotal`, all of one kind.",
};

FINEPRINT_LINT_RULE(kTimeBadTimezone){
    .name = "time/bad-timezone",
    .severity = core::Severity::error,
    .summary = "store.timezone is not an IANA zone",
    .doc =
        "`store.timezone` is not a canonical zone of the IANA tz database: `UTC`, or Area/Location with a geographic Area (Africa, America, Antarctica, Arctic, Asia, Atlantic, Australia, Europe, Indian, Pacific). `localtime` (the machine's own zone), `posixrules`, `Factory`, `Etc/…` and legacy aliases such as `US/Eastern` are refused.",
    .why =
        "Every local date and time in the rulebook is read in this zone, and a decision must be the same on every machine.",
    .example = "[store]\ntimezone = \"localtime\"",
    .fix = "Use the store's IANA name, such as \"Europe/Riga\" or \"America/New_York\".",
};

FINEPRINT_LINT_RULE(kTimeNonexistentLocalTime){
    .name = "time/nonexistent-local-time",
    .severity = core::Severity::error,
    .summary = "a local time inside a DST gap in the store zone",
    .doc =
        "A local date-time that does not exist in the store zone because the clocks jump forward over it.",
    .why = "There is no such instant; any reading of it is a guess.",
    .example = "# Europe/Riga springs forward at 03:00 on 2026-03-29\nstarts = 2026-03-29T03:30:00",
    .fix = "Write the instant with an explicit offset, or pick a time outside the gap.",
};

FINEPRINT_LINT_RULE(kTimeAmbiguousLocalTime){
    .name = "time/ambiguous-local-time",
    .severity = core::Severity::error,
    .summary = "a local time inside a DST overlap",
    .doc =
        "A local date-time that happens twice in the store zone because the clocks fall back over it.",
    .why =
        "Two instants an hour apart are both that time; a customer at the boundary gets a coin toss.",
    .example = "# Europe/Riga falls back at 04:00 on 2026-10-25\nends = 2026-10-25T03:30:00",
    .fix = "Write the instant with an explicit offset to say which one is meant.",
};

FINEPRINT_LINT_RULE(kTimeEmptyWindow){
    .name = "time/empty-window",
    .severity = core::Severity::error,
    .summary = "`ends` <= `starts`",
    .doc = "A promotion whose window closes at or before it opens.",
    .why = "Such a promotion can never apply.",
    .example = "starts = 2026-12-10\nends = 2026-12-01",
    .fix = "Fix the dates.",
};

FINEPRINT_LINT_RULE(kPromoBenefitCount){
    .name = "promo/benefit-count",
    .severity = core::Severity::error,
    .summary = "not exactly one benefit key",
    .doc =
        "A promotion with no benefit key, or with more than one of percent_off, amount_off, fixed_price, buy_x_get_y, tiers, free_shipping.",
    .why = "A promotion with two benefits leaves unclear whether they add up.",
    .example = "[[promotion]]\npercent_off = 10\namount_off = \"5\"",
    .fix = "Give exactly one benefit; split it into two promotions.",
};

FINEPRINT_LINT_RULE(kGoodwillGestureCount){
    .name = "goodwill/gesture-count",
    .severity = core::Severity::error,
    .summary = "a [[goodwill]] without exactly one gesture",
    .doc =
        "A [[goodwill]] with no gesture key, or with more than one of voucher_percent, refund_percent, amount, replacement.",
    .why =
        "An agent offers one gesture; two in one entry leave unclear whether the customer gets both.",
    .example =
        "[[goodwill]]\nid = \"SORRY\"\ntitle = \"A gesture\"\namount = \"5\"\nrefund_percent = 10",
    .fix = "Give exactly one gesture; write two [[goodwill]] entries to offer a choice.",
};

FINEPRINT_LINT_RULE(kReturnsMissingWindowAnchor){
    .name = "returns/missing-window-anchor",
    .severity = core::Severity::error,
    .summary = "a rule tests `days` and `window_from` is not set",
    .doc =
        "A returns rule tests `days` but `[returns]` does not say whether days count from delivery or purchase.",
    .why =
        "\"Within 14 days\" means different things from the order date and from the delivery date.",
    .example =
        "[returns]\nhit_policy = \"first\"\n[[returns.rule]]\nwhen = { days = { max = 14 } }",
    .fix = "Set `window_from = \"delivery\"` (or \"purchase\").",
};

FINEPRINT_LINT_RULE(kTextUnknownLanguage){
    .name = "text/unknown-language",
    .severity = core::Severity::error,
    .summary = "a language code fineprint does not speak, or the store does not declare",
    .doc =
        "A language code other than en, lv, lt, pl and ru in `languages` or `locale` of [store], or as a key of a text table (`because = { de = \"…\" }`); and a text table naming a supported language that `languages` of [store] does not declare. Points at the code.",
    .why =
        "A text in a language the store does not answer in is never shown: it is a typo, or a language someone forgot to declare, and its customers would get the wrong text or none.",
    .example =
        "[store]\nlanguages = [\"lv\", \"en\"]\n[[returns.rule]]\nid = \"USED\"\noutcome = \"deny\"\nbecause = { lv = \"Lietotas preces netiek pieņemtas.\", de = \"Gebrauchte Ware wird nicht angenommen.\" }",
    .fix =
        "Use the two-letter code (en, lv, lt, pl, ru), add the language to `languages`, or remove the text.",
};

const lint::Rule* loader_rule(std::string_view name) {
  const lint::Rule* rule = lint::find_rule(name);
  return rule && rule->when == lint::RunWhen::loader ? rule : nullptr;
}

}  // namespace fineprint::load

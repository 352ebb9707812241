// The rulebook as plain data (docs/format.md §1): what loaders build and what lint
// rules, the analysis and the engine read. Every value keeps its source range.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/instant.hpp"
#include "core/money.hpp"
#include "core/source_range.hpp"
#include "model/text.hpp"

namespace fineprint::model {

using core::Located;
using core::SourceRange;
using Names = std::vector<Located<std::string>>;

// `none`, the EU floors only, or a member state's law on top of them (law_pack.hpp).
enum class Jurisdiction { none, eu, lv, lt, pl, ee };

// What the store's letters to customers end with (`[store.letter]`).
struct Letter {
  Text signature;  // "Ziemelis Outdoor, klientu apkalpošana"
  Text contact;    // how to reach the store: e-mail, phone, address
  Text appeal;     // how to appeal or complain, e.g. the national consumer authority
  friend bool operator==(const Letter&, const Letter&) = default;
};

struct Store {
  Text name;  // a plain string is the name in every declared language
  core::Currency currency{"EUR", 2};
  Located<std::string> timezone;
  core::Zone zone = nullptr;  // resolved from `timezone`; never null in a loaded rulebook
  Names channels;
  bool channels_loaded = false;  // false: `channels` is missing, wrong or empty; names go unchecked
  Names distance_channels;
  Jurisdiction jurisdiction = Jurisdiction::none;
  // The languages the store answers in, the default first (`languages`, or
  // `locale` as a one-language shorthand); never empty after load.
  std::vector<std::string> languages{"en"};
  core::Rounding rounding = core::Rounding::half_up;
  std::int64_t late_code_days = 0;
  Letter letter;
  // What customers read for the store's own ids in letters and published
  // terms (`[store.names]`): an id without a name is printed as written.
  struct DisplayNames {
    std::map<std::string, Text, std::less<>> channel, category, segment;
    friend bool operator==(const DisplayNames&, const DisplayNames&) = default;
  } names;
  SourceRange where;  // the [store] header

  std::string default_language() const { return languages.empty() ? "en" : languages.front(); }
  // `text` in the default language (text_in with the other declared languages as fallbacks).
  const std::string& default_text(const Text& text) const;
  // `text` as fineprint's own English outputs (resolve, price, lint, the
  // decision record) quote it: in English when the store gives it, else in the
  // default language (docs/decisions.md), so an English report quotes no
  // other language that the store has an English text for.
  const std::string& report_text(const Text& text) const;

  friend bool operator==(const Store&, const Store&) = default;
};

// A product the store sells (issue 16): an order line naming its sku may
// leave out the category, list price and final-sale flag; the order's own
// values win where given (prices change; the order is the fact of the sale).
struct Product {
  core::Located<std::string> sku;
  std::string category;
  core::Minor unit_price = 0;  // list price per unit
  bool final_sale = false;
  std::string title;
  SourceRange where;  // the [[catalog.product]] table, or the CSV row
  friend bool operator==(const Product&, const Product&) = default;
};

struct Catalog {
  std::optional<Names> categories;
  std::optional<Names> skus;
  std::vector<Product> products;  // [[catalog.product]] and the rows of `products`, in that order
  std::optional<core::Located<std::string>> products_file;  // `products = "products.csv"`
  SourceRange where;

  // The product with this sku, or null (an index: products are looked up
  // once per order line).
  const Product* product(std::string_view sku) const;
  // Builds the index; the loader calls it once the products are read.
  void index_products();

 private:
  std::map<std::string, std::size_t, std::less<>> by_sku_;

  friend bool operator==(const Catalog&, const Catalog&) = default;
};

// An instant as written: `date_only` marks a bare date (start of that day, or
// of the next day when it closes a window), `local` a date-time without offset.
struct WrittenInstant {
  core::Instant instant{};
  bool date_only = false;
  bool local = false;
  std::string text;  // the TOML text, for messages
  SourceRange where;
  friend bool operator==(const WrittenInstant&, const WrittenInstant&) = default;
};

struct ProductScope {
  bool present = false;  // `products` absent: every line is in scope
  Names categories;
  Names skus;
  Names exclude_categories;
  Names exclude_skus;
  SourceRange where;

  friend bool operator==(const ProductScope&, const ProductScope&) = default;
};

enum class BenefitKind { percent_off, amount_off, fixed_price, buy_x_get_y, tiers, free_shipping };

struct Tier {
  core::Minor min_subtotal = 0;
  bool is_percent = true;
  core::BasisPoints percent = 0;  // when is_percent
  core::Minor amount = 0;         // when !is_percent
  SourceRange where;

  friend bool operator==(const Tier&, const Tier&) = default;
};

struct Benefit {
  BenefitKind kind = BenefitKind::percent_off;
  core::BasisPoints percent = 0;  // percent_off, and buy_x_get_y's percent (default 100%)
  core::Minor amount = 0;         // amount_off and fixed_price
  std::int64_t buy = 0;           // buy_x_get_y
  std::int64_t get = 0;
  std::vector<Tier> tiers;
  SourceRange where;  // the benefit key

  friend bool operator==(const Benefit&, const Benefit&) = default;
};

struct Combinable {
  enum class Kind { none, all, list };
  Kind kind = Kind::none;
  Names ids;  // when kind == list
  SourceRange where;

  bool admits(const std::string& other_id) const;

  friend bool operator==(const Combinable&, const Combinable&) = default;
};

// Suppressions: rule name → the mandatory reason.
struct Allow {
  std::map<std::string, Located<std::string>> reasons;
  friend bool operator==(const Allow&, const Allow&) = default;
};

struct Promotion {
  Located<std::string> id;
  Text title;
  WrittenInstant starts;
  std::optional<WrittenInstant>
      ends;                   // exclusive; absent = open-ended (or unreadable, see ends_written)
  bool ends_written = false;  // the key is there, even if its value did not load
  std::optional<Names> channels;  // absent: every store channel
  std::optional<Located<std::string>> code;
  std::optional<Names> segments;
  bool first_order_only = false;
  ProductScope products;
  std::optional<Located<core::Minor>> min_subtotal;
  std::optional<Located<std::int64_t>> min_quantity;
  std::int64_t priority = 0;
  Combinable combinable;
  std::optional<Located<std::int64_t>> limit_per_customer;
  std::optional<Located<core::Minor>> max_discount;
  Text terms;
  Allow allow;
  std::optional<Benefit> benefit;  // absent only when promo/benefit-count fired
  SourceRange where;               // the [[promotion]] header

  friend bool operator==(const Promotion&, const Promotion&) = default;
};

struct Range {
  std::optional<std::int64_t> min;
  std::optional<std::int64_t> max;
  SourceRange where;

  bool contains(std::int64_t value) const {
    return (!min || value >= *min) && (!max || value <= *max);
  }

  friend bool operator==(const Range&, const Range&) = default;
};

// A rule's conditions; an absent key holds for every value.
struct When {
  std::optional<Names> category;
  std::optional<Names> sku;
  std::optional<Names> channel;
  std::optional<Names> condition;
  std::optional<Names> reason;
  std::optional<Range> days;
  std::optional<Located<bool>> has_receipt;
  std::optional<Located<bool>> final_sale;
  std::optional<Range> unit_price;  // minor units
  std::optional<Names> segment;
  std::optional<Range> returns_90d;
  SourceRange where;
  friend bool operator==(const When&, const When&) = default;
};

enum class Outcome {
  refund,
  store_credit,
  exchange,
  repair,
  replace,
  repair_or_replace,
  deny,
  review
};

struct OutcomeSpec {
  Outcome outcome = Outcome::review;
  Text because;
  std::optional<Located<core::BasisPoints>> fee_percent;
  bool refund_shipping = false;
  Text cite;
  SourceRange where;  // the `outcome` key

  friend bool operator==(const OutcomeSpec&, const OutcomeSpec&) = default;
};

struct ReturnsRule {
  Located<std::string> id;
  When when;
  OutcomeSpec outcome;
  SourceRange where;  // the [[returns.rule]] header

  friend bool operator==(const ReturnsRule&, const ReturnsRule&) = default;
};

struct Exemption {
  Names categories;
  Names conditions;
  Text basis;
  SourceRange where;

  friend bool operator==(const Exemption&, const Exemption&) = default;
};

enum class HitPolicy { first, unique };
enum class WindowFrom { delivery, purchase };
enum class RefundBasis { paid, reprice };

struct Returns {
  HitPolicy hit_policy = HitPolicy::first;
  std::optional<Located<WindowFrom>> window_from;  // absent: not set (or unreadable, see below)
  bool window_from_written = false;                // the key is there, even if it did not load
  std::optional<Located<RefundBasis>>
      refund_basis;  // absent: paid (and promo/refund-basis-unset may fire)
  Names conditions;  // declared beyond the built-in ones
  Names reasons;
  std::optional<Names> defect_reasons;  // absent: the default list
  std::optional<OutcomeSpec> otherwise;
  std::vector<ReturnsRule> rules;
  std::vector<Exemption> exemptions;
  Allow allow;
  SourceRange where;

  RefundBasis basis() const { return refund_basis ? refund_basis->value : RefundBasis::paid; }

  friend bool operator==(const Returns&, const Returns&) = default;
};

struct Assert {
  Located<std::string> id;
  When when;
  bool outcome_in = true;  // outcome_in (true) or outcome_not_in (false)
  std::vector<Located<Outcome>> outcomes;
  Text because;
  SourceRange where;

  friend bool operator==(const Assert&, const Assert&) = default;
};

// A gesture of goodwill written in advance (`[[goodwill]]`, issue 17): what
// an agent may offer beyond the rules' decision, to whom, how often. Exactly
// one gesture key is set; the loader refuses zero or several.
enum class GestureKind { voucher_percent, refund_percent, amount, replacement };

struct Goodwill {
  Located<std::string> id;
  Text title;
  Text text;
  GestureKind gesture = GestureKind::amount;
  core::BasisPoints percent = 0;  // voucher_percent and refund_percent
  std::int64_t voucher_days = 0;  // voucher_percent: how long the voucher is valid
  core::Minor amount = 0;         // amount
  std::optional<Located<core::Minor>> max_amount;
  When when;  // the returns rules' `when`, tested per returned item
  std::optional<std::vector<Located<Outcome>>> outcome_in;  // absent: any decided outcome
  std::optional<Range> orders_before;                       // the customer's orders before this one
  std::optional<Located<std::int64_t>> limit_per_customer;
  std::optional<Located<std::int64_t>> period_days;  // absent with a limit: for all time
  bool requires_note = false;
  SourceRange gesture_where;  // the gesture key
  SourceRange where;          // the [[goodwill]] header

  friend bool operator==(const Goodwill&, const Goodwill&) = default;
};

std::string_view gesture_key(GestureKind kind);  // "voucher_percent"
// Whether a gesture follows an item the rules decided `outcome` (`outcome_in`;
// every outcome when it is absent): the engine and the lint rules ask alike.
bool follows_outcome(const Goodwill& goodwill, Outcome outcome);
// `outcome_in` as written, "[deny, store_credit]"; `absent` when it is absent.
std::string outcome_in_text(const Goodwill& goodwill, std::string_view absent);

// One file of the rulebook as read, for the sha256 and for source lines.
struct SourceFile {
  std::string path;  // as shown in messages (the path given, joined with the file's place below it)
  std::string
      canonical_name;  // relative to the rulebook root (a single file: its file name); hashed
  std::string content;
  friend bool operator==(const SourceFile&, const SourceFile&) = default;
};

struct Rulebook {
  std::vector<SourceFile> files;  // in load order
  std::optional<Located<std::int64_t>> version;
  Store store;
  std::optional<Catalog> catalog;
  std::vector<Promotion> promotions;  // in file order
  std::optional<Returns> returns;
  std::vector<Assert> asserts;
  std::vector<Goodwill> goodwill;  // in file order

  friend bool operator==(const Rulebook&, const Rulebook&) = default;
};

// Names and lists the format defines.
const std::vector<std::string>& builtin_conditions();
const std::vector<std::string>& builtin_reasons();
const std::vector<std::string>& default_defect_reasons();
std::string_view outcome_name(Outcome outcome);
std::optional<Outcome> parse_outcome(std::string_view text);
std::string_view benefit_key(BenefitKind kind);

// Every condition (reason) the returns table knows: built-in then declared.
std::vector<std::string> known_conditions(const Returns& returns);
std::vector<std::string> known_reasons(const Returns& returns);
std::vector<std::string> defect_reasons(const Returns& returns);
// Whether `name` is in those lists, without building them (every claim
// `batch` reads is checked; issue 19). `returns` may be null: built-in only.
bool is_known_condition(const Returns* returns, const std::string& name);
bool is_known_reason(const Returns* returns, const std::string& name);
bool is_defect_reason(const Returns& returns, const std::string& name);

bool is_distance_channel(const Store& store, const std::string& channel);
std::vector<std::string> values(const Names& names);

}  // namespace fineprint::model

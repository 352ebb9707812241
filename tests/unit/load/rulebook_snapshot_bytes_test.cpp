// The snapshot's bytes (issue 19, src/load/rulebook_snapshot.hpp): a
// hand-built rulebook with every optional and list set and non-default
// values, which the real rulebooks of rulebook_snapshot_test.cpp leave
// empty, round-trips; anything but a whole snapshot of this format is
// refused: every cut, a byte more, a changed magic or version, a bool of 2,
// an enum past its last value, a count past the end, the longer form of a
// number, map keys out of order, a file name introduced twice.
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "core/instant.hpp"
#include "load/rulebook_loader.hpp"
#include "load/rulebook_snapshot.hpp"

using namespace fineprint;

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

core::SourceRange at(const std::string& file, std::uint32_t line) {
  return {file, line, 3, line + 1, std::numeric_limits<std::uint32_t>::max()};
}

template <class T>
core::Located<T> located(T value, std::uint32_t line) {
  return {std::move(value), at("promotions.toml", line)};
}

model::Text text(const std::string& english, std::uint32_t line) {
  return {{{"en", english}, {"lv", english + " (lv)"}, {"pl", ""}}, at("store.toml", line)};
}

model::Names names(std::initializer_list<const char*> list, std::uint32_t line) {
  model::Names out;
  for (const char* name : list) out.push_back(located(std::string(name), line++));
  return out;
}

core::Instant instant(std::int64_t seconds) {
  return core::Instant(std::chrono::seconds(seconds));
}

model::Range range(std::int64_t min, std::int64_t max, std::uint32_t line) {
  return {min, max, at("returns.toml", line)};
}

model::Store full_store() {
  model::Store store;
  store.name = text("Ziemelis", 2);
  store.currency = {"JPY", 0};
  store.timezone = located(std::string("Europe/Riga"), 4);
  store.channels = names({"web", "store", "phone"}, 5);
  store.channels_loaded = true;
  store.distance_channels = names({"web"}, 6);
  store.jurisdiction = model::Jurisdiction::ee;
  store.languages = {"lv", "en", "ru"};
  store.rounding = core::Rounding::down;
  store.late_code_days = -7;
  store.letter = {text("signed", 10), text("contact", 11), text("appeal", 12)};
  store.names.channel = {{"web", text("the web shop", 13)}, {"store", text("the shop", 14)}};
  store.names.category = {{"hats", text("Hats", 15)}};
  store.names.segment = {{"club", text("Club members", 16)}};
  store.where = at("store.toml", 1);
  return store;
}

model::Catalog full_catalog() {
  model::Catalog catalog;
  catalog.categories = names({"hats", "boots"}, 20);
  catalog.skus = names({"HAT-1"}, 21);
  catalog.products = {
      {located(std::string("HAT-1"), 22), "hats", 1999, true, "Wool hat", at("products.csv", 2)},
      {located(std::string("BOOT-2"), 23), "boots", kMax, false, "", at("products.csv", 3)}};
  catalog.products_file = located(std::string("products.csv"), 24);
  catalog.where = at("store.toml", 19);
  return catalog;
}

model::Benefit tiers_benefit() {
  model::Benefit benefit;
  benefit.kind = model::BenefitKind::tiers;
  benefit.percent = 2500;
  benefit.amount = -1;
  benefit.buy = 3;
  benefit.get = kMax;
  benefit.tiers = {{5000, true, 1000, 0, at("promotions.toml", 40)},
                   {10000, false, 0, 1500, at("promotions.toml", 41)}};
  benefit.where = at("promotions.toml", 39);
  return benefit;
}

model::Promotion full_promotion() {
  model::Promotion promotion;
  promotion.id = located(std::string("WINTER"), 30);
  promotion.title = text("Winter sale", 31);
  promotion.starts = {instant(-86400), true, false, "1969-12-31", at("promotions.toml", 32)};
  promotion.ends = model::WrittenInstant{instant(kMax / 2), false, true, "2027-01-01T00:00:00",
                                         at("promotions.toml", 33)};
  promotion.ends_written = true;
  promotion.channels = names({"web"}, 34);
  promotion.code = located(std::string("SNOW"), 35);
  promotion.segments = names({"club", "staff"}, 36);
  promotion.first_order_only = true;
  promotion.products = {true,
                        names({"hats"}, 37),
                        names({"HAT-1"}, 37),
                        names({"x"}, 37),
                        names({"Y-9"}, 37),
                        at("promotions.toml", 37)};
  promotion.min_subtotal = located(core::Minor{kMin}, 38);
  promotion.min_quantity = located(std::int64_t{2}, 38);
  promotion.priority = -3;
  promotion.combinable = {model::Combinable::Kind::list, names({"CLUB"}, 42),
                          at("promotions.toml", 42)};
  promotion.limit_per_customer = located(std::int64_t{1}, 43);
  promotion.max_discount = located(core::Minor{5000}, 44);
  promotion.terms = text("terms", 45);
  promotion.allow.reasons = {{"promo/x", located(std::string("because"), 46)},
                             {"time/y", located(std::string("so"), 47)}};
  promotion.benefit = tiers_benefit();
  promotion.where = at("promotions.toml", 29);
  return promotion;
}

model::When full_when(std::uint32_t line) {
  return {names({"hats"}, line),   names({"HAT-1"}, line),     names({"web"}, line),
          names({"washed"}, line), names({"defective"}, line), range(0, 30, line),
          located(true, line),     located(false, line),       range(kMin, kMax, line),
          names({"club"}, line),   range(-1, 5, line),         at("returns.toml", line)};
}

model::OutcomeSpec full_outcome(std::uint32_t line) {
  return {model::Outcome::repair_or_replace,      text("because", line),
          located(core::BasisPoints{1250}, line), true,
          text("Directive (EU) 2019/771", line),  at("returns.toml", line)};
}

model::Returns full_returns() {
  model::Returns returns;
  returns.hit_policy = model::HitPolicy::unique;
  returns.window_from = located(model::WindowFrom::purchase, 50);
  returns.window_from_written = true;
  returns.refund_basis = located(model::RefundBasis::reprice, 51);
  returns.conditions = names({"stained"}, 52);
  returns.reasons = names({"too_small"}, 53);
  returns.defect_reasons = names({"defective", "torn"}, 54);
  returns.otherwise = full_outcome(55);
  returns.rules = {{located(std::string("washed"), 56), full_when(57), full_outcome(58),
                    at("returns.toml", 56)}};
  returns.exemptions = {{names({"underwear"}, 60), names({"opened"}, 60), text("hygiene", 61),
                         at("returns.toml", 60)}};
  returns.allow.reasons = {{"returns/z", located(std::string("reason"), 62)}};
  returns.where = at("returns.toml", 49);
  return returns;
}

model::Assert full_assert() {
  return {located(std::string("never-refund-washed"), 70),
          full_when(71),
          false,
          {located(model::Outcome::refund, 72), located(model::Outcome::review, 72)},
          text("washed items", 73),
          at("returns.toml", 70)};
}

model::Goodwill full_goodwill() {
  model::Goodwill goodwill;
  goodwill.id = located(std::string("care-voucher"), 80);
  goodwill.title = text("Care voucher", 81);
  goodwill.text = text("We are sorry", 82);
  goodwill.gesture = model::GestureKind::voucher_percent;
  goodwill.percent = 1000;
  goodwill.voucher_days = 90;
  goodwill.amount = -5;
  goodwill.max_amount = located(core::Minor{2000}, 83);
  goodwill.when = full_when(84);
  goodwill.outcome_in = std::vector{located(model::Outcome::deny, 85)};
  goodwill.orders_before = range(2, kMax, 86);
  goodwill.limit_per_customer = located(std::int64_t{1}, 87);
  goodwill.period_days = located(std::int64_t{365}, 88);
  goodwill.requires_note = true;
  goodwill.gesture_where = at("goodwill.toml", 89);
  goodwill.where = at("goodwill.toml", 79);
  return goodwill;
}

model::Rulebook full_rulebook() {
  model::Rulebook rulebook;
  rulebook.version = located(std::int64_t{1}, 1);
  rulebook.store = full_store();
  rulebook.catalog = full_catalog();
  rulebook.catalog->index_products();
  rulebook.promotions = {full_promotion(), full_promotion()};
  rulebook.promotions[1].id.value = "SECOND";
  rulebook.promotions[1].benefit.reset();
  rulebook.returns = full_returns();
  rulebook.asserts = {full_assert()};
  rulebook.goodwill = {full_goodwill()};
  return rulebook;
}

bool reads(std::string_view bytes) {
  model::Rulebook into;
  return load::read_snapshot(bytes, into);
}

// The position of the one byte in which two snapshots of the same length differ.
std::size_t differing_byte(const std::string& a, const std::string& b) {
  REQUIRE(a.size() == b.size());
  std::size_t found = a.size();
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    REQUIRE(found == a.size());
    found = i;
  }
  REQUIRE(found < a.size());
  return found;
}

std::size_t find_once(const std::string& bytes, std::string_view what) {
  const std::size_t found = bytes.find(what);
  REQUIRE(found != std::string::npos);
  REQUIRE(bytes.find(what, found + 1) == std::string::npos);
  return found;
}

void every_cut_is_refused(const std::string& bytes) {
  REQUIRE(reads(bytes));
  for (std::size_t size = 0; size < bytes.size(); ++size)
    if (reads(std::string_view(bytes).substr(0, size))) FAIL("a cut at " << size << " was read");
  CHECK_FALSE(reads(bytes + '\0'));
  CHECK_FALSE(reads(bytes + "\x01"));
}

}  // namespace

TEST_CASE("a rulebook with every member set round-trips to the same bytes", "[snapshot]") {
  const model::Rulebook full = full_rulebook();
  const std::string bytes = load::write_snapshot(full);
  CHECK(load::write_snapshot(full) == bytes);  // same model, same bytes

  // Read over a rulebook holding other things: every member is replaced,
  // but `files` and `store.zone`, which the caller owns.
  model::Rulebook into =
      load::load_rulebook({std::string(FINEPRINT_SOURCE_DIR) + "/rules"}).rulebook;
  const std::vector<model::SourceFile> files = into.files;
  const core::Zone zone = into.store.zone;
  REQUIRE(zone != nullptr);
  REQUIRE(load::read_snapshot(bytes, into));
  CHECK(load::write_snapshot(into) == bytes);
  CHECK(into.files.size() == files.size());
  CHECK(into.files.front().content == files.front().content);
  CHECK(into.store.zone == zone);
  // Field by field, but for what the caller owns: a member the snapshot drops shows here.
  into.files = full.files;
  into.store.zone = full.store.zone;
  CHECK(into == full);
  into.files = files;
  into.store.zone = zone;

  // Spot checks that the values, not only the bytes, came back.
  CHECK(into.store.currency.code == "JPY");
  CHECK(into.store.late_code_days == -7);
  CHECK(into.promotions.size() == 2);
  CHECK(into.promotions[0].starts.instant == instant(-86400));
  CHECK(into.promotions[0].min_subtotal->value == kMin);
  CHECK(into.promotions[0].where.end_column == std::numeric_limits<std::uint32_t>::max());
  CHECK(into.promotions[0].benefit->tiers[1].amount == 1500);
  CHECK_FALSE(into.promotions[1].benefit.has_value());
  CHECK(into.returns->rules[0].when.unit_price->max == kMax);
  CHECK(into.goodwill[0].outcome_in->front().value == model::Outcome::deny);
  CHECK(into.asserts[0].when.where.file == "returns.toml");
  // The catalog's index is rebuilt, not read.
  REQUIRE(into.catalog->product("BOOT-2") != nullptr);
  CHECK(into.catalog->product("BOOT-2")->unit_price == kMax);
  CHECK(into.catalog->product("SKI-3") == nullptr);
}

TEST_CASE("an empty rulebook round-trips to the same bytes", "[snapshot]") {
  const std::string bytes = load::write_snapshot(model::Rulebook{});
  model::Rulebook into = full_rulebook();
  REQUIRE(load::read_snapshot(bytes, into));
  CHECK(load::write_snapshot(into) == bytes);
  CHECK_FALSE(into.catalog.has_value());
  CHECK(into.promotions.empty());
}

TEST_CASE("every cut of a snapshot, and a snapshot with a byte more, are refused", "[snapshot]") {
  SECTION("the hand-built rulebook") {
    every_cut_is_refused(load::write_snapshot(full_rulebook()));
  }
  SECTION("a golden case's rulebook") {
    auto loaded = load::load_rulebook({std::string(FINEPRINT_SOURCE_DIR) +
                                       "/tests/claims/jpy-paid-basis-half-even/rulebook.toml"});
    REQUIRE(loaded.ok());
    every_cut_is_refused(load::write_snapshot(loaded.rulebook));
  }
}

TEST_CASE("a snapshot with another magic or version is refused", "[snapshot]") {
  const std::string bytes = load::write_snapshot(model::Rulebook{});
  REQUIRE(bytes.substr(0, 20) == std::string_view("fineprint-model\0\x01\0\0\0", 20));
  for (std::size_t i = 0; i < 20; ++i) {
    std::string changed = bytes;
    changed[i] = static_cast<char>(changed[i] ^ 0x04);
    CHECK_FALSE(reads(changed));
  }
  CHECK_FALSE(reads(""));
}

TEST_CASE("a bool other than 0 or 1 and an enum past its last value are refused", "[snapshot]") {
  model::Rulebook rulebook;
  const std::string no = load::write_snapshot(rulebook);
  rulebook.store.channels_loaded = true;
  std::string bytes = load::write_snapshot(rulebook);
  const std::size_t flag = differing_byte(no, bytes);
  CHECK(bytes[flag] == 1);
  bytes[flag] = 2;
  CHECK_FALSE(reads(bytes));

  rulebook.store.jurisdiction = model::Jurisdiction::ee;  // the last enumerator
  const std::string last = load::write_snapshot(rulebook);
  rulebook.store.jurisdiction = model::Jurisdiction::none;
  const std::size_t value = differing_byte(load::write_snapshot(rulebook), last);
  CHECK(reads(last));
  std::string past = last;
  past[value] = static_cast<char>(past[value] + 1);
  CHECK_FALSE(reads(past));
}

TEST_CASE("a count past the end and a longer form of a number are refused", "[snapshot]") {
  model::Rulebook rulebook;
  rulebook.store.timezone.value = "Europe/Riga";
  const std::string bytes = load::write_snapshot(rulebook);
  const std::size_t length = find_once(bytes, "Europe/Riga") - 1;
  REQUIRE(bytes[length] == 11);
  const std::string before = bytes.substr(0, length), after = bytes.substr(length + 1);
  CHECK(reads(before + "\x0b" + after));
  CHECK_FALSE(reads(before + "\x8b" + std::string(1, '\0') + after));     // 11 in two bytes
  CHECK_FALSE(reads(before + "\xff\xff\xff\xff\x0f" + after));            // 4 GiB
  CHECK_FALSE(reads(before + std::string(9, '\xff') + "\x01" + after));   // 2^64 - 1
  CHECK_FALSE(reads(before + std::string(10, '\xff') + "\x01" + after));  // past 64 bits
}

TEST_CASE("map keys out of order and a file name introduced twice are refused", "[snapshot]") {
  model::Rulebook rulebook;
  rulebook.store.name.by_language = {{"pl", "A"}, {"ru", "B"}};
  rulebook.store.name.where.file = "a.toml";
  rulebook.store.timezone.where.file = "b.toml";  // the second file name met
  const std::string bytes = load::write_snapshot(rulebook);
  REQUIRE(reads(bytes));

  std::string swapped = bytes;
  const std::size_t pl = find_once(bytes,
                                   "\x02"
                                   "pl"),
                    ru = find_once(bytes,
                                   "\x02"
                                   "ru");
  swapped.replace(pl + 1, 2, "ru");
  swapped.replace(ru + 1, 2, "pl");
  CHECK_FALSE(reads(swapped));

  std::string twice = bytes;
  twice.replace(find_once(bytes, "b.toml"), 6, "a.toml");
  CHECK_FALSE(reads(twice));
}

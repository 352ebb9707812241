// The snapshot of a loaded rulebook (issue 19). The bytes are the magic
// "fineprint-model\0", the format version as 4 bytes little-endian, then the
// rulebook's members in the order the `fields` functions below list them:
//
//  - unsigned integer: LEB128 varint, its shortest form only;
//  - signed integer: zigzag, then as unsigned (small negatives stay short);
//  - bool: one byte, 0 or 1;
//  - enum: its value as unsigned, at most its last enumerator (last_enumerator);
//  - std::string: the length, then the bytes;
//  - SourceRange::file: the index of the name among the names met so far (a
//    rulebook's ranges name a few files thousands of times); the next index
//    introduces a new name, written after it as a string;
//  - std::optional: a bool (present), then the value;
//  - std::vector: the count, then the elements; std::map: the count, then
//    key and value pairs, keys strictly increasing;
//  - core::Instant: its count of seconds, signed.
//
// Every value has exactly one encoding (shortest varints, 0/1 bools, sorted
// map keys, each file name introduced once), so a snapshot that reads back
// writes back to the same bytes: the fuzz target checks it on every input.
// One `fields` function per struct lists its members once, for the writer
// (a const struct) and the reader alike; the static_assert beside it fails
// when the struct grows, so that a new member cannot be forgotten here.
#include "load/rulebook_snapshot.hpp"

#include <concepts>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <type_traits>
#include <utility>

namespace fineprint::load {
namespace {

constexpr std::string_view kMagic{"fineprint-model\0", 16};
// Bump on any change of the encoding or of a struct's members: a snapshot of
// another version is refused as a whole (the cache then loads the TOML).
constexpr std::uint32_t kVersion = 1;

template <class S, class T>
concept Is = std::same_as<std::remove_const_t<S>, T>;

template <class T>
struct IsLocated : std::false_type {};
template <class T>
struct IsLocated<core::Located<T>> : std::true_type {};
template <class S>
concept LocatedValue = IsLocated<std::remove_const_t<S>>::value;

template <class T>
concept Optional = requires {
  typename T::value_type;
}
&&std::same_as<T, std::optional<typename T::value_type>>;
template <class T>
concept Vector = requires {
  typename T::value_type;
}
&&std::same_as<T, std::vector<typename T::value_type>>;
template <class T>
concept Map = requires {
  typename T::key_type;
  typename T::mapped_type;
  typename T::key_compare;
}
&&std::same_as<T, std::map<typename T::key_type, typename T::mapped_type, typename T::key_compare>>;

// The last enumerator of each enum the model holds: a larger value is not a
// snapshot. An enumerator added after these fails the round-trip tests of
// rulebook_snapshot_test.cpp only when a rulebook uses it, hence the version
// bump the comment of kVersion asks for.
constexpr auto last_enumerator(model::Jurisdiction) {
  return model::Jurisdiction::ee;
}
constexpr auto last_enumerator(core::Rounding) {
  return core::Rounding::down;
}
constexpr auto last_enumerator(model::BenefitKind) {
  return model::BenefitKind::free_shipping;
}
constexpr auto last_enumerator(model::Combinable::Kind) {
  return model::Combinable::Kind::list;
}
constexpr auto last_enumerator(model::Outcome) {
  return model::Outcome::review;
}
constexpr auto last_enumerator(model::HitPolicy) {
  return model::HitPolicy::unique;
}
constexpr auto last_enumerator(model::WindowFrom) {
  return model::WindowFrom::purchase;
}
constexpr auto last_enumerator(model::RefundBasis) {
  return model::RefundBasis::reprice;
}
constexpr auto last_enumerator(model::GestureKind) {
  return model::GestureKind::replacement;
}

// --- The members of each struct, once, for writing and reading -------------
// `io(a, b, ...)` writes or reads each in turn; `io.file_name` is the one
// special form (above).

template <class IO, Is<core::SourceRange> S>
void fields(IO& io, S& range) {
  io.file_name(range.file);
  io(range.line, range.column, range.end_line, range.end_column);
}
static_assert(
    sizeof(core::SourceRange) == 48,
    "core::SourceRange changed: list its new field in fields() below, then update this size");

template <class IO, LocatedValue S>
void fields(IO& io, S& located) {
  io(located.value, located.where);
}
static_assert(sizeof(core::Located<std::int64_t>) == 56,
              "core::Located changed: list its new field in fields() below, then update this size");

template <class IO, Is<core::Currency> S>
void fields(IO& io, S& currency) {
  io(currency.code, currency.minor_digits);
}
static_assert(
    sizeof(core::Currency) == 40,
    "core::Currency changed: list its new field in fields() below, then update this size");

template <class IO, Is<model::Text> S>
void fields(IO& io, S& text) {
  io(text.by_language, text.where);
}
static_assert(sizeof(model::Text) == 96,
              "model::Text changed: list its new field in fields() below, then update this size");

template <class IO, Is<model::Letter> S>
void fields(IO& io, S& letter) {
  io(letter.signature, letter.contact, letter.appeal);
}
static_assert(sizeof(model::Letter) == 288,
              "model::Letter changed: list its new field in fields() below, then update this size");

template <class IO, Is<model::Store::DisplayNames> S>
void fields(IO& io, S& names) {
  io(names.channel, names.category, names.segment);
}
static_assert(
    sizeof(model::Store::DisplayNames) == 144,
    "model::Store::DisplayNames changed: list its new field in fields() below, then update this size");

// `zone` is not written: it points into date's tz database, which only this
// process has; the caller finds it again from `timezone` (rulebook_loader).
template <class IO, Is<model::Store> S>
void fields(IO& io, S& store) {
  io(store.name, store.currency, store.timezone, store.channels, store.channels_loaded,
     store.distance_channels, store.jurisdiction, store.languages, store.rounding,
     store.late_code_days, store.letter, store.names, store.where);
}
static_assert(sizeof(model::Store) == 808,
              "model::Store changed: list its new field in fields() below, then update this size");

template <class IO, Is<model::Product> S>
void fields(IO& io, S& product) {
  io(product.sku, product.category, product.unit_price, product.final_sale, product.title,
     product.where);
}
static_assert(
    sizeof(model::Product) == 208,
    "model::Product changed: list its new field in fields() below, then update this size");

// The private index by sku is not written: it follows from `products`, and
// the reader rebuilds it as the loader does, once the products are in.
template <class IO, Is<model::Catalog> S>
void fields(IO& io, S& catalog) {
  io(catalog.categories, catalog.skus, catalog.products, catalog.products_file, catalog.where);
  if constexpr (!std::is_const_v<S>) catalog.index_products();
}
static_assert(
    sizeof(model::Catalog) == 272,
    "model::Catalog changed: list its new field in fields() below, then update this size");

template <class IO, Is<model::WrittenInstant> S>
void fields(IO& io, S& written) {
  io(written.instant, written.date_only, written.local, written.text, written.where);
}
static_assert(
    sizeof(model::WrittenInstant) == 96,
    "model::WrittenInstant changed: list its new field in fields() below, then update this size");

template <class IO, Is<model::ProductScope> S>
void fields(IO& io, S& scope) {
  io(scope.present, scope.categories, scope.skus, scope.exclude_categories, scope.exclude_skus,
     scope.where);
}
static_assert(
    sizeof(model::ProductScope) == 152,
    "model::ProductScope changed: list its new field in fields() below, then update this size");

template <class IO, Is<model::Tier> S>
void fields(IO& io, S& tier) {
  io(tier.min_subtotal, tier.is_percent, tier.percent, tier.amount, tier.where);
}
static_assert(sizeof(model::Tier) == 80,
              "model::Tier changed: list its new field in fields() below, then update this size");

template <class IO, Is<model::Benefit> S>
void fields(IO& io, S& benefit) {
  io(benefit.kind, benefit.percent, benefit.amount, benefit.buy, benefit.get, benefit.tiers,
     benefit.where);
}
static_assert(
    sizeof(model::Benefit) == 112,
    "model::Benefit changed: list its new field in fields() below, then update this size");

template <class IO, Is<model::Combinable> S>
void fields(IO& io, S& combinable) {
  io(combinable.kind, combinable.ids, combinable.where);
}
static_assert(
    sizeof(model::Combinable) == 80,
    "model::Combinable changed: list its new field in fields() below, then update this size");

template <class IO, Is<model::Allow> S>
void fields(IO& io, S& allow) {
  io(allow.reasons);
}
static_assert(sizeof(model::Allow) == 48,
              "model::Allow changed: list its new field in fields() below, then update this size");

template <class IO, Is<model::Promotion> S>
void fields(IO& io, S& promotion) {
  io(promotion.id, promotion.title, promotion.starts, promotion.ends, promotion.ends_written,
     promotion.channels, promotion.code, promotion.segments, promotion.first_order_only,
     promotion.products, promotion.min_subtotal, promotion.min_quantity, promotion.priority,
     promotion.combinable, promotion.limit_per_customer, promotion.max_discount, promotion.terms,
     promotion.allow, promotion.benefit, promotion.where);
}
static_assert(
    sizeof(model::Promotion) == 1352,
    "model::Promotion changed: list its new field in fields() below, then update this size");

template <class IO, Is<model::Range> S>
void fields(IO& io, S& range) {
  io(range.min, range.max, range.where);
}
static_assert(sizeof(model::Range) == 80,
              "model::Range changed: list its new field in fields() below, then update this size");

template <class IO, Is<model::When> S>
void fields(IO& io, S& when) {
  io(when.category, when.sku, when.channel, when.condition, when.reason, when.days,
     when.has_receipt, when.final_sale, when.unit_price, when.segment, when.returns_90d,
     when.where);
}
static_assert(sizeof(model::When) == 632,
              "model::When changed: list its new field in fields() below, then update this size");

template <class IO, Is<model::OutcomeSpec> S>
void fields(IO& io, S& spec) {
  io(spec.outcome, spec.because, spec.fee_percent, spec.refund_shipping, spec.cite, spec.where);
}
static_assert(
    sizeof(model::OutcomeSpec) == 320,
    "model::OutcomeSpec changed: list its new field in fields() below, then update this size");

template <class IO, Is<model::ReturnsRule> S>
void fields(IO& io, S& rule) {
  io(rule.id, rule.when, rule.outcome, rule.where);
}
static_assert(
    sizeof(model::ReturnsRule) == 1080,
    "model::ReturnsRule changed: list its new field in fields() below, then update this size");

template <class IO, Is<model::Exemption> S>
void fields(IO& io, S& exemption) {
  io(exemption.categories, exemption.conditions, exemption.basis, exemption.where);
}
static_assert(
    sizeof(model::Exemption) == 192,
    "model::Exemption changed: list its new field in fields() below, then update this size");

template <class IO, Is<model::Returns> S>
void fields(IO& io, S& returns) {
  io(returns.hit_policy, returns.window_from, returns.window_from_written, returns.refund_basis,
     returns.conditions, returns.reasons, returns.defect_reasons, returns.otherwise, returns.rules,
     returns.exemptions, returns.allow, returns.where);
}
static_assert(
    sizeof(model::Returns) == 696,
    "model::Returns changed: list its new field in fields() below, then update this size");

template <class IO, Is<model::Assert> S>
void fields(IO& io, S& assertion) {
  io(assertion.id, assertion.when, assertion.outcome_in, assertion.outcomes, assertion.because,
     assertion.where);
}
static_assert(sizeof(model::Assert) == 888,
              "model::Assert changed: list its new field in fields() below, then update this size");

template <class IO, Is<model::Goodwill> S>
void fields(IO& io, S& goodwill) {
  io(goodwill.id, goodwill.title, goodwill.text, goodwill.gesture, goodwill.percent,
     goodwill.voucher_days, goodwill.amount, goodwill.max_amount, goodwill.when,
     goodwill.outcome_in, goodwill.orders_before, goodwill.limit_per_customer, goodwill.period_days,
     goodwill.requires_note, goodwill.gesture_where, goodwill.where);
}
static_assert(
    sizeof(model::Goodwill) == 1352,
    "model::Goodwill changed: list its new field in fields() below, then update this size");

// `files` is not written: the cache keeps the files themselves (its key is
// their digest), and the caller puts them back.
template <class IO, Is<model::Rulebook> S>
void fields(IO& io, S& rulebook) {
  io(rulebook.version, rulebook.store, rulebook.catalog, rulebook.promotions, rulebook.returns,
     rulebook.asserts, rulebook.goodwill);
}
static_assert(
    sizeof(model::Rulebook) == 1952,
    "model::Rulebook changed: list its new field in fields() below, then update this size");

// --- Writing ----------------------------------------------------------------

std::uint64_t zigzag(std::int64_t value) {
  return (static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63);
}

std::int64_t unzigzag(std::uint64_t value) {
  return static_cast<std::int64_t>((value >> 1) ^ (~(value & 1) + 1));
}

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  template <class... T>
  void operator()(const T&... values) {
    (put(values), ...);
  }

  void file_name(const std::string& name) {
    auto known = file_index_.find(name);
    if (known != file_index_.end()) return varint(known->second);
    const std::uint64_t next = file_index_.size();
    varint(next);
    put(name);
    file_index_.emplace(name, next);
  }

 private:
  void varint(std::uint64_t value) {
    for (; value >= 0x80; value >>= 7) out_ += static_cast<char>(0x80 | (value & 0x7f));
    out_ += static_cast<char>(value);
  }

  template <class T>
  void put(const T& value) {
    if constexpr (std::is_same_v<T, bool>) {
      out_ += static_cast<char>(value ? 1 : 0);
    } else if constexpr (std::is_enum_v<T>) {
      varint(static_cast<std::uint64_t>(static_cast<std::underlying_type_t<T>>(value)));
    } else if constexpr (std::is_unsigned_v<T>) {
      varint(value);
    } else if constexpr (std::is_integral_v<T>) {
      varint(zigzag(value));
    } else if constexpr (std::is_same_v<T, std::string>) {
      varint(value.size());
      out_ += value;
    } else if constexpr (std::is_same_v<T, core::Instant>) {
      put(std::int64_t{value.time_since_epoch().count()});
    } else if constexpr (Optional<T>) {
      put(value.has_value());
      if (value) put(*value);
    } else if constexpr (Vector<T>) {
      varint(value.size());
      for (const auto& element : value) put(element);
    } else if constexpr (Map<T>) {
      varint(value.size());
      for (const auto& [key, mapped] : value) (put(key), put(mapped));
    } else {
      fields(*this, value);
    }
  }

  std::string& out_;
  std::map<std::string, std::uint64_t, std::less<>> file_index_;
};

// --- Reading ----------------------------------------------------------------

// Reads over the bytes; the first problem clears `ok` and empties what is
// left, so every later read fails at once and no loop runs on garbage.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}

  bool ok() const { return ok_; }
  bool at_end() const { return rest_.empty(); }

  template <class... T>
  void operator()(T&... values) {
    (get(values), ...);
  }

  void file_name(std::string& name) {
    const std::uint64_t index = varint();
    if (index < files_.size()) {
      name.assign(files_[index]);
      return;
    }
    if (index != files_.size()) return fail();
    std::string_view introduced = bytes(varint());
    // A name introduced twice would be written back as a reference.
    if (!ok_ || !seen_.insert(introduced).second) return fail();
    files_.push_back(introduced);
    name.assign(introduced);
  }

 private:
  void fail() {
    ok_ = false;
    rest_ = {};
  }

  std::uint64_t varint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64 && !rest_.empty(); shift += 7) {
      const auto byte = static_cast<std::uint8_t>(rest_.front());
      rest_.remove_prefix(1);
      // The tenth byte holds bit 63 only; a zero last byte is a longer form.
      if ((shift == 63 && byte > 1) || (byte == 0 && shift > 0)) break;
      value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    fail();
    return 0;
  }

  // A count of elements or bytes: each takes at least a byte, so a count
  // past what is left is refused before anything is allocated for it.
  std::size_t count() {
    const std::uint64_t n = varint();
    if (n > rest_.size()) fail();
    return ok_ ? static_cast<std::size_t>(n) : 0;
  }

  std::string_view bytes(std::uint64_t n) {
    if (!ok_ || n > rest_.size()) {
      fail();
      return {};
    }
    std::string_view out = rest_.substr(0, static_cast<std::size_t>(n));
    rest_.remove_prefix(static_cast<std::size_t>(n));
    return out;
  }

  template <class T>
  void integer(T& value) {
    if constexpr (std::is_unsigned_v<T>) {
      const std::uint64_t read = varint();
      if (read > std::numeric_limits<T>::max()) return fail();
      value = static_cast<T>(read);
    } else {
      const std::int64_t read = unzigzag(varint());
      if (read < std::numeric_limits<T>::min() || read > std::numeric_limits<T>::max())
        return fail();
      value = static_cast<T>(read);
    }
  }

  template <class T>
  void enumerator(T& value) {
    using Underlying = std::underlying_type_t<T>;
    const std::uint64_t read = varint();
    if (read > static_cast<std::uint64_t>(static_cast<Underlying>(last_enumerator(T{}))))
      return fail();
    value = static_cast<T>(static_cast<Underlying>(read));
  }

  template <class T>
  void get(T& value) {
    if constexpr (std::is_same_v<T, bool>) {
      const std::string_view byte = bytes(1);
      if (ok_ && byte[0] != 0 && byte[0] != 1) return fail();
      value = ok_ && byte[0] == 1;
    } else if constexpr (std::is_enum_v<T>) {
      enumerator(value);
    } else if constexpr (std::is_integral_v<T>) {
      integer(value);
    } else if constexpr (std::is_same_v<T, std::string>) {
      value.assign(bytes(count()));
    } else if constexpr (std::is_same_v<T, core::Instant>) {
      std::int64_t seconds = 0;
      integer(seconds);
      value = core::Instant(std::chrono::seconds(seconds));
    } else if constexpr (Optional<T>) {
      optional(value);
    } else if constexpr (Vector<T>) {
      vector(value);
    } else if constexpr (Map<T>) {
      map(value);
    } else {
      fields(*this, value);
    }
  }

  template <class T>
  void optional(std::optional<T>& value) {
    bool present = false;
    get(present);
    if (!present) return value.reset();
    get(value.emplace());
  }

  // Grown one element at a time rather than sized from the count: a count
  // is only bounded by the bytes left, and a hostile one times the size of
  // a model::Promotion would still be a large allocation.
  template <class T>
  void vector(std::vector<T>& value) {
    value.clear();
    const std::size_t n = count();
    for (std::size_t i = 0; i < n && ok_; ++i) get(value.emplace_back());
  }

  template <class K, class V, class C>
  void map(std::map<K, V, C>& value) {
    value.clear();
    const std::size_t n = count();
    for (std::size_t i = 0; i < n && ok_; ++i) {
      K key{};
      V mapped{};
      get(key);
      get(mapped);
      // Sorted and unique, as a map writes them: one encoding per map.
      if (!ok_ || (!value.empty() && !value.key_comp()(std::prev(value.end())->first, key)))
        return fail();
      value.emplace_hint(value.end(), std::move(key), std::move(mapped));
    }
  }

  std::string_view rest_;
  bool ok_ = true;
  std::vector<std::string_view> files_;  // into the snapshot's bytes
  std::set<std::string_view> seen_;
};

void append_u32(std::string& out, std::uint32_t value) {
  for (int byte = 0; byte < 4; ++byte) out += static_cast<char>((value >> (8 * byte)) & 0xff);
}

std::uint32_t read_u32(std::string_view bytes) {
  std::uint32_t value = 0;
  for (int byte = 0; byte < 4; ++byte)
    value |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(bytes[byte])) << (8 * byte);
  return value;
}

}  // namespace

std::string write_snapshot(const model::Rulebook& rulebook) {
  std::string out(kMagic);
  append_u32(out, kVersion);
  Writer writer(out);
  fields(writer, rulebook);
  return out;
}

bool read_snapshot(std::string_view bytes, model::Rulebook& rulebook) {
  if (!bytes.starts_with(kMagic)) return false;
  bytes.remove_prefix(kMagic.size());
  if (bytes.size() < 4 || read_u32(bytes) != kVersion) return false;
  Reader reader(bytes.substr(4));
  fields(reader, rulebook);
  return reader.ok() && reader.at_end();
}

}  // namespace fineprint::load

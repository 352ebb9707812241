// The claim format as data (docs/format.md §2): one table of keys per claim
// object, read by both claim readers (TOML for `resolve`, claim_loader.cpp;
// JSON Lines for `batch`, claim_json.cpp) and checked against
// schemas/claim.schema.json by a unit test. Each row says a key's name, the
// type of its value, when it is required, which claim kinds may carry it and
// where it goes in the model; unknown keys, missing keys and type errors come
// from these rows, so a new key is one new row (and its reading, if its type
// is new). The messages are claim_fields'.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/instant.hpp"
#include "model/claim.hpp"

namespace fineprint::load::claim_schema {

// What a key's value is, in both forms.
enum class Type {
  string,   // a string, read in NFC
  strings,  // an array of strings
  integer,  // a whole number (qty)
  count,    // a whole number 0..limits::kMaxCount (orders_before, returns_90d)
  boolean,  // true or false
  money,    // a decimal string or an integer (JSON: or an exact decimal number)
  instant,  // a date-time with an offset (TOML: or a local one, in the store zone)
  kind,     // "return" or "promotion": the claim's kind
  object,   // one table (`object` names it)
  objects,  // an array of tables, at least one (`object` names each)
  counts,   // an open table of name → count (customer.redemptions)
};

// When a key must be written.
enum class Required {
  never,
  always,
  in_return,                  // in a claim of kind "return"
  one_of_these_in_promotion,  // a claim of kind "promotion" has at least one of the keys so marked
  // The document's [order]: required unless the claim is a store return
  // without a receipt, which names its `channel` instead (issue 16). The
  // readers read it as optional; load::validate_claim decides.
  unless_no_receipt,
};

// Which claims may carry a key; any other kind is an error naming `why_not`.
// Such a key comes after the table's `kind` row (checked below).
enum class Kinds { any, return_only, promotion_only };

// The claim objects, each one table of fields below.
enum class Object { none, document, claim, item, order, line, customer, goodwill, grant };

// Where a value goes: a member of the object's model, or nothing when the
// reader places it itself (the kind, nested objects).
template <class M>
using Target =
    std::variant<std::monostate, std::string M::*, std::optional<std::string> M::*,
                 std::vector<std::string> M::*, std::int64_t M::*, std::optional<std::int64_t> M::*,
                 bool M::*, std::optional<bool> M::*, core::Instant M::*,
                 std::optional<core::Instant> M::*, std::map<std::string, std::int64_t> M::*>;

template <class M>
struct Field {
  std::string_view key;
  Type type;
  Required required = Required::never;
  Target<M> target = {};
  Object object = Object::none;  // the table (or each table) of an object / objects value
  Kinds kinds = Kinds::any;
  std::string_view why_not = {};  // why a claim of the other kind must not carry the key
  std::string_view element = {};  // objects: one element, in messages ("item", "line")
  // Set to true when the key is absent: a value the catalog's product may
  // supply (validate_claim), so the reader does not require it.
  bool M::*absent = nullptr;
};

using model::Claim;
using model::ClaimItem;
using model::Customer;
using model::GoodwillChoice;
using model::GoodwillGrant;
using model::Order;
using model::OrderLine;

// The whole claim: a TOML file, a JSON object. (A TOML policy test adds
// [expect], which is not part of a claim; `price` reads [order] without
// [claim].)
inline constexpr std::array<Field<Claim>, 4> kDocument{{
    {"claim", Type::object, Required::always, {}, Object::claim},
    {"order", Type::object, Required::unless_no_receipt, {}, Object::order},
    {"customer", Type::object, Required::never, {}, Object::customer},
    {"goodwill", Type::object, Required::never, {}, Object::goodwill},
}};

// [claim]
inline constexpr std::array<Field<Claim>, 8> kClaim{{
    {"id", Type::string, Required::always, &Claim::id},
    {"kind", Type::kind, Required::always},
    {"filed_at", Type::instant, Required::always, &Claim::filed_at},
    {"has_receipt", Type::boolean, Required::never, &Claim::has_receipt},
    // Only in a claim without [order] (validate_claim): the store channel.
    {"channel", Type::string, Required::never, &Claim::channel, Object::none, Kinds::return_only,
     "only a return can be made without an order"},
    {"promotion", Type::string, Required::one_of_these_in_promotion, &Claim::promotion,
     Object::none, Kinds::promotion_only, "only a claim of kind \"promotion\" names a promotion"},
    {"code", Type::string, Required::one_of_these_in_promotion, &Claim::code, Object::none,
     Kinds::promotion_only, "only a claim of kind \"promotion\" names a code"},
    {"items",
     Type::objects,
     Required::in_return,
     {},
     Object::item,
     Kinds::return_only,
     "a promotion claim returns nothing",
     "item"},
}};

// [[claim.items]]
inline constexpr std::array<Field<ClaimItem>, 4> kItem{{
    {"sku", Type::string, Required::always, &ClaimItem::sku},
    {"qty", Type::integer, Required::always, &ClaimItem::qty},
    {"condition", Type::string, Required::always, &ClaimItem::condition},
    {"reason", Type::string, Required::always, &ClaimItem::reason},
}};

// [order]
inline constexpr std::array<Field<Order>, 9> kOrder{{
    {"id", Type::string, Required::always, &Order::id},
    {"placed_at", Type::instant, Required::always, &Order::placed_at},
    {"delivered_at", Type::instant, Required::never, &Order::delivered_at},
    {"channel", Type::string, Required::always, &Order::channel},
    {"codes", Type::strings, Required::never, &Order::codes},
    {"shipping", Type::money, Required::never, &Order::shipping},
    {"shipping_paid", Type::money, Required::never, &Order::shipping_paid},
    {"discount_received", Type::money, Required::never, &Order::discount_received},
    {"lines", Type::objects, Required::always, {}, Object::line, Kinds::any, {}, "line"},
}};

// [[order.lines]]: category, unit_price and final_sale may be left to the
// catalog's product of the line's sku (issue 16).
inline constexpr std::array<Field<OrderLine>, 6> kLine{{
    {"sku", Type::string, Required::always, &OrderLine::sku},
    {.key = "category",
     .type = Type::string,
     .target = &OrderLine::category,
     .absent = &OrderLine::category_from_catalog},
    {"qty", Type::integer, Required::always, &OrderLine::qty},
    {.key = "unit_price",
     .type = Type::money,
     .target = &OrderLine::unit_price,
     .absent = &OrderLine::unit_price_from_catalog},
    {"paid", Type::money, Required::never, &OrderLine::paid},
    {.key = "final_sale",
     .type = Type::boolean,
     .target = &OrderLine::final_sale,
     .absent = &OrderLine::final_sale_from_catalog},
}};

// [customer]
inline constexpr std::array<Field<Customer>, 7> kCustomer{{
    {"id", Type::string, Required::never, &Customer::id},
    {"segments", Type::strings, Required::never, &Customer::segments},
    {"orders_before", Type::count, Required::never, &Customer::orders_before},
    {"returns_90d", Type::count, Required::never, &Customer::returns_90d},
    {"redemptions", Type::counts, Required::never, &Customer::redemptions},
    {"language", Type::string, Required::never, &Customer::language},
    {"goodwill", Type::objects, Required::never, {}, Object::grant, Kinds::any, {}, "grant"},
}};

// [[customer.goodwill]]: a gesture of goodwill granted before (issue 17).
inline constexpr std::array<Field<GoodwillGrant>, 2> kGrant{{
    {"id", Type::string, Required::always, &GoodwillGrant::id},
    {"at", Type::instant, Required::always, &GoodwillGrant::at},
}};

// [goodwill]: the gesture the agent chose for this claim (issue 17).
inline constexpr std::array<Field<GoodwillChoice>, 2> kGoodwill{{
    {"id", Type::string, Required::always, &GoodwillChoice::id},
    {"note", Type::string, Required::never, &GoodwillChoice::note},
}};

// May a claim of `kind` carry the key?
constexpr bool allowed(Kinds kinds, model::ClaimKind kind) {
  if (kinds == Kinds::return_only) return kind == model::ClaimKind::return_claim;
  if (kinds == Kinds::promotion_only) return kind == model::ClaimKind::promotion_claim;
  return true;
}

namespace detail {

template <class T>
struct member_value;
template <class T, class M>
struct member_value<T M::*> {
  using type = T;
};

template <class V, class T>
constexpr bool holds = std::is_same_v<V, T> || std::is_same_v<V, std::optional<T>>;

// The row's target can hold a value of its type (and has one unless the
// reader places the value itself); nested objects name their table.
template <class M>
constexpr bool consistent(const Field<M>& field) {
  bool nested = field.type == Type::object || field.type == Type::objects;
  if (nested != (field.object != Object::none)) return false;
  if ((field.kinds != Kinds::any) == field.why_not.empty()) return false;
  if ((field.type == Type::objects) == field.element.empty()) return false;
  return std::visit(
      [&](auto member) {
        using Member = decltype(member);
        if constexpr (std::is_same_v<Member, std::monostate>) {
          return field.type == Type::kind || nested;
        } else {
          using V = typename member_value<Member>::type;
          switch (field.type) {
            case Type::string:
              return holds<V, std::string>;
            case Type::strings:
              return std::is_same_v<V, std::vector<std::string>>;
            case Type::integer:
            case Type::count:
            case Type::money:
              return holds<V, std::int64_t>;
            case Type::boolean:
              return holds<V, bool>;
            case Type::instant:
              return holds<V, core::Instant>;
            case Type::counts:
              return std::is_same_v<V, std::map<std::string, std::int64_t>>;
            case Type::kind:
            case Type::object:
            case Type::objects:
              return false;
          }
          return false;
        }
      },
      field.target);
}

// Every row consistent, and the kind read before any key that depends on it.
template <class M, std::size_t N>
constexpr bool consistent(const std::array<Field<M>, N>& table) {
  bool kind_read = false;
  for (const Field<M>& field : table) {
    if (!consistent(field)) return false;
    if (field.kinds != Kinds::any && !kind_read) return false;
    kind_read = kind_read || field.type == Type::kind;
  }
  return true;
}

}  // namespace detail

static_assert(detail::consistent(kDocument) && detail::consistent(kClaim) &&
              detail::consistent(kItem) && detail::consistent(kOrder) &&
              detail::consistent(kLine) && detail::consistent(kCustomer) &&
              detail::consistent(kGrant) && detail::consistent(kGoodwill));

// Marks the keys of `table` that `written` says are absent, where a row
// asks for it (Field::absent).
template <class M, std::size_t N, class Written>
void mark_absent(const std::array<Field<M>, N>& table, M& model, Written written) {
  for (std::size_t i = 0; i < N; ++i)
    if (table[i].absent && !written(i)) model.*table[i].absent = true;
}

// Stores `value` where `field` says; the reader has checked that the value
// is of the field's type.
template <class M, class T>
void assign(const Field<M>& field, M& model, T&& value) {
  std::visit(
      [&](auto member) {
        using Member = decltype(member);
        if constexpr (!std::is_same_v<Member, std::monostate>) {
          using Value = std::remove_cvref_t<decltype(model.*member)>;
          if constexpr (std::is_same_v<Value, std::remove_cvref_t<T>> ||
                        std::is_same_v<Value, std::optional<std::remove_cvref_t<T>>>)
            model.*member = std::forward<T>(value);
        }
      },
      field.target);
}

}  // namespace fineprint::load::claim_schema

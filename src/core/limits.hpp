// The bounds on what fineprint reads (docs/limits.md): file size, line
// length, nesting, claim size, quantities, money, counts, days and years.
// Each is checked where the value is read, so past the readers every number
// is small enough that no sum or product the engine forms can overflow.
#pragma once

#include <cstddef>
#include <cstdint>

namespace fineprint::core::limits {

// Any TOML file fineprint reads (rulebook file, claim, policy test). A real
// rulebook is kilobytes (the 10,000-promotion benchmark is about 2.5 MB); the
// bound keeps a stray log file or an endless pipe from being read whole: the
// reader stops after kMaxFileBytes + 1 bytes.
constexpr std::size_t kMaxFileBytes = std::size_t{16} * 1024 * 1024;

// One line of a TOML file, in bytes (without its line end). Bounds what one
// key or value can be, and with it how many parts a dotted key can have.
constexpr std::size_t kMaxLineBytes = 65'536;

// One line of `batch`'s JSON Lines input, in bytes (without its line end):
// one claim, held to the same bound as a TOML claim file. A longer line is
// refused as soon as it passes the bound and the rest of it is skipped
// unread into memory, so a line (or a stream without line ends, /dev/zero)
// costs at most this much memory, never its length.
constexpr std::size_t kMaxJsonLineBytes = kMaxFileBytes;

// Nesting: tables, arrays and objects below the top level (the TOML document,
// the JSON claim object). The deepest key fineprint knows is 5 levels down
// (`returns.rule[].when.days.min`), so any bound far above that rejects
// nothing real.
//
// TOML: toml++ caps the nesting inside one value (inline arrays and tables)
// at 256 (TOML_MAX_NESTED_VALUES) and reports it as a parse error. It does
// not cap the tables that dotted keys and headers make (`a.a.a.… = 1`): a
// 64 KiB line holds a 32,768-part key, and destroying a tree that deep
// overflows the stack (it crashes from about 30,000 levels). fineprint
// checks the whole tree's depth before parsing, at a bound above toml++'s
// own so that toml++ keeps reporting deep values as it always has.
constexpr std::size_t kMaxTomlNesting = 1'000;
// JSON (batch claims): simdjson On Demand does not enforce a depth and the
// claim reader never recurses into a value it does not know, so depth is no
// danger there; the bound makes absurd lines an error like any other.
constexpr std::size_t kMaxJsonNesting = 64;

// Order lines and returned items in one claim.
constexpr std::size_t kMaxOrderLines = 500;
constexpr std::size_t kMaxClaimItems = 500;
// Gestures of goodwill granted before, in one claim's `customer.goodwill`
// (each is counted against every [[goodwill]] with a limit).
constexpr std::size_t kMaxGoodwillGrants = 500;

// `qty` of an order line or of a returned item: 1..kMaxQty.
constexpr std::int64_t kMaxQty = 10'000;

// Every money value read, rulebook or claim, in minor units: |value| ≤ 10^12
// (ten billion euros). Why this is enough: the largest sum the engine forms
// is an order's list total, at most 500 lines × 10,000 units × 10^12 =
// 5 × 10^18 (plus shipping, ≤ 10^12), below 2^63 ≈ 9.22 × 10^18; products
// with a percent are computed in 128 bits. So no valid input can overflow,
// and the engine's checked arithmetic (engine/checked.hpp) stays as a
// second guard.
constexpr std::int64_t kMaxMoney = 1'000'000'000'000;

// Counts: a customer's orders_before, returns_90d and redemptions; a
// promotion's min_quantity, limit_per_customer, buy and get; the bounds of a
// `returns_90d` range. Compared or added a few at a time, never multiplied
// by money, so a million is far from any overflow and above any real count.
constexpr std::int64_t kMaxCount = 1'000'000;

// A promotion's `priority` lies in [-kMaxPriority, kMaxPriority]; it is only
// compared, the bound keeps it a number a person wrote on purpose.
constexpr std::int64_t kMaxPriority = 1'000'000;

// Day counts written in a rulebook (`days` ranges, `late_code_days`): at most
// 100 years. Days between two instants of allowed years fit easily.
constexpr std::int64_t kMaxDays = 36'500;

// The calendar year of every instant and date read (as written, before any
// offset is applied). Keeps day counting and the tz database on dates that
// mean something; 0000-01-01 or 9999-12-31 is a typo, not a promise.
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2999;

}  // namespace fineprint::core::limits

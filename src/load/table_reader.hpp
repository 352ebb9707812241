// Strict, typed reading of one TOML table: every key read is declared, every
// value typed, every problem a diagnostic pointing at the key. `finish()`
// reports the keys nobody asked for, with did-you-mean.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include "core/diagnostic.hpp"
#include "core/instant.hpp"
#include "core/money.hpp"
#include "model/rulebook.hpp"

namespace fineprint::load {

enum class Need { optional, required };

// How a bare date is read when it is an instant: the start of that day, or
// (closing a window) the start of the next day. `forbidden` rejects dates.
enum class DateMeaning { start_of_day, start_of_next_day, forbidden };

// Appends one diagnostic of `rule`, with the registry's severity for the
// loader's rules (load_rules.hpp) and `error` for the claim readers' own.
void add_error(core::Diagnostics& out, std::string rule, std::string message,
               core::SourceRange where, std::string help = {});

class TableReader {
 public:
  // `context` names the table in messages ("[store]", "promotion WINTER20").
  TableReader(const toml::table& table, std::string context, core::Diagnostics& out);

  const toml::table& table() const { return table_; }
  const std::string& context() const { return context_; }
  core::Diagnostics& out() { return out_; }
  core::SourceRange table_where() const;
  // Key start to value end; the table itself when the key is absent.
  core::SourceRange where(std::string_view key) const;
  core::SourceRange key_where(std::string_view key) const;

  // Declares `key` and returns its node (nullptr when absent; reports a
  // missing required key).
  const toml::node* take(std::string_view key, Need need = Need::optional);
  void missing(std::string_view key);
  void wrong_type(std::string_view key, std::string_view expected, const toml::node& got);
  // False (and an error naming docs/limits.md) when `value` of `key` is above
  // `max`; `unit` follows the number in the message (" days").
  bool at_most(std::string_view key, const core::Located<std::int64_t>& value, std::int64_t max,
               std::string_view unit = {});
  // An integer 1..max (an error for 0 or less, or above `max`; nullopt then).
  std::optional<core::Located<std::int64_t>> positive(std::string_view key, std::int64_t max,
                                                      std::string_view unit = {},
                                                      Need need = Need::optional);

  std::optional<core::Located<std::string>> string(std::string_view key,
                                                   Need need = Need::optional);
  std::optional<core::Located<std::int64_t>> integer(std::string_view key,
                                                     Need need = Need::optional);
  std::optional<core::Located<bool>> boolean(std::string_view key, Need need = Need::optional);
  std::optional<model::Names> strings(std::string_view key, Need need = Need::optional);
  const toml::table* table(std::string_view key, Need need = Need::optional);
  const toml::array* array(std::string_view key, Need need = Need::optional);
  // Array of tables (`[[x]]` or an inline array of inline tables).
  std::vector<const toml::table*> tables(std::string_view key, Need need = Need::optional);

  std::optional<core::Located<core::Minor>> money(std::string_view key, int minor_digits,
                                                  Need need = Need::optional);
  std::optional<core::Located<core::BasisPoints>> percent(std::string_view key,
                                                          Need need = Need::optional);
  // Bounds are never negative, and at most `max` (docs/limits.md).
  std::optional<model::Range> integer_range(std::string_view key, std::int64_t max);
  std::optional<model::Range> money_range(std::string_view key, int minor_digits);
  // zone may be null (the zone failed to load): then only offset instants resolve.
  std::optional<model::WrittenInstant> instant(std::string_view key, core::Zone zone,
                                               DateMeaning dates, Need need = Need::optional);

  // Reports every key not taken, with did-you-mean among the taken ones.
  void finish();

 private:
  std::optional<model::Range> range(std::string_view key, bool money, int minor_digits,
                                    std::int64_t max);

  const toml::table& table_;
  std::string context_;
  core::Diagnostics& out_;
  std::vector<std::string> known_;
};

// Value readers shared by table keys and array elements. Money is at most
// limits::kMaxMoney minor units.
std::string toml_type_name(const toml::node& node);
core::Result<core::Minor> read_money(const toml::node& node, int minor_digits);
core::Result<core::BasisPoints> read_percent(const toml::node& node);

// True when an instant's calendar year (as written) is within
// limits::kMinYear..kMaxYear; the message for one that is not, with `where`
// naming the key and `written` the value.
bool year_allowed(int year);
std::string year_message(std::string_view where, std::string_view written, int year);

}  // namespace fineprint::load

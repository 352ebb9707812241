#include "load/table_reader.hpp"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/did_you_mean.hpp"
#include "core/limits.hpp"
#include "core/unicode.hpp"
#include "load/load_rules.hpp"
#include "load/toml_document.hpp"

namespace fineprint::load {

using core::Located;
using core::SourceRange;

void add_error(core::Diagnostics& out, std::string rule, std::string message, SourceRange where,
               std::string help) {
  // A message quoting a 10 MB value helps nobody: keep its ends.
  constexpr std::size_t kMaxMessage = 400;
  if (message.size() > kMaxMessage) {
    // Cut on UTF-8 character boundaries so the message stays valid text.
    auto boundary = [&](std::size_t at) {
      while (at < message.size() && (static_cast<unsigned char>(message[at]) & 0xC0) == 0x80) ++at;
      return at;
    };
    std::size_t head = boundary(kMaxMessage / 2);
    std::size_t tail = boundary(message.size() - kMaxMessage / 2);
    message = fmt::format("{}…({} bytes left out)…{}", message.substr(0, head), tail - head,
                          message.substr(tail));
  }
  // A loader rule's finding is built like every other finding, from its
  // Rule (the registry's severity); the claim readers' claim/* errors are
  // not lint rules, and are errors.
  if (const lint::Rule* described = loader_rule(rule)) {
    out.push_back(lint::finding(*described, std::move(message), std::move(where), std::move(help)));
    return;
  }
  core::Diagnostic diagnostic;
  diagnostic.severity = core::Severity::error;
  diagnostic.rule = std::move(rule);
  diagnostic.message = std::move(message);
  diagnostic.where = std::move(where);
  diagnostic.help = std::move(help);
  out.push_back(std::move(diagnostic));
}

std::string toml_type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a float";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::table:
      return "a table";
    default:
      return "nothing";
  }
}

core::Result<core::Minor> read_money(const toml::node& node, int minor_digits) {
  if (node.is_floating_point())
    return core::Error{
        "money/float",
        fmt::format(
            "{} is a TOML float, which is not exact; write money as a string, e.g. \"{:.{}f}\"",
            *node.value<double>(), *node.value<double>(), minor_digits)};
  if (auto whole = node.value_exact<std::int64_t>())
    return core::bounded_money_from_units(*whole, minor_digits);
  if (auto text = node.value_exact<std::string>())
    return core::parse_bounded_money(*text, minor_digits);
  return core::Error{"schema/wrong-type",
                     fmt::format("expected money (a string like \"39.90\" or an integer), found {}",
                                 toml_type_name(node))};
}

core::Result<core::BasisPoints> read_percent(const toml::node& node) {
  core::Result<core::BasisPoints> parsed = core::Error{};
  if (node.is_floating_point()) {
    return core::Error{
        "money/float",
        fmt::format(
            "{} is a TOML float, which is not exact; write a percent as an integer or a string like \"12.5\"",
            *node.value<double>())};
  } else if (auto whole = node.value_exact<std::int64_t>()) {
    parsed = core::percent_from_integer(*whole);
  } else if (auto text = node.value_exact<std::string>()) {
    // "-5" is a percent out of range, not a malformed one.
    bool negative = !text->empty() && (*text)[0] == '-';
    parsed = core::parse_percent(negative ? text->substr(1) : *text);
    if (parsed && negative)
      return core::Error{"money/percent-range",
                         fmt::format("percent {} is outside (0, 100]", *text)};
  } else {
    return core::Error{
        "schema/wrong-type",
        fmt::format("expected a percent (an integer or a string like \"12.5\"), found {}",
                    toml_type_name(node))};
  }
  if (!parsed) return parsed;
  if (*parsed <= 0 || *parsed > core::kHundredPercent)
    return core::Error{"money/percent-range", fmt::format("percent {} is outside (0, 100]",
                                                          core::format_percent(*parsed))};
  return parsed;
}

bool year_allowed(int year) {
  return year >= core::limits::kMinYear && year <= core::limits::kMaxYear;
}

std::string year_message(std::string_view where, std::string_view written, int year) {
  return fmt::format("{} is {}, in the year {}; fineprint reads years {} to {} (docs/limits.md)",
                     where, written, year, core::limits::kMinYear, core::limits::kMaxYear);
}

TableReader::TableReader(const toml::table& table, std::string context, core::Diagnostics& out)
    : table_(table), context_(std::move(context)), out_(out) {}

SourceRange TableReader::table_where() const {
  return range_of(table_.source());
}

SourceRange TableReader::key_where(std::string_view key) const {
  auto it = table_.find(key);
  if (it == table_.end()) return table_where();
  return range_of(it->first.source());
}

SourceRange TableReader::where(std::string_view key) const {
  auto it = table_.find(key);
  if (it == table_.end()) return table_where();
  SourceRange range = range_of(it->first.source());
  SourceRange value = range_of(it->second.source());
  if (value.known() &&
      (value.line > range.line || (value.line == range.line && value.column >= range.column))) {
    range.end_line = value.end_line;
    range.end_column = value.end_column;
  }
  if (!range.known()) return value;
  return range;
}

const toml::node* TableReader::take(std::string_view key, Need need) {
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.emplace_back(key);
  const toml::node* node = table_.get(key);
  if (!node && need == Need::required) missing(key);
  return node;
}

void TableReader::missing(std::string_view key) {
  add_error(out_, "schema/missing-key",
            fmt::format("{} is missing the required key `{}`", context_, key), table_where());
}

void TableReader::wrong_type(std::string_view key, std::string_view expected,
                             const toml::node& got) {
  add_error(
      out_, "schema/wrong-type",
      fmt::format("`{}` in {} must be {}, found {}", key, context_, expected, toml_type_name(got)),
      where(key));
}

bool TableReader::at_most(std::string_view key, const Located<std::int64_t>& value,
                          std::int64_t max, std::string_view unit) {
  if (value.value <= max) return true;
  add_error(out_, "schema/wrong-type",
            fmt::format("`{}` in {} is {}; at most {}{} (docs/limits.md)", key, context_,
                        value.value, max, unit),
            value.where);
  return false;
}

std::optional<Located<std::int64_t>> TableReader::positive(std::string_view key, std::int64_t max,
                                                           std::string_view unit, Need need) {
  auto value = integer(key, need);
  if (!value) return std::nullopt;
  if (value->value < 1) {
    add_error(out_, "schema/wrong-type",
              fmt::format("`{}` in {} must be 1 or more, found {}", key, context_, value->value),
              value->where);
    return std::nullopt;
  }
  if (!at_most(key, *value, max, unit)) return std::nullopt;
  return value;
}

std::optional<Located<std::string>> TableReader::string(std::string_view key, Need need) {
  const toml::node* node = take(key, need);
  if (!node) return std::nullopt;
  // Every string is read in NFC (core/unicode.hpp), so a name means the same
  // however its accents were typed.
  if (auto text = node->value_exact<std::string>())
    return Located<std::string>{core::to_nfc(*text), where(key)};
  wrong_type(key, "a string", *node);
  return std::nullopt;
}

std::optional<Located<std::int64_t>> TableReader::integer(std::string_view key, Need need) {
  const toml::node* node = take(key, need);
  if (!node) return std::nullopt;
  if (auto value = node->value_exact<std::int64_t>())
    return Located<std::int64_t>{*value, where(key)};
  wrong_type(key, "an integer", *node);
  return std::nullopt;
}

std::optional<Located<bool>> TableReader::boolean(std::string_view key, Need need) {
  const toml::node* node = take(key, need);
  if (!node) return std::nullopt;
  if (auto value = node->value_exact<bool>()) return Located<bool>{*value, where(key)};
  wrong_type(key, "true or false", *node);
  return std::nullopt;
}

std::optional<model::Names> TableReader::strings(std::string_view key, Need need) {
  const toml::node* node = take(key, need);
  if (!node) return std::nullopt;
  const toml::array* items = node->as_array();
  if (!items) {
    wrong_type(key, "an array of strings", *node);
    return std::nullopt;
  }
  model::Names names;
  bool ok = true;
  for (const toml::node& item : *items) {
    if (auto text = item.value_exact<std::string>()) {
      names.push_back({core::to_nfc(*text), range_of(item.source())});
    } else {
      add_error(out_, "schema/wrong-type",
                fmt::format("`{}` in {} must hold only strings, found {}", key, context_,
                            toml_type_name(item)),
                range_of(item.source()));
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return names;
}

const toml::table* TableReader::table(std::string_view key, Need need) {
  const toml::node* node = take(key, need);
  if (!node) return nullptr;
  if (const toml::table* value = node->as_table()) return value;
  wrong_type(key, "a table", *node);
  return nullptr;
}

const toml::array* TableReader::array(std::string_view key, Need need) {
  const toml::node* node = take(key, need);
  if (!node) return nullptr;
  if (const toml::array* value = node->as_array()) return value;
  wrong_type(key, "an array", *node);
  return nullptr;
}

std::vector<const toml::table*> TableReader::tables(std::string_view key, Need need) {
  std::vector<const toml::table*> out;
  const toml::node* node = take(key, need);
  if (!node) return out;
  const toml::array* items = node->as_array();
  if (!items) {
    wrong_type(key, "an array of tables", *node);
    return out;
  }
  for (const toml::node& item : *items) {
    if (const toml::table* value = item.as_table()) {
      out.push_back(value);
    } else {
      add_error(out_, "schema/wrong-type",
                fmt::format("`{}` in {} must hold only tables, found {}", key, context_,
                            toml_type_name(item)),
                range_of(item.source()));
    }
  }
  return out;
}

std::optional<Located<core::Minor>> TableReader::money(std::string_view key, int minor_digits,
                                                       Need need) {
  const toml::node* node = take(key, need);
  if (!node) return std::nullopt;
  auto value = read_money(*node, minor_digits);
  if (!value) {
    add_error(out_, value.error().rule,
              fmt::format("`{}` in {}: {}", key, context_, value.error().message), where(key));
    return std::nullopt;
  }
  return Located<core::Minor>{*value, where(key)};
}

std::optional<Located<core::BasisPoints>> TableReader::percent(std::string_view key, Need need) {
  const toml::node* node = take(key, need);
  if (!node) return std::nullopt;
  auto value = read_percent(*node);
  if (!value) {
    add_error(out_, value.error().rule,
              fmt::format("`{}` in {}: {}", key, context_, value.error().message), where(key));
    return std::nullopt;
  }
  return Located<core::BasisPoints>{*value, where(key)};
}

std::optional<model::Range> TableReader::integer_range(std::string_view key, std::int64_t max) {
  return range(key, false, 0, max);
}

std::optional<model::Range> TableReader::money_range(std::string_view key, int minor_digits) {
  return range(key, true, minor_digits, core::limits::kMaxMoney);
}

std::optional<model::Range> TableReader::range(std::string_view key, bool money, int minor_digits,
                                               std::int64_t max) {
  const toml::table* bounds = table(key);
  if (!bounds) return std::nullopt;
  TableReader inner(*bounds, fmt::format("`{}` of {}", key, context_), out_);
  model::Range result;
  result.where = where(key);
  std::size_t errors = out_.size();
  if (money) {
    if (auto min = inner.money("min", minor_digits)) result.min = min->value;
    if (auto max = inner.money("max", minor_digits)) result.max = max->value;
  } else {
    auto check = [&](std::string_view bound) -> std::optional<std::int64_t> {
      auto value = inner.integer(bound);
      if (value && value->value < 0) {
        add_error(out_, "schema/wrong-type",
                  fmt::format("`{}.{}` in {} must not be negative, found {}", key, bound, context_,
                              value->value),
                  value->where);
        return std::nullopt;
      }
      if (value && !inner.at_most(bound, *value, max)) return std::nullopt;
      return value ? std::optional<std::int64_t>(value->value) : std::nullopt;
    };
    result.min = check("min");
    result.max = check("max");
  }
  inner.finish();
  if (out_.size() != errors) return std::nullopt;
  if (result.min && result.max && *result.min > *result.max) {
    add_error(
        out_, "schema/wrong-type",
        fmt::format("`{}` in {} has min {} above max {}", key, context_, *result.min, *result.max),
        result.where);
    return std::nullopt;
  }
  return result;
}

namespace {

core::LocalTime local_of(const toml::date& d, const toml::time& t) {
  date::year_month_day ymd{date::year{d.year}, date::month{d.month}, date::day{d.day}};
  return core::LocalTime{date::local_days{ymd}} + std::chrono::hours{t.hour} +
         std::chrono::minutes{t.minute} + std::chrono::seconds{t.second};
}

// The value as TOML writes it, for the messages.
std::string text_of(const toml::node& n) {
  std::ostringstream os;
  if (auto* dt = n.as_date_time()) os << *dt;
  if (auto* d = n.as_date()) os << *d;
  return os.str();
}

// What every step of reading an instant needs to report an error.
struct InstantSite {
  core::Diagnostics& out;
  std::string_view key;
  const std::string& context;
};

// Years as written, before any offset: limits.hpp says why.
bool year_ok(const InstantSite& site, const model::WrittenInstant& written, const toml::date& d) {
  if (year_allowed(d.year)) return true;
  add_error(site.out, "schema/wrong-type",
            year_message(fmt::format("`{}` in {}", site.key, site.context), written.text, d.year),
            written.where);
  return false;
}

// A local date-time in the store's zone: one that the clocks skip or show
// twice is an error, since no single instant is meant.
std::optional<model::WrittenInstant> resolve_local_date_time(const InstantSite& site,
                                                             core::Zone zone, core::LocalTime local,
                                                             model::WrittenInstant written) {
  auto resolved = core::resolve_local(zone, local);
  if (resolved.kind == core::LocalKind::nonexistent) {
    add_error(
        site.out, "time/nonexistent-local-time",
        fmt::format("`{}` {} does not exist in {}: at {} the clocks jump from {} to {}", site.key,
                    written.text, zone->name(), core::format_instant(zone, resolved.first),
                    core::format_local(zone->to_local(resolved.first - std::chrono::seconds{1}) +
                                       std::chrono::seconds{1})
                        .substr(11, 5),
                    core::format_local(zone->to_local(resolved.first)).substr(11, 5)),
        written.where, "write the instant with an explicit UTC offset");
    return std::nullopt;
  }
  if (resolved.kind == core::LocalKind::ambiguous) {
    add_error(site.out, "time/ambiguous-local-time",
              fmt::format("`{}` {} happens twice in {}: as {} and as {}", site.key, written.text,
                          zone->name(), core::format_instant(zone, resolved.first),
                          core::format_instant(zone, resolved.second)),
              written.where,
              "write the instant with an explicit UTC offset to say which one is meant");
    return std::nullopt;
  }
  written.instant = resolved.instant;
  return written;
}

// A TOML date-time: whole seconds, with its offset or else in the store's zone.
std::optional<model::WrittenInstant> read_date_time(const InstantSite& site, const toml::node& node,
                                                    const toml::date_time& dt, core::Zone zone,
                                                    model::WrittenInstant written) {
  written.text = text_of(node);
  if (!year_ok(site, written, dt.date)) return std::nullopt;
  if (dt.time.nanosecond != 0) {
    add_error(site.out, "schema/wrong-type",
              fmt::format("`{}` in {} has fractional seconds ({}); instants are whole seconds",
                          site.key, site.context, written.text),
              written.where);
    return std::nullopt;
  }
  core::LocalTime local = local_of(dt.date, dt.time);
  if (dt.offset) {
    written.instant = core::instant_from_offset(local, dt.offset->minutes);
    return written;
  }
  written.local = true;
  if (!zone) return std::nullopt;  // the zone error is reported at store.timezone
  return resolve_local_date_time(site, zone, local, std::move(written));
}

// A bare TOML date: the start of that day (or of the next) in the store's
// zone, where the key allows a date at all.
std::optional<model::WrittenInstant> read_date(const InstantSite& site, const toml::node& node,
                                               const toml::date& d, core::Zone zone,
                                               DateMeaning dates, model::WrittenInstant written) {
  written.text = text_of(node);
  if (dates == DateMeaning::forbidden) {
    add_error(site.out, "schema/wrong-type",
              fmt::format("`{}` in {} must be a date-time, found the bare date {}", site.key,
                          site.context, written.text),
              written.where);
    return std::nullopt;
  }
  if (!year_ok(site, written, d)) return std::nullopt;
  written.date_only = true;
  written.local = true;
  if (!zone) return std::nullopt;
  date::local_days day{
      date::year_month_day{date::year{d.year}, date::month{d.month}, date::day{d.day}}};
  if (dates == DateMeaning::start_of_next_day) day += date::days{1};
  // The start of a local day is its first existing instant: after a gap at
  // midnight that is the gap's end; at an overlap, the earlier reading.
  auto resolved = core::resolve_local(zone, core::LocalTime{day});
  written.instant = resolved.kind == core::LocalKind::unique      ? resolved.instant
                    : resolved.kind == core::LocalKind::ambiguous ? resolved.first
                                                                  : resolved.second;
  return written;
}

}  // namespace

std::optional<model::WrittenInstant> TableReader::instant(std::string_view key, core::Zone zone,
                                                          DateMeaning dates, Need need) {
  const toml::node* node = take(key, need);
  if (!node) return std::nullopt;
  model::WrittenInstant written;
  written.where = where(key);
  InstantSite site{out_, key, context_};
  if (const auto* value = node->as_date_time())
    return read_date_time(site, *node, value->get(), zone, std::move(written));
  if (const auto* value = node->as_date())
    return read_date(site, *node, value->get(), zone, dates, std::move(written));
  if (node->is_time()) {
    add_error(
        out_, "schema/wrong-type",
        fmt::format("`{}` in {} is a bare local time; write a date or a date-time", key, context_),
        written.where);
    return std::nullopt;
  }
  wrong_type(key, "a date or date-time", *node);
  return std::nullopt;
}

void TableReader::finish() {
  for (auto&& [key, value] : table_) {
    std::string name(key.str());
    if (std::find(known_.begin(), known_.end(), name) != known_.end()) continue;
    auto suggestion = core::did_you_mean(name, known_);
    std::string message = fmt::format("unknown key `{}` in {}", name, context_);
    if (suggestion) message += fmt::format("; did you mean `{}`?", *suggestion);
    add_error(out_, "schema/unknown-key", std::move(message), range_of(key.source()),
              suggestion ? std::string{} : fmt::format("known keys: {}", fmt::join(known_, ", ")));
  }
}

}  // namespace fineprint::load

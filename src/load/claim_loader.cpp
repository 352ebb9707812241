#include "load/claim_loader.hpp"

#include <array>
#include <map>
#include <vector>

#include <fmt/format.h>

#include "core/unicode.hpp"
#include "load/claim_fields.hpp"
#include "load/claim_schema.hpp"
#include "load/table_reader.hpp"
#include "load/toml_document.hpp"

namespace fineprint::load {

namespace {

using core::SourceRange;

using claim_schema::Field;
using claim_schema::Object;
using claim_schema::Required;
using claim_schema::Type;

// Reads a non-negative integer; a negative one is a schema/wrong-type error.
std::optional<std::int64_t> count(TableReader& reader, std::string_view key,
                                  Need need = Need::optional) {
  auto value = reader.integer(key, need);
  if (!value) return std::nullopt;
  auto checked =
      claim_fields::count(value->value, fmt::format("`{}` in {}", key, reader.context()));
  if (!checked) {
    add_error(reader.out(), checked.error().rule, checked.error().message, value->where);
    return std::nullopt;
  }
  return *checked;
}

class ClaimFileReader {
 public:
  ClaimFileReader(const model::Rulebook& rulebook, LoadedClaim& out, ClaimPlaces& places)
      : rulebook_(rulebook),
        out_(out),
        places_(places),
        digits_(rulebook.store.currency.minor_digits) {}

  void read(const toml::table& root, const ClaimLoadOptions& options) {
    TableReader top(root, "the claim file", out_.diagnostics);
    const auto& document = claim_schema::kDocument;
    std::array<const toml::table*, document.size()> tables{};
    for (std::size_t i = 0; i < document.size(); ++i) {
      const Field<model::Claim>& field = document[i];
      // `price` reads an order alone.
      // [order] may be left out only by a claim (a store return without a
      // receipt, which validate_claim checks); `price` and a file without
      // [claim] need it.
      bool required = (field.required == Required::always &&
                       !(options.order_only && field.object == Object::claim)) ||
                      (field.required == Required::unless_no_receipt &&
                       (options.order_only || !out_.has_claim));
      tables[i] = top.table(field.key, required ? Need::required : Need::optional);
      if (field.object == Object::claim) out_.has_claim = tables[i] != nullptr;
      if (field.object == Object::order) out_.claim.has_order = tables[i] != nullptr;
    }
    const toml::table* expect = options.allow_expect ? top.table("expect") : nullptr;
    top.finish();
    for (std::size_t i = 0; i < document.size(); ++i)
      if (tables[i]) read_object(document[i].object, *tables[i], document[i].key, 0);
    if (expect) read_expect(*expect);
  }

 private:
  // The claim objects (claim_schema::Object): `path` is the object's key
  // path, `n` its 1-based position in an array of tables (0: none).
  void read_object(Object which, const toml::table& table, std::string_view path, std::size_t n) {
    std::string context = n ? fmt::format("[[{}]] #{}", path, n) : fmt::format("[{}]", path);
    TableReader r(table, std::move(context), out_.diagnostics);
    switch (which) {
      case Object::claim: {
        auto kind = read_fields(r, path, claim_schema::kClaim, out_.claim);
        if (kind) out_.claim.kind = *kind;
        places_.filed_at = place(r, "filed_at");
        places_.has_receipt = place(r, "has_receipt");
        places_.claim_channel = place(r, "channel");
        places_.claim = r.table_where();
        break;
      }
      case Object::item: {
        model::ClaimItem item;
        item.where = r.table_where();
        read_fields(r, path, claim_schema::kItem, item);
        out_.claim.items.push_back(std::move(item));
        places_.items.push_back(
            {place(r, "sku"), place(r, "qty"), place(r, "condition"), place(r, "reason")});
        break;
      }
      case Object::order:
        read_fields(r, path, claim_schema::kOrder, out_.claim.order);
        places_.placed_at = place(r, "placed_at");
        places_.delivered_at = place(r, "delivered_at");
        places_.channel = place(r, "channel");
        break;
      case Object::line: {
        model::OrderLine line;
        line.where = r.table_where();
        read_fields(r, path, claim_schema::kLine, line);
        out_.claim.order.lines.push_back(std::move(line));
        places_.lines.push_back({place(r, "sku"), place(r, "qty"), place(r, "paid")});
        break;
      }
      case Object::customer:
        read_fields(r, path, claim_schema::kCustomer, out_.claim.customer);
        places_.language = place(r, "language");
        break;
      case Object::goodwill:
        read_fields(r, path, claim_schema::kGoodwill, out_.claim.goodwill.emplace());
        break;
      case Object::grant:
        read_fields(r, path, claim_schema::kGrant, out_.claim.customer.goodwill.emplace_back());
        break;
      case Object::document:
      case Object::none:
        break;
    }
    r.finish();
  }

  // Where the semantic checks point for `key`: the key and its value, when
  // it is written.
  static SourceRange place(const TableReader& r, std::string_view key) {
    return r.table().contains(key) ? r.where(key) : SourceRange{};
  }

  // Reads the keys of one table by its rows in claim_schema.hpp, in their
  // order. A key only the other kind of claim may carry is not read but
  // reported, after the others; with no valid kind it is only declared, so
  // that the one error is the kind's. Returns the claim's kind (the claim
  // table only).
  template <class M, std::size_t N>
  std::optional<model::ClaimKind> read_fields(TableReader& r, std::string_view path,
                                              const std::array<Field<M>, N>& fields, M& model) {
    std::optional<model::ClaimKind> kind;
    std::vector<const Field<M>*> not_allowed;
    bool one_of = false, one_of_written = false;
    for (const Field<M>& field : fields) {
      if (field.kinds != claim_schema::Kinds::any) {
        if (!kind) {
          r.take(field.key);
          continue;
        }
        if (!claim_schema::allowed(field.kinds, *kind)) {
          not_allowed.push_back(&field);
          continue;
        }
      }
      if (field.required == Required::one_of_these_in_promotion) {
        one_of = true;
        one_of_written = one_of_written || r.table().contains(field.key);
      }
      bool required =
          field.required == Required::always ||
          (field.required == Required::in_return && kind == model::ClaimKind::return_claim);
      read_value(r, path, field, required ? Need::required : Need::optional, model, kind);
    }
    claim_schema::mark_absent(fields, model,
                              [&](std::size_t i) { return r.table().contains(fields[i].key); });
    if (one_of && !one_of_written && kind == model::ClaimKind::promotion_claim)
      add_error(out_.diagnostics, "schema/missing-key",
                claim_fields::needs_promotion_or_code(r.context()), r.table_where());
    for (const Field<M>* field : not_allowed)
      if (r.take(field->key))
        add_error(
            out_.diagnostics, "schema/unknown-key",
            fmt::format("`{}` is not allowed in {}: {}", field->key, r.context(), field->why_not),
            r.key_where(field->key));
    return kind;
  }

  template <class M>
  void read_value(TableReader& r, std::string_view path, const Field<M>& field, Need need, M& model,
                  std::optional<model::ClaimKind>& kind) {
    std::string_view key = field.key;
    switch (field.type) {
      case Type::string:
        if (auto text = r.string(key, need)) claim_schema::assign(field, model, text->value);
        break;
      case Type::strings:
        if (auto texts = r.strings(key, need))
          claim_schema::assign(field, model, model::values(*texts));
        break;
      case Type::integer:
        if (auto n = r.integer(key, need)) claim_schema::assign(field, model, n->value);
        break;
      case Type::count:
        if (auto n = count(r, key, need)) claim_schema::assign(field, model, *n);
        break;
      case Type::boolean:
        if (auto b = r.boolean(key, need)) claim_schema::assign(field, model, b->value);
        break;
      case Type::money:
        if (auto amount = r.money(key, digits_, need))
          claim_schema::assign(field, model, amount->value);
        break;
      case Type::instant:
        if (auto when = r.instant(key, rulebook_.store.zone, DateMeaning::forbidden, need))
          claim_schema::assign(field, model, when->instant);
        break;
      case Type::kind:
        if (auto text = r.string(key, need)) {
          kind = claim_fields::parse_kind(text->value);
          if (!kind)
            add_error(out_.diagnostics, "schema/wrong-type",
                      claim_fields::bad_kind_message(fmt::format("`{}` in {}", key, r.context()),
                                                     text->value),
                      text->where);
        }
        break;
      case Type::object:
        // Tables inside the claim's objects are read as arrays of tables or
        // counts; the document's are read by read().
        break;
      case Type::objects: {
        auto tables = r.tables(key, need);
        std::string inner = fmt::format("{}.{}", path, key);
        if (field.object == Object::item) places_.items_key = r.key_where(key);
        if (field.object == Object::line) places_.lines_key = r.key_where(key);
        if (field.object == Object::grant) places_.grants_key = r.key_where(key);
        const toml::node* node = r.table().get(key);
        if (node && tables.empty() && node->is_array() && node->as_array()->empty()) {
          std::string elements = fmt::format("[[{}]]", inner);
          add_error(out_.diagnostics, "schema/missing-key",
                    field.required == Required::in_return
                        ? claim_fields::needs_items(r.context(), elements)
                        : claim_fields::needs_lines(r.context(), elements),
                    r.where(key));
        }
        for (std::size_t i = 0; i < tables.size(); ++i)
          read_object(field.object, *tables[i], inner, i + 1);
        break;
      }
      case Type::counts:
        if (const toml::table* table = r.table(key, need)) {
          TableReader inner(*table, fmt::format("`{}` of {}", key, r.context()), out_.diagnostics);
          std::map<std::string, std::int64_t> counts;
          for (auto&& [name, value] : *table) {
            // Read by the key as written, kept in NFC like every name
            // (parse_toml refused two keys that normalize alike).
            std::string written(name.str());
            if (auto n = count(inner, written)) counts[core::to_nfc(written)] = *n;
          }
          inner.finish();
          claim_schema::assign(field, model, std::move(counts));
        }
        break;
    }
  }

  void read_expect(const toml::table& table) {
    TableReader r(table, "[expect]", out_.diagnostics);
    Expect expect;
    expect.where = r.table_where();
    if (auto verdict = r.string("verdict")) expect.verdict = verdict->value;
    if (auto amount = r.money("amount", digits_)) expect.amount = amount->value;
    if (auto rule = r.string("rule")) expect.rule = rule->value;
    if (auto applied = r.strings("applied")) expect.applied = model::values(*applied);
    if (auto offers = r.strings("offers")) expect.offers = model::values(*offers);
    if (r.table().contains("items")) {
      auto items = r.tables("items");
      expect.items.emplace();
      for (std::size_t i = 0; i < items.size(); ++i) {
        TableReader item(*items[i], fmt::format("`items` #{} of [expect]", i + 1),
                         out_.diagnostics);
        ExpectItem e;
        e.where = item.table_where();
        if (auto sku = item.string("sku", Need::required)) e.sku = sku->value;
        if (auto outcome = item.string("outcome")) {
          e.outcome = outcome->value;
          if (!model::parse_outcome(outcome->value))
            add_error(out_.diagnostics, "schema/wrong-type",
                      fmt::format("`outcome` \"{}\" in {} is not an outcome", outcome->value,
                                  item.context()),
                      outcome->where);
        }
        if (auto rule = item.string("rule")) e.rule = rule->value;
        if (auto amount = item.money("amount", digits_)) e.amount = amount->value;
        item.finish();
        expect.items->push_back(std::move(e));
      }
    } else {
      r.take("items");
    }
    r.finish();
    out_.expect = std::move(expect);
  }

  const model::Rulebook& rulebook_;
  LoadedClaim& out_;
  ClaimPlaces& places_;
  int digits_;
};

}  // namespace

LoadedClaim load_claim_text(const std::string& text, const std::string& path,
                            const model::Rulebook& rulebook, const ClaimLoadOptions& options) {
  LoadedClaim out;
  auto root = parse_toml(text, path, out.diagnostics);
  if (!root) return out;
  ClaimPlaces places;
  places.file.file = path;
  ClaimFileReader reader(rulebook, out, places);
  reader.read(*root, options);
  // Semantic checks only on a claim that read cleanly: otherwise they would
  // repeat the same problem in other words.
  if (out.ok()) {
    auto semantic = validate_claim(out.claim, rulebook, places, out.has_claim);
    out.diagnostics.insert(out.diagnostics.end(), semantic.begin(), semantic.end());
  }
  core::sort_diagnostics(out.diagnostics);
  return out;
}

}  // namespace fineprint::load

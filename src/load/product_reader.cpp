#include "load/product_reader.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "core/did_you_mean.hpp"
#include "core/limits.hpp"
#include "core/money.hpp"
#include "load/csv_reader.hpp"
#include "load/table_reader.hpp"
#include "load/toml_document.hpp"

namespace fineprint::load {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 5> kColumns{"sku", "category", "unit_price", "final_sale",
                                                   "title"};
constexpr std::size_t kRequiredColumns = 3;  // the first three

core::SourceRange at(const std::string& file, std::uint32_t line, std::uint32_t column,
                     std::size_t width = 1) {
  core::SourceRange where;
  where.file = file;
  where.line = where.end_line = line;
  where.column = column;
  where.end_column = column + static_cast<std::uint32_t>(std::max<std::size_t>(width, 1));
  return where;
}

// Column name → index in a row, from the header; errors for unknown,
// repeated and missing names.
std::optional<std::map<std::string_view, std::size_t>> read_header(const CsvRow& header,
                                                                   const std::string& shown,
                                                                   core::Diagnostics& out) {
  std::map<std::string_view, std::size_t> columns;
  bool ok = true;
  std::vector<std::string> known(kColumns.begin(), kColumns.end());
  for (std::size_t i = 0; i < header.size(); ++i) {
    const CsvField& name = header[i];
    auto where = at(shown, name.line, name.column, name.text.size());
    auto column = std::find(kColumns.begin(), kColumns.end(), name.text);
    if (column == kColumns.end()) {
      std::string message = fmt::format("unknown column \"{}\" in the products file", name.text);
      if (auto near = core::did_you_mean(name.text, known))
        message += fmt::format("; did you mean \"{}\"?", *near);
      add_error(out, "schema/unknown-key", message, where,
                "the columns are sku, category, unit_price, final_sale and title");
      ok = false;
    } else if (!columns.emplace(*column, i).second) {
      add_error(out, "schema/duplicate-key",
                fmt::format("the column \"{}\" is named twice in the header", name.text), where);
      ok = false;
    }
  }
  for (std::size_t i = 0; i < kRequiredColumns; ++i)
    if (!columns.count(kColumns[i])) {
      add_error(
          out, "schema/missing-key",
          fmt::format("the products file has no \"{}\" column", kColumns[i]),
          at(shown, header.empty() ? 1 : header.front().line, 1),
          "the header row names sku, category and unit_price (final_sale and title may follow)");
      ok = false;
    }
  if (!ok) return std::nullopt;
  return columns;
}

// One CSV row → a product; false (with errors) when a value is wrong.
bool read_row(const CsvRow& row, const std::map<std::string_view, std::size_t>& columns,
              const std::string& shown, const model::Store& store, model::Product& product,
              core::Diagnostics& out) {
  auto cell = [&](std::string_view name) -> const CsvField* {
    auto found = columns.find(name);
    return found == columns.end() || found->second >= row.size() ? nullptr : &row[found->second];
  };
  if (row.size() != columns.size()) {
    add_error(out, "schema/wrong-type",
              fmt::format("this row has {} fields and the header {}", row.size(), columns.size()),
              at(shown, row.front().line, row.front().column),
              "every row has one field per header column (quote a field that holds a comma)");
    return false;
  }
  bool ok = true;
  for (std::size_t i = 0; i < kRequiredColumns; ++i) {
    const CsvField* field = cell(kColumns[i]);
    if (field->text.empty()) {
      add_error(out, "schema/missing-key", fmt::format("this product has no {}", kColumns[i]),
                at(shown, field->line, field->column));
      ok = false;
    }
  }
  const CsvField* sku = cell("sku");
  product.sku = {sku->text, at(shown, sku->line, sku->column, sku->text.size())};
  product.category = cell("category")->text;
  product.where = product.sku.where;
  const CsvField* price = cell("unit_price");
  if (!price->text.empty()) {
    auto parsed = core::parse_money(price->text, store.currency.minor_digits);
    if (parsed)
      product.unit_price = *parsed;
    else {
      add_error(out, parsed.error().rule, "unit_price: " + parsed.error().message,
                at(shown, price->line, price->column, price->text.size()));
      ok = false;
    }
  }
  if (const CsvField* flag = cell("final_sale")) {
    if (flag->text == "true" || flag->text == "false")
      product.final_sale = flag->text == "true";
    else if (!flag->text.empty()) {
      add_error(
          out, "schema/wrong-type",
          fmt::format("final_sale is \"{}\"; write true or false (or leave it empty)", flag->text),
          at(shown, flag->line, flag->column, flag->text.size()));
      ok = false;
    }
  }
  if (const CsvField* title = cell("title")) product.title = title->text;
  return ok;
}

}  // namespace

void read_product_tables(TableReader& catalog_reader, const model::Store& store,
                         model::Catalog& catalog) {
  catalog.products_file = catalog_reader.string("products");
  for (const toml::table* table : catalog_reader.tables("product")) {
    TableReader reader(*table, "[[catalog.product]]", catalog_reader.out());
    model::Product product;
    product.where = reader.table_where();
    if (auto sku = reader.string("sku", Need::required)) product.sku = *sku;
    if (auto category = reader.string("category", Need::required))
      product.category = category->value;
    if (auto price = reader.money("unit_price", store.currency.minor_digits, Need::required))
      product.unit_price = price->value;
    if (auto flag = reader.boolean("final_sale")) product.final_sale = flag->value;
    if (auto title = reader.string("title")) product.title = title->value;
    reader.finish();
    if (!product.sku.value.empty()) catalog.products.push_back(std::move(product));
  }
}

void read_product_csv(std::string_view text, const std::string& shown, const model::Store& store,
                      model::Catalog& catalog, core::Diagnostics& out) {
  CsvTable table = read_csv(text);
  if (table.error) {
    add_error(out, "schema/parse-error",
              "the products file is not valid CSV: " + table.error->message,
              at(shown, table.error->line, table.error->column));
    return;
  }
  if (table.rows.empty()) {
    add_error(out, "schema/missing-key", "the products file is empty: it needs a header row",
              at(shown, 1, 1));
    return;
  }
  auto columns = read_header(table.rows.front(), shown, out);
  if (!columns) return;
  for (std::size_t i = 1; i < table.rows.size(); ++i) {
    model::Product product;
    if (read_row(table.rows[i], *columns, shown, store, product, out))
      catalog.products.push_back(std::move(product));
  }
}

void read_products_file(model::Rulebook& rulebook, std::size_t holder, core::Diagnostics& out) {
  const auto& named = rulebook.catalog->products_file;
  if (!named) return;
  fs::path relative(named->value);
  bool inside = !relative.empty() && relative.is_relative() &&
                std::none_of(relative.begin(), relative.end(),
                             [](const fs::path& part) { return part == ".."; });
  if (!inside) {
    add_error(
        out, "schema/wrong-type",
        fmt::format("products = \"{}\" must name a file in this rulebook's folder or below it",
                    named->value),
        named->where, "write a relative path without `..`, e.g. products = \"products.csv\"");
    return;
  }
  const model::SourceFile& toml_file = rulebook.files[holder];
  fs::path path = fs::path(toml_file.path).parent_path() / relative;
  if (path == kStdinPath) path = fs::path(".") / path;  // a file named "-", never standard input
  std::string canonical = (fs::path(toml_file.canonical_name).parent_path() / relative).string();
  std::string error;
  std::error_code status;
  std::optional<std::string> text;
  if (!fs::is_regular_file(path, status))
    error = status ? status.message() : "not a regular file (or missing)";
  else
    text = read_file(path.string(), error);
  if (!text) {
    add_error(out, "schema/parse-error",
              fmt::format("cannot read the products file {}: {}", path.string(), error),
              named->where);
    return;
  }
  if (text->size() > core::limits::kMaxFileBytes) {
    add_error(out, "schema/parse-error",
              fmt::format("the products file {} is over {} bytes", path.string(),
                          core::limits::kMaxFileBytes),
              named->where);
    return;
  }
  rulebook.files.push_back({path.string(), canonical, std::move(*text)});
  read_product_csv(rulebook.files.back().content, path.string(), rulebook.store, *rulebook.catalog,
                   out);
}

void check_products(model::Catalog& catalog, core::Diagnostics& out) {
  std::map<std::string_view, const model::Product*> seen;
  for (const auto& product : catalog.products) {
    auto [first, fresh] = seen.emplace(product.sku.value, &product);
    if (!fresh)
      add_error(out, "schema/duplicate-id",
                fmt::format("product {} is listed twice (first at {}:{})", product.sku.value,
                            first->second->where.file, first->second->where.line),
                product.sku.where);
  }
  catalog.index_products();
}

}  // namespace fineprint::load

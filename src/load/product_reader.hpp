// The catalog's products (issue 16, docs/format.md §1.2): `[[catalog.product]]`
// tables and the rows of a `products = "products.csv"` file, so that an order
// line needs only sku, qty and what was paid.
#pragma once

#include "core/diagnostic.hpp"
#include "model/rulebook.hpp"

namespace fineprint::load {

class TableReader;

// Reads `[[catalog.product]]` (the array `product` of the [catalog] table
// `catalog_reader` reads) and the name of the `products` file.
void read_product_tables(TableReader& catalog_reader, const model::Store& store,
                         model::Catalog& catalog);

// Reads the CSV text of `products` (file `shown` in messages): a header row
// naming sku, category and unit_price, and optionally final_sale and title,
// in any order; one product per row.
void read_product_csv(std::string_view text, const std::string& shown, const model::Store& store,
                      model::Catalog& catalog, core::Diagnostics& out);

// Reads the file the catalog's `products` names, relative to the folder of
// the rulebook file `holder` (an index into rulebook.files) that names it; it
// joins rulebook.files, so the rulebook's digest covers the prices. Only a
// relative path inside that folder is read: a rulebook cannot make fineprint
// read /etc/shadow.
void read_products_file(model::Rulebook& rulebook, std::size_t holder, core::Diagnostics& out);

// Every product's sku once; then indexes the products by sku. (A product's
// category is checked with every other reference: load/references.cpp.)
void check_products(model::Catalog& catalog, core::Diagnostics& out);

}  // namespace fineprint::load

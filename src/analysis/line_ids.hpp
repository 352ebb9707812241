// Product scopes as sorted integer ids (categories and skus interned once),
// so that the many scope questions of the promotion analysis compare ints.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/rulebook.hpp"

namespace fineprint::analysis {

struct ScopeIds {
  bool present = false;
  std::vector<int> cats, skus, exc_cats, exc_skus;  // sorted, unique
};

bool has_id(const std::vector<int>& sorted, int id);
// Id -1 stands for a value nobody names (never listed).
bool in_scope_ids(const ScopeIds& scope, int category, int sku);

struct Interner {
  std::vector<std::string> names;
  std::map<std::string, int> ids;
  int id(const std::string& name);
  // A name like "other-category-1" that is not interned.
  std::string invented(const std::string& stem) const;
};

struct Lines {
  Interner cats, skus;
  bool catalog_cats = false, catalog_skus = false;  // the catalog lists them: nothing else is sold
  std::vector<int> catalog_cat_ids, catalog_sku_ids;
  std::vector<ScopeIds> scopes;  // per promotion, file order

  std::string category_name(int id) const {
    return id < 0 ? cats.invented("category") : cats.names[id];
  }
  std::string sku_name(int id) const { return id < 0 ? skus.invented("sku") : skus.names[id]; }
};

Lines build_lines(const model::Rulebook& rulebook);

// The category (sku) values that decide scope questions about `promotions`:
// those they name plus one they do not (-1, or with a catalog a catalog
// value none of them names); with a catalog, catalog values only. Sorted.
std::vector<int> category_candidates(const Lines& lines,
                                     const std::vector<std::size_t>& promotions);
std::vector<int> sku_candidates(const Lines& lines, const std::vector<std::size_t>& promotions);

// A line kind (category id, sku id) in both scopes, if any.
std::optional<std::pair<int, int>> common_ids(const Lines& lines, std::size_t a, std::size_t b);
// Whether there is one (common_ids(...).has_value()), without building the
// candidate values for the usual scopes: the pair sweep asks it of every
// pair of promotions that meet in time. Both scopes must hold some line
// kind (the sweep leaves out the promotions that are never eligible).
bool share_line(const Lines& lines, std::size_t a, std::size_t b);

}  // namespace fineprint::analysis

#include "analysis/line_ids.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace fineprint::analysis {

namespace {

std::vector<int> ids_of(Interner& in, const model::Names& names) {
  std::vector<int> out;
  for (const auto& n : names) out.push_back(in.id(n.value));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void candidates(const Lines& lines, const std::vector<std::size_t>& promotions, bool cats,
                std::vector<int>& out) {
  out.clear();
  for (std::size_t p : promotions) {
    const ScopeIds& s = lines.scopes[p];
    const std::vector<int>& listed = cats ? s.cats : s.skus;
    const std::vector<int>& excluded = cats ? s.exc_cats : s.exc_skus;
    out.insert(out.end(), listed.begin(), listed.end());
    out.insert(out.end(), excluded.begin(), excluded.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  bool catalog = cats ? lines.catalog_cats : lines.catalog_skus;
  if (!catalog) {
    out.insert(out.begin(), -1);
    return;
  }
  const auto& listed = cats ? lines.catalog_cat_ids : lines.catalog_sku_ids;
  // With a catalog only its values can be sold.
  out.erase(std::remove_if(out.begin(), out.end(),
                           [&](int id) {
                             return std::find(listed.begin(), listed.end(), id) == listed.end();
                           }),
            out.end());
  for (int id : listed)
    if (!has_id(out, id)) {
      out.insert(std::lower_bound(out.begin(), out.end(), id), id);
      break;
    }
}

}  // namespace

bool has_id(const std::vector<int>& sorted, int id) {
  return id >= 0 && std::binary_search(sorted.begin(), sorted.end(), id);
}

bool in_scope_ids(const ScopeIds& s, int c, int k) {
  if (!s.present) return true;
  bool positive = (s.cats.empty() && s.skus.empty()) || has_id(s.cats, c) || has_id(s.skus, k);
  return positive && !has_id(s.exc_cats, c) && !has_id(s.exc_skus, k);
}

int Interner::id(const std::string& name) {
  auto [it, fresh] = ids.emplace(name, static_cast<int>(names.size()));
  if (fresh) names.push_back(name);
  return it->second;
}

std::string Interner::invented(const std::string& stem) const {
  for (int i = 1;; ++i) {
    std::string name = fmt::format("other-{}-{}", stem, i);
    if (!ids.count(name)) return name;
  }
}

Lines build_lines(const model::Rulebook& rulebook) {
  Lines l;
  if (rulebook.catalog && rulebook.catalog->categories) {
    l.catalog_cats = true;
    for (const auto& n : *rulebook.catalog->categories)
      l.catalog_cat_ids.push_back(l.cats.id(n.value));
  }
  if (rulebook.catalog && rulebook.catalog->skus) {
    l.catalog_skus = true;
    for (const auto& n : *rulebook.catalog->skus) l.catalog_sku_ids.push_back(l.skus.id(n.value));
  }
  for (const auto& p : rulebook.promotions) {
    ScopeIds s;
    s.present = p.products.present;
    s.cats = ids_of(l.cats, p.products.categories);
    s.skus = ids_of(l.skus, p.products.skus);
    s.exc_cats = ids_of(l.cats, p.products.exclude_categories);
    s.exc_skus = ids_of(l.skus, p.products.exclude_skus);
    l.scopes.push_back(std::move(s));
  }
  return l;
}

std::vector<int> category_candidates(const Lines& lines,
                                     const std::vector<std::size_t>& promotions) {
  std::vector<int> out;
  candidates(lines, promotions, true, out);
  return out;
}

std::vector<int> sku_candidates(const Lines& lines, const std::vector<std::size_t>& promotions) {
  std::vector<int> out;
  candidates(lines, promotions, false, out);
  return out;
}

namespace {

bool categories_only(const ScopeIds& s) {
  return s.skus.empty() && s.exc_cats.empty() && s.exc_skus.empty();
}

}  // namespace

std::optional<std::pair<int, int>> common_ids(const Lines& lines, std::size_t a, std::size_t b) {
  const ScopeIds& sa = lines.scopes[a];
  const ScopeIds& sb = lines.scopes[b];
  // The common case, two category lists (or no scope): a shared category with any sku.
  if (categories_only(sa) && categories_only(sb) && !sa.cats.empty() && !sb.cats.empty()) {
    int sku = lines.catalog_skus
                  ? (lines.catalog_sku_ids.empty() ? -2 : lines.catalog_sku_ids.front())
                  : -1;
    if (sku == -2) return std::nullopt;
    auto i = sa.cats.begin(), j = sb.cats.begin();
    while (i != sa.cats.end() && j != sb.cats.end()) {
      if (*i == *j) return std::make_pair(*i, sku);
      if (*i < *j)
        ++i;
      else
        ++j;
    }
    return std::nullopt;
  }
  thread_local std::vector<int> cs, ks;
  candidates(lines, {a, b}, true, cs);
  candidates(lines, {a, b}, false, ks);
  const ScopeIds& x = lines.scopes[a];
  const ScopeIds& y = lines.scopes[b];
  for (int c : cs)
    for (int k : ks)
      if (in_scope_ids(x, c, k) && in_scope_ids(y, c, k)) return std::make_pair(c, k);
  return std::nullopt;
}

namespace {

// Whether a sorted list has a member outside two other sorted lists.
bool some_outside(const std::vector<int>& list, const std::vector<int>& a,
                  const std::vector<int>& b) {
  return std::any_of(list.begin(), list.end(),
                     [&](int id) { return !has_id(a, id) && !has_id(b, id); });
}

bool meet(const std::vector<int>& a, const std::vector<int>& b, const std::vector<int>& not_a,
          const std::vector<int>& not_b) {
  return std::any_of(a.begin(), a.end(), [&](int id) {
    return has_id(b, id) && !has_id(not_a, id) && !has_id(not_b, id);
  });
}

}  // namespace

bool share_line(const Lines& lines, std::size_t a, std::size_t b) {
  const ScopeIds& sa = lines.scopes[a];
  const ScopeIds& sb = lines.scopes[b];
  // A promotion without a scope (no `products`) holds every line kind, so
  // it shares one with any promotion the sweep pairs it with.
  if (!sa.present || !sb.present) return true;
  auto listed = [](const ScopeIds& s) { return !s.cats.empty() || !s.skus.empty(); };
  // A catalog bounds the values, an excluded category or a scope of
  // exclusions only asks more: the general test.
  if (lines.catalog_cats || lines.catalog_skus || !sa.exc_cats.empty() || !sb.exc_cats.empty() ||
      !listed(sa) || !listed(sb))
    return common_ids(lines, a, b).has_value();
  // A line (c, s) is in a scope when c is a listed category or s a listed
  // sku, and s is not excluded; c is free (any category goes with any sku)
  // and so is s where only categories are asked (an unnamed sku).
  const auto &ea = sa.exc_skus, &eb = sb.exc_skus;
  return meet(sa.cats, sb.cats, {}, {}) || (!sa.cats.empty() && some_outside(sb.skus, ea, eb)) ||
         (!sb.cats.empty() && some_outside(sa.skus, ea, eb)) || meet(sa.skus, sb.skus, ea, eb);
}

}  // namespace fineprint::analysis

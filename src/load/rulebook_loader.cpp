#include "load/rulebook_loader.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "load/product_reader.hpp"
#include "load/rulebook_sections.hpp"
#include "load/table_reader.hpp"
#include "load/toml_document.hpp"

namespace fineprint::load {

namespace fs = std::filesystem;

namespace {

struct ParsedFile {
  std::size_t index;  // into rulebook.files
  toml::table table;
};

// The *.toml files of a rulebook path, in byte-wise sorted order, skipping
// anything under a folder named `tests` (policy tests, docs/format.md §3).
std::vector<fs::path> rulebook_files(const std::string& root,
                                     std::vector<std::string>& unreadable) {
  struct stat info {};
  if (::stat(root.c_str(), &info) != 0) {
    unreadable.push_back(fmt::format("{}: {}", root, path_error(root, errno)));
    return {};
  }
  if (!S_ISDIR(info.st_mode)) return {fs::path(root)};
  std::error_code error;
  std::vector<fs::path> files;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, error), end;
  for (; !error && it != end; it.increment(error)) {
    const fs::path& path = it->path();
    std::error_code entry_error;
    if (it->is_directory(entry_error)) {
      if (path.filename() == "tests") it.disable_recursion_pending();
      continue;
    }
    if (path.extension() == ".toml") files.push_back(path);
  }
  if (error) {
    unreadable.push_back(fmt::format("{}: cannot list the directory: {}", root, error.message()));
    return {};
  }
  std::sort(files.begin(), files.end(),
            [](const fs::path& a, const fs::path& b) { return a.string() < b.string(); });
  if (files.empty())
    unreadable.push_back(fmt::format("{}: no *.toml rulebook files in this directory", root));
  return files;
}

std::string canonical_name(const std::string& root, const fs::path& file) {
  std::error_code error;
  if (!fs::is_directory(root, error)) return file.filename().string();
  return file.lexically_relative(root).generic_string();
}

// Where a top-level key or table was first defined, for duplicate-key messages.
struct FirstDefinition {
  std::string key;
  core::SourceRange where;
};

// Returns true when `key` is seen for the first time across the files.
bool first_definition(std::vector<FirstDefinition>& seen, const std::string& key,
                      const core::SourceRange& where, core::Diagnostics& out) {
  for (const auto& previous : seen) {
    if (previous.key != key) continue;
    add_error(out, "schema/duplicate-key",
              fmt::format("`{}` is defined again; it was first defined at {}:{}:{}", key,
                          previous.where.file, previous.where.line, previous.where.column),
              where, "a rulebook has one of it across all its files");
    return false;
  }
  seen.push_back({key, where});
  return true;
}

void read_files(LoadedRulebook& loaded, std::vector<ParsedFile>& parsed) {
  model::Rulebook& rulebook = loaded.rulebook;
  core::Diagnostics& out = loaded.diagnostics;
  std::vector<FirstDefinition> seen;

  // [store] first: currency and zone shape how every other value reads.
  const toml::table* store = nullptr;
  for (const auto& file : parsed) {
    const toml::node* node = file.table.get("store");
    if (!node) continue;
    TableReader top(file.table, "the rulebook", out);
    if (!first_definition(seen, "store", top.key_where("store"), out)) continue;
    if (const toml::table* table = node->as_table()) {
      store = table;
    } else {
      top.wrong_type("store", "a table", *node);
    }
  }
  if (store) {
    read_store(*store, rulebook.store, out);
  } else if (!parsed.empty() && !core::has_errors(out)) {
    core::SourceRange where;
    where.file = rulebook.files[parsed.front().index].path;
    where.line = where.column = where.end_line = where.end_column = 1;
    add_error(out, "schema/missing-key", "the rulebook has no [store] table", where,
              "add [store] with name, currency, timezone and channels");
  }

  for (const auto& file : parsed) {
    TableReader top(file.table, "the rulebook", out);
    top.take("store");
    if (auto version = top.integer("fineprint")) {
      if (first_definition(seen, "fineprint", top.key_where("fineprint"), out)) {
        rulebook.version = version;
        if (version->value != 1)
          add_error(
              out, "schema/version",
              fmt::format("format version {} is not supported; this fineprint reads version 1",
                          version->value),
              version->where);
      }
    }
    if (const toml::table* catalog = top.table("catalog")) {
      if (first_definition(seen, "catalog", top.key_where("catalog"), out)) {
        rulebook.catalog.emplace();
        read_catalog(*catalog, rulebook.store, *rulebook.catalog, out);
        read_products_file(rulebook, file.index, out);
        check_products(*rulebook.catalog, out);
      }
    }
    for (const toml::table* table : top.tables("promotion")) {
      rulebook.promotions.emplace_back();
      read_promotion(*table, rulebook.store, rulebook.promotions.back(), out);
    }
    if (const toml::table* returns = top.table("returns")) {
      if (first_definition(seen, "returns", top.key_where("returns"), out)) {
        rulebook.returns.emplace();
        read_returns(*returns, rulebook.store, *rulebook.returns, out);
      }
    }
    for (const toml::table* table : top.tables("assert")) {
      rulebook.asserts.emplace_back();
      read_assert(*table, rulebook.store, rulebook.asserts.back(), out);
    }
    for (const toml::table* table : top.tables("goodwill")) {
      rulebook.goodwill.emplace_back();
      read_goodwill(*table, rulebook.store, rulebook.goodwill.back(), out);
    }
    top.finish();
  }
  check_references(rulebook, out);
}

void load_contents(LoadedRulebook& loaded) {
  std::vector<ParsedFile> parsed;
  for (std::size_t i = 0; i < loaded.rulebook.files.size(); ++i) {
    const model::SourceFile& file = loaded.rulebook.files[i];
    if (auto table = parse_toml(file.content, file.path, loaded.diagnostics))
      parsed.push_back({i, std::move(*table)});
  }
  read_files(loaded, parsed);
  core::sort_diagnostics(loaded.diagnostics);
}

}  // namespace

std::string path_error(const std::string& path, int error) {
  struct stat link {};
  if (error == ENOENT && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode))
    return "dangling symbolic link";
  return std::strerror(error);
}

LoadedRulebook load_rulebook(const std::vector<std::string>& paths) {
  LoadedRulebook loaded;
  for (const auto& root : paths) {
    if (root == kStdinPath) {
      std::string error;
      auto content = read_file(root, error);
      if (!content)
        loaded.unreadable.push_back(fmt::format("{}: cannot read: {}", kStdinName, error));
      else
        loaded.rulebook.files.push_back(
            {std::string(kStdinName), std::string(kStdinName), std::move(*content)});
      continue;
    }
    for (const fs::path& path : rulebook_files(root, loaded.unreadable)) {
      std::string error;
      struct stat info {};
      if (::stat(path.c_str(), &info) != 0) {
        loaded.unreadable.push_back(
            fmt::format("{}: {}", path.string(), path_error(path.string(), errno)));
        continue;
      }
      if (!S_ISREG(info.st_mode)) {
        loaded.unreadable.push_back(fmt::format("{}: not a regular file", path.string()));
        continue;
      }
      auto content = read_file(path.string(), error);
      if (!content) {
        loaded.unreadable.push_back(fmt::format("{}: cannot read: {}", path.string(), error));
        continue;
      }
      loaded.rulebook.files.push_back(
          {path.string(), canonical_name(root, path), std::move(*content)});
    }
  }
  if (!loaded.unreadable.empty()) return loaded;
  load_contents(loaded);
  return loaded;
}

LoadedRulebook load_rulebook_text(const std::string& content, const std::string& path) {
  LoadedRulebook loaded;
  loaded.rulebook.files.push_back({path, fs::path(path).filename().string(), content});
  load_contents(loaded);
  return loaded;
}

}  // namespace fineprint::load

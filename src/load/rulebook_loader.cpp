#include "load/rulebook_loader.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <numeric>
#include <optional>
#include <system_error>
#include <thread>

#include <fmt/format.h>

#include "core/instant.hpp"
#include "load/product_reader.hpp"
#include "load/rulebook_cache.hpp"
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

// Parses every file's TOML, split over two threads by bytes when there is a
// second core and enough to parse: parsing is the largest part of a
// `resolve` process (tests/bench/README.md, issue 19) and the files do not
// depend on each other. Tables and diagnostics come back in file order, so
// nothing printed depends on the threads.
std::vector<ParsedFile> parse_files(LoadedRulebook& loaded) {
  const std::vector<model::SourceFile>& files = loaded.rulebook.files;
  std::vector<std::optional<toml::table>> tables(files.size());
  std::vector<core::Diagnostics> found(files.size());
  auto parse = [&](const std::vector<std::size_t>& lane) {
    for (std::size_t i : lane) tables[i] = parse_toml(files[i].content, files[i].path, found[i]);
  };

  std::vector<std::size_t> largest_first(files.size());
  std::iota(largest_first.begin(), largest_first.end(), std::size_t{0});
  std::stable_sort(largest_first.begin(), largest_first.end(), [&](std::size_t a, std::size_t b) {
    return files[a].content.size() > files[b].content.size();
  });
  std::array<std::vector<std::size_t>, 2> lanes;
  std::array<std::size_t, 2> bytes{};
  for (std::size_t i : largest_first) {
    const std::size_t lane = bytes[0] <= bytes[1] ? 0 : 1;
    lanes[lane].push_back(i);
    bytes[lane] += files[i].content.size();
  }

  constexpr std::size_t kWorthAThread = 8 * 1024;  // starting one costs ~50 µs
  // Declared before the worker, so it outlives the join in the worker's
  // destructor when this thread's parse throws.
  std::exception_ptr worker_failed;
  std::jthread worker;  // joined even when this thread's parse throws
  if (std::min(bytes[0], bytes[1]) >= kWorthAThread && std::thread::hardware_concurrency() > 1) {
    try {
      worker = std::jthread([&] {
        try {
          parse(lanes[1]);
        } catch (...) {
          worker_failed = std::current_exception();
        }
      });
    } catch (const std::system_error&) {
      // no second thread to be had: this one parses everything below
    }
  }
  if (!worker.joinable()) lanes[0].insert(lanes[0].end(), lanes[1].begin(), lanes[1].end());
  parse(lanes[0]);
  if (worker.joinable()) worker.join();
  if (worker_failed) std::rethrow_exception(worker_failed);

  std::vector<ParsedFile> parsed;
  for (std::size_t i = 0; i < files.size(); ++i) {
    loaded.diagnostics.insert(loaded.diagnostics.end(), found[i].begin(), found[i].end());
    if (tables[i]) parsed.push_back({i, std::move(*tables[i])});
  }
  return parsed;
}

void load_contents(LoadedRulebook& loaded) {
  std::vector<ParsedFile> parsed = parse_files(loaded);
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

LoadedRulebook load_rulebook(const std::vector<std::string>& paths, const RulebookCache& cache) {
  const core::ZoneListWarmup zones;  // the store's zone is needed once parsed (or restored)
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
  if (restore_rulebook(cache, loaded)) return loaded;
  const std::size_t listed = loaded.rulebook.files.size();
  load_contents(loaded);
  keep_rulebook(cache, loaded, listed);
  return loaded;
}

LoadedRulebook load_rulebook_text(const std::string& content, const std::string& path) {
  const core::ZoneListWarmup zones;
  LoadedRulebook loaded;
  loaded.rulebook.files.push_back({path, fs::path(path).filename().string(), content});
  load_contents(loaded);
  return loaded;
}

}  // namespace fineprint::load

// Rulebook files → model::Rulebook, strictly (docs/format.md §1): a file or a
// directory of *.toml (sorted byte-wise, `tests` folders skipped), merged.
// Every problem is a diagnostic; loading goes on past errors so that one run
// reports them all, and the model holds whatever parts loaded.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "load/rulebook_cache.hpp"
#include "model/rulebook.hpp"

namespace fineprint::load {

struct LoadedRulebook {
  model::Rulebook rulebook;
  core::Diagnostics diagnostics;  // load errors (schema/, refs/, money/, time/)
  // Paths that do not exist or cannot be read: the CLI exits 2 for these.
  std::vector<std::string> unreadable;

  bool ok() const { return unreadable.empty() && !core::has_errors(diagnostics); }
};

// Reads the files of `paths`, then restores the model from `cache` when it
// holds these very files (rulebook_cache.hpp), else parses and builds it and
// keeps it there when it loaded without a diagnostic.
LoadedRulebook load_rulebook(const std::vector<std::string>& paths,
                             const RulebookCache& cache = {});

// Why `path` cannot be opened, given the errno of a failed stat() or open()
// on it: "dangling symbolic link" for a link to nothing, else strerror
// ("Too many levels of symbolic links", "No such file or directory").
std::string path_error(const std::string& path, int error);

// Loads from in-memory text (tests, fuzzing): one file named `path`.
LoadedRulebook load_rulebook_text(const std::string& content, const std::string& path);

}  // namespace fineprint::load

// One side of `fineprint diff`: a rulebook path, or `git:REV[:PATH]` — the
// rulebook at a git revision, extracted with `git archive` into a private
// temporary folder (no checkout, the work tree is never touched) that lives
// as long as the Side.
#pragma once

#include <optional>
#include <string>

#include "core/result.hpp"

namespace fineprint::diff {

class Side {
 public:
  // `spec` as given on the command line; `default_path` is PATH when a `git:`
  // spec names none (--rules, else "rules").
  static core::Result<Side> open(const std::string& spec, const std::string& default_path);

  Side(Side&& other) noexcept;
  Side& operator=(Side&&) = delete;
  Side(const Side&) = delete;
  ~Side();

  const std::string& path() const { return path_; }    // where the rulebook is on disk
  const std::string& label() const { return label_; }  // what the user wrote, for messages

 private:
  Side() = default;
  std::string label_;
  std::string path_;
  std::optional<std::string> temp_dir_;  // removed with the Side
};

// `git:REV[:PATH]` split; nullopt for a plain path.
struct GitSpec {
  std::string rev;
  std::string path;
};
std::optional<GitSpec> parse_git_spec(const std::string& spec, const std::string& default_path);

}  // namespace fineprint::diff

// The golden claim cases of tests/claims/<case>/, shared by the test that
// compares their `resolve` output in full (golden_claims_test.cpp) and the
// one that holds `price` and `resolve` to recorded digests
// (output_digest_test.cpp).
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fineprint::test {

inline const std::filesystem::path kSourceRoot = FINEPRINT_SOURCE_DIR;

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every case folder (one with a claim.toml), sorted.
inline std::vector<std::filesystem::path> golden_cases() {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(kSourceRoot / "tests" / "claims"))
    if (entry.is_directory() && std::filesystem::exists(entry.path() / "claim.toml"))
      out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

// The case's rulebook: its rulebook.toml, or the path its file `rules` names
// (relative to the repository root).
inline std::string golden_rules(const std::filesystem::path& dir) {
  if (std::filesystem::exists(dir / "rulebook.toml")) return (dir / "rulebook.toml").string();
  std::string named = read_file(dir / "rules");
  while (!named.empty() && (named.back() == '\n' || named.back() == ' ')) named.pop_back();
  return (kSourceRoot / named).string();
}

}  // namespace fineprint::test

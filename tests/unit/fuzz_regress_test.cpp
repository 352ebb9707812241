// Replays every input under tests/regress/<target>/ through its fuzz target
// (tests/fuzz/targets.hpp): each crash, hang or broken property a fuzzing
// run ever found stays fixed, in every build, with or without clang. Under
// `make test-sanitize` the replay runs with ASan and UBSan as well.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "targets.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kRegress = fs::path(FINEPRINT_SOURCE_DIR) / "tests" / "regress";

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::vector<fs::path> inputs_of(std::string_view target) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(kRegress / target))
    if (entry.is_regular_file() && entry.path().filename() != "README.md")
      out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("every regression input replays through its fuzz target", "[fuzz][regress]") {
  std::size_t replayed = 0;
  for (const auto& target : fineprint::fuzz::kTargets) {
    for (const fs::path& input : inputs_of(target.name)) {
      INFO(input.string());
      std::string bytes = read_bytes(input);
      // Twice, as libFuzzer runs an input again: state one run leaves behind
      // (a cache keyed by a freed object's address, once) shows in the second.
      for (int run = 0; run < 2; ++run)
        CHECK(target.run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()) == 0);
      ++replayed;
    }
  }
  // Each target keeps at least one input here (a seed at minimum), so a
  // broken path to tests/regress/ cannot pass by replaying nothing.
  CHECK(replayed >= std::size(fineprint::fuzz::kTargets));
}

TEST_CASE("tests/regress holds only folders named after fuzz targets", "[fuzz][regress]") {
  std::set<std::string> names;
  for (const auto& target : fineprint::fuzz::kTargets) names.emplace(target.name);
  for (const auto& entry : fs::directory_iterator(kRegress)) {
    INFO(entry.path().string());
    if (entry.is_directory()) {
      CHECK(names.count(entry.path().filename().string()) == 1);
      CHECK(!inputs_of(entry.path().filename().string()).empty());
    } else {
      CHECK(entry.path().filename() == "README.md");
    }
  }
}

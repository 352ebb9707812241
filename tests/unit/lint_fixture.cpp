#include "lint_fixture.hpp"

#include <algorithm>
#include <fstream>
#include <vector>

namespace fs = std::filesystem;

namespace fineprint::testing {

namespace {

std::string trim(std::string text) {
  auto start = text.find_first_not_of(" \t");
  auto end = text.find_last_not_of(" \t\r");
  return start == std::string::npos ? std::string{} : text.substr(start, end - start + 1);
}

void read_file(const fs::path& path, FixtureExpectations& out) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  std::uint32_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (auto at = line.find("# lint-as-of:"); at != std::string::npos)
      out.as_of = core::parse_rfc3339(trim(line.substr(at + 13)));
    auto at = line.find("# expect:");
    if (at == std::string::npos) continue;
    std::uint32_t first_column = static_cast<std::uint32_t>(line.find_first_not_of(" \t") + 1);
    std::string list = line.substr(at + 9);
    std::size_t start = 0;
    while (start <= list.size()) {
      std::size_t comma = list.find(',', start);
      std::string item =
          trim(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
      if (!item.empty()) {
        std::uint32_t column = first_column;
        if (auto sign = item.find('@'); sign != std::string::npos) {
          column = static_cast<std::uint32_t>(std::stoul(item.substr(sign + 1)));
          item = item.substr(0, sign);
        }
        out.findings.insert({path.string(), number, column, item});
      }
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
}

}  // namespace

FixtureExpectations read_expectations(const fs::path& fixture) {
  FixtureExpectations out;
  if (fs::is_directory(fixture)) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(fixture))
      if (entry.path().extension() == ".toml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) read_file(file, out);
  } else {
    read_file(fixture, out);
  }
  return out;
}

}  // namespace fineprint::testing

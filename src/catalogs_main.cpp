// fineprint_catalogs OUTPUT CATALOG.toml...: parses and checks every message
// catalog with i18n::parse_catalog and writes the C++ source of the tables
// the library compiles in (i18n/compiled_catalogs.hpp), so no command parses
// a catalog's TOML at run time (issue 19). A build-time program
// (CMakeLists.txt runs it; it is not installed): a malformed catalog fails
// the build with parse_catalog's message, which names the file and the key.
// OUTPUT is rewritten only when its bytes change, so unchanged catalogs
// rebuild nothing. Exit 0, or 1 having said why.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "i18n/catalog.hpp"
#include "i18n/catalog_source.hpp"

namespace {

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) return std::nullopt;
  return text.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: fineprint_catalogs OUTPUT CATALOG.toml...\n";
    return 1;
  }
  std::vector<fineprint::i18n::Catalog> catalogs;
  for (int i = 2; i < argc; ++i) {
    const std::filesystem::path path = argv[i];
    std::optional<std::string> text = read_file(path);
    if (!text) {
      std::cerr << "fineprint_catalogs: cannot read " << path.string() << "\n";
      return 1;
    }
    const std::string language = path.stem().string();
    for (const auto& seen : catalogs)
      if (seen.language() == language) {
        std::cerr << "fineprint_catalogs: two catalogs of the language " << language << "\n";
        return 1;
      }
    auto parsed = fineprint::i18n::parse_catalog(language, *text);
    if (!parsed) {
      std::cerr << "fineprint_catalogs: " << parsed.error().message << "\n";
      return 1;
    }
    catalogs.push_back(std::move(parsed.value()));
  }
  std::vector<const fineprint::i18n::Catalog*> pointers;
  for (const auto& catalog : catalogs) pointers.push_back(&catalog);
  const std::string source = fineprint::i18n::catalogs_source(pointers);
  if (read_file(argv[1]) == source) return 0;
  std::ofstream out(argv[1], std::ios::binary);
  out << source;
  if (!out.flush()) {
    std::cerr << "fineprint_catalogs: cannot write " << argv[1] << "\n";
    return 1;
  }
  return 0;
}

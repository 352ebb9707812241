// fineprint_man TEMPLATE DATE OUTPUT: writes fineprint(1) to OUTPUT, made by
// cli::man_page from docs/fineprint.1.in and the very option tables `--help`
// prints. A build-time program (CMakeLists.txt runs it; it is not
// installed); DATE is the newest entry of packaging/changelog, so the page
// is the same bytes on every build. Exit 0, or 1 having said why.
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>

#include "cli/man_page.hpp"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: fineprint_man TEMPLATE DATE OUTPUT\n";
    return 1;
  }
  const std::string date = argv[2];
  if (!std::regex_match(date, std::regex("[0-9]{4}-[0-9]{2}-[0-9]{2}"))) {
    std::cerr << "fineprint_man: the date must be YYYY-MM-DD, not \"" << date << "\"\n";
    return 1;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream roff_template;
  roff_template << in.rdbuf();
  if (!in) {
    std::cerr << "fineprint_man: cannot read " << argv[1] << "\n";
    return 1;
  }
  auto page = fineprint::cli::man_page(roff_template.str(), date, FINEPRINT_VERSION);
  if (!page) {
    std::cerr << "fineprint_man: " << page.error().message << "\n";
    return 1;
  }
  std::ofstream out(argv[3], std::ios::binary);
  out << *page;
  if (!out.flush()) {
    std::cerr << "fineprint_man: cannot write " << argv[3] << "\n";
    return 1;
  }
  return 0;
}

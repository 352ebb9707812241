// `fineprint_history_rules N [SEED]`: N generated promotions (a store's
// history over the bundled catalogue, history_promotions.hpp) as TOML on
// stdout; run.sh puts them beside the bundled rules/. Built only with
// -DFINEPRINT_BENCH=ON.
#include <cstdio>
#include <cstdlib>

#include "history_promotions.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: fineprint_history_rules N [SEED]\n");
    return 2;
  }
  std::size_t count = std::strtoull(argv[1], nullptr, 10);
  std::uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1;
  std::string text = fineprint::bench::history_promotions(count, seed);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

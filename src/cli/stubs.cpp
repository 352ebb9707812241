// Temporary: subcommands not built yet.
#include "cli/commands.hpp"
#include "cli/options.hpp"
namespace fineprint::cli {
int run_resolve(const Args&) {
  return fail("resolve: not built yet");
}
int run_price(const Args&) {
  return fail("price: not built yet");
}
int run_test(const Args&) {
  return fail("test: not built yet");
}
}  // namespace fineprint::cli

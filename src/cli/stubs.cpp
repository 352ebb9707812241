// Temporary: subcommands not built yet.
#include "cli/commands.hpp"
#include "cli/options.hpp"
namespace fineprint::cli {
}  // namespace fineprint::cli

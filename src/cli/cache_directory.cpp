#include "cli/cache_directory.hpp"

#include <cstdlib>
#include <string>

namespace fineprint::cli {

namespace {

// The variable's value, or empty when it is unset: set to "" counts as unset.
std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

}  // namespace

load::RulebookCache rulebook_cache() {
  if (!environment("FINEPRINT_NO_CACHE").empty()) return {};
  if (std::string chosen = environment("FINEPRINT_CACHE_DIR"); !chosen.empty()) return {chosen};
  // A relative XDG_CACHE_HOME is invalid and ignored (XDG Base Directory spec).
  if (std::string xdg = environment("XDG_CACHE_HOME"); !xdg.empty() && xdg.front() == '/')
    return {xdg + "/fineprint"};
  if (std::string home = environment("HOME"); !home.empty()) return {home + "/.cache/fineprint"};
  return {};
}

}  // namespace fineprint::cli

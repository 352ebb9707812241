#include "cli/color.hpp"

#include <unistd.h>

#include <cstdlib>
#include <string>

namespace fineprint::cli {

namespace {

bool set(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0';
}

}  // namespace

std::optional<bool> use_color(std::string_view choice) {
  if (choice == "always") return true;
  if (choice == "never") return false;
  if (choice != "auto") return std::nullopt;
  if (set("NO_COLOR")) return false;
  if (set("FORCE_COLOR") && std::string(std::getenv("FORCE_COLOR")) != "0") return true;
  return ::isatty(STDOUT_FILENO) == 1;
}

}  // namespace fineprint::cli

// The one place that calls the TOML parser: toml++ throws, this turns its
// parse_error into a schema/parse-error diagnostic with line and column.
#pragma once

#include <optional>
#include <string>

#include <toml++/toml.h>

#include "core/diagnostic.hpp"

namespace fineprint::load {

std::optional<toml::table> parse_toml(const std::string& content, const std::string& path,
                                      core::Diagnostics& out);

// Reads a whole file; nullopt (and an error message) when it cannot be read.
std::optional<std::string> read_file(const std::string& path, std::string& error);

core::SourceRange range_of(const toml::source_region& region);

}  // namespace fineprint::load

// The one place that calls the TOML parser: toml++ throws, this turns its
// parse_error into a schema/parse-error diagnostic with line and column. It
// also holds the input limits every TOML file shares (docs/limits.md): file
// size, line length and nesting depth, checked before toml++ sees the text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "core/diagnostic.hpp"

namespace fineprint::load {

std::optional<toml::table> parse_toml(const std::string& content, const std::string& path,
                                      core::Diagnostics& out);

// Reads a file, but never more than limits::kMaxFileBytes + 1 bytes: one byte
// past the limit is how parse_toml knows the file is too large, and a huge
// file or an endless pipe costs no more memory than that. nullopt (and an
// error message) when it cannot be read.
std::optional<std::string> read_file(const std::string& path, std::string& error);

// `-` for a rulebook or claim path means standard input (fineprint(1)), read
// once, to the same size limit as a file; its messages name it `<stdin>`.
inline constexpr std::string_view kStdinPath = "-";
inline constexpr std::string_view kStdinName = "<stdin>";

core::SourceRange range_of(const toml::source_region& region);

// What the nesting check parse_toml runs before toml++ found: how many levels
// of tables and arrays below the document the text opens, and the byte where
// the first one past `limit` opens. It reads TOML's structure only (strings,
// comments, keys, brackets); at text that is not TOML it stops (`complete`
// false), and toml++ then reports the parse error at or before that point.
struct NestingScan {
  std::size_t deepest = 0;
  std::optional<std::size_t> too_deep_at;
  bool complete = false;
};

NestingScan scan_toml_nesting(std::string_view text, std::size_t limit);

}  // namespace fineprint::load

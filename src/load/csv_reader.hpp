// CSV text → rows of fields, each with the line and column it starts at
// (RFC 4180: quoted fields with embedded commas, quotes and line breaks;
// UTF-8; a leading byte order mark skipped). The parsing is libcsv's
// (Debian libcsv-dev), in strict mode: a stray quote is an error, not a guess.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fineprint::load {

struct CsvField {
  std::string text;
  std::uint32_t line = 0;    // 1-based
  std::uint32_t column = 0;  // 1-based, in characters
};

using CsvRow = std::vector<CsvField>;

struct CsvError {
  std::string message;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

struct CsvTable {
  std::vector<CsvRow> rows;       // the header row first; blank lines are not rows
  std::optional<CsvError> error;  // set: the rows are those read before it
};

CsvTable read_csv(std::string_view text);

}  // namespace fineprint::load

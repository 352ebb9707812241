// Where a finding points in a file: 1-based line, code-point column; end_column is exclusive, one
// past the last character (as toml++ and SARIF count); end == start is a point (a syntax error).
#pragma once

#include <cstdint>
#include <string>
#include <tuple>

namespace fineprint::core {

struct SourceRange {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t end_line = 0;
  std::uint32_t end_column = 0;

  bool known() const { return line > 0; }
  friend bool operator<(const SourceRange& a, const SourceRange& b) {
    return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
  }
  friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

// A value together with the place it was written.
template <class T>
struct Located {
  T value{};
  SourceRange where;

  friend bool operator==(const Located&, const Located&) = default;
};

}  // namespace fineprint::core

#include "load/toml_document.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <vector>

#include <fmt/format.h>

#include "core/limits.hpp"
#include "core/unicode.hpp"

namespace fineprint::load {

namespace {

namespace limits = core::limits;

// Reads TOML's structure, nothing more, to know how deep the document nests
// before toml++ builds (and later destroys, recursively) the tree. Lenient
// where TOML is strict (newlines inside inline tables, trailing commas):
// reading on is safe, stopping early is not.
class NestingScanner {
 public:
  NestingScanner(std::string_view text, std::size_t limit) : s_(text), limit_(limit) {}

  NestingScan run() {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;  // a UTF-8 byte order mark
    std::size_t table = 0;                          // the level of the last header's table
    for (;;) {
      skip_blank();
      if (end()) {
        result_.complete = true;
        break;
      }
      if (s_[i_] == '\n') {
        ++i_;
        continue;
      }
      if (s_[i_] == '#') {
        skip_comment();
        continue;
      }
      bool ok = s_[i_] == '[' ? header(table) : key_value(table);
      if (!ok || !line_end()) break;
    }
    return result_;
  }

 private:
  bool end() const { return i_ >= s_.size(); }
  bool at(char c) const { return i_ < s_.size() && s_[i_] == c; }

  void skip_blank() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
  }

  void skip_comment() {
    const void* newline = std::memchr(s_.data() + i_, '\n', s_.size() - i_);
    i_ = newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - s_.data())
                 : s_.size();
  }

  // Blanks, newlines and comments (inside arrays and, leniently, inline tables).
  void skip_space() {
    for (;;) {
      skip_blank();
      if (at('\n')) {
        ++i_;
      } else if (at('#')) {
        skip_comment();
      } else {
        return;
      }
    }
  }

  bool line_end() {
    skip_blank();
    if (end()) return true;
    if (at('#')) {
      skip_comment();
      return true;
    }
    if (!at('\n')) return false;
    ++i_;
    return true;
  }

  // A table or array at `level`, written at byte `where`: false past the limit.
  bool reach(std::size_t level, std::size_t where) {
    result_.deepest = std::max(result_.deepest, level);
    if (level <= limit_) return true;
    result_.too_deep_at = where;
    return false;
  }

  // A dotted key under a table at `base`: every part but the last names a
  // table one level further down. Returns the number of parts and where the
  // last one starts.
  bool key(std::size_t base, std::size_t& parts, std::size_t& last) {
    for (parts = 1;; ++parts) {
      skip_blank();
      last = i_;
      if (!key_part()) return false;
      skip_blank();
      if (!at('.')) return true;
      if (!reach(base + parts, last)) return false;
      ++i_;
    }
  }

  bool key_part() {
    if (at('"')) return basic_string(false);
    if (at('\'')) return literal_string(false);
    std::size_t start = i_;
    while (i_ < s_.size() && !std::strchr(" \t\r\n.=[]{},#\"'", s_[i_])) ++i_;
    return i_ > start;
  }

  // `[a.b]` is a table at level 2; `[[a.b]]` an array at level 2 holding
  // tables at level 3.
  bool header(std::size_t& table) {
    std::size_t start = i_++;
    bool array = at('[');
    if (array) ++i_;
    std::size_t parts = 0, last = 0;
    if (!key(0, parts, last)) return false;
    skip_blank();
    if (!at(']')) return false;
    ++i_;
    if (array) {
      if (!at(']')) return false;
      ++i_;
    }
    if (!reach(parts, last)) return false;
    table = parts;
    if (array) {
      if (!reach(parts + 1, start)) return false;
      table = parts + 1;
    }
    return true;
  }

  bool key_value(std::size_t base) {
    std::size_t parts = 0, last = 0;
    if (!key(base, parts, last)) return false;
    skip_blank();
    if (!at('=')) return false;
    ++i_;
    skip_blank();
    return value(base + parts);
  }

  // A value that, if it is an array or inline table, sits at `level`.
  bool value(std::size_t level) {
    if (end()) return false;
    switch (s_[i_]) {
      case '"':
        return basic_string(true);
      case '\'':
        return literal_string(true);
      case '[':
        return reach(level, i_) && array(level);
      case '{':
        return reach(level, i_) && inline_table(level);
      default: {
        // A number, boolean or date ("1979-05-27 07:32:00" has a space).
        std::size_t start = i_;
        while (i_ < s_.size() && !std::strchr(",]}#\n[{\"'=", s_[i_])) ++i_;
        return i_ > start;
      }
    }
  }

  bool array(std::size_t level) {
    ++i_;
    for (;;) {
      skip_space();
      if (at(']')) break;
      if (!value(level + 1)) return false;
      skip_space();
      if (at(',')) {
        ++i_;
        continue;
      }
      if (!at(']')) return false;
      break;
    }
    ++i_;
    return true;
  }

  bool inline_table(std::size_t level) {
    ++i_;
    for (;;) {
      skip_space();
      if (at('}')) break;
      std::size_t parts = 0, last = 0;
      if (!key(level, parts, last)) return false;
      skip_blank();
      if (!at('=')) return false;
      ++i_;
      skip_blank();
      if (!value(level + parts)) return false;
      skip_space();
      if (at(',')) {
        ++i_;
        continue;
      }
      if (!at('}')) return false;
      break;
    }
    ++i_;
    return true;
  }

  // At a closing run of three or more quotes, the string ends after the run:
  // up to two quotes before the closing three belong to the content.
  bool close_multiline(char quote) {
    i_ += 3;
    while (at(quote)) ++i_;
    return true;
  }

  bool basic_string(bool multiline_allowed) {
    if (multiline_allowed && s_.compare(i_, 3, "\"\"\"") == 0) {
      for (i_ += 3; i_ < s_.size(); ++i_) {
        if (s_[i_] == '\\') {
          ++i_;
        } else if (s_[i_] == '"' && s_.compare(i_, 3, "\"\"\"") == 0) {
          return close_multiline('"');
        }
      }
      return false;
    }
    for (++i_; i_ < s_.size() && s_[i_] != '\n'; ++i_) {
      if (s_[i_] == '\\') {
        ++i_;
      } else if (s_[i_] == '"') {
        ++i_;
        return true;
      }
    }
    return false;
  }

  bool literal_string(bool multiline_allowed) {
    if (multiline_allowed && s_.compare(i_, 3, "'''") == 0) {
      std::size_t close = s_.find("'''", i_ + 3);
      if (close == std::string_view::npos) return false;
      i_ = close;
      return close_multiline('\'');
    }
    for (++i_; i_ < s_.size() && s_[i_] != '\n'; ++i_) {
      if (s_[i_] == '\'') {
        ++i_;
        return true;
      }
    }
    return false;
  }

  std::string_view s_;
  std::size_t limit_;
  std::size_t i_ = 0;
  NestingScan result_;
};

// Line and column of byte `offset`, the way toml++ counts them: lines from 1,
// columns in code points from 1.
core::SourceRange position_of(std::string_view text, std::size_t offset, const std::string& path) {
  core::SourceRange where;
  where.file = path;
  std::string_view before = text.substr(0, offset);
  std::size_t line_start = before.rfind('\n');
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  where.line = static_cast<std::uint32_t>(std::count(before.begin(), before.end(), '\n') + 1);
  where.column = static_cast<std::uint32_t>(
      std::count_if(before.begin() + static_cast<std::ptrdiff_t>(line_start), before.end(),
                    [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }) +
      1);
  where.end_line = where.line;
  where.end_column = where.column;
  return where;
}

// The byte where the first line longer than the limit passes it.
std::optional<std::size_t> first_long_line(std::string_view text) {
  std::size_t start = 0;
  for (;;) {
    const void* found = std::memchr(text.data() + start, '\n', text.size() - start);
    std::size_t end = found
                          ? static_cast<std::size_t>(static_cast<const char*>(found) - text.data())
                          : text.size();
    std::size_t length = end - start;
    if (found && length > 0 && text[end - 1] == '\r') --length;  // CRLF: the CR ends the line too
    if (length > limits::kMaxLineBytes) return start + limits::kMaxLineBytes;
    if (!found) return std::nullopt;
    start = end + 1;
  }
}

void parse_error(core::Diagnostics& out, core::SourceRange where, std::string message) {
  core::Diagnostic diagnostic;
  diagnostic.rule = "schema/parse-error";
  diagnostic.severity = core::Severity::error;
  diagnostic.message = std::move(message);
  diagnostic.where = std::move(where);
  out.push_back(std::move(diagnostic));
}

// The limits toml++ does not know, checked on the raw text; false after
// reporting one.
bool within_limits(const std::string& content, const std::string& path, core::Diagnostics& out) {
  if (content.size() > limits::kMaxFileBytes) {
    parse_error(
        out, position_of(content, 0, path),
        fmt::format(
            "the file is larger than {} bytes (16 MiB), the most fineprint reads from one file (docs/limits.md)",
            limits::kMaxFileBytes));
    return false;
  }
  if (auto at = first_long_line(content)) {
    core::SourceRange where = position_of(content, *at, path);
    parse_error(
        out, where,
        fmt::format(
            "line {} is longer than {} bytes, the most fineprint reads in one line (docs/limits.md)",
            where.line, limits::kMaxLineBytes));
    return false;
  }
  NestingScan nesting = scan_toml_nesting(content, limits::kMaxTomlNesting);
  if (nesting.too_deep_at) {
    parse_error(
        out, position_of(content, *nesting.too_deep_at, path),
        fmt::format(
            "tables and arrays nest more than {} levels deep here, the most fineprint reads (docs/limits.md)",
            limits::kMaxTomlNesting));
    return false;
  }
  return true;
}

// The text of line `line` (1-based) of `text`, without its line end.
std::string_view line_text(std::string_view text, std::uint32_t line) {
  std::size_t start = 0;
  for (std::uint32_t i = 1; i < line; ++i) {
    std::size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) return {};
    start = newline + 1;
  }
  std::size_t end = text.find('\n', start);
  std::string_view out = text.substr(start, end == std::string_view::npos ? end : end - start);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

// Byte offset of code-point column `column` (1-based) in `line`.
std::size_t byte_of_column(std::string_view line, std::uint32_t column) {
  std::size_t i = 0;
  for (std::uint32_t c = 1; c < column && i < line.size(); ++c) {
    ++i;
    while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

// toml++ names the key of "cannot redefine existing …" from a recording that
// mangles non-ASCII keys (`"café"` comes out as `"cacafé" `). The key as
// written is in the source: a table header is the line's `[…]`; a key-value
// pair ends at the last `=` before the value, where toml++ stops, and starts
// after the `,`, `{` or line start before it. Empty when not found.
std::string_view redefined_key(std::string_view content, core::SourceRange where,
                               core::SourceRange& key_where) {
  std::string_view line = line_text(content, where.line);
  std::size_t first = line.find_first_not_of(" \t");
  if (first != std::string_view::npos && line[first] == '[') {
    // `[a]` or `[[a]]`, not a `]` in a comment after it (quoted `]` in a
    // header key is rare enough to fall back to toml++'s text).
    bool array = line.compare(first, 2, "[[") == 0;
    std::size_t close = line.find(array ? "]]" : "]", first);
    if (close == std::string_view::npos) return {};
    key_where = where;
    return line.substr(first, close + (array ? 2 : 1) - first);
  }
  std::size_t value = byte_of_column(line, where.column);
  std::size_t equals = line.rfind('=', value == 0 ? 0 : value - 1);
  if (equals == std::string_view::npos || equals >= value) return {};
  std::size_t start = line.find_last_of(",{", equals);
  start = start == std::string_view::npos ? 0 : start + 1;
  std::string_view key = line.substr(start, equals - start);
  std::size_t lead = key.find_first_not_of(" \t");
  if (lead == std::string_view::npos) return {};
  key.remove_prefix(lead);
  while (!key.empty() && (key.back() == ' ' || key.back() == '\t')) key.remove_suffix(1);
  key_where = where;
  key_where.column = static_cast<std::uint32_t>(
      std::count_if(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(start + lead),
                    [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }) +
      1);
  key_where.end_line = key_where.line;
  key_where.end_column = key_where.column;
  return key;
}

// "cannot redefine existing integer '<mangled>'" → the key as written.
void name_redefined_key(std::string_view content, core::Diagnostic& diagnostic) {
  std::string& message = diagnostic.message;
  std::size_t redefine = message.find("cannot redefine existing ");
  if (redefine == std::string::npos) return;
  std::size_t quote = message.find('\'', redefine);
  if (quote == std::string::npos) return;  // "… as dotted key-value pair": no key in it
  core::SourceRange key_where;
  std::string_view key = redefined_key(content, diagnostic.where, key_where);
  if (key.empty()) return;
  std::string what = message.substr(redefine + 25, quote - redefine - 25);  // "integer "
  while (!what.empty() && what.back() == ' ') what.pop_back();
  std::string_view article = what == "integer" || what == "array" ? "an" : "a";
  if (key.front() == '[') {  // a table header: `[store]` twice, or `[[a]]` then `[a]`
    message = fmt::format("{}the table {} is defined twice{}; write each table once",
                          message.substr(0, redefine), key,
                          what == "table" ? "" : fmt::format(" (first as {} {})", article, what));
  } else {
    message = fmt::format(
        "{}the key {} is defined twice (it already holds {} {}); write each key once in a table",
        message.substr(0, redefine), key, article, what);
  }
  diagnostic.where = key_where;
}

// toml++ compares keys byte for byte; fineprint compares keys and names in
// NFC. Two keys of one table that are the same after normalization (`café`
// typed composed and decomposed) are one key written twice: the error names
// both spellings, since on screen they look alike. The first such pair.
std::optional<core::Diagnostic> keys_equal_after_nfc(const toml::table& root,
                                                     const std::string& path) {
  std::vector<const toml::node*> pending{&root};
  while (!pending.empty()) {
    const toml::node* node = pending.back();
    pending.pop_back();
    if (const toml::array* array = node->as_array()) {
      for (const toml::node& element : *array) pending.push_back(&element);
      continue;
    }
    const toml::table* table = node->as_table();
    if (!table) continue;
    bool ascii = true;
    for (auto&& [key, value] : *table) {
      ascii = ascii && core::is_ascii(key.str());
      pending.push_back(&value);
    }
    if (ascii) continue;
    std::map<std::string, const toml::key*> seen;  // NFC → the key written
    for (auto&& [key, value] : *table) {
      auto [it, fresh] = seen.emplace(core::to_nfc(key.str()), &key);
      if (fresh) continue;
      // Both spellings, the one written later in the file reported.
      const toml::key* a = it->second;
      const toml::key* b = &key;
      if (b->source().begin < a->source().begin) std::swap(a, b);
      core::SourceRange first = range_of(a->source());
      core::Diagnostic diagnostic;
      diagnostic.rule = "schema/duplicate-key";
      diagnostic.severity = core::Severity::error;
      diagnostic.message = fmt::format(
          "the key `{}` (written {}) is the key `{}` of line {} (written {}) after Unicode normalization; fineprint compares keys and names in NFC, so this defines it twice",
          b->str(), core::written_form(b->str()), a->str(), first.line,
          core::written_form(a->str()));
      diagnostic.where = range_of(b->source());
      diagnostic.where.file = path;
      diagnostic.help = "write the key once";
      return diagnostic;
    }
  }
  return std::nullopt;
}

}  // namespace

NestingScan scan_toml_nesting(std::string_view text, std::size_t limit) {
  return NestingScanner(text, limit).run();
}

core::SourceRange range_of(const toml::source_region& region) {
  core::SourceRange range;
  if (region.path) range.file = *region.path;
  range.line = region.begin.line;
  range.column = region.begin.column;
  range.end_line = region.end.line ? region.end.line : region.begin.line;
  range.end_column = region.end.line ? region.end.column : region.begin.column;
  return range;
}

std::optional<toml::table> parse_toml(const std::string& content, const std::string& path,
                                      core::Diagnostics& out) {
  if (!within_limits(content, path, out)) return std::nullopt;
  std::optional<toml::table> table;
  try {
    table = toml::parse(content, path);
  } catch (const toml::parse_error& error) {
    core::Diagnostic diagnostic;
    diagnostic.rule = "schema/parse-error";
    diagnostic.severity = core::Severity::error;
    diagnostic.message = std::string(error.description());
    diagnostic.where = range_of(error.source());
    diagnostic.where.file = path;
    if (!diagnostic.where.known()) diagnostic.where.line = diagnostic.where.column = 1;
    name_redefined_key(content, diagnostic);
    out.push_back(std::move(diagnostic));
    return std::nullopt;
  }
  if (auto twice = keys_equal_after_nfc(*table, path)) {
    out.push_back(std::move(*twice));
    return std::nullopt;
  }
  return table;
}

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  const bool stdin_input = path == kStdinPath;
  std::error_code status_error;
  if (!stdin_input && std::filesystem::is_directory(path, status_error)) {
    error = std::strerror(EISDIR);
    return std::nullopt;
  }
  std::ifstream in(stdin_input ? "/dev/stdin" : path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  constexpr std::size_t kMost = limits::kMaxFileBytes + 1;
  std::string content;
  std::error_code size_error;
  auto size = stdin_input ? 0 : std::filesystem::file_size(path, size_error);
  if (!stdin_input && !size_error)
    content.reserve(static_cast<std::size_t>(std::min<std::uintmax_t>(size, kMost)));
  // A file that grows while it is read (or a pipe) is read to the same bound.
  std::array<char, 64 * 1024> buffer;
  while (content.size() < kMost) {
    auto want = static_cast<std::streamsize>(std::min(buffer.size(), kMost - content.size()));
    in.read(buffer.data(), want);
    content.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
    if (in.gcount() < want) break;
  }
  if (in.bad()) {
    error = "read error";
    return std::nullopt;
  }
  return content;
}

}  // namespace fineprint::load

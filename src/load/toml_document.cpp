#include "load/toml_document.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace fineprint::load {

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
  try {
    return toml::parse(content, path);
  } catch (const toml::parse_error& error) {
    core::Diagnostic diagnostic;
    diagnostic.rule = "schema/parse-error";
    diagnostic.severity = core::Severity::error;
    diagnostic.message = std::string(error.description());
    diagnostic.where = range_of(error.source());
    diagnostic.where.file = path;
    if (!diagnostic.where.known()) diagnostic.where.line = diagnostic.where.column = 1;
    out.push_back(std::move(diagnostic));
    return std::nullopt;
  }
}

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    error = "read error";
    return std::nullopt;
  }
  return std::move(buffer).str();
}

}  // namespace fineprint::load

#include "load/claim_file.hpp"

#include <sys/stat.h>

#include <cerrno>

#include <fmt/format.h>

#include "load/rulebook_loader.hpp"
#include "load/toml_document.hpp"

namespace fineprint::load {

LoadedClaim load_claim_file(const std::string& path, const model::Rulebook& rulebook,
                            const ClaimLoadOptions& options) {
  std::string error;
  auto text = read_file(path, error);
  if (!text) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) error = path_error(path, errno);
    LoadedClaim out;
    core::Diagnostic d;
    d.rule = "claim/unreadable";
    d.message = fmt::format("cannot read the claim file: {}", error);
    d.where.file = path == kStdinPath ? std::string(kStdinName) : path;
    out.diagnostics.push_back(std::move(d));
    return out;
  }
  return load_claim_text(*text, path == kStdinPath ? std::string(kStdinName) : path, rulebook,
                         options);
}

std::string claim_error_text(const core::Diagnostic& d) {
  if (!d.where.known()) return fmt::format("{}: {}", d.where.file, d.message);
  return fmt::format("{}:{}:{}: {}", d.where.file, d.where.line, d.where.column, d.message);
}

}  // namespace fineprint::load

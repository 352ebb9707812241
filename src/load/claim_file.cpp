#include "load/claim_file.hpp"

#include <sys/stat.h>

#include <cerrno>

#include <fmt/format.h>

#include "load/claim_json.hpp"
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
  const std::string name = path == kStdinPath ? std::string(kStdinName) : path;
  if (!options.allow_expect && !options.order_only && looks_like_json(*text)) {
    LoadedClaim out;
    out.has_claim = true;
    out.diagnostics = JsonClaimReader(rulebook).read(*text, out.claim);
    for (auto& d : out.diagnostics) d.where.file = name;
    return out;
  }
  return load_claim_text(*text, name, rulebook, options);
}

bool looks_like_json(std::string_view text) {
  std::size_t at = text.find_first_not_of(" \t\r\n");
  return at != std::string_view::npos && text[at] == '{';
}

std::string claim_error_text(const core::Diagnostic& d) {
  if (!d.where.known() && !d.key_path.empty())
    return fmt::format("{}: {}: {}", d.where.file, d.key_path, d.message);
  if (!d.where.known()) return fmt::format("{}: {}", d.where.file, d.message);
  return fmt::format("{}:{}:{}: {}", d.where.file, d.where.line, d.where.column, d.message);
}

}  // namespace fineprint::load

// JSON claims (docs/format.md §2.5, one object per line for `batch`) → model::Claim,
// held to the TOML reader's rules: closed objects with did-you-mean, typed
// values, required keys, exact money, RFC 3339 instants, then validate_claim.
// JSON has no line and column per value inside a line, so every error names
// its key path instead (`order.lines[0].qty`, 0-based like JSONPath).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "load/claim_loader.hpp"
#include "model/claim.hpp"
#include "model/rulebook.hpp"

namespace fineprint::load {

// One reader per thread: it keeps the JSON parser's buffers from line to line.
class JsonClaimReader {
 public:
  // Bytes that must be readable (any content) after the text given to read_padded.
  static constexpr std::size_t kPadding = 64;

  explicit JsonClaimReader(const model::Rulebook& rulebook);
  ~JsonClaimReader();
  JsonClaimReader(const JsonClaimReader&) = delete;
  JsonClaimReader& operator=(const JsonClaimReader&) = delete;

  // Reads one JSON claim into `claim` (cleared first). Returns the errors;
  // empty means the claim is valid and its items resolved to order lines.
  // `json` is copied into an internal padded buffer.
  core::Diagnostics read(std::string_view json, model::Claim& claim);
  // The same without the copy: the kPadding bytes after `json` must be readable.
  core::Diagnostics read_padded(std::string_view json, model::Claim& claim);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A JSON claim's errors as one line of text, in document order, joined by
// "; ". An error about one value starts with its key path.
std::string json_claim_error_text(const core::Diagnostics& diagnostics);

}  // namespace fineprint::load

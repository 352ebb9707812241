// Decides the lines of one BatchChunk: each line a JSON claim read, checked
// and decided, its output line a compact decision record (byte-identical to
// `resolve --format json` of several claims) or {"line":N,"error":"…"}.
// One decider per thread: it reuses its parser and buffers line to line.
#pragma once

#include <string>

#include "batch/chunk.hpp"
#include "engine/compiled_rulebook.hpp"
#include "load/claim_json.hpp"
#include "model/claim.hpp"
#include "model/rulebook.hpp"
#include "report/json_writer.hpp"

namespace fineprint::batch {

class BatchDecider {
 public:
  explicit BatchDecider(const engine::CompiledRulebook& rules)
      : rules_(rules), reader_(rules.rulebook) {}

  void decide(BatchChunk& chunk);

 private:
  void decide_line(std::string_view line, std::uint64_t number, BatchChunk& chunk);
  void invalid(std::uint64_t number, const std::string& message, BatchChunk& chunk);

  const engine::CompiledRulebook& rules_;
  load::JsonClaimReader reader_;
  model::Claim claim_;
  report::JsonWriter json_;  // each record, in a buffer kept line to line
};

}  // namespace fineprint::batch

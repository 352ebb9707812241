#include "diff/replay.hpp"
#include "engine/compiled_rulebook.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>

#include "batch/input.hpp"
#include "diff/parallel.hpp"
#include "load/claim_file.hpp"
#include "load/claim_json.hpp"
#include "load/rulebook_loader.hpp"

namespace fineprint::diff {

namespace {

// Both rulebooks, compiled once for every claim replayed (issue 21).
struct Sides {
  engine::CompiledRulebook a;
  engine::CompiledRulebook b;
};

// Both sides' JSON readers and claims, one set per thread.
struct JsonWorker {
  explicit JsonWorker(const Sides& s) : reader_a(s.a.rulebook), reader_b(s.b.rulebook) {}
  load::JsonClaimReader reader_a, reader_b;
  model::Claim claim;
};

// One side: read with that side's reader, decided under its rulebook.
void decide_side(load::JsonClaimReader& reader, const engine::CompiledRulebook& rules,
                 std::string_view line, model::Claim& claim, std::optional<engine::Decision>& out,
                 std::string& refused) {
  core::Diagnostics errors = reader.read_padded(line, claim);
  if (!errors.empty()) {
    refused = load::json_claim_error_text(errors);
    return;
  }
  auto d = engine::decide(rules, claim);
  if (d)
    out = std::move(d.value());
  else
    refused = d.error().message;
}

void decide_json(const Sides& s, JsonWorker& w, std::string_view line, ClaimPair& pair) {
  decide_side(w.reader_a, s.a, line, w.claim, pair.old_decision, pair.old_refused);
  decide_side(w.reader_b, s.b, line, w.claim, pair.new_decision, pair.new_refused);
  std::string id = pair.old_decision   ? pair.old_decision->claim
                   : pair.new_decision ? pair.new_decision->claim
                                       : "";
  if (!id.empty()) pair.label += fmt::format(" ({})", id);
}

ReplaySummary replay_chunk(const Sides& s, JsonWorker& w, const batch::BatchChunk& chunk,
                           const std::string& name, std::size_t examples) {
  ReplaySummary part;
  for (std::size_t i = 0; i < chunk.lines.size(); ++i) {
    const auto& line = chunk.lines[i];
    ClaimPair pair;
    pair.label = fmt::format("{}:{}", name, chunk.first_line + i);
    if (line.too_long) {
      pair.old_refused = pair.new_refused = "the line is too long";
    } else {
      std::string_view text(chunk.text.data() + line.offset, line.size);
      if (text.find_first_not_of(" \t\r") != std::string_view::npos) decide_json(s, w, text, pair);
    }
    tally(pair, examples, part);
  }
  return part;
}

ReplaySummary replay_jsonl(const Sides& s, const std::string& path, const ReplayOptions& o) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    throw std::runtime_error(
        fmt::format("cannot read {}: {}", path, load::path_error(path, errno)));
  std::unique_ptr<int, void (*)(int*)> closer(&fd, [](int* f) { ::close(*f); });
  batch::BatchInput input(fd, 256 * 1024, path);
  std::vector<std::unique_ptr<JsonWorker>> workers;
  for (unsigned t = 0; t < o.threads; ++t) workers.push_back(std::make_unique<JsonWorker>(s));
  ReplaySummary total;
  // Rounds of 8 chunks per thread: the chunks are read, then decided in
  // parallel, then tallied in input order.
  std::vector<batch::BatchChunk> chunks(std::size_t{8} * o.threads);
  for (bool more = true; more;) {
    std::size_t n = 0;
    while (n < chunks.size() && (more = input.next(chunks[n]))) ++n;
    std::vector<ReplaySummary> parts(n);
    parallel_for(n, o.threads, [&](std::size_t i, unsigned t) {
      parts[i] = replay_chunk(s, *workers[t], chunks[i], path, o.examples);
    });
    for (const auto& part : parts) merge_summary(total, part, o.examples);
  }
  return total;
}

void decide_file(const engine::CompiledRulebook& rules, const std::string& file,
                 std::optional<engine::Decision>& out, std::string& refused) {
  load::LoadedClaim loaded = load::load_claim_file(file, rules.rulebook, {.allow_expect = true});
  if (!loaded.ok()) {
    for (const auto& d : loaded.diagnostics)
      if (d.severity == core::Severity::error) {
        refused = load::claim_error_text(d);
        break;
      }
    return;
  }
  auto d = engine::decide(rules, loaded.claim);
  if (d)
    out = std::move(d.value());
  else
    refused = d.error().message;
}

ReplaySummary replay_folder(const Sides& s, const std::string& path, const ReplayOptions& o) {
  std::vector<std::string> files;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".toml")
      files.push_back(it->path().generic_string());
  if (ec) throw std::runtime_error(fmt::format("cannot read {}: {}", path, ec.message()));
  std::sort(files.begin(), files.end());
  std::vector<ClaimPair> pairs(files.size());
  parallel_for(files.size(), o.threads, [&](std::size_t i, unsigned) {
    pairs[i].label = files[i];
    decide_file(s.a, files[i], pairs[i].old_decision, pairs[i].old_refused);
    decide_file(s.b, files[i], pairs[i].new_decision, pairs[i].new_refused);
  });
  ReplaySummary total;
  for (const auto& p : pairs) tally(p, o.examples, total);
  return total;
}

}  // namespace

ReplaySummary replay_claims(const model::Rulebook& a, const model::Rulebook& b,
                            const std::string& path, const ReplayOptions& options) {
  Sides sides{engine::CompiledRulebook(a), engine::CompiledRulebook(b)};
  ReplayOptions o = options;
  o.threads = std::max(1U, o.threads);
  std::error_code ec;
  ReplaySummary s = std::filesystem::is_directory(path, ec) ? replay_folder(sides, path, o)
                                                            : replay_jsonl(sides, path, o);
  std::erase_if(s.per_rule, [](const auto& entry) { return entry.second == 0; });
  s.minor_digits = b.store.currency.minor_digits;
  return s;
}

}  // namespace fineprint::diff

#include "batch/decider.hpp"

#include <fmt/format.h>

#include "core/limits.hpp"
#include "engine/decision.hpp"
#include "report/decision_json.hpp"
#include "report/json_writer.hpp"

namespace fineprint::batch {

namespace {

const std::string& too_long_message() {
  static const std::string message = fmt::format(
      "the line is longer than {} bytes ({} MiB), the most fineprint reads in one JSON claim, and was skipped (docs/limits.md)",
      core::limits::kMaxJsonLineBytes, core::limits::kMaxJsonLineBytes / (1024 * 1024));
  return message;
}

}  // namespace

void GoodwillTotal::add(const std::optional<core::Minor>& recorded) {
  ++granted;
  if (!recorded) {
    ++without_amount;
    return;
  }
  auto sum = core::checked_add(amount, *recorded);
  overflowed = overflowed || !sum;
  if (sum) amount = *sum;
}

GoodwillTotal& GoodwillTotal::operator+=(const GoodwillTotal& other) {
  granted += other.granted;
  without_amount += other.without_amount;
  auto sum = core::checked_add(amount, other.amount);
  overflowed = overflowed || other.overflowed || !sum;
  if (sum) amount = *sum;
  return *this;
}

void BatchDecider::decide(BatchChunk& chunk) {
  for (std::size_t i = 0; i < chunk.lines.size(); ++i) {
    const BatchChunk::Line& line = chunk.lines[i];
    if (line.too_long) {
      invalid(chunk.first_line + i, too_long_message(), chunk);
      continue;
    }
    decide_line(std::string_view(chunk.text.data() + line.offset, line.size), chunk.first_line + i,
                chunk);
  }
}

void BatchDecider::invalid(std::uint64_t number, const std::string& message, BatchChunk& chunk) {
  report::JsonWriter json;
  json.begin_object();
  json.key("line").value(static_cast<std::int64_t>(number));
  json.key("error").value(message);
  json.end_object();
  chunk.out += json.str();
  chunk.out += '\n';
  ++chunk.counts.invalid;
}

void BatchDecider::decide_line(std::string_view line, std::uint64_t number, BatchChunk& chunk) {
  if (line.find_first_not_of(" \t\r") == std::string_view::npos)
    return invalid(number, "empty line: every line must hold one JSON claim object", chunk);
  core::Diagnostics errors = reader_.read_padded(line, claim_);
  if (!errors.empty()) return invalid(number, load::json_claim_error_text(errors), chunk);
  auto decision = engine::decide(rules_, claim_, engine::GoodwillOffers::only_to_grant);
  if (!decision) return invalid(number, decision.error().message, chunk);
  json_.clear();
  report::write_decision_json(json_, *decision);
  chunk.out += json_.view();
  chunk.out += '\n';
  if (decision->goodwill)
    chunk.counts.goodwill[decision->goodwill->id].add(decision->goodwill->amount);
  switch (decision->verdict) {
    case engine::Verdict::approved:
      ++chunk.counts.approved;
      break;
    case engine::Verdict::partially_approved:
      ++chunk.counts.partially_approved;
      break;
    case engine::Verdict::denied:
      ++chunk.counts.denied;
      break;
    case engine::Verdict::review:
      ++chunk.counts.review;
      break;
  }
}

}  // namespace fineprint::batch

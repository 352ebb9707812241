// `fineprint batch` end to end: the real executable on the JSON forms of
// every example claim, on invalid lines, under several thread counts and TZs.
#include <filesystem>

#include <catch2/catch.hpp>

#include "batch_support.hpp"
#include "mini_json.hpp"

namespace fs = std::filesystem;
using namespace fineprint::testing;

namespace {

const fs::path kRoot = FINEPRINT_SOURCE_DIR;

// One JSON claim line (its file holds one line and a newline).
std::string json_line(const ClaimCase& c) {
  std::string text = read_text(c.json);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

// The bundled-rules claims, repeated to `lines` lines with an invalid line
// every 97th, so that the input spans several chunks.
std::string mixed_input(std::size_t lines) {
  std::vector<std::string> claims;
  for (const auto& c : claim_cases())
    if (c.rules == kRoot / "rules") claims.push_back(json_line(c));
  REQUIRE(!claims.empty());
  std::string input;
  for (std::size_t i = 0; i < lines; ++i)
    input += (i % 97 == 96 ? std::string("{\"claim\": 1}") : claims[i % claims.size()]) + "\n";
  return input;
}

}  // namespace

TEST_CASE("every claim's JSON form decides as resolve --format json decides the TOML", "[batch]") {
  auto cases = claim_cases();
  REQUIRE(cases.size() >= 20);
  for (const auto& c : cases) {
    INFO(c.toml.string());
    REQUIRE(fs::exists(c.json));  // regenerate with tests/batch/make_json.py
    // Two claims each, so that resolve prints compact JSON Lines too.
    std::string line = json_line(c);
    auto batch = run_fineprint({"batch", "--rules", c.rules.string(), "--threads", "1"},
                               line + "\n" + line + "\n");
    auto resolve = run_fineprint({"resolve", "--rules", c.rules.string(), "--format", "json",
                                  c.toml.string(), c.toml.string()});
    REQUIRE(resolve.exit_code == 0);
    CHECK(batch.exit_code == 0);
    CHECK(batch.out == resolve.out);
  }
}

TEST_CASE("batch output bytes do not depend on the thread count or the machine's TZ", "[batch]") {
  // Big inputs go through a file: run_process writes all of stdin before it
  // reads stdout, and a batch's output would fill the pipe first.
  TempDir dir;
  const std::string input = dir.write("in.jsonl", mixed_input(3000)).string();
  auto one = run_fineprint_tz("UTC", {"batch", "--threads", "1", "-i", input});
  REQUIRE(one.exit_code == 1);  // the invalid lines
  REQUIRE(lines_of(one.out).size() == 3000);
  for (const std::string threads : {"2", "3"}) {
    auto many = run_fineprint_tz("UTC", {"batch", "--threads", threads, "-i", input});
    CHECK(many.exit_code == 1);
    CHECK(many.out == one.out);
    CHECK(many.err == one.err);
  }
  for (const std::string tz : {"Pacific/Auckland", "America/Los_Angeles"}) {
    INFO(tz);
    auto other = run_fineprint_tz(tz, {"batch", "--threads", "2", "-i", input});
    CHECK(other.out == one.out);
  }
  // The error records carry their own line numbers, in input order.
  auto lines = lines_of(one.out);
  for (std::size_t i = 96; i < lines.size(); i += 97) {
    auto record = parse_json(lines[i]);
    REQUIRE(record.get("line"));
    CHECK(record.get("line")->number == static_cast<double>(i + 1));
  }
}

TEST_CASE("invalid lines are reported in place and every line is counted", "[batch]") {
  std::string good = json_line(claim_cases().front());
  for (const auto& c : claim_cases())
    if (c.toml.filename() == "washed-wool-hat.toml") good = json_line(c);
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string text = good;
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
  };
  // A 1 MB line: a valid claim with a long customer id.
  std::string huge = replaced("\"C-1187\"", "\"" + std::string(1 << 20, 'x') + "\"");
  std::vector<std::pair<std::string, std::string>> cases{
      {good, ""},
      {"{\"claim\": {", "not valid JSON"},
      {replaced("\"qty\": 1, ", ""), "the required key `claim.items[0].qty` is missing"},
      {replaced("\"29.00\"", "\"29.001\""), "`order.lines[0].unit_price`"},
      {replaced("\"sku\": \"HAT-201\", \"qty\"", "\"sku\": \"HAT-2O1\", \"qty\""),
       "claim.items[0].sku: returned sku `HAT-2O1` is not on order"},
      {huge, ""},
      {"", "empty line"},
      {"   ", "empty line"},
      {replaced("\"4.90\"", "4.90"), ""},
      {replaced("\"4.90\"", "4.9e0"), "`order.shipping`: 4.9e0 has an exponent"},
      {good + " {}", "content after the claim object"},
      {"[]", "must be a JSON object"},
      {replaced("\"qty\": 1, ", "\"qty\": 1, \"qty\": 2, "), "appears twice"},
      {good, ""},
  };
  std::string input;
  for (const auto& [line, error] : cases) input += line + "\n";
  input.pop_back();  // the last line without a line end is a line all the same
  TempDir dir;
  auto run =
      run_fineprint({"batch", "--threads", "2", "-i", dir.write("in.jsonl", input).string()});
  CHECK(run.exit_code == 1);
  auto lines = lines_of(run.out);
  REQUIRE(lines.size() == cases.size());
  int invalid = 0;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    INFO("line " << i + 1 << ": " << lines[i].substr(0, 300));
    auto record = parse_json(lines[i]);
    if (cases[i].second.empty()) {
      CHECK(record.get("verdict"));
    } else {
      ++invalid;
      REQUIRE(record.get("error"));
      CHECK(record.get("line")->number == static_cast<double>(i + 1));
      CHECK(record.get("error")->string.find(cases[i].second) != std::string::npos);
    }
  }
  CHECK(run.err.find(std::to_string(cases.size()) + " claims: 0 approved, 0 partially approved, " +
                     std::to_string(cases.size() - invalid) + " denied, 0 review, " +
                     std::to_string(invalid) + " invalid\n") != std::string::npos);
}

TEST_CASE("batch -o writes the file whole, and bad arguments and rulebooks are exit 2", "[batch]") {
  TempDir dir;
  std::string line;
  for (const auto& c : claim_cases())
    if (c.toml.filename() == "washed-wool-hat.toml") line = json_line(c);
  fs::path in = dir.write("in.jsonl", line + "\n" + line + "\n");
  fs::path out = dir.path() / "out.jsonl";
  auto run = run_fineprint({"batch", "-i", in.string(), "-o", out.string()});
  CHECK(run.exit_code == 0);
  CHECK(run.out.empty());
  CHECK(lines_of(read_text(out)).size() == 2);
  // Only out.jsonl and the input: no temporary file left behind.
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}) == 2);

  fs::path bad_rules = dir.write("bad.toml", "[store]\nname = 1\n");
  fs::path out2 = dir.path() / "out2.jsonl";
  auto refused = run_fineprint(
      {"batch", "--rules", bad_rules.string(), "-i", in.string(), "-o", out2.string()});
  CHECK(refused.exit_code == 2);
  CHECK_FALSE(fs::exists(out2));
  CHECK(run_fineprint({"batch", "--threads", "0"}, "").exit_code == 2);
  CHECK(run_fineprint({"batch", "--threads", "x"}, "").exit_code == 2);
  CHECK(run_fineprint({"batch", "-i", (dir.path() / "missing.jsonl").string()}).exit_code == 2);
  auto empty = run_fineprint({"batch"}, "");
  CHECK(empty.exit_code == 0);
  CHECK(empty.out.empty());
  CHECK(empty.err.find("0 claims: 0 approved") != std::string::npos);
}

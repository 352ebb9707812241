// Decisions and explanations stay byte for byte what they were before the
// promotion index and the lazy failure messages (issue 21): the SHA-256 of
// every output of `price` (text, JSON) and `resolve` (--explain, JSON) on
// every golden case, every example claim and a generated rulebook of 10,000
// promotions, compared with output_digests.txt, which was written by the
// program before that change (commit 3452557). The golden cases' `resolve`
// outputs are compared in full by golden_claims_test.cpp; `price` has no
// expected files, hence its digests here.
//
// A change that means to alter an output updates output_digests.txt (the
// failure prints the new table) and says so in its commit.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "core/sha256.hpp"
#include "golden_cases.hpp"
#include "history_rulebook.hpp"
#include "run_process.hpp"

namespace fs = std::filesystem;
using fineprint::testing::run_fineprint;

namespace {

using fineprint::test::kSourceRoot;
using fineprint::test::read_file;

std::string sha256(const std::string& bytes) {
  fineprint::core::Sha256 hash;
  hash.update(bytes);
  return fineprint::core::hex(hash.finish());
}

using Digests = std::map<std::string, std::string>;  // output name → hex SHA-256

// Runs fineprint; the digest of stdout and the exit code, so that a run
// that fails differs from one that printed the same bytes and succeeded.
void record(Digests& out, const std::string& name, const std::vector<std::string>& args) {
  auto result = run_fineprint(args);
  INFO(name << ": " << fineprint::testing::describe(result));
  CHECK(result.exit_code == 0);
  out[name] = sha256(result.out + "\nexit " + std::to_string(result.exit_code));
}

void price_and_resolve(Digests& out, const std::string& name, const std::string& rules,
                       const std::vector<std::string>& claims) {
  std::vector<std::string> explain = {"resolve", "--rules", rules, "--explain"};
  std::vector<std::string> json = {"resolve", "--rules", rules, "--format", "json"};
  explain.insert(explain.end(), claims.begin(), claims.end());
  json.insert(json.end(), claims.begin(), claims.end());
  record(out, name + " resolve --explain", explain);
  record(out, name + " resolve --format json", json);
  for (const auto& claim : claims) {
    // A store return without a receipt has no order to price (issue 16).
    if (read_file(claim).find("\n[order]") == std::string::npos) continue;
    std::string suffix = claims.size() > 1 ? " " + fs::path(claim).stem().string() : "";
    record(out, name + suffix + " price", {"price", "--rules", rules, claim});
    record(out, name + suffix + " price --format json",
           {"price", "--rules", rules, "--format", "json", claim});
  }
}

void golden_cases(Digests& out) {
  for (const auto& dir : fineprint::test::golden_cases())
    price_and_resolve(out, "golden/" + dir.filename().string(), fineprint::test::golden_rules(dir),
                      {(dir / "claim.toml").string()});
}

void example_claims(Digests& out) {
  fs::path root = kSourceRoot / "examples" / "claims";
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.path().extension() == ".toml" && entry.path().filename() != "rulebook.toml")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    bool own = fs::exists(file.parent_path() / "rulebook.toml");
    std::string rules =
        own ? (file.parent_path() / "rulebook.toml").string() : (kSourceRoot / "rules").string();
    price_and_resolve(out, "examples/" + fs::relative(file, root).generic_string(), rules,
                      {file.string()});
  }
}

std::string line(const char* sku, const char* category, int qty, const char* price,
                 const char* paid = nullptr) {
  std::string out = fmt::format(
      "[[order.lines]]\nsku = \"{}\"\ncategory = \"{}\"\nqty = {}\nunit_price = \"{}\"\n", sku,
      category, qty, price);
  if (paid) out += fmt::format("paid = \"{}\"\n", paid);
  return out;
}

// Orders across the history's last years, web and store, returns and
// promotion claims naming promotions open, closed and not yet started.
std::vector<std::pair<std::string, std::string>> history_claims() {
  auto order = [](const char* placed, const char* channel, const std::string& lines) {
    return fmt::format(
        "[order]\nid = \"O\"\nplaced_at = {}\ndelivered_at = {}\nchannel = \"{}\"\n"
        "shipping = \"4.90\"\ncodes = [\"CH00017\"]\n\n{}\n"
        "[customer]\nid = \"CU\"\nsegments = [\"club\"]\norders_before = 2\n",
        placed, placed, channel, lines);
  };
  std::string lines = line("HAT-201", "hats", 2, "29.00") +
                      line("JKT-101", "jackets", 1, "189.00") +
                      line("SCK-602", "socks", 3, "19.00");
  std::string paid = line("HAT-201", "hats", 2, "29.00", "50.00") +
                     line("BOT-701", "boots", 1, "159.00", "140.00");
  auto ret = [](const char* id, const char* sku, const char* filed) {
    return fmt::format(
        "[claim]\nid = \"{}\"\nkind = \"return\"\nfiled_at = {}\n\n[[claim.items]]\nsku = \"{}\"\n"
        "qty = 1\ncondition = \"sealed\"\nreason = \"changed_mind\"\n\n",
        id, filed, sku);
  };
  auto promo = [](const char* id, const char* promotion) {
    return fmt::format(
        "[claim]\nid = \"{}\"\nkind = \"promotion\"\nfiled_at = 2027-02-20T10:00:00+02:00\n"
        "promotion = \"{}\"\n\n",
        id, promotion);
  };
  return {
      {"r1", ret("R1", "HAT-201", "2027-01-20T10:00:00+02:00") +
                 order("2027-01-12T12:00:00+02:00", "web", lines)},
      {"r2", ret("R2", "BOT-701", "2026-07-10T10:00:00+03:00") +
                 order("2026-06-30T18:30:00+03:00", "store", paid)},
      {"r3", ret("R3", "JKT-101", "2025-03-01T10:00:00+02:00") +
                 order("2025-02-20T09:00:00+02:00", "web", lines)},
      {"p1", promo("P1", "H00670") + order("2027-02-14T12:00:00+02:00", "web", lines)},
      {"p2", promo("P2", "H09998") + order("2027-02-14T12:00:00+02:00", "store", lines)},
      {"p3", promo("P3", "H00420") + order("2026-11-28T08:00:00+02:00", "web", paid)},
  };
}

void history(Digests& out) {
  fineprint::testing::TempDir dir;
  std::string rules = dir.write("rulebook.toml", fineprint::test::history_rulebook(10000)).string();
  std::vector<std::string> claims;
  for (const auto& [name, text] : history_claims())
    claims.push_back(dir.write(name + ".toml", text).string());
  price_and_resolve(out, "history-10000", rules, claims);
}

Digests recorded() {
  Digests out;
  std::istringstream in(
      read_file(kSourceRoot / "tests" / "unit" / "engine" / "output_digests.txt"));
  std::string line;
  while (std::getline(in, line))
    if (line.size() > 66 && line[0] != '#') out[line.substr(66)] = line.substr(0, 64);
  return out;
}

std::string table(const Digests& digests) {
  std::string out;
  for (const auto& [name, digest] : digests) out += digest + "  " + name + "\n";
  return out;
}

}  // namespace

TEST_CASE(
    "price and resolve print the bytes they printed before the promotion index, on every golden case, example claim and a 10,000-promotion rulebook",
    "[golden][history]") {
  Digests got;
  golden_cases(got);
  example_claims(got);
  history(got);
  Digests want = recorded();
  std::string differing;
  for (const auto& [name, digest] : got)
    if (want.count(name) == 0 || want.at(name) != digest) differing += "  " + name + "\n";
  for (const auto& [name, digest] : want)
    if (got.count(name) == 0) differing += "  " + name + " (no longer produced)\n";
  fs::path written = fs::temp_directory_path() / "fineprint-output-digests.txt";
  if (!differing.empty()) std::ofstream(written, std::ios::binary) << table(got);
  INFO("outputs that differ:\n" << differing << "this run's table is in " << written.string());
  CHECK(differing.empty());
  CHECK(got.size() > 100);
}

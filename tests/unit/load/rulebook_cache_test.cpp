// The cache of loaded rulebooks (issue 19, load/rulebook_cache.hpp), end to
// end: the real executable, run cold (the snapshot is written), warm (it is
// restored) and without a cache, must print the same bytes; whatever changed
// must miss.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "run_process.hpp"

using fineprint::testing::describe;
using fineprint::testing::ProcessResult;
using fineprint::testing::read_text;
using fineprint::testing::run_process;
using fineprint::testing::TempDir;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = FINEPRINT_SOURCE_DIR;

// fineprint with `variables` set (and the test run's own cache variables
// cleared), from the source tree.
ProcessResult run_with(const std::vector<std::string>& variables,
                       const std::vector<std::string>& args) {
  std::vector<std::string> argv{"/usr/bin/env",       "-u", "FINEPRINT_CACHE_DIR", "-u",
                                "FINEPRINT_NO_CACHE", "-u", "XDG_CACHE_HOME",      "TZ=UTC"};
  argv.insert(argv.end(), variables.begin(), variables.end());
  argv.push_back(FINEPRINT_EXE);
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, {}, kSource);
}

std::vector<fs::path> snapshots(const fs::path& directory) {
  std::vector<fs::path> found;
  std::error_code error;
  for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error))
    if (it->path().extension() == ".bin") found.push_back(it->path());
  return found;
}

// A restore reads the snapshot in place; a miss writes a new file over it.
ino_t inode(const fs::path& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 ? info.st_ino : 0;
}

// Every output of `args` is the same cold, warm and without a cache, and the
// warm run restored the snapshot the cold one wrote.
void same_bytes_every_way(const std::vector<std::string>& args) {
  TempDir cache;
  const std::string in_cache = "FINEPRINT_CACHE_DIR=" + cache.path().string();
  const ProcessResult none = run_with({"FINEPRINT_NO_CACHE=1"}, args);
  const ProcessResult cold = run_with({in_cache}, args);
  INFO(describe(cold));
  const std::vector<fs::path> written = snapshots(cache.path());
  REQUIRE(written.size() == 1);
  const ino_t first = inode(written.front());
  const ProcessResult warm = run_with({in_cache}, args);
  CHECK(inode(written.front()) == first);  // restored, not rebuilt and written again
  for (const ProcessResult* run : {&cold, &warm}) {
    CHECK(run->exit_code == none.exit_code);
    CHECK(run->out == none.out);
    CHECK(run->err == none.err);
  }
}

std::string rules_of(const fs::path& case_dir) {
  if (fs::exists(case_dir / "rulebook.toml")) return (case_dir / "rulebook.toml").string();
  std::string named = read_text(case_dir / "rules");
  while (!named.empty() && (named.back() == '\n' || named.back() == ' ')) named.pop_back();
  return named;
}

}  // namespace

TEST_CASE("a restored rulebook decides every golden case as a parsed one", "[cache]") {
  for (const auto& entry : fs::directory_iterator(kSource / "tests/claims")) {
    if (!fs::exists(entry.path() / "claim.toml")) continue;
    const std::string claim = (entry.path() / "claim.toml").string();
    const std::string rules = rules_of(entry.path());
    SECTION(entry.path().filename().string()) {
      same_bytes_every_way({"resolve", "--rules", rules, "--format", "json", claim});
      same_bytes_every_way({"resolve", "--rules", rules, "--explain", "--lint-rules", claim});
      same_bytes_every_way({"price", "--rules", rules, claim});
    }
  }
}

TEST_CASE("a restored rulebook writes the same letters and terms", "[cache]") {
  const std::string claim = "examples/claims/washed-wool-hat-goodwill.toml";
  for (const char* language : {"lv", "lt", "pl", "ru", "en"}) {
    SECTION(language) {
      same_bytes_every_way({"reply", "--rules", "rules", "--lang", language, claim});
      same_bytes_every_way({"terms", "--rules", "rules", "--lang", language});
    }
  }
  SECTION("batch") {
    // the example claims in JSON, one per line (a JSON string holds no raw newline)
    TempDir input;
    std::string lines;
    for (const auto& entry : fs::directory_iterator(kSource / "tests/batch/json/examples/claims")) {
      std::string claim = read_text(entry.path());
      std::replace(claim.begin(), claim.end(), '\n', ' ');
      lines += claim + "\n";
    }
    const fs::path jsonl = input.write("claims.jsonl", lines);
    same_bytes_every_way({"batch", "--rules", "rules", "--threads", "1", "-i", jsonl.string()});
  }
}

TEST_CASE("a changed products file misses the snapshot", "[cache]") {
  TempDir cache, rules;
  for (const auto& entry : fs::directory_iterator(kSource / "rules"))
    if (entry.is_regular_file())
      fs::copy_file(entry.path(), rules.path() / entry.path().filename());
  const std::string in_cache = "FINEPRINT_CACHE_DIR=" + cache.path().string();
  // priced from the catalog: no receipt, no order
  const std::vector<std::string> args{
      "resolve",  "--rules", rules.path().string(),
      "--format", "json",    "examples/claims/store-return-no-receipt-no-order.toml"};
  const ProcessResult before = run_with({in_cache}, args);
  REQUIRE(before.exit_code == 0);

  std::string csv = read_text(rules.path() / "products.csv");
  const auto at = csv.find("GLV-301,gloves,39.00,");
  REQUIRE(at != std::string::npos);
  csv.replace(at, 21, "GLV-301,gloves,41.00,");
  rules.write("products.csv", csv);
  const ProcessResult after = run_with({in_cache}, args);
  const ProcessResult none = run_with({"FINEPRINT_NO_CACHE=1"}, args);
  INFO(describe(after));
  CHECK(after.exit_code == 0);
  CHECK(after.out != before.out);  // the gloves' new price
  CHECK(after.out == none.out);
  CHECK(snapshots(cache.path()).size() == 1);  // the same TOML: the one snapshot, written again
}

TEST_CASE("a damaged snapshot is a miss, and is written again", "[cache]") {
  TempDir cache;
  const std::string in_cache = "FINEPRINT_CACHE_DIR=" + cache.path().string();
  const std::vector<std::string> args{"resolve", "--rules",
                                      "rules",   "--format",
                                      "json",    "examples/claims/washed-wool-hat-goodwill.toml"};
  const ProcessResult cold = run_with({in_cache}, args);
  const std::vector<fs::path> written = snapshots(cache.path());
  REQUIRE(written.size() == 1);
  std::string bytes = read_text(written.front());
  for (std::size_t at : {bytes.size() / 2, std::size_t{40}, bytes.size() - 1}) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5a);
    std::ofstream(written.front(), std::ios::binary | std::ios::trunc) << damaged;
    const ino_t before = inode(written.front());
    const ProcessResult warm = run_with({in_cache}, args);
    CHECK(warm.out == cold.out);
    CHECK(warm.err == cold.err);
    CHECK(inode(written.front()) != before);  // replaced by a whole one
    CHECK(read_text(written.front()) == bytes);
  }
}

TEST_CASE("where the cache is, and when there is none", "[cache]") {
  TempDir home, xdg;
  const std::vector<std::string> args{"resolve", "--rules", "rules",
                                      "examples/claims/washed-wool-hat-goodwill.toml"};
  const std::string at_home = "HOME=" + home.path().string();
  SECTION("FINEPRINT_NO_CACHE writes nothing") {
    REQUIRE(run_with({at_home, "FINEPRINT_NO_CACHE=1"}, args).exit_code == 0);
    CHECK(!fs::exists(home.path() / ".cache"));
  }
  SECTION("$HOME/.cache/fineprint by default") {
    REQUIRE(run_with({at_home}, args).exit_code == 0);
    CHECK(snapshots(home.path() / ".cache/fineprint").size() == 1);
  }
  SECTION("an absolute XDG_CACHE_HOME wins over HOME") {
    REQUIRE(run_with({at_home, "XDG_CACHE_HOME=" + xdg.path().string()}, args).exit_code == 0);
    CHECK(snapshots(xdg.path() / "fineprint").size() == 1);
    CHECK(!fs::exists(home.path() / ".cache"));
  }
  SECTION("a relative XDG_CACHE_HOME is ignored, as the XDG specification says") {
    REQUIRE(run_with({at_home, "XDG_CACHE_HOME=relative"}, args).exit_code == 0);
    CHECK(snapshots(home.path() / ".cache/fineprint").size() == 1);
    CHECK(!fs::exists(kSource / "relative"));
  }
  SECTION("a rulebook that does not load is not kept") {
    REQUIRE(
        run_with({at_home}, {"resolve", "--rules", "tests/bad/rulebooks/assert-unknown-key.toml",
                             "examples/claims/washed-wool-hat-goodwill.toml"})
            .exit_code == 2);
    CHECK(snapshots(home.path() / ".cache/fineprint").empty());
  }
}

TEST_CASE("the cache keeps the newest 32 snapshots", "[cache]") {
  TempDir cache;
  const auto old = fs::file_time_type::clock::now() - std::chrono::hours(24);
  for (int i = 0; i < 40; ++i) {
    const fs::path stale = cache.write("rulebook-stale" + std::to_string(i) + ".bin", "old");
    fs::last_write_time(stale, old + std::chrono::minutes(i));
  }
  cache.write("notes.txt", "not a snapshot");
  REQUIRE(run_with({"FINEPRINT_CACHE_DIR=" + cache.path().string()},
                   {"resolve", "--rules", "rules", "examples/claims/washed-wool-hat-goodwill.toml"})
              .exit_code == 0);
  const std::vector<fs::path> kept = snapshots(cache.path());
  CHECK(kept.size() == 32);
  CHECK(fs::exists(cache.path() / "notes.txt"));
  CHECK(!fs::exists(cache.path() / "rulebook-stale8.bin"));  // the 9 oldest went
  CHECK(fs::exists(cache.path() / "rulebook-stale9.bin"));
}

TEST_CASE("a cache directory others may write into, or a linked snapshot, is not used", "[cache]") {
  const std::vector<std::string> args{"resolve", "--rules",
                                      "rules",   "--format",
                                      "json",    "examples/claims/washed-wool-hat-goodwill.toml"};
  const ProcessResult none = run_with({"FINEPRINT_NO_CACHE=1"}, args);
  SECTION("a directory anyone may write into") {
    TempDir cache;
    fs::permissions(cache.path(), fs::perms::all);
    const ProcessResult run = run_with({"FINEPRINT_CACHE_DIR=" + cache.path().string()}, args);
    CHECK(run.out == none.out);
    CHECK(snapshots(cache.path()).empty());
  }
  SECTION("a snapshot that is a symbolic link") {
    TempDir cache, elsewhere;
    const std::string in_cache = "FINEPRINT_CACHE_DIR=" + cache.path().string();
    REQUIRE(run_with({in_cache}, args).exit_code == 0);
    const std::vector<fs::path> written = snapshots(cache.path());
    REQUIRE(written.size() == 1);
    const fs::path target = elsewhere.path() / "planted.bin";
    fs::rename(written.front(), target);
    fs::create_symlink(target, written.front());
    const ProcessResult run = run_with({in_cache}, args);
    CHECK(run.out == none.out);
    CHECK(
        !fs::is_symlink(written.front()));  // read afresh, and a real snapshot written in its place
  }
}

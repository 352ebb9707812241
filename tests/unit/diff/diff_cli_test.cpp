// End-to-end tests of `fineprint diff`: the fixture pairs of tests/diff/
// against their golden outputs (text, JSON, markdown) and the changes their
// NEW file lists inline (`# expect-diff: …`), exit codes, a side that does
// not load, and git:REV sides read from a temporary repository.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "run_process.hpp"

namespace fs = std::filesystem;
using fineprint::testing::contains;
using fineprint::testing::describe;
using fineprint::testing::lines_of;
using fineprint::testing::ProcessResult;
using fineprint::testing::run_fineprint;
using fineprint::testing::run_process;
using fineprint::testing::TempDir;

namespace {

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// old.toml or old/ (a folder rulebook), as a path relative to the source root.
std::string side(const fs::path& dir, const std::string& name) {
  return fs::exists(dir / (name + ".toml")) ? (dir / (name + ".toml")).generic_string()
                                            : (dir / name).generic_string();
}

std::vector<fs::path> cases() {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator("tests/diff"))
    if (entry.is_directory()) out.push_back(fs::path("tests/diff") / entry.path().filename());
  std::sort(out.begin(), out.end());
  return out;
}

// The inline expectations: every `# expect-diff: TEXT` line of NEW's files.
std::vector<std::string> inline_expectations(const fs::path& new_side) {
  std::vector<fs::path> files;
  if (fs::is_directory(new_side)) {
    for (const auto& e : fs::recursive_directory_iterator(new_side))
      if (e.path().extension() == ".toml") files.push_back(e.path());
  } else {
    files.push_back(new_side);
  }
  std::vector<std::string> out;
  const std::string marker = "# expect-diff: ";
  for (const auto& f : files)
    for (const auto& line : lines_of(read(f)))
      if (line.rfind(marker, 0) == 0) out.push_back(line.substr(marker.size()));
  return out;
}

// A case's arguments, one per line of its `args` file: OLD, NEW, options.
std::vector<std::string> extra_args(const fs::path& dir) {
  if (!fs::exists(dir / "args")) return {};
  return lines_of(read(dir / "args"));
}

const std::string kRulebook = R"(fineprint = 1

[store]
name = "Shop"
currency = "EUR"
timezone = "Europe/Riga"
channels = ["web"]

[returns]
hit_policy = "first"
window_from = "delivery"
otherwise = { outcome = "review", because = "A person decides." }

[[returns.rule]]
id = "within-30-days"
when = { days = { max = DAYS } }
outcome = "refund"
)";

std::string rulebook_with(int days) {
  std::string text = kRulebook;
  text.replace(text.find("DAYS"), 4, std::to_string(days));
  return text;
}

void git(const fs::path& repo, const std::vector<std::string>& args) {
  std::vector<std::string> argv{"/usr/bin/git",
                                "-C",
                                repo.string(),
                                "-c",
                                "user.name=t",
                                "-c",
                                "user.email=t@example.com",
                                "-c",
                                "commit.gpgsign=false"};
  argv.insert(argv.end(), args.begin(), args.end());
  ProcessResult r = run_process(argv);
  INFO(describe(r));
  REQUIRE(r.exit_code == 0);
}

}  // namespace

TEST_CASE("diff fixtures print their golden outputs and their inline changes", "[diff][cli]") {
  std::size_t checked = 0;
  for (const fs::path& dir : cases()) {
    // OLD and NEW are the case's old and new, or the first two lines of its `args`.
    std::vector<std::string> sides = extra_args(dir);
    if (sides.empty()) sides = {side(dir, "old"), side(dir, "new")};
    const std::string new_side = sides[1];
    for (const auto& [format, golden] : std::vector<std::pair<std::string, std::string>>{
             {"text", "expected.txt"}, {"json", "expected.json"}, {"markdown", "expected.md"}}) {
      std::vector<std::string> args{"diff"};
      args.insert(args.end(), sides.begin(), sides.end());
      args.push_back("--format");
      args.push_back(format);
      ProcessResult r = run_fineprint(args);
      INFO(dir.string() << " --format " << format << "\n" << describe(r));
      REQUIRE(r.exit_code == 0);
      CHECK(r.out == read(dir / golden));
      ++checked;
      if (format != "text") continue;
      for (const auto& expected : inline_expectations(new_side)) {
        INFO("expected inline: " << expected);
        CHECK(contains(r.out, expected));
      }
      bool unchanged = contains(r.out, "No change: ");
      args.push_back("--fail-on-change");
      CHECK(run_fineprint(args).exit_code == (unchanged ? 0 : 1));
    }
  }
  CHECK(checked >= 12);
}

TEST_CASE("diff exits 2 with the loader's diagnostics when a side does not load", "[diff][cli]") {
  TempDir dir;
  auto good = dir.write("good.toml", rulebook_with(30));
  auto bad =
      dir.write("bad.toml", rulebook_with(30) + "\n[[returns.rule]]\nid = \"x\"\nwhen = 3\n");
  ProcessResult r = run_fineprint({"diff", good.string(), bad.string()});
  INFO(describe(r));
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "bad.toml:"));
  CHECK(contains(r.err, "the NEW side"));
  CHECK(r.out.empty());
  ProcessResult missing = run_fineprint({"diff", good.string(), (dir.path() / "nope").string()});
  CHECK(missing.exit_code == 2);
  CHECK(run_fineprint({"diff", good.string()}).exit_code == 2);
  CHECK(run_fineprint({"diff", good.string(), good.string(), "--format", "xml"}).exit_code == 2);
}

TEST_CASE("diff reads git:REV[:PATH] sides from a repository without a checkout", "[diff][cli]") {
  TempDir repo;
  git(repo.path(), {"init", "-q"});
  fs::create_directories(repo.path() / "rules");
  repo.write("rules/returns.toml", rulebook_with(30));
  git(repo.path(), {"add", "-A"});
  git(repo.path(), {"commit", "-q", "-m", "30 days"});
  repo.write("rules/returns.toml", rulebook_with(45));
  git(repo.path(), {"commit", "-q", "-a", "-m", "45 days"});
  repo.write("rules/returns.toml", rulebook_with(60));  // uncommitted: never read

  std::vector<std::string> argv{FINEPRINT_EXE, "diff", "git:HEAD~1", "git:HEAD",
                                "--fail-on-change"};
  ProcessResult r = run_process(argv, {}, repo.path());
  INFO(describe(r));
  CHECK(r.exit_code == 1);
  CHECK(
      contains(r.out, "days 31 to 45: was review by `otherwise`, now refund by `within-30-days`"));
  CHECK(read(repo.path() / "rules/returns.toml") == rulebook_with(60));

  ProcessResult same = run_process(
      {FINEPRINT_EXE, "diff", "git:HEAD:rules/returns.toml", "git:HEAD", "--fail-on-change"}, {},
      repo.path());
  INFO(describe(same));
  CHECK(same.exit_code == 0);
  CHECK(contains(same.out, "No change: "));

  // PATH defaults to --rules (this commit also takes the 60-day edit).
  repo.write("other/returns.toml", rulebook_with(10));
  git(repo.path(), {"add", "-A"});
  git(repo.path(), {"commit", "-q", "-m", "other rulebook"});
  ProcessResult with_rules = run_process(
      {FINEPRINT_EXE, "diff", "git:HEAD", "git:HEAD:rules", "--rules", "other"}, {}, repo.path());
  INFO(describe(with_rules));
  CHECK(with_rules.exit_code == 0);
  CHECK(contains(with_rules.out,
                 "days 11 to 60: was review by `otherwise`, now refund by `within-30-days`"));

  ProcessResult unknown =
      run_process({FINEPRINT_EXE, "diff", "git:no-such-rev", "git:HEAD"}, {}, repo.path());
  CHECK(unknown.exit_code == 2);
  CHECK(contains(unknown.err, "git:no-such-rev"));
}

TEST_CASE("diff prints the same bytes on any number of threads", "[diff][cli]") {
  std::vector<std::string> args{"diff",
                                "tests/diff/promotion-widened/old.toml",
                                "tests/diff/promotion-widened/new.toml",
                                "--claims",
                                "tests/diff/replay-bundled/claims.jsonl",
                                "--format",
                                "json",
                                "--threads"};
  auto with = [&](const char* threads) {
    std::vector<std::string> a = args;
    a.push_back(threads);
    return run_fineprint(a);
  };
  ProcessResult one = with("1");
  ProcessResult four = with("4");
  INFO(describe(one));
  CHECK(one.exit_code == 0);
  CHECK(contains(one.out, "\"replay\""));
  CHECK(one.out == four.out);
}

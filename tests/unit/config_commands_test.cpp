// End-to-end: fineprint.toml's [rules] path is the default rulebook of every
// command that reads one, with the same precedence everywhere (--rules or
// PATH, then the file, then ./rules), --config and --no-config on each, and
// the file's problems reported with file:line:column by each (issue 18).
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "run_process.hpp"

using fineprint::testing::contains;
using fineprint::testing::describe;
using fineprint::testing::ProcessResult;
using fineprint::testing::run_process;
using fineprint::testing::TempDir;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = FINEPRINT_SOURCE_DIR;

// A repository whose rulebook is the bundled one, copied to policy/ (its
// policy tests included), with an empty sub/ to run from and a claim and
// an order export beside them.
struct Repository {
  TempDir dir;
  Repository() {
    fs::copy(kSource / "rules", dir.path() / "policy", fs::copy_options::recursive);
    fs::create_directories(dir.path() / "sub");
    fs::copy_file(kSource / "examples/claims/opened-underwear.toml", dir.path() / "claim.toml");
    fs::copy_file(kSource / "tests/import/shopify-washed-hat.json", dir.path() / "order.json");
    dir.write("fineprint.toml", "[rules]\npath = \"policy\"\n");
  }
  fs::path path() const { return dir.path(); }
};

// Each command that reads a rulebook, with what it needs besides it
// (relative to sub/), and no rulebook named.
const std::vector<std::vector<std::string>> kCommands = {
    {"lint"},
    {"test"},
    {"resolve", "../claim.toml"},
    {"price", "../claim.toml"},
    {"reply", "../claim.toml"},
    {"terms"},
    {"batch", "-i", "/dev/null"},
    {"claim", "new", "--order", "../order.json", "--from", "shopify"},
};

ProcessResult run_in(const fs::path& dir, std::vector<std::string> args) {
  args.insert(args.begin(), FINEPRINT_EXE);
  return run_process(args, {}, dir);
}

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

}  // namespace

TEST_CASE("every command reads [rules] path of the nearest fineprint.toml, from a subdirectory",
          "[cli][config]") {
  Repository repo;
  for (const auto& command : kCommands) {
    ProcessResult found = run_in(repo.path() / "sub", command);
    INFO(command.front() << ": " << describe(found));
    CHECK(found.exit_code == 0);
    // --no-config reads none: the built-in default, ./rules, is not there.
    ProcessResult none = run_in(repo.path() / "sub", with(command, {"--no-config"}));
    INFO(describe(none));
    CHECK(none.exit_code == 2);
    CHECK(contains(none.err, "rules"));
  }
}

TEST_CASE("fineprint.toml: --config names another file; --rules and PATH win over it",
          "[cli][config]") {
  Repository repo;
  // The nearest file points nowhere; the one named by --config at policy/.
  repo.dir.write("fineprint.toml", "[rules]\npath = \"nowhere\"\n");
  repo.dir.write("sub/other.toml", "[rules]\npath = \"../policy\"\n");
  for (const auto& command : kCommands) {
    ProcessResult nearest = run_in(repo.path() / "sub", command);
    INFO(command.front() << ": " << describe(nearest));
    CHECK(nearest.exit_code == 2);
    CHECK(contains(nearest.err, "nowhere"));
    ProcessResult named = run_in(repo.path() / "sub", with(command, {"--config", "other.toml"}));
    INFO(describe(named));
    CHECK(named.exit_code == 0);
    const bool positional = command.front() == "lint" || command.front() == "test";
    ProcessResult given =
        run_in(repo.path() / "sub",
               positional ? with(command, {"../policy"}) : with(command, {"--rules", "../policy"}));
    INFO(describe(given));
    CHECK(given.exit_code == 0);
  }
}

TEST_CASE("every command reports fineprint.toml's problems with file:line:column",
          "[cli][config]") {
  Repository repo;
  repo.dir.write("fineprint.toml", "[rules]\npath = 7\nfolder = \"policy\"\n");
  std::vector<std::vector<std::string>> commands = kCommands;
  commands.push_back({"diff", "git:HEAD", "git:HEAD"});
  for (const auto& command : commands) {
    // With --rules too: a broken file is never passed over in silence.
    const bool positional = command.front() == "lint" || command.front() == "test";
    for (const auto& args : {command, positional ? with(command, {"../policy"})
                                                 : with(command, {"--rules", "../policy"})}) {
      ProcessResult result = run_in(repo.path() / "sub", args);
      INFO(describe(result));
      CHECK(result.exit_code == 2);
      CHECK(contains(result.err, "../fineprint.toml:2:8: `path` must be a string"));
      CHECK(contains(
          result.err,
          "../fineprint.toml:3:1: unknown key `folder` in [rules]; expected one of: path"));
    }
  }
}

TEST_CASE("diff: a git:REV side without PATH reads [rules] path of fineprint.toml",
          "[cli][config][diff]") {
  Repository repo;
  const std::string dir = repo.path().string();
  auto git = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"/usr/bin/git", "-C", dir, "-c", "user.name=fineprint", "-c",
                               "user.email=fineprint@example.org"});
    return run_process(args);
  };
  REQUIRE(git({"init", "-q"}).exit_code == 0);
  REQUIRE(git({"add", "-A"}).exit_code == 0);
  REQUIRE(git({"commit", "-q", "-m", "rulebook"}).exit_code == 0);
  // From the root and from sub/: the configured path is relative to where
  // fineprint runs ("../…" in sub/), and git:REV reads it at the root.
  for (const fs::path& from : {repo.path(), repo.path() / "sub"}) {
    ProcessResult found = run_in(from, {"diff", "git:HEAD", "git:HEAD"});
    INFO(from.string() << ": " << describe(found));
    CHECK(found.exit_code == 0);
    CHECK(contains(found.out, "No change"));
  }
  ProcessResult outside = run_in(repo.path() / "sub", {"diff", "git:HEAD:../..", "git:HEAD"});
  INFO(describe(outside));
  CHECK(outside.exit_code == 2);
  CHECK(contains(outside.err, "git:HEAD:../..: ../.. is outside the git repository"));
  ProcessResult none = run_in(repo.path(), {"diff", "git:HEAD", "git:HEAD", "--no-config"});
  INFO(describe(none));
  CHECK(none.exit_code == 2);
  CHECK(contains(none.err, "git archive could not read rules at revision HEAD"));
}

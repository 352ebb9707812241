// End-to-end tests of the command-line conventions of issue 18: `-` reads
// standard input wherever a command reads a rulebook or claim file,
// `fineprint help CMD` is `fineprint CMD --help`, fineprint.toml, --color
// with NO_COLOR and FORCE_COLOR, and the shell completion scripts.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "run_process.hpp"

using fineprint::testing::contains;
using fineprint::testing::describe;
using fineprint::testing::ProcessResult;
using fineprint::testing::run_fineprint;
using fineprint::testing::run_process;
using fineprint::testing::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string kClaim = "examples/claims/opened-underwear.toml";

std::string read(const std::string& path) {
  std::ifstream in(std::string(FINEPRINT_SOURCE_DIR) + "/" + path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string source(const std::string& path) {
  return std::string(FINEPRINT_SOURCE_DIR) + "/" + path;
}

}  // namespace

TEST_CASE("resolve - reads the claim from standard input, as from its file", "[cli][stdin]") {
  ProcessResult from_file = run_fineprint({"resolve", "--rules", source("rules"), source(kClaim)});
  ProcessResult piped = run_fineprint({"resolve", "--rules", source("rules"), "-"}, read(kClaim));
  INFO(describe(piped));
  REQUIRE(from_file.exit_code == 0);
  CHECK(piped.exit_code == 0);
  CHECK(piped.out == from_file.out);
}

TEST_CASE("price - and lint - read standard input; errors name <stdin>", "[cli][stdin]") {
  ProcessResult price = run_fineprint({"price", "--rules", source("rules"), "-"}, read(kClaim));
  INFO(describe(price));
  CHECK(price.exit_code == 0);
  CHECK(price.out == run_fineprint({"price", "--rules", source("rules"), source(kClaim)}).out);

  const std::string rulebook = read("tests/lint/time/end-at-2359/fires.toml");
  ProcessResult lint = run_fineprint({"lint", "-"}, rulebook);
  INFO(describe(lint));
  CHECK(lint.exit_code ==
        run_fineprint({"lint", source("tests/lint/time/end-at-2359/fires.toml")}).exit_code);
  CHECK(contains(lint.out, "<stdin>:"));
  CHECK(contains(lint.out, "[time/end-at-2359]"));

  ProcessResult broken = run_fineprint({"resolve", "--rules", source("rules"), "-"}, "[claim\n");
  INFO(describe(broken));
  CHECK(broken.exit_code == 2);
  CHECK(contains(broken.err, "<stdin>:1:"));
}

TEST_CASE("standard input is read once", "[cli][stdin]") {
  ProcessResult twice = run_fineprint({"resolve", "--rules", "-", "-"}, "");
  INFO(describe(twice));
  CHECK(twice.exit_code == 2);
  CHECK(contains(twice.err, "standard input can be read once"));
  CHECK(run_fineprint({"lint", "-", "-"}, "").exit_code == 2);

  // claim new: the rulebook, the order and the guided intake's answers.
  ProcessResult claim = run_fineprint({"claim", "new", "--rules", "-", "--order", "-", "--from",
                                       "shopify", "--item", "X:1:sealed:changed_mind"},
                                      "");
  INFO(describe(claim));
  CHECK(claim.exit_code == 2);
  CHECK(contains(claim.err, "standard input can be read once"));
  ProcessResult guided = run_fineprint(
      {"claim", "new", "--rules", "-", "--no-receipt", "--channel", "store", "--guided"}, "");
  INFO(describe(guided));
  CHECK(guided.exit_code == 2);
  CHECK(contains(guided.err, "standard input can be read once"));

  // A settings file is never standard input: that is kept for the rulebook or claim.
  ProcessResult config = run_fineprint({"resolve", "--config", "-", "-"}, "[claim\n");
  INFO(describe(config));
  CHECK(config.exit_code == 2);
  CHECK(contains(config.err, "--config names a settings file; it cannot be standard input"));
}

TEST_CASE("test - reads the rulebook from standard input, its tests from ./tests", "[cli][stdin]") {
  // The bundled rulebook as one file, piped in, run from rules/ (where tests/ is).
  std::string rulebook;
  for (const std::string file : {"store.toml", "promotions.toml", "returns.toml", "goodwill.toml"})
    rulebook += read("rules/" + file) + "\n";
  // A piped rulebook reads its products file from the current directory, as
  // its tests: without the file elsewhere, leave the products out.
  rulebook.replace(rulebook.find("products = \"products.csv\""), 25, "");
  ProcessResult piped = run_process({FINEPRINT_EXE, "test", "-"}, rulebook, source("rules"));
  INFO(describe(piped));
  CHECK(piped.exit_code == 0);
  CHECK(contains(piped.out, " passed, 0 failed"));
  ProcessResult elsewhere = run_process({FINEPRINT_EXE, "test", "-"}, rulebook, source("docs"));
  CHECK(elsewhere.exit_code == 1);
  CHECK(contains(elsewhere.err, "no policy tests found for -"));
}

TEST_CASE("fineprint help CMD prints that command's help", "[cli][help]") {
  ProcessResult help = run_fineprint({"help", "lint"});
  INFO(describe(help));
  CHECK(help.exit_code == 0);
  CHECK(help.out == run_fineprint({"lint", "--help"}).out);
  CHECK(contains(help.out, "--fail-on"));
  // claim's options are its verb's: `help claim` is `claim new --help`.
  ProcessResult claim = run_fineprint({"help", "claim"});
  CHECK(claim.exit_code == 0);
  CHECK(claim.out == run_fineprint({"claim", "new", "--help"}).out);
  CHECK(contains(claim.out, "--order FILE"));
  ProcessResult unknown = run_fineprint({"help", "lnt"});
  CHECK(unknown.exit_code == 2);
  CHECK(contains(unknown.err, "did you mean `lint`?"));
  CHECK(run_fineprint({"help"}).exit_code == 0);
  CHECK(run_fineprint({}).exit_code == 2);
}

namespace {

// A repository with fineprint.toml at its root and the rulebook in policy/.
ProcessResult lint_in(const TempDir& repo, const std::string& subdir,
                      std::vector<std::string> args = {}) {
  args.insert(args.begin(), {FINEPRINT_EXE, "lint"});
  return run_process(args, {}, repo.path() / subdir);
}

}  // namespace

TEST_CASE("fineprint.toml is found from a subdirectory and sets lint's defaults", "[cli][config]") {
  TempDir repo;
  repo.write("policy/shop.toml", read("tests/lint/time/end-at-2359/fires.toml"));
  repo.write("docs/readme.txt", "");
  // Without a config, ./rules does not exist: exit 2.
  CHECK(lint_in(repo, "docs").exit_code == 2);
  repo.write("fineprint.toml", "[rules]\npath = \"policy\"\n\n[lint]\nfail-on = \"warning\"\n");
  ProcessResult found = lint_in(repo, "docs");
  INFO(describe(found));
  CHECK(found.exit_code == 1);  // the end-at-2359 warning fails at fail-on warning
  CHECK(contains(found.out, "../policy/shop.toml:"));
  // A flag wins over the file; --no-config reads none.
  CHECK(lint_in(repo, "docs", {"--fail-on", "error"}).exit_code == 0);
  CHECK(lint_in(repo, "docs", {"--no-config"}).exit_code == 2);
  repo.write("fineprint.toml",
             "[rules]\npath = \"policy\"\n\n[lint]\nignore = [\"time/\"]\nfail-on = \"warning\"\n");
  CHECK(lint_in(repo, "", {}).exit_code == 0);
  // --config names another file.
  repo.write("strict.toml", "[rules]\npath = \"policy\"\n[lint]\nfail-on = \"info\"\n");
  CHECK(lint_in(repo, "", {"--config", "strict.toml"}).exit_code == 1);
}

TEST_CASE("fineprint.toml: unknown keys and wrong types are errors with file:line:column",
          "[cli][config]") {
  TempDir repo;
  repo.write("rules/shop.toml", read("tests/lint/time/end-at-2359/clean.toml"));
  repo.write("fineprint.toml",
             "[lint]\nfail_on = \"warning\"\nselect = \"time/\"\n\n[rule]\npath = \"x\"\n");
  ProcessResult result = lint_in(repo, "");
  INFO(describe(result));
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err,
                 "fineprint.toml:2:1: unknown key `fail_on` in [lint]; did you mean `fail-on`?"));
  CHECK(
      contains(result.err, "fineprint.toml:3:10: `select` must be a list of rule or family names"));
  CHECK(contains(result.err,
                 "fineprint.toml:5:2: unknown key `rule` at the top level; did you mean `rules`?"));
  repo.write("fineprint.toml", "[lint]\nfail-on = \"loud\"\n");
  ProcessResult severity = lint_in(repo, "");
  CHECK(severity.exit_code == 2);
  CHECK(contains(severity.err,
                 "fineprint.toml:2:11: `fail-on` must be error, warning or info, not \"loud\""));
}

TEST_CASE("lint's colours follow --color, NO_COLOR and FORCE_COLOR", "[cli][color]") {
  const std::string fixture = source("tests/lint/time/end-at-2359/fires.toml");
  auto lint = [&](std::vector<std::string> env, std::vector<std::string> args) {
    std::vector<std::string> argv{"/usr/bin/env", "-u", "NO_COLOR", "-u", "FORCE_COLOR"};
    argv.insert(argv.end(), env.begin(), env.end());
    argv.insert(argv.end(), {FINEPRINT_EXE, "lint"});
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back(fixture);
    return run_process(argv);
  };
  const std::string escape = "\x1b[";
  ProcessResult plain = lint({}, {});
  INFO(describe(plain));
  CHECK_FALSE(contains(plain.out, escape));  // a pipe is not a terminal
  ProcessResult forced = lint({"FORCE_COLOR=1"}, {});
  CHECK(contains(forced.out, escape));
  CHECK(contains(forced.out, "\x1b[1m\x1b[33mwarning\x1b[0m[time/end-at-2359]"));
  CHECK_FALSE(contains(lint({"FORCE_COLOR=0"}, {}).out, escape));
  CHECK_FALSE(contains(lint({"FORCE_COLOR=1", "NO_COLOR=1"}, {}).out, escape));
  CHECK(contains(lint({}, {"--color", "always"}).out, escape));
  CHECK_FALSE(contains(lint({"FORCE_COLOR=1"}, {"--color", "never"}).out, escape));
  // Without the colours, the text is what it always was.
  std::string stripped = forced.out;
  for (auto at = stripped.find(escape); at != std::string::npos; at = stripped.find(escape)) {
    stripped.erase(at, stripped.find('m', at) - at + 1);
  }
  CHECK(stripped == plain.out);
  ProcessResult wrong = lint({}, {"--color", "rainbow"});
  CHECK(wrong.exit_code == 2);
  CHECK(contains(wrong.err, "--color must be auto, always or never, not \"rainbow\""));
}

TEST_CASE("fineprint completion prints scripts that complete commands and options",
          "[cli][completion]") {
  ProcessResult bash = run_fineprint({"completion", "bash"});
  INFO(describe(bash));
  REQUIRE(bash.exit_code == 0);
  TempDir dir;
  dir.write("fineprint.bash", bash.out);
  fs::create_directories(dir.path() / "bin");
  fs::create_symlink(FINEPRINT_EXE, dir.path() / "bin" / "fineprint");
  // Completes in a real bash, the way `complete -F` calls the function.
  auto complete = [&](const std::string& words, int index) {
    std::string script = "source fineprint.bash; COMP_WORDS=(" + words +
                         "); COMP_CWORD=" + std::to_string(index) +
                         "; _fineprint; printf '%s\\n' \"${COMPREPLY[@]}\"";
    return run_process({"/usr/bin/env", "PATH=" + (dir.path() / "bin").string() + ":/usr/bin:/bin",
                        "bash", "--noprofile", "--norc", "-c", script},
                       {}, dir.path())
        .out;
  };
  CHECK(complete("fineprint li", 1) == "lint\n");
  CHECK(complete("fineprint lint --fail", 2) == "--fail-on\n");
  CHECK(complete("fineprint resolve --ru", 2) == "--rules\n");
  CHECK(complete("fineprint terms --no-c", 2) == "--no-config\n");
  CHECK(complete("fineprint claim new --ord", 3) == "--order\n");
  CHECK(complete("fineprint completion z", 2) == "zsh\n");
  CHECK(complete("fineprint help sch", 2) == "schema\n");
  for (const std::string shell : {"zsh", "fish"}) {
    ProcessResult other = run_fineprint({"completion", shell});
    INFO(shell);
    CHECK(other.exit_code == 0);
    for (const std::string command :
         {"lint", "resolve", "batch", "price", "test", "rules", "explain", "schema", "completion"})
      CHECK(contains(other.out, command));
  }
  ProcessResult unknown = run_fineprint({"completion", "tcsh"});
  CHECK(unknown.exit_code == 2);
  CHECK(contains(unknown.err, "the shell must be bash, zsh or fish, not \"tcsh\""));
}

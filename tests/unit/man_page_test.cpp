// End-to-end tests of fineprint(1) (issue 18): the build generates it with
// fineprint_man from docs/fineprint.1.in and the option tables `--help`
// prints, so every command and option of `--help` is in it; the generator
// refuses a template that disagrees with the command table; the same inputs
// give the same bytes. (mandoc -T lint is the ctest docs.man-page; lintian
// on the .deb is pipelines.package.)
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <string>

#include "run_process.hpp"

using fineprint::testing::contains;
using fineprint::testing::describe;
using fineprint::testing::lines_of;
using fineprint::testing::ProcessResult;
using fineprint::testing::read_text;
using fineprint::testing::run_fineprint;
using fineprint::testing::run_process;
using fineprint::testing::TempDir;

namespace {

const std::string kTemplate = std::string(FINEPRINT_SOURCE_DIR) + "/docs/fineprint.1.in";

// The subcommands `fineprint --help` lists.
std::vector<std::string> listed_commands() {
  std::vector<std::string> names;
  bool in_list = false;
  for (const auto& line : lines_of(run_fineprint({"--help"}).out)) {
    if (line == "commands:") in_list = true;
    std::smatch match;
    if (in_list && std::regex_match(line, match, std::regex("  ([a-z]+) .*")))
      names.push_back(match[1]);
  }
  return names;
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string roff_option(const std::string& name) {
  return std::regex_replace("\\fB--" + name + "\\fR", std::regex("-"), "\\-");
}

}  // namespace

TEST_CASE("fineprint(1) has every command and every option that --help shows", "[man]") {
  const std::string page = read_text(FINEPRINT_MAN_PAGE);
  REQUIRE_FALSE(page.empty());
  // The first line of every entry: `\fB\-i\fR, \fB\-\-input\fR \fIFILE\fR`, `\fIPATH\fR...`.
  std::vector<std::string> tags;
  const auto page_lines = lines_of(page);
  for (std::size_t i = 0; i + 1 < page_lines.size(); ++i)
    if (page_lines[i] == ".TP") tags.push_back(page_lines[i + 1]);
  const auto commands = listed_commands();
  REQUIRE(commands.size() >= 13);
  for (const auto& command : commands) {
    ProcessResult help = run_fineprint({"help", command});
    INFO(command << ": " << describe(help));
    REQUIRE(help.exit_code == 0);
    // `claim` documents its verb: `claim new`.
    std::smatch usage;
    REQUIRE(std::regex_search(help.out, usage, std::regex("^usage: fineprint ([a-z]+(?: new)?)")));
    CHECK(contains(page, ".SS \"" + usage[1].str() + "\"\n"));
    const std::regex option("^  (?:-[a-z] \\[ )?--([a-z][a-z-]*)");
    int seen = 0;
    for (const auto& line : lines_of(help.out)) {
      std::smatch match;
      if (!std::regex_search(line, match, option)) continue;
      ++seen;
      const std::string name = match[1];
      INFO("--" << name);
      // An option's entry, or a positional argument's in capitals (PATH, CLAIM).
      bool found = false;
      for (const auto& tag : tags)
        found = found || contains(tag, roff_option(name)) ||
                tag.rfind("\\fI" + upper(name) + "\\fR", 0) == 0;
      CHECK(found);
    }
    CHECK(seen >= 2);  // --help and at least one of the command's own
  }
}

TEST_CASE("fineprint(1) has every form of a usage of several lines, as --help does", "[man]") {
  const std::string page = read_text(FINEPRINT_MAN_PAGE);
  ProcessResult help = run_fineprint({"claim", "--help"});
  INFO(describe(help));
  REQUIRE(help.exit_code == 0);
  // `claim --help` is `claim new --help`: both forms, then the options.
  CHECK(help.out == run_fineprint({"claim", "new", "--help"}).out);
  CHECK(contains(help.out,
                 "\n       fineprint claim new --no-receipt --channel CHANNEL [options]\n"));
  CHECK(
      contains(page,
               ".SS \"claim new\"\n.B \"fineprint claim new\"\n"
               "\\-\\-order FILE \\-\\-from shopify|woocommerce [options]\n.br\n"
               ".B \"fineprint claim new\"\n\\-\\-no\\-receipt \\-\\-channel CHANNEL [options]\n"));
}

TEST_CASE("fineprint(1): the .TH date is the changelog's, the version the executable's", "[man]") {
  const std::string page = read_text(FINEPRINT_MAN_PAGE);
  const std::string version = run_fineprint({"--version"}).out;  // "fineprint 0.1.0\n"
  CHECK(contains(page, ".TH FINEPRINT 1 2026-11-29 \"" + version.substr(0, version.size() - 1) +
                           "\" \"User Commands\"\n"));
  CHECK(contains(read_text(std::string(FINEPRINT_SOURCE_DIR) + "/packaging/changelog"),
                 "Sun, 29 Nov 2026"));
}

TEST_CASE("fineprint_man writes the same bytes from the same inputs", "[man]") {
  TempDir dir;
  ProcessResult made =
      run_process({FINEPRINT_MAN_EXE, kTemplate, "2026-11-29", (dir.path() / "out.1").string()});
  INFO(describe(made));
  REQUIRE(made.exit_code == 0);
  CHECK(read_text(dir.path() / "out.1") == read_text(FINEPRINT_MAN_PAGE));
}

TEST_CASE("fineprint_man refuses a template that disagrees with the command table", "[man]") {
  TempDir dir;
  const std::string full = read_text(kTemplate);
  auto run = [&](const std::string& text, const std::string& date = "2026-11-29") {
    auto in = dir.write("page.1.in", text);
    return run_process({FINEPRINT_MAN_EXE, in.string(), date, (dir.path() / "out.1").string()});
  };
  // A command without prose.
  const std::string marker = ".\\\" @COMMAND completion\n";
  REQUIRE(contains(full, marker));
  std::string without = full;
  without.erase(without.find(marker), marker.size());
  ProcessResult missing = run(without);
  CHECK(missing.exit_code == 1);
  CHECK(contains(missing.err, "docs/fineprint.1.in has no `@COMMAND completion` prose"));
  // Prose for a command the table does not have.
  std::string unknown = full;
  unknown.insert(unknown.find(marker), ".\\\" @COMMAND frobnicate\n");
  ProcessResult extra = run(unknown);
  CHECK(extra.exit_code == 1);
  CHECK(contains(extra.err, "`@COMMAND frobnicate` where the command table has completion"));
  // No synopsis, and a date that is not YYYY-MM-DD.
  std::string no_synopsis = std::regex_replace(full, std::regex(".* @SYNOPSIS\n"), "");
  CHECK(contains(run(no_synopsis).err, "has no `@SYNOPSIS` line"));
  ProcessResult date = run(full, "Nov 29, 2026");
  CHECK(date.exit_code == 1);
  CHECK(contains(date.err, "the date must be YYYY-MM-DD"));
}

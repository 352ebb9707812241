// Golden letters and terms (issue 14): tests/letters/reply/<claim>.<lang>.txt
// and .html for every example claim in all five languages, tests/letters/
// terms/<lang>.md and .html for the bundled rulebook. The real executable
// runs; its output must match byte for byte, whatever TZ and LC_ALL are.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "load/rulebook_loader.hpp"
#include "run_process.hpp"

namespace fs = std::filesystem;
using fineprint::testing::describe;
using fineprint::testing::run_process;
using namespace fineprint;

namespace {

const fs::path kRoot = FINEPRINT_SOURCE_DIR;

// The languages the bundled rulebook answers in (all five once rules/ is
// translated): a golden is required for each.
std::vector<std::string> bundled_languages() {
  load::LoadedRulebook loaded = load::load_rulebook({(kRoot / "rules").string()});
  return loaded.rulebook.store.languages;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The executable run from the repository root under the given environment.
fineprint::testing::ProcessResult run_in(const std::vector<std::string>& environment,
                                         const std::vector<std::string>& args) {
  std::vector<std::string> argv{"/usr/bin/env", "-i"};
  argv.insert(argv.end(), environment.begin(), environment.end());
  argv.push_back(FINEPRINT_EXE);
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, {}, kRoot);
}

// The reply arguments of a golden named <claim>.<lang>.<ext>; a claim of a
// folder of examples/claims/ is named <folder>--<claim> and uses its rulebook.
std::vector<std::string> reply_args(const fs::path& golden) {
  const std::string stem = golden.stem().stem().string();
  const std::string language = golden.stem().extension().string().substr(1);
  const std::string format = golden.extension() == ".html" ? "html" : "text";
  std::string rules = "rules", claim = "examples/claims/" + stem + ".toml";
  if (auto split = stem.find("--"); split != std::string::npos) {
    const std::string folder = "examples/claims/" + stem.substr(0, split) + "/";
    rules = folder + "rulebook.toml";
    claim = folder + stem.substr(split + 2) + ".toml";
  }
  return {"reply", "--rules", rules, "--lang", language, "--format", format, claim};
}

std::vector<fs::path> goldens(const std::string& folder) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(kRoot / "tests/letters" / folder))
    out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

void check_same(const fs::path& golden, const std::vector<std::string>& args,
                const std::vector<std::string>& environment) {
  auto result = run_in(environment, args);
  INFO(golden.string() << "\n" << describe(result));
  REQUIRE(result.exit_code == 0);
  CHECK(result.out == read(golden));
}

}  // namespace

TEST_CASE("every example claim has a golden letter in every language, as text and HTML",
          "[letters][golden]") {
  std::set<std::string> have;
  for (const auto& path : goldens("reply")) have.insert(path.filename().string());
  for (const auto& entry : fs::directory_iterator(kRoot / "examples/claims")) {
    if (entry.path().extension() != ".toml") continue;
    for (const auto& language : bundled_languages())
      for (const char* ext : {".txt", ".html"}) {
        const std::string name = entry.path().stem().string() + "." + language + ext;
        INFO("missing tests/letters/reply/" << name << " (tests/letters/regenerate.sh)");
        CHECK(have.count(name) == 1);
      }
  }
  for (const auto& language : bundled_languages())
    for (const char* ext : {".md", ".html"}) {
      INFO("missing tests/letters/terms/" << language << ext);
      CHECK(fs::exists(kRoot / "tests/letters/terms" / (language + ext)));
    }
}

TEST_CASE("reply prints each golden letter byte for byte", "[letters][golden]") {
  for (const auto& golden : goldens("reply")) check_same(golden, reply_args(golden), {"TZ=UTC"});
}

TEST_CASE("terms prints each golden page byte for byte", "[letters][golden]") {
  for (const auto& golden : goldens("terms")) {
    const std::string language = golden.stem().string();
    const std::string format = golden.extension() == ".html" ? "html" : "markdown";
    check_same(golden, {"terms", "--rules", "rules", "--lang", language, "--format", format},
               {"TZ=UTC"});
  }
}

TEST_CASE("letters and terms are the same bytes whatever the machine's TZ and locale",
          "[letters][golden]") {
  const std::vector<std::vector<std::string>> environments{
      {"TZ=America/New_York", "LC_ALL=C"},
      {"TZ=Pacific/Kiritimati", "LC_ALL=lv_LV.UTF-8", "LANG=lv_LV.UTF-8"},
      {"TZ=Asia/Kolkata", "LC_ALL=ru_RU.UTF-8"},
      {"LC_ALL=en_US.UTF-8"},  // no TZ at all: the machine's /etc/localtime
  };
  // A letter of each kind and format: every fifth golden.
  std::vector<fs::path> samples;
  const std::vector<fs::path> all = goldens("reply");
  for (std::size_t i = 0; i < all.size(); i += 5) samples.push_back(all[i]);
  REQUIRE(!samples.empty());
  const std::string language = bundled_languages().back();
  for (const auto& environment : environments) {
    for (const auto& golden : samples) check_same(golden, reply_args(golden), environment);
    check_same(kRoot / "tests/letters/terms" / (language + ".md"),
               {"terms", "--rules", "rules", "--lang", language, "--format", "markdown"},
               environment);
  }
}

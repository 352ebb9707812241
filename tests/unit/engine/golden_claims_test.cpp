// Golden end-to-end cases: tests/claims/<case>/ holds a rulebook (rulebook.toml,
// or a file `rules` naming a path relative to the repository root), claim.toml
// and the expected stdout of `resolve` as text and as JSON. The real
// executable runs; its output must match byte for byte.
#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "golden_cases.hpp"

namespace fs = std::filesystem;

namespace {

using fineprint::test::golden_cases;
using fineprint::test::golden_rules;
using fineprint::test::read_file;

std::string quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct Run {
  std::string out;
  int status = -1;
};

// Runs the executable with `args` under the time zone `tz`; stdout only.
Run run(const std::string& args, const std::string& tz = "UTC") {
  std::string command =
      "TZ=" + quote(tz) + " " + quote(FINEPRINT_EXE) + " " + args + " 2>/dev/null";
  Run result;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.out.append(buffer.data(), n);
  result.status = pclose(pipe);
  return result;
}

// The first differing line, shown as a small diff.
std::string diff(const std::string& expected, const std::string& got) {
  std::istringstream e(expected), g(got);
  std::string el, gl;
  for (int line = 1;; ++line) {
    bool has_e = static_cast<bool>(std::getline(e, el));
    bool has_g = static_cast<bool>(std::getline(g, gl));
    if (!has_e && !has_g) return "outputs differ only in the final newline";
    if (!has_e || !has_g || el != gl) {
      std::ostringstream out;
      out << "first difference at line " << line << ":\n- expected: " << (has_e ? el : "<end>")
          << "\n+ got:      " << (has_g ? gl : "<end>") << "\n--- full output ---\n"
          << got;
      return out.str();
    }
  }
}

// `format` is text, json, or explain (text with --explain, compared with
// expected-explain.txt when the case has one).
std::string resolve_args(const fs::path& dir, const std::string& format) {
  std::string how = format == "explain" ? "--format text --explain" : "--format " + format;
  return "resolve --rules " + quote(golden_rules(dir)) + " " + how + " " +
         quote((dir / "claim.toml").string());
}

std::string expected_name(const std::string& format) {
  if (format == "text") return "expected.txt";
  if (format == "json") return "expected.json";
  return "expected-explain.txt";
}

}  // namespace

TEST_CASE("golden claim cases: text and JSON, byte for byte", "[golden]") {
  auto all = golden_cases();
  REQUIRE_FALSE(all.empty());
  for (const auto& dir : all) {
    for (const std::string format : {"text", "json", "explain"}) {
      fs::path expected_file = dir / expected_name(format);
      if (format == "explain" && !fs::exists(expected_file)) continue;
      DYNAMIC_SECTION(dir.filename().string() << " " << format) {
        REQUIRE(fs::exists(expected_file));
        Run got = run(resolve_args(dir, format));
        CHECK(got.status == 0);
        std::string expected = read_file(expected_file);
        if (got.out != expected)
          FAIL(dir.filename().string() << " (" << format << "): " << diff(expected, got.out));
      }
    }
  }
}

TEST_CASE("resolve prints the same bytes whatever time zone the program runs in",
          "[golden][determinism]") {
  for (const auto& dir : golden_cases()) {
    for (const std::string format : {"text", "json"}) {
      Run utc = run(resolve_args(dir, format), "UTC");
      Run auckland = run(resolve_args(dir, format), "Pacific/Auckland");
      Run los_angeles = run(resolve_args(dir, format), "America/Los_Angeles");
      INFO(dir.filename().string() << " " << format);
      CHECK(utc.out == auckland.out);
      CHECK(utc.out == los_angeles.out);
      CHECK_FALSE(utc.out.empty());
    }
  }
}

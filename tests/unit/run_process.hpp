// Runs a program the way a user would (fork/exec, no shell) and captures its
// stdout, stderr and how it ended, for end-to-end tests of the executable.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace fineprint::testing {

// Address-space limits and peak RSS mean nothing under AddressSanitizer
// (terabytes of shadow memory, a quarantine of freed blocks): the tests that
// check them under prlimit skip that part in a sanitized build.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

struct ProcessResult {
  int exit_code = -1;  // valid when exited()
  int signal = 0;      // the signal that killed it, 0 if it exited
  std::string out;
  std::string err;

  bool exited() const { return signal == 0 && exit_code >= 0; }
};

// Runs argv[0] (a path, not looked up in PATH) with the given arguments,
// feeding `input` on stdin; `cwd` empty keeps the current directory.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input = {},
                          const std::filesystem::path& cwd = {});

// How a run ended and what it printed (the first 4,000 bytes of each
// stream), for INFO() when a check on it fails.
std::string describe(const ProcessResult& result);

bool contains(const std::string& text, std::string_view part);
// The bytes of a file ("" when it cannot be read).
std::string read_text(const std::filesystem::path& path);
bool starts_with(const std::string& text, std::string_view prefix);
// The lines of `text`, without their '\n'.
std::vector<std::string> lines_of(const std::string& text);

// Runs the fineprint executable under test (FINEPRINT_EXE) with `args`.
ProcessResult run_fineprint(const std::vector<std::string>& args, const std::string& input = {});

// A fresh directory under the system temp dir, removed with its contents
// when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `content` byte for byte to `name` inside the directory.
  std::filesystem::path write(const std::string& name, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

}  // namespace fineprint::testing

// The JSON Lines reader of `batch` (issue 20): a line past
// core::limits::kMaxJsonLineBytes is one invalid line, refused without being
// held; an endless stream without line ends is read in bounded memory; a
// UTF-8 BOM at the start of the input is skipped. Time is measured by
// tests/bench/batch/long_lines.sh, not here.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "batch_support.hpp"
#include "core/limits.hpp"
#include "mini_json.hpp"

namespace fs = std::filesystem;
using namespace fineprint::testing;

namespace {

const fs::path kRoot = FINEPRINT_SOURCE_DIR;
constexpr std::size_t kMax = fineprint::core::limits::kMaxJsonLineBytes;

const std::string kTooLong = "the line is longer than " + std::to_string(kMax) +
                             " bytes (16 MiB), the most fineprint reads in one JSON claim";

// A field of /proc/PID/FILE ("VmHWM:", "rchar:"), the number after it.
std::uint64_t proc_number(pid_t pid, const std::string& file, const std::string& field) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/" + file);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(field, 0) == 0) return std::strtoull(line.c_str() + field.size(), nullptr, 10);
  return 0;
}

}  // namespace

TEST_CASE("batch skips a UTF-8 BOM at the start of its input", "[batch]") {
  const std::string bom = "\xEF\xBB\xBF", line = claim_line();
  auto run = run_fineprint({"batch", "--rules", (kRoot / "rules").string(), "--threads", "1"},
                           bom + line + "\r\n" + line + "\n");
  INFO(describe(run));
  CHECK(run.exit_code == 0);
  auto lines = lines_of(run.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == lines[1]);
  CHECK(parse_json(lines[0]).get("verdict"));

  // Only at the start of the stream: elsewhere it is not JSON.
  auto later = run_fineprint({"batch", "--rules", (kRoot / "rules").string()},
                             line + "\n" + bom + line + "\n");
  CHECK(later.exit_code == 1);
  REQUIRE(lines_of(later.out).size() == 2);
  CHECK(contains(lines_of(later.out)[1], "{\"line\":2,\"error\":\"not valid JSON"));

  auto alone = run_fineprint({"batch", "--rules", (kRoot / "rules").string()}, bom);
  CHECK(alone.exit_code == 0);
  CHECK(alone.out.empty());
  CHECK(contains(alone.err, "0 claims: "));
}

TEST_CASE("a line past the bound is one invalid line and the lines after it are decided",
          "[batch]") {
  const std::string line = claim_line();
  auto padded = [&](std::size_t size) {  // a valid claim, spaces after it
    REQUIRE(size >= line.size());
    return line + std::string(size - line.size(), ' ');
  };
  TempDir dir;
  fs::path in = dir.path() / "in.jsonl";
  {
    std::ofstream out(in, std::ios::binary);
    out << line << '\n'                                  // 1 decided
        << padded(kMax) << '\n'                          // 2 decided: exactly the bound
        << padded(kMax + 1) << '\n'                      // 3 too long by one byte
        << padded(kMax) << "\r\n"                        // 4 decided: CRLF is no part of it
        << std::string(kMax + 1 + 300'000, 'x') << '\n'  // 5 too long, over several reads
        << line << '\n'                                  // 6 decided
        << line << '\n'                                  // 7 decided
        << std::string(2 * kMax, 'y');                   // 8 too long, no line end
    REQUIRE(out);
  }
  const std::vector<bool> decided{true, true, false, true, false, true, true, false};
  std::string first;
  for (const std::string threads : {"1", "2"}) {
    auto run = run_fineprint(
        {"batch", "--rules", (kRoot / "rules").string(), "--threads", threads, "-i", in.string()});
    INFO("--threads " << threads << "\n" << describe(run));
    CHECK(run.exit_code == 1);
    auto lines = lines_of(run.out);
    REQUIRE(lines.size() == decided.size());  // nothing dropped
    for (std::size_t i = 0; i < lines.size(); ++i) {
      INFO("line " << i + 1 << ": " << lines[i].substr(0, 300));
      auto record = parse_json(lines[i]);
      if (decided[i]) {
        CHECK(record.get("verdict"));
      } else {
        REQUIRE(record.get("error"));
        CHECK(record.get("line")->number == static_cast<double>(i + 1));
        CHECK(starts_with(record.get("error")->string, kTooLong));
      }
    }
    CHECK(contains(run.err,
                   "8 claims: 0 approved, 0 partially approved, 5 denied, 0 review, "
                   "3 invalid\n"));
    if (first.empty()) first = run.out;
    CHECK(run.out == first);
  }
}

TEST_CASE("batch reads 300 MB without a line end under a 512 MB address-space limit", "[batch]") {
  if (kSanitized) {
    WARN("skipped under AddressSanitizer");
    return;
  }
  if (::access("/usr/bin/prlimit", X_OK) != 0) {
    WARN("skipped: no /usr/bin/prlimit");
    return;
  }
  // Before issue 20 the pending line grew to the whole stream: bad_alloc.
  auto run = run_process({"/bin/sh", "-c",
                          "head -c 300M /dev/zero | /usr/bin/prlimit --as=536870912 -- \"$0\" "
                          "batch --rules \"$1\" --threads 2",
                          FINEPRINT_EXE, (kRoot / "rules").string()});
  INFO(describe(run));
  CHECK(run.exit_code == 1);
  CHECK(starts_with(run.out, "{\"line\":1,\"error\":\"" + kTooLong));
  CHECK(lines_of(run.out).size() == 1);
  CHECK(contains(run.err,
                 "1 claims: 0 approved, 0 partially approved, 0 denied, 0 review, "
                 "1 invalid\n"));
}

TEST_CASE("batch -i /dev/zero reports line 1 at once and reads on in bounded memory", "[batch]") {
  if (kSanitized) {
    WARN("skipped under AddressSanitizer");
    return;
  }
  static std::vector<std::string> args;
  // Two threads: many cores' thread stacks alone could pass the address-space limit.
  args = {FINEPRINT_EXE, "batch", "--rules", (kRoot / "rules").string(),
          "--threads",   "2",     "-i",      "/dev/zero"};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  int out[2];
  REQUIRE(::pipe2(out, O_CLOEXEC) == 0);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    rlimit as{512ul << 20, 512ul << 20};
    ::setrlimit(RLIMIT_AS, &as);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  // The error for line 1 comes as soon as the line passes the bound; the
  // stream never ends, so nothing else ever does.
  std::string received;
  char buffer[4096];
  for (int tries = 0; tries < 6000 && received.find('\n') == std::string::npos; ++tries) {
    pollfd ready{out[0], POLLIN, 0};
    if (::poll(&ready, 1, 10) <= 0) continue;
    ssize_t n = ::read(out[0], buffer, sizeof buffer);
    if (n <= 0) break;
    received.append(buffer, static_cast<std::size_t>(n));
  }
  CHECK(starts_with(received, "{\"line\":1,\"error\":\"" + kTooLong));
  // Read on: 1 GiB of zeros (bounded wait, no clock), still running, and
  // the peak resident memory far below what was read.
  std::uint64_t read = 0;
  for (int tries = 0; tries < 6000 && read < (1ull << 30); ++tries) {
    read = proc_number(pid, "io", "rchar:");
    ::usleep(10'000);
  }
  std::uint64_t peak_kb = proc_number(pid, "status", "VmHWM:");
  int status = 0;
  CHECK(::waitpid(pid, &status, WNOHANG) == 0);
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  ::close(out[0]);
  CHECK(read >= (1ull << 30));
  CHECK(peak_kb > 0);
  CHECK(peak_kb < 128 * 1024);
}

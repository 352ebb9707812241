// A batch killed with SIGKILL while writing `-o out.jsonl` leaves no
// out.jsonl: the output is renamed into place only when it is whole.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "batch_support.hpp"

namespace fs = std::filesystem;
using namespace fineprint::testing;

namespace {

void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    REQUIRE(n > 0);
    done += static_cast<std::size_t>(n);
  }
}

// The size of the hidden temporary file batch writes, 0 when there is none yet.
std::uintmax_t temp_size(const fs::path& dir) {
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().filename().string().rfind(".out.jsonl.", 0) == 0) return entry.file_size();
  return 0;
}

}  // namespace

TEST_CASE("SIGKILL during batch -o leaves no half-written output file", "[batch]") {
  TempDir dir;
  fs::path out = dir.path() / "out.jsonl";
  std::string line;
  for (const auto& c : claim_cases())
    if (c.toml.filename() == "washed-wool-hat.toml") line = read_text(c.json);
  REQUIRE(!line.empty());

  int input[2];
  REQUIRE(::pipe(input) == 0);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(input[0], STDIN_FILENO);
    ::close(input[0]);
    ::close(input[1]);
    int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, STDERR_FILENO);
    ::execl(FINEPRINT_EXE, FINEPRINT_EXE, "batch", "--rules",
            (fs::path(FINEPRINT_SOURCE_DIR) / "rules").c_str(), "--threads", "2", "-o", out.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(input[0]);
  // Many claims, and the input kept open: batch is still running (waiting
  // for more) however fast it is, and has written part of its output.
  std::string block;
  for (int i = 0; i < 1000; ++i) block += line;
  for (int i = 0; i < 20; ++i) write_all(input[1], block);
  // Wait (bounded, no clock) until decided output reaches the temporary file.
  for (int tries = 0; tries < 20000 && temp_size(dir.path()) == 0; ++tries) ::usleep(1000);
  CHECK(temp_size(dir.path()) > 0);
  REQUIRE(::kill(pid, SIGKILL) == 0);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  ::close(input[1]);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGKILL);
  CHECK_FALSE(fs::exists(out));
}

// `batch -o` (issue 20): what the path points at decides how it is written.
// A device or a FIFO is written in place, a symbolic link's target is
// replaced, the input, a directory or a path that cannot be written is
// refused before any work, an existing file keeps its mode, and every
// catchable termination signal removes the temporary file.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "batch_support.hpp"

namespace fs = std::filesystem;
using namespace fineprint::testing;

namespace {

const fs::path kRoot = FINEPRINT_SOURCE_DIR;

std::vector<std::string> batch_args(const fs::path& in, const std::string& out) {
  return {"batch", "--rules", (kRoot / "rules").string(), "--threads", "2", "-i", in.string(),
          "-o",    out};
}

// The names in `dir`, sorted.
std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

fs::perms perms_of(const fs::path& path) {
  return fs::status(path).permissions();
}

}  // namespace

TEST_CASE("batch -o /dev/null and /dev/full write to the device, never replace it", "[batch]") {
  TempDir dir;
  std::string line = claim_line();
  fs::path in = dir.write("in.jsonl", line + "\n" + line + "\n");
  auto null = run_fineprint(batch_args(in, "/dev/null"));
  INFO(describe(null));
  CHECK(null.exit_code == 0);
  CHECK(contains(null.err, "2 claims: "));
  CHECK(fs::is_character_file("/dev/null"));  // as root, it used to become a regular file

  auto full = run_fineprint(batch_args(in, "/dev/full"));
  INFO(describe(full));
  CHECK(full.exit_code == 2);
  CHECK(contains(full.err, "fineprint: error: cannot write /dev/full: No space left on device"));
  CHECK(fs::is_character_file("/dev/full"));
}

TEST_CASE("batch -o a FIFO writes into it, and its reader gets every line", "[batch]") {
  TempDir dir;
  std::string line = claim_line();
  fs::path in = dir.write("in.jsonl", line + "\n" + line + "\n");
  fs::path fifo = dir.path() / "decisions.fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string received;
  std::thread reader([&] {
    int fd = ::open(fifo.c_str(), O_RDONLY);  // waits for the writer
    if (fd < 0) return;
    char buffer[65536];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
      received.append(buffer, static_cast<std::size_t>(n));
    ::close(fd);
  });
  auto run = run_fineprint(batch_args(in, fifo.string()));
  // Should batch fail before opening the FIFO, this frees the reader.
  int unblock = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
  if (unblock >= 0) ::close(unblock);
  reader.join();
  INFO(describe(run));
  CHECK(run.exit_code == 0);
  auto expected = run_fineprint(batch_args(in, "-"));
  REQUIRE(expected.exit_code == 0);
  CHECK(lines_of(received).size() == 2);
  CHECK(received == expected.out);
  CHECK(fs::is_fifo(fifo));
  CHECK(names_in(dir.path()) == std::vector<std::string>{"decisions.fifo", "in.jsonl"});
}

TEST_CASE("batch -o a symbolic link replaces its target and keeps the link", "[batch]") {
  TempDir dir;
  std::string line = claim_line();
  fs::path in = dir.write("in.jsonl", line + "\n");
  auto expected = run_fineprint(batch_args(in, "-"));
  REQUIRE(expected.exit_code == 0);

  // The target in another directory: the temporary file goes next to it.
  fs::path target = dir.write("data/decisions.jsonl", "old\n");
  fs::permissions(target, fs::perms(0640));
  fs::create_directory(dir.path() / "links");
  fs::path link = dir.path() / "links" / "out.jsonl";
  fs::create_symlink("../data/decisions.jsonl", link);
  auto run = run_fineprint(batch_args(in, link.string()));
  INFO(describe(run));
  CHECK(run.exit_code == 0);
  CHECK(fs::is_symlink(link));
  CHECK(fs::read_symlink(link) == "../data/decisions.jsonl");
  CHECK(read_text(target) == expected.out);
  CHECK(perms_of(target) == fs::perms(0640));
  CHECK(names_in(dir.path() / "data") == std::vector<std::string>{"decisions.jsonl"});
  CHECK(names_in(dir.path() / "links") == std::vector<std::string>{"out.jsonl"});

  // A dangling link: its target is created, as `>` would.
  fs::path dangling = dir.path() / "links" / "new.jsonl";
  fs::create_symlink("../data/new.jsonl", dangling);
  auto created = run_fineprint(batch_args(in, dangling.string()));
  INFO(describe(created));
  CHECK(created.exit_code == 0);
  CHECK(fs::is_symlink(dangling));
  CHECK(read_text(dir.path() / "data" / "new.jsonl") == expected.out);

  // A loop is refused.
  fs::create_symlink("b.jsonl", dir.path() / "a.jsonl");
  fs::create_symlink("a.jsonl", dir.path() / "b.jsonl");
  auto loop = run_fineprint(batch_args(in, (dir.path() / "a.jsonl").string()));
  CHECK(loop.exit_code == 2);
  CHECK(contains(loop.err, "Too many levels of symbolic links"));
}

TEST_CASE("batch -o the input file is refused before any work, the input intact", "[batch]") {
  TempDir dir;
  std::string line = claim_line();
  const std::string text = line + "\n" + line + "\n";
  fs::path in = dir.write("in.jsonl", text);
  fs::create_symlink("in.jsonl", dir.path() / "alias.jsonl");
  for (const fs::path& out : {in, dir.path() / "alias.jsonl", dir.path() / "." / "in.jsonl"}) {
    auto run = run_fineprint(batch_args(in, out.string()));
    INFO(out.string() << "\n" << describe(run));
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(
        contains(run.err, "fineprint: error: cannot write " + out.string() + ": it is the input"));
    CHECK_FALSE(contains(run.err, "claims:"));  // nothing was decided
    CHECK(read_text(in) == text);
    CHECK(names_in(dir.path()) == std::vector<std::string>{"alias.jsonl", "in.jsonl"});
  }
}

TEST_CASE("batch -o a directory or an unwritable path is refused before any work", "[batch]") {
  TempDir dir;
  std::string line = claim_line();
  fs::path in = dir.write("in.jsonl", line + "\n");
  // A rulebook that does not load: the output is refused first, so its
  // message is the only one.
  fs::path bad_rules = dir.write("bad.toml", "[store]\nname = 1\n");
  auto refused = [&](const std::string& out, const std::string& reason) {
    auto run =
        run_fineprint({"batch", "--rules", bad_rules.string(), "-i", in.string(), "-o", out});
    INFO(out << "\n" << describe(run));
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(starts_with(run.err, "fineprint: error: cannot write " + out + ": "));
    CHECK(contains(run.err, reason));
    CHECK(lines_of(run.err).size() == 1);
  };
  fs::create_directory(dir.path() / "out");
  refused((dir.path() / "out").string(), "Is a directory");
  refused((dir.path() / "out").string() + "/", "Is a directory");
  refused((dir.path() / "missing" / "out.jsonl").string(), "No such file or directory");
  refused((dir.path() / "in.jsonl" / "out.jsonl").string(), "Not a directory");
  CHECK(names_in(dir.path() / "out").empty());
  if (::geteuid() != 0) {  // root may write anywhere
    fs::path locked = dir.path() / "locked";
    fs::create_directory(locked);
    fs::permissions(locked, fs::perms(0555));
    refused((locked / "out.jsonl").string(), "Permission denied");
    fs::path readonly = dir.write("readonly.jsonl", "old\n");
    fs::permissions(readonly, fs::perms(0444));
    refused(readonly.string(), "Permission denied");
    CHECK(read_text(readonly) == "old\n");
    fs::permissions(locked, fs::perms(0755));
  }
}

TEST_CASE("batch -o keeps the mode of the file it replaces", "[batch]") {
  TempDir dir;
  std::string line = claim_line();
  fs::path in = dir.write("in.jsonl", line + "\n");
  for (int mode : {0640, 0600, 0664}) {
    fs::path out = dir.write("out.jsonl", "old\n");
    fs::permissions(out, fs::perms(mode));
    auto run = run_fineprint(batch_args(in, out.string()));
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK(lines_of(read_text(out)).size() == 1);
    CHECK(perms_of(out) == fs::perms(mode));
  }
  // A new file gets the mode a plain create would (0666 less the umask).
  mode_t mask = ::umask(0);
  ::umask(mask);
  fs::path fresh = dir.path() / "fresh.jsonl";
  CHECK(run_fineprint(batch_args(in, fresh.string())).exit_code == 0);
  CHECK(perms_of(fresh) == fs::perms(0666 & ~mask));
}

namespace {

// A batch with `-o DIR/out.jsonl` reading from a pipe the test holds open,
// every signal at its default action (run_process ignores SIGPIPE, and an
// ignored signal stays ignored across exec), `ignored` ignored, no core files.
struct Batch {
  pid_t pid = -1;
  int input = -1;  // the write end of its stdin
};

Batch start_batch(const fs::path& out, int ignored = 0) {
  static std::vector<std::string> args;  // outlives the fork; the child only reads it
  args = {FINEPRINT_EXE, "batch", "--rules", (kRoot / "rules").string(),
          "--threads",   "2",     "-o",      out.string()};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  int fds[2];
  REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(fds[0], STDIN_FILENO);
    int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, STDOUT_FILENO);
    ::dup2(null, STDERR_FILENO);
    for (int signal = 1; signal < NSIG; ++signal) ::signal(signal, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    if (ignored) ::signal(ignored, SIG_IGN);
    rlimit no_core{0, 0};
    ::setrlimit(RLIMIT_CORE, &no_core);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(fds[0]);
  return {pid, fds[1]};
}

// A line of /proc/PID/status as a signal mask ("SigCgt:", "SigIgn:").
std::uint64_t signal_mask(pid_t pid, const std::string& field) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind(field, 0) == 0) return std::strtoull(line.c_str() + field.size(), nullptr, 16);
  return 0;
}

// Waits (bounded, no clock) until batch has made its temporary file and
// installed its handler for `signal`: the file is known to the handlers
// before they are. Each signal's own bit, since the handlers are installed
// one after another (waiting for SIGUSR1's alone let a real-time signal
// arrive before its handler, a flake seen once in 20 runs).
bool wait_for_handlers(pid_t pid, int signal = SIGUSR1) {
  for (int tries = 0; tries < 20000; ++tries) {
    // SIGUSR1's handler comes with the temporary file; some others (SIGINT,
    // SIGTERM, SIGABRT) are caught from the start.
    const std::uint64_t wanted =
        (std::uint64_t{1} << (SIGUSR1 - 1)) | (std::uint64_t{1} << (signal - 1));
    if ((signal_mask(pid, "SigCgt:") & wanted) == wanted) return true;
    ::usleep(1000);
  }
  return false;
}

}  // namespace

TEST_CASE("every catchable termination signal removes batch's temporary file", "[batch]") {
  std::string line = claim_line();
  for (int signal : {SIGUSR1, SIGALRM, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR2, SIGPIPE, SIGXCPU,
                     SIGXFSZ, SIGVTALRM, SIGPROF, SIGIO, SIGABRT, SIGRTMIN, SIGRTMAX}) {
    INFO("signal " << signal << " (" << ::strsignal(signal) << ")");
    TempDir dir;
    fs::path out = dir.path() / "out.jsonl";
    Batch batch = start_batch(out);
    // A claim in, and the input kept open: batch waits for more.
    REQUIRE(::write(batch.input, (line + "\n").data(), line.size() + 1) ==
            static_cast<ssize_t>(line.size() + 1));
    CHECK(wait_for_handlers(batch.pid, signal));
    CHECK(names_in(dir.path()).size() == 1);  // the temporary file
    REQUIRE(::kill(batch.pid, signal) == 0);
    int status = 0;
    REQUIRE(::waitpid(batch.pid, &status, 0) == batch.pid);
    ::close(batch.input);
    CHECK(WIFSIGNALED(status));
    if (WIFSIGNALED(status)) CHECK(WTERMSIG(status) == signal);
    CHECK(names_in(dir.path()).empty());
  }
}

TEST_CASE("a signal ignored when batch starts stays ignored (nohup)", "[batch]") {
  std::string line = claim_line();
  TempDir dir;
  fs::path out = dir.path() / "out.jsonl";
  Batch batch = start_batch(out, SIGHUP);
  REQUIRE(::write(batch.input, (line + "\n").data(), line.size() + 1) ==
          static_cast<ssize_t>(line.size() + 1));
  REQUIRE(wait_for_handlers(batch.pid));
  CHECK(signal_mask(batch.pid, "SigIgn:") & (std::uint64_t{1} << (SIGHUP - 1)));
  REQUIRE(::kill(batch.pid, SIGHUP) == 0);
  ::close(batch.input);
  int status = 0;
  REQUIRE(::waitpid(batch.pid, &status, 0) == batch.pid);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(lines_of(read_text(out)).size() == 1);
  CHECK(names_in(dir.path()) == std::vector<std::string>{"out.jsonl"});
}

#include "run_process.hpp"

#include <sstream>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace fineprint::testing {

namespace {

// Every fineprint the tests start inherits this: its cache of loaded
// rulebooks lives in the build tree (tests/CMakeLists.txt), unless the one
// running the tests chose another.
[[maybe_unused]] const bool kCacheInBuildTree =
    ::setenv("FINEPRINT_CACHE_DIR", FINEPRINT_TEST_CACHE, 0) == 0;

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

struct Pipe {
  int read = -1;
  int write = -1;
  Pipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
      throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
    read = fds[0];
    write = fds[1];
  }
  ~Pipe() {
    close_fd(read);
    close_fd(write);
  }
};

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input,
                          const fs::path& cwd) {
  if (argv.empty()) throw std::invalid_argument("run_process: empty argv");
  // A child that dies with unread stdin must not kill the test with SIGPIPE.
  ::signal(SIGPIPE, SIG_IGN);
  Pipe in, out, err;
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  std::string dir = cwd.string();

  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    // Child: only async-signal-safe calls from here on.
    ::dup2(in.read, STDIN_FILENO);
    ::dup2(out.write, STDOUT_FILENO);
    ::dup2(err.write, STDERR_FILENO);
    if (!dir.empty() && ::chdir(dir.c_str()) != 0) ::_exit(127);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  close_fd(in.read);
  close_fd(out.write);
  close_fd(err.write);

  ProcessResult result;
  std::size_t written = 0;
  if (input.empty()) close_fd(in.write);
  // Non-blocking: a large input must not block in write() while the child
  // waits for us to read its output (poll says when there is room).
  if (in.write >= 0) ::fcntl(in.write, F_SETFL, ::fcntl(in.write, F_GETFL) | O_NONBLOCK);
  char buffer[65536];
  while (out.read >= 0 || err.read >= 0) {
    pollfd fds[3];
    int count = 0;
    int out_index = -1, err_index = -1, in_index = -1;
    if (out.read >= 0) {
      out_index = count;
      fds[count++] = {out.read, POLLIN, 0};
    }
    if (err.read >= 0) {
      err_index = count;
      fds[count++] = {err.read, POLLIN, 0};
    }
    if (in.write >= 0) {
      in_index = count;
      fds[count++] = {in.write, POLLOUT, 0};
    }
    if (::poll(fds, static_cast<nfds_t>(count), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    auto drain = [&](int index, int& fd, std::string& sink) {
      if (index < 0 || !(fds[index].revents & (POLLIN | POLLHUP | POLLERR))) return;
      ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n > 0)
        sink.append(buffer, static_cast<std::size_t>(n));
      else if (n == 0 || errno != EINTR)
        close_fd(fd);
    };
    drain(out_index, out.read, result.out);
    drain(err_index, err.read, result.err);
    if (in_index >= 0 && (fds[in_index].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t n = ::write(in.write, input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if (n < 0 && errno != EINTR && errno != EAGAIN) close_fd(in.write);
      if (written == input.size()) close_fd(in.write);
    }
  }
  close_fd(in.write);

  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error(std::string("waitpid: ") + std::strerror(errno));
  }
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.signal = WTERMSIG(status);
  }
  return result;
}

ProcessResult run_fineprint(const std::vector<std::string>& args, const std::string& input) {
  std::vector<std::string> argv{FINEPRINT_EXE};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, input);
}

TempDir::TempDir() {
  static std::atomic<unsigned> counter{0};
  fs::path base = fs::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path candidate =
        base / ("fineprint-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::error_code error;
    if (fs::create_directory(candidate, error)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory under " + base.string());
}

TempDir::~TempDir() {
  std::error_code error;
  fs::remove_all(path_, error);
}

fs::path TempDir::write(const std::string& name, const std::string& content) const {
  fs::path file = path_ / name;
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) throw std::runtime_error("cannot write " + file.string());
  return file;
}

std::string describe(const ProcessResult& result) {
  std::ostringstream out;
  out << "exit " << result.exit_code << " signal " << result.signal << "\n--- stdout ---\n"
      << result.out.substr(0, 4000) << "\n--- stderr ---\n"
      << result.err.substr(0, 4000);
  return out.str();
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

bool starts_with(const std::string& text, std::string_view prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace fineprint::testing

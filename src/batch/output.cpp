#include "batch/output.hpp"

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace fineprint::batch {

namespace {

// The temporary file a signal handler removes: a fixed buffer, since a
// handler may only call async-signal-safe functions (unlink, sigaction,
// raise).
char g_temp_path[PATH_MAX];
volatile std::sig_atomic_t g_temp_set = 0;

// The signals whose default action ends the process and that a process can
// catch, besides the faults (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP,
// SIGSYS), which are left to the core dump, the debugger and the sanitizers.
// The real-time signals are added at run time (SIGRTMIN is not a constant).
constexpr int kTerminating[] = {
    SIGHUP,    SIGINT,  SIGQUIT, SIGTERM,   SIGUSR1, SIGUSR2, SIGALRM,
    SIGPIPE,   SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGIO,   SIGABRT,
#ifdef SIGPWR
    SIGPWR,
#endif
#ifdef SIGSTKFLT
    SIGSTKFLT,
#endif
};

struct sigaction g_previous[NSIG];
bool g_installed[NSIG];

extern "C" void remove_temp_and_die(int signal) {
  if (g_temp_set) ::unlink(g_temp_path);
  struct sigaction action {};
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  ::sigaction(signal, &action, nullptr);
  // Blocked while the handler runs: delivered, with the default action, as
  // soon as it returns.
  ::raise(signal);
}

std::vector<int> terminating_signals() {
  std::vector<int> signals(std::begin(kTerminating), std::end(kTerminating));
  for (int signal = SIGRTMIN; signal <= SIGRTMAX; ++signal) signals.push_back(signal);
  return signals;
}

void install_handlers() {
  struct sigaction action {};
  action.sa_handler = remove_temp_and_die;
  sigfillset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  for (int signal : terminating_signals()) {
    struct sigaction previous {};
    if (::sigaction(signal, nullptr, &previous) != 0) continue;
    if (previous.sa_handler == SIG_IGN) continue;  // nohup, or a parent's SIGPIPE
    if (::sigaction(signal, &action, &g_previous[signal]) == 0) g_installed[signal] = true;
  }
}

void restore_handlers() {
  for (int signal = 1; signal < NSIG; ++signal)
    if (g_installed[signal]) {
      ::sigaction(signal, &g_previous[signal], nullptr);
      g_installed[signal] = false;
    }
}

std::runtime_error cannot_write(const std::string& path, const std::string& reason) {
  return std::runtime_error("cannot write " + path + ": " + reason);
}

std::string parent_of(const std::string& path) {
  std::string dir = std::filesystem::path(path).parent_path().string();
  return dir.empty() ? std::string(".") : dir;
}

// The file that writing through `path` creates, when nothing exists there:
// `path` itself, or where a dangling symbolic link points (as `>` does).
std::string creation_target(const std::string& path) {
  std::string current = path;
  for (int hops = 0;; ++hops) {
    struct stat info {};
    if (::lstat(current.c_str(), &info) != 0) {
      if (errno == ENOENT) return current;
      throw cannot_write(path, std::strerror(errno));
    }
    if (!S_ISLNK(info.st_mode)) return current;
    if (hops == 40) throw cannot_write(path, std::strerror(ELOOP));
    std::vector<char> link(PATH_MAX + 1);
    ssize_t n = ::readlink(current.c_str(), link.data(), PATH_MAX);
    if (n < 0) throw cannot_write(path, std::strerror(errno));
    std::string to(link.data(), static_cast<std::size_t>(n));
    current = to.front() == '/' ? to : parent_of(current) + "/" + to;
  }
}

}  // namespace

BatchOutput::BatchOutput(const std::string& path, int input_fd, const std::string& input_name)
    : path_(path) {
  if (path.empty()) throw cannot_write("''", "an empty path names no file");
  mode_t mode = 0;
  struct stat existing {};
  bool exists = ::stat(path.c_str(), &existing) == 0;
  if (exists) {
    if (S_ISDIR(existing.st_mode)) throw cannot_write(path, std::strerror(EISDIR));
    if (!S_ISREG(existing.st_mode)) {
      // A device, a FIFO, a socket: written in place, never replaced. A FIFO
      // blocks here until it has a reader, as with a shell's `>`.
      do {
        fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
      } while (fd_ < 0 && errno == EINTR);
      if (fd_ < 0) throw cannot_write(path, std::strerror(errno));
      target_ = path;
      return;
    }
    struct stat input {};
    if (::fstat(input_fd, &input) == 0 && S_ISREG(input.st_mode) &&
        input.st_dev == existing.st_dev && input.st_ino == existing.st_ino)
      throw cannot_write(path, "it is the input (" + input_name +
                                   "), which the output would replace; write it elsewhere");
    if (::access(path.c_str(), W_OK) != 0) throw cannot_write(path, std::strerror(errno));
    char* real = ::realpath(path.c_str(), nullptr);
    if (!real) throw cannot_write(path, std::strerror(errno));
    target_ = real;
    std::free(real);
    mode = existing.st_mode & 07777;
  } else {
    if (errno != ENOENT) throw cannot_write(path, std::strerror(errno));
    target_ = creation_target(path);
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }

  std::filesystem::path target(target_);
  std::string name = target.filename().string();
  if (name.empty() || name == "." || name == "..")
    throw cannot_write(path, "the path does not name a file");
  std::string dir = parent_of(target_);
  temp_ = dir + "/." + name + ".XXXXXX";
  if (temp_.size() >= sizeof g_temp_path) throw cannot_write(path, std::strerror(ENAMETOOLONG));
  std::vector<char> pattern(temp_.begin(), temp_.end());
  pattern.push_back('\0');
  fd_ = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd_ < 0) {
    int error = errno;
    temp_.clear();
    throw cannot_write(path, "cannot create a file in " + dir + ": " + std::strerror(error));
  }
  temp_.assign(pattern.data());
  // The signal handlers know the file before they are installed.
  std::memcpy(g_temp_path, temp_.c_str(), temp_.size() + 1);
  g_temp_set = 1;
  install_handlers();
  // mkstemp makes the file private (0600): give it the replaced file's owner
  // (where allowed) and mode, or the mode a plain create would.
  if (exists && (existing.st_uid != ::geteuid() || existing.st_gid != ::getegid())) {
    if (::fchown(fd_, existing.st_uid, existing.st_gid) != 0) {
      // Not allowed (not root, or not in the group): the file is ours.
    }
  }
  if (::fchmod(fd_, mode) != 0) throw cannot_write(path, std::strerror(errno));
}

BatchOutput::~BatchOutput() {
  if (fd_ >= 0) ::close(fd_);
  if (!temp_.empty() && !committed_) ::unlink(temp_.c_str());
  if (!temp_.empty()) {
    g_temp_set = 0;
    restore_handlers();
  }
}

void BatchOutput::commit() {
  if (direct()) {
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0 && errno != EINTR) throw cannot_write(path_, std::strerror(errno));
    committed_ = true;
    return;
  }
  if (::fsync(fd_) != 0) throw cannot_write(path_, std::strerror(errno));
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) throw cannot_write(path_, std::strerror(errno));
  if (::rename(temp_.c_str(), target_.c_str()) != 0)
    throw cannot_write(path_,
                       std::string("cannot rename the output into place: ") + std::strerror(errno));
  committed_ = true;
  g_temp_set = 0;
  restore_handlers();
  // The rename itself on disk: best effort, the data is already there.
  int dir = ::open(parent_of(target_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

}  // namespace fineprint::batch

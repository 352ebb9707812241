#include "cli/batch_output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace fineprint::cli {

namespace {

// The temporary file a signal handler removes: a fixed buffer, since a
// handler may only call async-signal-safe functions (unlink, raise).
char g_temp_path[4096];
volatile std::sig_atomic_t g_temp_set = 0;

extern "C" void remove_temp_and_die(int signal) {
  if (g_temp_set) ::unlink(g_temp_path);
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

std::runtime_error failure(const std::string& what, const std::string& path) {
  return std::runtime_error(what + " " + path + ": " + std::strerror(errno));
}

}  // namespace

AtomicOutput::AtomicOutput(const std::string& path) : path_(path) {
  std::filesystem::path target(path);
  std::filesystem::path dir = target.parent_path();
  std::string name = target.filename().string();
  if (name.empty() || name == "." || name == "..")
    throw std::runtime_error("-o " + path + " does not name a file");
  temp_ = (dir.empty() ? std::string() : dir.string() + "/") + "." + name + ".XXXXXX";
  if (temp_.size() >= sizeof g_temp_path)
    throw std::runtime_error("-o " + path + ": the path is too long");
  std::vector<char> pattern(temp_.begin(), temp_.end());
  pattern.push_back('\0');
  fd_ = ::mkstemp(pattern.data());
  if (fd_ < 0) throw failure("cannot create a temporary file for", path);
  temp_.assign(pattern.data());
  // mkstemp makes the file private (0600); give it the mode a plain create would.
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd_, 0666 & ~mask);
  std::memcpy(g_temp_path, temp_.c_str(), temp_.size() + 1);
  g_temp_set = 1;
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) std::signal(signal, remove_temp_and_die);
}

AtomicOutput::~AtomicOutput() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_) ::unlink(temp_.c_str());
  g_temp_set = 0;
}

void AtomicOutput::commit() {
  if (::fsync(fd_) != 0) throw failure("cannot write", temp_);
  if (::close(fd_) != 0) {
    fd_ = -1;
    throw failure("cannot write", temp_);
  }
  fd_ = -1;
  if (::rename(temp_.c_str(), path_.c_str()) != 0)
    throw failure("cannot rename the output to", path_);
  committed_ = true;
  g_temp_set = 0;
}

}  // namespace fineprint::cli

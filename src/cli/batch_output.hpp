// `batch -o FILE`: the output goes to a temporary file next to FILE and is
// renamed into place only when the whole batch is written, so a crash or a
// kill never leaves a half-written FILE. SIGINT, SIGTERM and SIGHUP remove
// the temporary file; after SIGKILL it stays behind under its hidden name
// (`.FILE.XXXXXX` in FILE's directory), never under FILE's.
#pragma once

#include <string>

namespace fineprint::cli {

class AtomicOutput {
 public:
  // Creates the temporary file; throws std::runtime_error when it cannot.
  explicit AtomicOutput(const std::string& path);
  ~AtomicOutput();  // removes the temporary file unless committed
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  int fd() const { return fd_; }
  // Flushes to disk and renames onto the final path; throws on failure.
  void commit();

 private:
  std::string path_;
  std::string temp_;
  int fd_ = -1;
  bool committed_ = false;
};

}  // namespace fineprint::cli

// `batch -o FILE`: where the decisions go, checked before any work is done.
//
// - FILE is (or a symbolic link resolves to) a regular file, or does not
//   exist: the output goes to a hidden temporary file in the directory of
//   the file that will be replaced (`.NAME.XXXXXX`, after following symbolic
//   links, so a link stays a link and its target is replaced) and is renamed
//   onto it only when the whole batch is written and flushed. The new file
//   keeps an existing file's mode (and, where allowed, its owner). Every
//   catchable termination signal removes the temporary file and then ends
//   the process as the signal would have; a signal that was ignored when
//   fineprint started stays ignored (nohup). After SIGKILL, or a fault such
//   as SIGSEGV, it stays behind under its hidden name, never under FILE's.
// - FILE is a character device, a FIFO or another non-regular file
//   (/dev/null, /dev/stdout, a named pipe): it is opened and written
//   directly, as a shell's `>` would; no temporary file, no rename.
// - Refused (std::runtime_error "cannot write FILE: reason"): a directory,
//   a file that is not writable, a missing directory, a symbolic link loop,
//   and the same file as the input (same device and inode), which the
//   output would replace.
#pragma once

#include <string>

namespace fineprint::batch {

class BatchOutput {
 public:
  // `input_fd` is the batch's input and `input_name` names it in messages.
  BatchOutput(const std::string& path, int input_fd, const std::string& input_name);
  ~BatchOutput();  // removes the temporary file unless committed
  BatchOutput(const BatchOutput&) = delete;
  BatchOutput& operator=(const BatchOutput&) = delete;

  int fd() const { return fd_; }
  // Writes through: the output is a device or a pipe, not replaced.
  bool direct() const { return temp_.empty(); }
  // Flushes and closes; in the temporary-file case renames onto the target.
  // Throws std::runtime_error on failure.
  void commit();

 private:
  std::string path_;    // as given, for messages
  std::string target_;  // the file replaced (symbolic links followed)
  std::string temp_;    // empty when writing directly
  int fd_ = -1;
  bool committed_ = false;
};

}  // namespace fineprint::batch

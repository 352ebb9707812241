// Fuzz target: a JSON Lines stream through `batch`'s own splitter and decider
// (small chunks, so that lines cross chunk reads), against the bundled rules/.
// Property: exactly one output line per input line, in order.
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <string>

#include "batch/decider.hpp"
#include "batch/input.hpp"
#include "support.hpp"
#include "targets.hpp"

namespace fineprint::fuzz {

int claim_jsonl(const std::uint8_t* data, std::size_t size) {
  // BatchInput reads a file descriptor: give it one holding the bytes.
  int fd = ::memfd_create("fineprint-fuzz-jsonl", 0);
  require(fd >= 0, "memfd_create");
  for (std::size_t done = 0; done < size;) {
    ssize_t n = ::write(fd, data + done, size - done);
    require(n > 0, "write to memfd");
    done += static_cast<std::size_t>(n);
  }
  require(::lseek(fd, 0, SEEK_SET) == 0, "lseek");

  batch::BatchInput input(fd, 256);
  batch::BatchDecider decider(bundled_compiled());
  batch::BatchChunk chunk;
  std::uint64_t lines_in = 0;
  std::uint64_t lines_out = 0;
  while (input.next(chunk)) {
    require(chunk.first_line == lines_in + 1, "chunks follow each other");
    decider.decide(chunk);
    lines_in += chunk.lines.size();
    lines_out += static_cast<std::uint64_t>(std::count(chunk.out.begin(), chunk.out.end(), '\n'));
    require(chunk.counts.total() == chunk.lines.size(), "every line is counted once");
  }
  ::close(fd);
  require(lines_in == lines_out, "one output line per input line");
  return 0;
}

}  // namespace fineprint::fuzz

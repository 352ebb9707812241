// Splits a byte stream (a file descriptor) into BatchChunks of whole lines:
// a chunk ends at the first line end past a byte budget, so memory is bounded
// by the chunk size plus the longest line, never by the input size.
#pragma once

#include <cstddef>
#include <string>
#include <utility>

#include "cli/batch_chunk.hpp"

namespace fineprint::cli {

class BatchInput {
 public:
  // `name` is what a read error names: the path, or "standard input".
  BatchInput(int fd, std::size_t chunk_bytes, std::string name = "the input")
      : fd_(fd), chunk_bytes_(chunk_bytes), name_(std::move(name)) {}

  // Fills `chunk` (its text and lines; out and counts cleared) with the next
  // lines. Returns false at the end of the stream (chunk left empty); throws
  // std::runtime_error when the stream cannot be read.
  bool next(BatchChunk& chunk);

 private:
  int fd_;
  std::size_t chunk_bytes_;
  std::string name_;
  std::string pending_;  // bytes after the last line end read so far
  std::uint64_t next_line_ = 1;
  bool eof_ = false;
};

}  // namespace fineprint::cli

// Splits a byte stream (a file descriptor) into BatchChunks of whole lines:
// a chunk ends at the first line end past a byte budget, so memory is bounded
// by the chunk size plus the longest line, never by the input size. A line
// longer than core::limits::kMaxJsonLineBytes is never held whole: it is
// refused as soon as it passes the bound (a Line with too_long set, ending
// its chunk so that the error goes out at once) and the rest of it is read
// and dropped up to its line end. Every byte is searched for a line end once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

#include "batch/chunk.hpp"

namespace fineprint::batch {

class BatchInput {
 public:
  // `name` is what a read error names: the path, or "standard input".
  BatchInput(int fd, std::size_t chunk_bytes, std::string name = "the input")
      : fd_(fd), chunk_bytes_(chunk_bytes), name_(std::move(name)) {}

  // Fills `chunk` (its text and lines; out and counts cleared) with the next
  // lines. Returns false at the end of the stream (chunk left empty); throws
  // std::runtime_error when the stream cannot be read. On a stream that never
  // ends inside an over-long line (/dev/zero) it reads on in bounded memory.
  bool next(BatchChunk& chunk);

 private:
  // Appends up to one read's worth of bytes to `text`; sets eof_ at the end.
  void read_more(std::string& text);

  int fd_;
  std::size_t chunk_bytes_;
  std::string name_;
  std::string pending_;  // the unfinished line after the last line end; holds no '\n'
  std::uint64_t next_line_ = 1;
  bool eof_ = false;
  bool bom_checked_ = false;  // a UTF-8 BOM at the start of the stream is skipped
  bool skipping_ = false;     // inside an over-long line, already reported
};

}  // namespace fineprint::batch

#include "cli/batch_input.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "load/claim_json.hpp"

namespace fineprint::cli {

bool BatchInput::next(BatchChunk& chunk) {
  chunk.text.swap(pending_);
  pending_.clear();
  chunk.lines.clear();
  chunk.out.clear();
  chunk.counts = {};
  chunk.first_line = next_line_;
  std::size_t scanned = 0;  // bytes of chunk.text already split into lines
  auto split = [&] {
    while (scanned < chunk.text.size()) {
      const char* start = chunk.text.data() + scanned;
      const void* end = std::memchr(start, '\n', chunk.text.size() - scanned);
      if (!end) return;
      std::size_t size = static_cast<const char*>(end) - start;
      std::size_t full = size;
      if (size > 0 && start[size - 1] == '\r') --size;
      chunk.lines.push_back({scanned, size});
      scanned += full + 1;
    }
  };
  split();
  while (scanned < chunk_bytes_ && !eof_) {
    // Read about one chunk at a time, so that a chunk stays near its budget.
    const std::size_t kRead = chunk_bytes_ < 4096 ? 4096 : chunk_bytes_;
    std::size_t old = chunk.text.size();
    chunk.text.resize(old + kRead);
    ssize_t n = 0;
    do {
      n = ::read(fd_, chunk.text.data() + old, kRead);
    } while (n < 0 && errno == EINTR);
    if (n < 0) throw std::runtime_error("cannot read " + name_ + ": " + std::strerror(errno));
    chunk.text.resize(old + static_cast<std::size_t>(n));
    if (n == 0) eof_ = true;
    split();
  }
  if (scanned < chunk.text.size()) {
    if (eof_) {
      // The last line has no line end: it is a line all the same.
      std::size_t size = chunk.text.size() - scanned;
      if (chunk.text.back() == '\r') --size;
      chunk.lines.push_back({scanned, size});
      scanned = chunk.text.size();
    } else {
      pending_.assign(chunk.text, scanned, std::string::npos);
      chunk.text.resize(scanned);
    }
  }
  chunk.text.append(load::JsonClaimReader::kPadding, '\0');
  next_line_ += chunk.lines.size();
  return !chunk.lines.empty();
}

}  // namespace fineprint::cli

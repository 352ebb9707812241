#include "batch/input.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string_view>

#include "core/limits.hpp"
#include "load/claim_json.hpp"

namespace fineprint::batch {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::size_t kMaxLine = core::limits::kMaxJsonLineBytes;

// Where the splitting of a chunk's text stands.
struct Cursor {
  std::size_t start = 0;     // the first byte of the line not yet split off
  std::size_t searched = 0;  // [start, searched) holds no '\n'
};

// One line of `size` bytes at `offset`, its CR of a CRLF left off; past the
// bound it is refused (too_long) rather than held.
void add_line(BatchChunk& chunk, std::size_t offset, std::size_t size) {
  const std::string& text = chunk.text;
  if (size > 0 && text[offset + size - 1] == '\r') --size;
  if (size > kMaxLine)
    chunk.lines.push_back({offset, 0, true});
  else
    chunk.lines.push_back({offset, size, false});
}

// Splits off the whole lines in [searched, end), then refuses the
// unfinished line once it is past the bound (a '\r' at its end may be half
// of a CRLF line end, so it does not count yet). True when it refused one.
bool split(BatchChunk& chunk, Cursor& at) {
  std::string& text = chunk.text;
  while (at.searched < text.size()) {
    const void* end = std::memchr(text.data() + at.searched, '\n', text.size() - at.searched);
    if (!end) {
      at.searched = text.size();
      break;
    }
    std::size_t eol = static_cast<std::size_t>(static_cast<const char*>(end) - text.data());
    add_line(chunk, at.start, eol - at.start);
    at.start = at.searched = eol + 1;
  }
  std::size_t unfinished = text.size() - at.start;
  if (unfinished > kMaxLine + 1 || (unfinished == kMaxLine + 1 && text.back() != '\r')) {
    chunk.lines.push_back({at.start, 0, true});
    text.resize(at.start);
    at.searched = at.start;
    return true;
  }
  return false;
}

// The rest of a line already refused: drops what `text` holds of it (text
// holds only bytes of this line here). True when its line end was found.
bool drop_refused(std::string& text, Cursor& at) {
  const void* end = std::memchr(text.data(), '\n', text.size());
  at = {};
  if (!end) {
    text.clear();
    return false;
  }
  text.erase(0, static_cast<std::size_t>(static_cast<const char*>(end) - text.data()) + 1);
  return true;
}

}  // namespace

void BatchInput::read_more(std::string& text) {
  // Read about one chunk at a time, so that a chunk stays near its budget.
  const std::size_t kRead = chunk_bytes_ < 4096 ? 4096 : chunk_bytes_;
  std::size_t old = text.size();
  text.resize(old + kRead);
  ssize_t n = 0;
  do {
    n = ::read(fd_, text.data() + old, kRead);
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    text.resize(old);
    throw std::runtime_error("cannot read " + name_ + ": " + std::strerror(errno));
  }
  text.resize(old + static_cast<std::size_t>(n));
  if (n == 0) eof_ = true;
}

bool BatchInput::next(BatchChunk& chunk) {
  std::string& text = chunk.text;
  text.swap(pending_);
  pending_.clear();
  chunk.lines.clear();
  chunk.out.clear();
  chunk.counts = {};
  chunk.first_line = next_line_;
  // pending_ holds no '\n': the search starts past it.
  Cursor at{0, text.size()};

  for (;;) {
    if (!bom_checked_) {
      if (text.size() < kBom.size() && !eof_) {
        read_more(text);
        continue;
      }
      if (std::string_view(text).substr(0, kBom.size()) == kBom) text.erase(0, kBom.size());
      at.searched = 0;
      bom_checked_ = true;
    }
    // The rest of a refused line is dropped up to its line end, in
    // read-sized pieces.
    while (skipping_) {
      if (drop_refused(text, at)) {
        skipping_ = false;
      } else {
        if (eof_) break;
        read_more(text);
      }
    }
    if (split(chunk, at)) skipping_ = true;
    // A refused line ends its chunk, so that its error is written at once
    // even if the stream never ends.
    if (skipping_ || at.start >= chunk_bytes_ || eof_) break;
    read_more(text);
  }
  if (at.start < text.size()) {
    if (eof_) {
      // The last line has no line end: it is a line all the same.
      add_line(chunk, at.start, text.size() - at.start);
    } else {
      pending_.assign(text, at.start, std::string::npos);
      text.resize(at.start);
    }
  }
  text.append(load::JsonClaimReader::kPadding, '\0');
  next_line_ += chunk.lines.size();
  return !chunk.lines.empty();
}

}  // namespace fineprint::batch

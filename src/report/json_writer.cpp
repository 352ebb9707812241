#include "report/json_writer.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace fineprint::report {

namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

// Whether any of the 8 bytes of `word` needs an escape: a control character
// (< 0x20), '"' or '\\'. Bytes of 0x80 and above (UTF-8) pass unchanged.
bool needs_escape(std::uint64_t word) {
  std::uint64_t control = (word - kOnes * 0x20) & ~word;
  std::uint64_t quote = word ^ (kOnes * '"');
  std::uint64_t backslash = word ^ (kOnes * '\\');
  quote = (quote - kOnes) & ~quote;
  backslash = (backslash - kOnes) & ~backslash;
  return ((control | quote | backslash) & kHighs) != 0;
}

// `Out` is a StringOut or a JsonWriter::Buffer: put(char), put(string_view).
template <class Out>
void put_escape(Out& out, unsigned char c) {
  switch (c) {
    case '"':
      out.put("\\\"");
      break;
    case '\\':
      out.put("\\\\");
      break;
    case '\n':
      out.put("\\n");
      break;
    case '\r':
      out.put("\\r");
      break;
    case '\t':
      out.put("\\t");
      break;
    default: {
      static constexpr char kHex[] = "0123456789abcdef";
      const char text[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
      out.put(std::string_view(text, sizeof text));
    }
  }
}

bool is_special(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\';
}

// The index of the first byte of text[from..] that needs an escape, or the
// size: 16 bytes at a time with SSE2, then 8 at a time.
std::size_t first_special(std::string_view text, std::size_t from) {
  const char* data = text.data();
  const std::size_t size = text.size();
#if defined(__SSE2__)
  // 16 bytes at a time where SSE2 is there (every x86-64): a byte is to
  // escape when it is '"', '\\' or at most 0x1f (unsigned).
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i control = _mm_set1_epi8(0x1f);
  while (from + 16 <= size) {
    __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + from));
    __m128i hits =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)),
                     _mm_cmpeq_epi8(_mm_max_epu8(bytes, control), control));
    if (int mask = _mm_movemask_epi8(hits))
      return from + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    from += 16;
  }
#endif
  std::uint64_t word;
  while (from + 8 <= size) {
    std::memcpy(&word, data + from, 8);
    if (needs_escape(word)) break;
    from += 8;
  }
  if (from == size) return size;
  if (from + 8 > size) {
    // The last 8 bytes of the text, or all of it padded with spaces: a
    // fixed-size load, not a copy of a few bytes. A hit in the bytes before
    // `from` only sends the search to the loop below, which starts at `from`.
    if (size >= 8) {
      std::memcpy(&word, data + size - 8, 8);
    } else {
      word = kOnes * ' ';
      std::memcpy(&word, data + from, size - from);
    }
    if (!needs_escape(word)) return size;
  }
  while (from < size && !is_special(static_cast<unsigned char>(data[from]))) ++from;
  return from;
}

// Escaping is on the hot path of every decision record `batch` writes:
// plain runs are found 8 bytes at a time and written whole (issue 19).
template <class Out>
void put_json_string(Out& out, std::string_view text) {
  out.put('"');
  std::size_t run = 0;
  for (std::size_t i = first_special(text, 0); i < text.size(); i = first_special(text, i)) {
    out.put(text.substr(run, i - run));
    put_escape(out, static_cast<unsigned char>(text[i]));
    run = ++i;
  }
  out.put(text.substr(run));
  out.put('"');
}

struct StringOut {
  std::string& text;
  void put(char c) { text += c; }
  void put(std::string_view more) { text += more; }
};

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  StringOut sink{out};
  put_json_string(sink, text);
}

std::string json_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  append_json_string(out, text);
  return out;
}

void JsonWriter::Buffer::grow(std::size_t more) {
  text_.resize(std::max(text_.size() * 2, size_ + more + 256));
}

const std::string& JsonWriter::Buffer::str() const {
  text_.resize(size_);  // the bytes written; the capacity stays
  return text_;
}

void JsonWriter::newline() {
  if (!pretty_) return;
  out_.put('\n');
  out_.put_spaces(has_element_.size() * 2);
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!has_element_.empty()) {
    if (has_element_.back()) out_.put(',');
    has_element_.back() = 1;
    newline();
  }
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_.put('{');
  has_element_.push_back(0);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  bool had = has_element_.back();
  has_element_.pop_back();
  if (had) newline();
  out_.put('}');
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_.put('[');
  has_element_.push_back(0);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  return end_object(), out_.last() = ']', *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  before_value();
  put_json_string(out_, name);
  out_.put(pretty_ ? ": " : ":");
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::plain_key(PlainKey name) {
  before_value();
  out_.put('"');
  out_.put(name.text());
  out_.put(pretty_ ? "\": " : "\":");
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  put_json_string(out_, text);
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t number) {
  before_value();
  char text[24];
  auto end = std::to_chars(text, text + sizeof text, number).ptr;
  out_.put(std::string_view(text, static_cast<std::size_t>(end - text)));
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  before_value();
  out_.put(flag ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_.put("null");
  return *this;
}

JsonWriter& JsonWriter::strings(const std::vector<std::string>& items) {
  begin_array();
  for (const auto& item : items) value(item);
  return end_array();
}

}  // namespace fineprint::report

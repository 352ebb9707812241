// A small streaming JSON writer: every JSON output (lint findings, decision
// records, SARIF) is written through it, so escaping is done in one place and
// key order is the order of the calls (deterministic bytes).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace fineprint::report {

std::string json_escape(std::string_view text);  // with the quotes
// The same appended to `out`, without a string of its own.
void append_json_string(std::string& out, std::string_view text);

// A key written in the program, checked when it is compiled to need no
// escape, so that writing it is a copy (decision records, issue 19).
class PlainKey {
 public:
  template <std::size_t N>
  consteval PlainKey(const char (&text)[N]) : text_(text, N - 1) {  // NOLINT: implicit
    for (std::size_t i = 0; i + 1 < N; ++i)
      if (static_cast<unsigned char>(text[i]) < 0x20 || text[i] == '"' || text[i] == '\\')
        throw "a plain key has no character to escape";
  }
  std::string_view text() const { return text_; }

 private:
  std::string_view text_;
};

class JsonWriter {
 public:
  explicit JsonWriter(bool pretty = false) : pretty_(pretty) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& plain_key(PlainKey name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(std::uint32_t number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(std::size_t number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& null();
  // A string array in one call.
  JsonWriter& strings(const std::vector<std::string>& items);

  const std::string& str() const { return out_.str(); }
  // The document so far without cutting the buffer to it: for a writer
  // reused across records (batch), so the next record finds the room.
  std::string_view view() const { return out_.view(); }
  // Empties the writer for the next document, keeping its buffers (batch
  // writes every record through one writer per thread).
  void clear() {
    out_.clear();
    has_element_.clear();
    after_key_ = false;
  }

  // The bytes written, in a string grown ahead of them: a write is a
  // bounds check and a copy, not std::string's append (issue 19).
  class Buffer {
   public:
    void put(char c) {
      if (size_ == text_.size()) grow(1);
      text_[size_++] = c;
    }
    void put(std::string_view more) {
      if (text_.size() - size_ < more.size()) grow(more.size());
      if (!more.empty()) std::memcpy(text_.data() + size_, more.data(), more.size());
      size_ += more.size();
    }
    void put_spaces(std::size_t count) {
      if (text_.size() - size_ < count) grow(count);
      std::memset(text_.data() + size_, ' ', count);
      size_ += count;
    }
    char& last() { return text_[size_ - 1]; }
    void clear() { size_ = 0; }
    const std::string& str() const;
    std::string_view view() const { return {text_.data(), size_}; }

   private:
    void grow(std::size_t more);
    // Sized ahead; str() cuts it to size_ (mutable: str() is const).
    mutable std::string text_;
    std::size_t size_ = 0;
  };

 private:
  void before_value();
  void newline();

  bool pretty_;
  Buffer out_;
  // Per open container: has it had an element yet.
  std::vector<std::uint8_t> has_element_;  // 1 when it has; bytes, not bits: cheaper to test
  bool after_key_ = false;
};

}  // namespace fineprint::report

// A small streaming JSON writer: every JSON output (lint findings, decision
// records, SARIF) is written through it, so escaping is done in one place and
// key order is the order of the calls (deterministic bytes).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fineprint::report {

std::string json_escape(std::string_view text);  // with the quotes

class JsonWriter {
 public:
  explicit JsonWriter(bool pretty = false) : pretty_(pretty) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
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

  const std::string& str() const { return out_; }

 private:
  void before_value();
  void newline();

  bool pretty_;
  std::string out_;
  // Per open container: has it had an element yet.
  std::vector<bool> has_element_;
  bool after_key_ = false;
};

}  // namespace fineprint::report

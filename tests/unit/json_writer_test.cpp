#include <catch2/catch.hpp>

#include "report/json_writer.hpp"

using fineprint::report::json_escape;
using fineprint::report::JsonWriter;

TEST_CASE("json_escape escapes quotes, backslashes and control characters only", "[json]") {
  CHECK(json_escape("") == "\"\"");
  CHECK(json_escape("plain text") == "\"plain text\"");
  CHECK(json_escape("say \"hi\"") == "\"say \\\"hi\\\"\"");
  CHECK(json_escape("a\\b") == "\"a\\\\b\"");
  CHECK(json_escape("line\nnext\r\ttab") == "\"line\\nnext\\r\\ttab\"");
  CHECK(json_escape(std::string("nul\0end", 7)) == "\"nul\\u0000end\"");
  CHECK(json_escape("\x1f") == "\"\\u001f\"");
  CHECK(json_escape("Rīga — €") == "\"Rīga — €\"");  // UTF-8 passes through
  CHECK(json_escape("\"") == "\"\\\"\"");
}

// The escape scans 8 bytes at a time: every special byte at every place of
// strings up to 20 bytes, against a byte-by-byte escape.
TEST_CASE("json_escape finds every special byte wherever it stands", "[json]") {
  auto reference = [](const std::string& text) {
    std::string out = "\"";
    for (unsigned char c : text) {
      if (c == '"')
        out += "\\\"";
      else if (c == '\\')
        out += "\\\\";
      else if (c == '\n')
        out += "\\n";
      else if (c == '\r')
        out += "\\r";
      else if (c == '\t')
        out += "\\t";
      else if (c < 0x20) {
        const char hex[] = "0123456789abcdef";
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 0xf];
      } else
        out += static_cast<char>(c);
    }
    return out + "\"";
  };
  const std::string specials = std::string("\"\\\n\r\t\x01\x1f", 7) + std::string(1, '\0');
  // Past 40 bytes: a hit in a second 16-byte block and in the 8-byte loop
  // after a full one. DEL and bytes of UTF-8 pass unescaped around them.
  for (std::size_t size = 0; size <= 40; ++size) {
    std::string plain;
    const char fillers[] = {'a', '\x7f', '\xff', '\xe2', 'Z', '\xc4'};
    for (std::size_t i = 0; i < size; ++i) plain += fillers[i % sizeof fillers];
    CHECK(json_escape(plain) == reference(plain));
    for (std::size_t at = 0; at < size; ++at)
      for (char special : specials) {
        std::string text = plain;
        text[at] = special;
        CHECK(json_escape(text) == reference(text));
        std::string appended = "x";
        fineprint::report::append_json_string(appended, text);
        CHECK(appended == "x" + reference(text));
        JsonWriter json;
        json.begin_array().value(text).value(plain).end_array();
        CHECK(json.str() == "[" + reference(text) + "," + reference(plain) + "]");
      }
  }
  // The bytes around the special ones (0x1f, 0x20, '!', '#', '[', ']') pass
  // exactly as they should.
  CHECK(json_escape("\x1f !#[]") == "\"\\u001f !#[]\"");
}

TEST_CASE("JsonWriter: a plain key is written as a key, and clear() starts a new document",
          "[json]") {
  JsonWriter json;
  json.begin_object().plain_key("a").value(1).key("b").value(2).end_object();
  CHECK(json.str() == "{\"a\":1,\"b\":2}");
  json.clear();
  json.begin_array().value(-42).end_array();
  CHECK(json.str() == "[-42]");
  // A document longer than the writer's buffer so far, after a shorter one.
  json.clear();
  const std::string long_text(5000, 'x');
  json.begin_array().value(long_text).null().end_array();
  CHECK(json.str() == "[\"" + long_text + "\",null]");
  JsonWriter pretty(true);
  pretty.begin_object().plain_key("k").value("v").end_object();
  CHECK(pretty.str() == "{\n  \"k\": \"v\"\n}");
}

TEST_CASE("JsonWriter writes keys in call order, compact and pretty", "[json]") {
  JsonWriter compact;
  compact.begin_object()
      .key("b")
      .value(1)
      .key("a")
      .begin_array()
      .value("x")
      .value(true)
      .null()
      .end_array();
  compact.end_object();
  CHECK(compact.str() == "{\"b\":1,\"a\":[\"x\",true,null]}");
  JsonWriter pretty(true);
  pretty.begin_object().key("k").value("v").end_object();
  CHECK(pretty.str() == "{\n  \"k\": \"v\"\n}");
}

// A minimal JSON reader for tests that check the structure of fineprint's
// JSON output (objects, arrays, strings, numbers, booleans, null; strict
// enough to reject malformed output).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fineprint::testing {

struct JsonMember;

struct Json {
  enum class Kind { null, boolean, number, string, array, object };
  Kind kind = Kind::null;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<Json> items;  // array
  // Object members in document order. Not std::pair: libstdc++'s pair needs a
  // complete Json here, and clang (the sanitizer build) enforces that.
  std::vector<JsonMember> members;

  bool is(Kind k) const { return kind == k; }
  // The member `key` of an object, or nullptr.
  const Json* get(std::string_view key) const;
};

struct JsonMember {
  std::string first;  // the key
  Json second;        // the value
};

inline const Json* Json::get(std::string_view key) const {
  for (const auto& [name, value] : members)
    if (name == key) return &value;
  return nullptr;
}

// Parses one JSON document (surrounding whitespace allowed); throws
// std::runtime_error on anything else.
inline Json parse_json(std::string_view text) {
  struct Parser {
    std::string_view text;
    std::size_t at = 0;

    [[noreturn]] void fail(const std::string& what) const {
      throw std::runtime_error("JSON: " + what + " at offset " + std::to_string(at));
    }
    void skip_space() {
      while (at < text.size() &&
             (text[at] == ' ' || text[at] == '\n' || text[at] == '\r' || text[at] == '\t'))
        ++at;
    }
    void expect(char c) {
      skip_space();
      if (at >= text.size() || text[at] != c) fail(std::string("expected '") + c + "'");
      ++at;
    }
    bool literal(std::string_view word) {
      if (text.substr(at, word.size()) != word) return false;
      at += word.size();
      return true;
    }
    static void append_utf8(std::string& out, unsigned code) {
      if (code < 0x80) {
        out += static_cast<char>(code);
      } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
      } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
      } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
      }
    }
    unsigned hex4() {
      if (at + 4 > text.size()) fail("short \\u escape");
      unsigned value = 0;
      for (int i = 0; i < 4; ++i) {
        char c = text[at++];
        value <<= 4;
        if (c >= '0' && c <= '9')
          value |= static_cast<unsigned>(c - '0');
        else if (c >= 'a' && c <= 'f')
          value |= static_cast<unsigned>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
          value |= static_cast<unsigned>(c - 'A' + 10);
        else
          fail("bad \\u escape");
      }
      return value;
    }
    std::string string_value() {
      expect('"');
      std::string out;
      while (true) {
        if (at >= text.size()) fail("unterminated string");
        char c = text[at++];
        if (c == '"') return out;
        if (static_cast<unsigned char>(c) < 0x20) fail("control character in string");
        if (c != '\\') {
          out += c;
          continue;
        }
        if (at >= text.size()) fail("unterminated escape");
        char e = text[at++];
        switch (e) {
          case '"':
          case '\\':
          case '/':
            out += e;
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            unsigned code = hex4();
            if (code >= 0xD800 && code < 0xDC00) {
              if (!literal("\\u")) fail("lone high surrogate");
              unsigned low = hex4();
              if (low < 0xDC00 || low > 0xDFFF) fail("bad low surrogate");
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            }
            append_utf8(out, code);
            break;
          }
          default:
            fail("bad escape");
        }
      }
    }
    Json value(int depth) {
      if (depth > 200) fail("nesting too deep");
      skip_space();
      if (at >= text.size()) fail("unexpected end");
      Json out;
      char c = text[at];
      if (c == '{') {
        out.kind = Json::Kind::object;
        ++at;
        skip_space();
        if (at < text.size() && text[at] == '}') {
          ++at;
          return out;
        }
        while (true) {
          std::string key = string_value();
          expect(':');
          out.members.push_back(JsonMember{std::move(key), value(depth + 1)});
          skip_space();
          if (at < text.size() && text[at] == ',') {
            ++at;
            continue;
          }
          expect('}');
          return out;
        }
      }
      if (c == '[') {
        out.kind = Json::Kind::array;
        ++at;
        skip_space();
        if (at < text.size() && text[at] == ']') {
          ++at;
          return out;
        }
        while (true) {
          out.items.push_back(value(depth + 1));
          skip_space();
          if (at < text.size() && text[at] == ',') {
            ++at;
            continue;
          }
          expect(']');
          return out;
        }
      }
      if (c == '"') {
        out.kind = Json::Kind::string;
        out.string = string_value();
        return out;
      }
      if (literal("true")) {
        out.kind = Json::Kind::boolean;
        out.boolean = true;
        return out;
      }
      if (literal("false")) {
        out.kind = Json::Kind::boolean;
        return out;
      }
      if (literal("null")) return out;
      std::size_t start = at;
      if (at < text.size() && text[at] == '-') ++at;
      while (at < text.size() &&
             ((text[at] >= '0' && text[at] <= '9') || text[at] == '.' || text[at] == 'e' ||
              text[at] == 'E' || text[at] == '+' || text[at] == '-'))
        ++at;
      if (at == start) fail("unexpected character");
      out.kind = Json::Kind::number;
      out.number = std::stod(std::string(text.substr(start, at - start)));
      return out;
    }
  };
  Parser parser{text};
  Json out = parser.value(0);
  parser.skip_space();
  if (parser.at != text.size()) parser.fail("trailing text");
  return out;
}

}  // namespace fineprint::testing

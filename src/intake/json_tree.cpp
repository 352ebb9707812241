#include "intake/json_tree.hpp"

#include <cstddef>

#include <fmt/format.h>

#include <simdjson.h>
#include "core/json_number.hpp"

#include "core/limits.hpp"

namespace fineprint::intake {

namespace {

namespace od = simdjson::ondemand;

// Reading stops at the first problem; the document says where it was.
struct Malformed {
  std::string message;
};

void check(simdjson::error_code error) {
  if (error) throw Malformed{simdjson::error_message(error)};
}

JsonValue read_value(od::value value, std::size_t depth);

// `depth`: the levels of objects and arrays around this one. The tree is built
// by recursion, so the depth is bounded (docs/limits.md) before the stack is.
JsonValue read_object(od::object object, std::size_t depth) {
  if (depth >= core::limits::kMaxJsonNesting)
    throw Malformed{fmt::format("more than {} levels of nested objects and arrays (docs/limits.md)",
                                core::limits::kMaxJsonNesting)};
  JsonValue out;
  out.kind = JsonValue::Kind::object;
  for (auto field : object) {
    std::string_view key;
    check(field.unescaped_key().get(key));
    out.keys.emplace_back(key);
    out.values.push_back(read_value(field.value(), depth + 1));
  }
  return out;
}

JsonValue read_value(od::value value, std::size_t depth) {
  od::json_type type{};
  check(value.type().get(type));
  JsonValue out;
  switch (type) {
    case od::json_type::object: {
      od::object object;
      check(value.get_object().get(object));
      return read_object(object, depth);
    }
    case od::json_type::array: {
      out.kind = JsonValue::Kind::array;
      if (depth >= core::limits::kMaxJsonNesting)
        throw Malformed{
            fmt::format("more than {} levels of nested objects and arrays (docs/limits.md)",
                        core::limits::kMaxJsonNesting)};
      od::array array;
      check(value.get_array().get(array));
      for (auto element : array) {
        od::value item;
        check(element.get(item));
        out.elements.push_back(read_value(item, depth + 1));
      }
      return out;
    }
    case od::json_type::string: {
      out.kind = JsonValue::Kind::string;
      std::string_view text;
      check(value.get_string().get(text));
      out.text = text;
      return out;
    }
    case od::json_type::number: {
      out.kind = JsonValue::Kind::number;
      std::string_view text = value.raw_json_token();
      while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' ||
                               text.back() == '\r'))
        text.remove_suffix(1);
      if (!core::is_json_number(text))
        throw Malformed{fmt::format("`{}` is not a JSON number", text)};
      out.text = text;
      return out;
    }
    case od::json_type::boolean: {
      out.kind = JsonValue::Kind::boolean;
      bool flag = false;
      check(value.get_bool().get(flag));
      out.text = flag ? "true" : "false";
      return out;
    }
    case od::json_type::null:
      check(value.is_null().error());
      return out;
  }
  return out;
}

// 1-based line and column of byte `offset` in `text`.
std::string position(std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return fmt::format("line {}, column {}", line, column);
}

}  // namespace

const JsonValue* JsonValue::find(std::string_view key) const {
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == key) return &values[i];
  return nullptr;
}

core::Result<JsonValue> parse_json(std::string_view text) {
  simdjson::padded_string padded(text);
  od::parser parser;
  od::document doc;
  auto fail = [&](const std::string& message) {
    std::size_t offset = text.size();
    const char* at = nullptr;
    if (!doc.current_location().get(at)) offset = static_cast<std::size_t>(at - padded.data());
    return core::Error{"import/malformed-json",
                       fmt::format("{}: {}", position(text, offset), message)};
  };
  if (auto error = parser.iterate(padded).get(doc))
    return core::Error{"import/malformed-json",
                       fmt::format("{}: {}", position(text, 0), simdjson::error_message(error))};
  try {
    // On Demand reads only what is asked for: skim the whole object first so
    // that anything after it is caught, then read it for real.
    std::string_view whole;
    check(doc.raw_json().get(whole));
    std::size_t end = static_cast<std::size_t>(whole.data() - padded.data()) + whole.size();
    if (text.find_first_not_of(" \t\r\n", end) != std::string_view::npos)
      return core::Error{"import/malformed-json",
                         fmt::format("{}: content after the top-level object",
                                     position(text, text.find_first_not_of(" \t\r\n", end)))};
    doc.rewind();
    od::object root;
    check(doc.get_object().get(root));
    return read_object(root, 0);
  } catch (const Malformed& malformed) {
    return fail(malformed.message);
  }
}

}  // namespace fineprint::intake

// A whole JSON document read into a small tree, for the order importers
// (issue 16): exports are read field by field in any order, and numbers keep
// their literal text so that money is never a floating-point value.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace fineprint::intake {

struct JsonValue {
  enum class Kind { null, boolean, number, string, array, object };
  Kind kind = Kind::null;
  // A string's value (unescaped), a number's literal text, "true" or "false".
  std::string text;
  // An object's members in document order: keys[i] names values[i]. (Two
  // vectors, not pairs: a pair needs JsonValue complete, which it is not yet
  // here, and clang's library checks it.)
  std::vector<std::string> keys;
  std::vector<JsonValue> values;
  std::vector<JsonValue> elements;  // an array's

  // The member named `key` (the first, should a document repeat it), or null.
  const JsonValue* find(std::string_view key) const;
};

// Parses a document whose top level is an object. A malformed document is
// the error `import/malformed-json` with the line and column (1-based) where
// reading stopped: "line 3, column 14: ...".
core::Result<JsonValue> parse_json(std::string_view text);

}  // namespace fineprint::intake

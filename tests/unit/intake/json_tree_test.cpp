// The JSON tree the order importers read (issue 16): literals kept as text,
// malformed documents reported with a line and column.
#include <catch2/catch.hpp>

#include "intake/json_tree.hpp"

using namespace fineprint;
using intake::JsonValue;

TEST_CASE("a JSON document becomes a tree whose numbers keep their literal text", "[intake]") {
  auto tree = intake::parse_json(R"({"a": 19.90, "b": "x\u00e9", "c": [1, true, null], "d": {}})");
  REQUIRE(tree.ok());
  REQUIRE(tree->find("a")->kind == JsonValue::Kind::number);
  CHECK(tree->find("a")->text == "19.90");
  CHECK(tree->find("b")->text == "x\xC3\xA9");
  const JsonValue& c = *tree->find("c");
  REQUIRE(c.elements.size() == 3);
  CHECK(c.elements[1].text == "true");
  CHECK(c.elements[2].kind == JsonValue::Kind::null);
  CHECK(tree->find("d")->kind == JsonValue::Kind::object);
  CHECK(tree->find("e") == nullptr);
}

TEST_CASE("a malformed JSON document is an error with its line and column", "[intake]") {
  auto missing_comma = intake::parse_json("{\n  \"a\": 1\n  \"b\": 2\n}");
  REQUIRE_FALSE(missing_comma.ok());
  CHECK(missing_comma.error().rule == "import/malformed-json");
  CHECK(missing_comma.error().message.rfind("line 3, column 3: ", 0) == 0);

  auto trailing = intake::parse_json("{\"a\": 1}\n{}");
  REQUIRE_FALSE(trailing.ok());
  CHECK(trailing.error().message == "line 2, column 1: content after the top-level object");

  auto bad_number = intake::parse_json("{\"a\": 01}");
  REQUIRE_FALSE(bad_number.ok());
  CHECK(bad_number.error().message.find("`01` is not a JSON number") != std::string::npos);

  auto not_utf8 = intake::parse_json("{\"a\": \"\xFF\"}");
  REQUIRE_FALSE(not_utf8.ok());
  CHECK(not_utf8.error().rule == "import/malformed-json");
  CHECK(not_utf8.error().message.find("UTF-8") != std::string::npos);

  CHECK_FALSE(intake::parse_json("[1, 2]").ok());
  CHECK_FALSE(intake::parse_json("").ok());
}

TEST_CASE("an export nested deeper than the JSON limit is refused, not a stack overflow",
          "[intake]") {
  auto nested = [](std::size_t levels) {
    return "{\"a\": " + std::string(levels, '[') + std::string(levels, ']') + "}";
  };
  CHECK(intake::parse_json(nested(62)).ok());  // 63 levels with the top object
  auto deep = intake::parse_json(nested(64));
  REQUIRE_FALSE(deep.ok());
  CHECK(deep.error().message.find("more than 64 levels") != std::string::npos);
  CHECK_FALSE(intake::parse_json(nested(2'000'000)).ok());
}

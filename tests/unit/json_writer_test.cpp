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

// The products file's CSV reading: RFC 4180 quoting, UTF-8, a BOM, and where
// each field (and each error) is.
#include <catch2/catch.hpp>

#include "load/csv_reader.hpp"

using fineprint::load::read_csv;

TEST_CASE("CSV fields are read with quotes, embedded commas, quotes and line breaks", "[csv]") {
  auto table =
      read_csv("sku,title\nA,\"Hat, wool\"\nB,\"Said \"\"hi\"\"\"\nC,\"two\nlines\"\n\nD,plain\n");
  REQUIRE_FALSE(table.error);
  REQUIRE(table.rows.size() == 5);  // the blank line is not a row
  CHECK(table.rows[1][1].text == "Hat, wool");
  CHECK(table.rows[2][1].text == "Said \"hi\"");
  CHECK(table.rows[3][1].text == "two\nlines");
  CHECK(table.rows[4][0].text == "D");
  // Where each field starts: line and column (1-based).
  CHECK(table.rows[1][1].line == 2);
  CHECK(table.rows[1][1].column == 3);
  CHECK(table.rows[4][0].line == 7);
  CHECK(table.rows[4][0].column == 1);
}

TEST_CASE("a byte order mark is skipped and columns count characters, not bytes", "[csv]") {
  auto table = read_csv("\xEF\xBB\xBFsku,title\nĀ-1,Cepure\n");
  REQUIRE_FALSE(table.error);
  CHECK(table.rows[0][0].text == "sku");
  CHECK(table.rows[1][0].text == "Ā-1");
  CHECK(table.rows[1][1].column == 5);  // "Ā-1," is four characters, five bytes
}

TEST_CASE("a stray quote is an error at its line and column", "[csv]") {
  auto table = read_csv("sku,title\nA,Hat \"wool\"\n");
  REQUIRE(table.error);
  CHECK(table.error->line == 2);
  CHECK(table.error->column == 7);
  CHECK(table.rows.size() == 1);  // the header, read before the error
}

TEST_CASE("a file that ends inside a quoted field is an error where the field starts", "[csv]") {
  auto table = read_csv("sku,title\nA,\"Hat\n");
  REQUIRE(table.error);
  CHECK(table.error->line == 2);
  CHECK(table.error->column == 3);
  CHECK(table.error->message == "the file ends inside a quoted field");
}

TEST_CASE("a last row without a line break is still a row", "[csv]") {
  auto table = read_csv("sku,title\r\nA,Hat");
  REQUIRE_FALSE(table.error);
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[1][1].text == "Hat");
}

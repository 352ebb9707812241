#include "load/csv_reader.hpp"

#include <csv.h>

#include <fmt/format.h>

namespace fineprint::load {

namespace {

// What libcsv's callbacks fill. libcsv says when a field or a row ends but
// not where it began, so the text is fed one byte at a time and the place of
// the first byte after each end is kept as the next field's start.
struct Collector {
  CsvTable table;
  CsvRow row;
  std::uint32_t line = 1, column = 1;  // of the byte being fed
  std::uint32_t start_line = 1, start_column = 1;
  bool at_start = true;  // the next byte fed begins a field
};

void on_field(void* text, std::size_t size, void* data) {
  auto& c = *static_cast<Collector*>(data);
  c.row.push_back(
      {std::string(static_cast<const char*>(text), size), c.start_line, c.start_column});
  c.at_start = true;
}

void on_row(int, void* data) {
  auto& c = *static_cast<Collector*>(data);
  c.table.rows.push_back(std::move(c.row));
  c.row.clear();
  c.at_start = true;
}

// Advances the place past `byte`: a new line after '\n', a new column after
// every byte that starts a UTF-8 character.
void advance(Collector& c, unsigned char byte) {
  if (byte == '\n') {
    ++c.line;
    c.column = 1;
  } else if ((byte & 0xC0) != 0x80) {
    ++c.column;
  }
}

}  // namespace

CsvTable read_csv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  Collector c;
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
    c.table.error = CsvError{"out of memory", 1, 1};
    return std::move(c.table);
  }
  for (char ch : text) {
    auto byte = static_cast<unsigned char>(ch);
    if (c.at_start && byte != '\n' && byte != '\r') {
      c.start_line = c.line;
      c.start_column = c.column;
      c.at_start = false;
    }
    if (csv_parse(&parser, &ch, 1, on_field, on_row, &c) != 1) {
      c.table.error = CsvError{
          fmt::format("{} (a quote inside an unquoted field, or text after a closing quote)",
                      csv_strerror(csv_error(&parser))),
          c.line, c.column};
      csv_free(&parser);
      return std::move(c.table);
    }
    advance(c, byte);
  }
  if (csv_fini(&parser, on_field, on_row, &c) != 0)
    c.table.error = CsvError{"the file ends inside a quoted field", c.start_line, c.start_column};
  csv_free(&parser);
  return std::move(c.table);
}

}  // namespace fineprint::load

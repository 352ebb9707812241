// The reading floor of `batch` (issue 19): `fineprint_parse_only < claims.jsonl`
// reads the same JSON Lines the same way batch does — batch::BatchInput's
// chunks of whole lines, one simdjson On Demand parser reused, each line
// iterated in place with its padding — and touches every value of every
// claim (each key, each string unescaped, each number, each boolean), but
// decides nothing and writes nothing. Prints the lines and values it read.
// Built only with -DFINEPRINT_BENCH=ON; run by tests/bench/batch/floor.sh.
#include <simdjson.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <exception>

#include "batch/chunk.hpp"
#include "batch/input.hpp"

namespace {

namespace od = simdjson::ondemand;

struct Tally {
  std::uint64_t lines = 0, values = 0, bytes = 0, errors = 0;
};

// Every value under `value`, depth first, as the claim reader visits them.
simdjson::error_code walk(od::value value, Tally& tally) {
  ++tally.values;
  od::json_type type;
  if (auto error = value.type().get(type)) return error;
  switch (type) {
    case od::json_type::object: {
      od::object object;
      if (auto error = value.get_object().get(object)) return error;
      for (auto field : object) {
        std::string_view key;
        if (auto error = field.unescaped_key().get(key)) return error;
        tally.bytes += key.size();
        if (auto error = walk(field.value(), tally)) return error;
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::array: {
      od::array array;
      if (auto error = value.get_array().get(array)) return error;
      for (auto element : array) {
        od::value inner;
        if (auto error = element.get(inner)) return error;
        if (auto error = walk(inner, tally)) return error;
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::string: {
      std::string_view text;
      if (auto error = value.get_string().get(text)) return error;
      tally.bytes += text.size();
      return simdjson::SUCCESS;
    }
    case od::json_type::number: {
      // The reader takes money and counts from the number's literal text.
      std::string_view raw = value.raw_json_token();
      tally.bytes += raw.size();
      return simdjson::SUCCESS;
    }
    case od::json_type::boolean: {
      bool flag = false;
      if (auto error = value.get_bool().get(flag)) return error;
      tally.bytes += flag;
      return simdjson::SUCCESS;
    }
    case od::json_type::null:
      return simdjson::SUCCESS;
  }
  return simdjson::SUCCESS;
}

}  // namespace

int main() try {
  fineprint::batch::BatchInput input(STDIN_FILENO, 256 * 1024, "standard input");
  fineprint::batch::BatchChunk chunk;
  od::parser parser;
  Tally tally;
  while (input.next(chunk)) {
    for (const auto& line : chunk.lines) {
      ++tally.lines;
      const char* at = chunk.text.data() + line.offset;
      simdjson::padded_string_view padded(at, line.size, chunk.text.size() - line.offset);
      od::document doc;
      od::value root;
      if (parser.iterate(padded).get(doc) || doc.get_value().get(root) || walk(root, tally))
        ++tally.errors;
    }
  }
  std::fprintf(
      stderr, "%llu lines, %llu values, %llu bytes of text, %llu errors\n",
      static_cast<unsigned long long>(tally.lines), static_cast<unsigned long long>(tally.values),
      static_cast<unsigned long long>(tally.bytes), static_cast<unsigned long long>(tally.errors));
  return tally.errors == 0 ? 0 : 1;
} catch (const std::exception& error) {
  std::fprintf(stderr, "fineprint_parse_only: %s\n", error.what());
  return 2;
}

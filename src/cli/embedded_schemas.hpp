// The published schemas schemas/standalone/*.schema.json as compiled into the
// executable (cmake/embed_files.cmake generates the definitions at build time).
#pragma once

#include <cstddef>
#include <string_view>

namespace fineprint::cli::generated {

struct EmbeddedSchema {
  std::string_view name;  // "rulebook" for schemas/standalone/rulebook.schema.json
  std::string_view text;  // the JSON, byte for byte
};

extern const EmbeddedSchema kSchemas[];
extern const std::size_t kSchemaCount;

}  // namespace fineprint::cli::generated

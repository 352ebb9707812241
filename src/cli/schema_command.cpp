// `fineprint schema rulebook|claim|policy-test|decision`: prints a JSON
// Schema of the repository's schemas/standalone/ folder (self-contained,
// draft 7, what editors read: docs/editor.md), embedded in the executable at
// build time (cmake/embed_files.cmake), so an installed fineprint hands
// out exactly the schema it was built with.
#include <iostream>
#include <string_view>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/commands.hpp"
#include "cli/embedded_schemas.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "core/did_you_mean.hpp"

namespace fineprint::cli {

int run_schema(const Args& args) {
  po::options_description options("schema options");
  std::string name;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < generated::kSchemaCount; ++i)
    names.emplace_back(generated::kSchemas[i].name);
  std::string list = fmt::format("{}", fmt::join(names, ", "));
  options.add_options()("document", po::value(&name)->required(),
                        fmt::format("which schema: {}", list).c_str());
  po::positional_options_description positional;
  positional.add("document", 1);
  po::variables_map vm;
  if (auto done = parse_options(
          args,
          "fineprint schema DOCUMENT\n\nPrints the JSON Schema (draft 7, self-contained) of DOCUMENT.",
          options, positional, vm))
    return *done;
  for (std::size_t i = 0; i < generated::kSchemaCount; ++i) {
    if (generated::kSchemas[i].name != name) continue;
    std::cout << generated::kSchemas[i].text;
    return kExitOk;
  }
  std::string message = fmt::format("no schema \"{}\"", name);
  if (auto suggestion = core::did_you_mean(name, names))
    message += fmt::format("; did you mean \"{}\"?", *suggestion);
  return fail(fmt::format("{} (one of: {})", message, list));
}

}  // namespace fineprint::cli

// The rules the loader reports itself (defined in load_rules.cpp, listed in
// the registry by the build like every other rule). The loader reports them
// by name (load::add_error); loader_rule() finds the Rule, and so the
// severity a user sees is the registry's, loader rules included.
#pragma once

#include <string_view>

#include "lint/registry.hpp"

namespace fineprint::load {

// The linter reports a misspelt `allow` name as this rule.
extern const lint::Rule kSchemaUnknownKey;

// The loader rule called `name`, or null when no loader rule has that name.
const lint::Rule* loader_rule(std::string_view name);

}  // namespace fineprint::load

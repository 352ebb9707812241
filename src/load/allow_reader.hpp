// `allow` tables: rule name → the mandatory reason for silencing it.
#pragma once

#include "load/table_reader.hpp"
#include "model/rulebook.hpp"

namespace fineprint::load {

// Reads `allow` from the table behind `reader`; rule names are checked
// against the registry later, by the linter.
void read_allow(TableReader& reader, model::Allow& allow);

}  // namespace fineprint::load

#include "load/allow_reader.hpp"

#include <fmt/format.h>

#include "load/toml_document.hpp"

namespace fineprint::load {

void read_allow(TableReader& reader, model::Allow& allow) {
  const toml::table* table = reader.table("allow");
  if (!table) return;
  for (auto&& [key, value] : *table) {
    std::string rule(key.str());
    core::SourceRange where = range_of(key.source());
    auto reason = value.value_exact<std::string>();
    if (!reason) {
      add_error(reader.out(), "schema/wrong-type",
                fmt::format("`allow.\"{}\"` in {} must be the reason, as a string, found {}", rule,
                            reader.context(), toml_type_name(value)),
                where);
      continue;
    }
    if (reason->find_first_not_of(" \t") == std::string::npos) {
      add_error(
          reader.out(), "schema/missing-key",
          fmt::format("`allow.\"{}\"` in {} gives no reason; say why the rule does not apply here",
                      rule, reader.context()),
          where);
      continue;
    }
    allow.reasons[rule] = core::Located<std::string>{*reason, where};
  }
}

}  // namespace fineprint::load

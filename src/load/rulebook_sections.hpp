// The section readers behind load_rulebook, one per part of docs/format.md §1.
// Internal to load/: each reads one TOML table into the model and reports
// every problem it sees.
#pragma once

#include <optional>
#include <string>

#include <toml++/toml.h>

#include "core/diagnostic.hpp"
#include "model/rulebook.hpp"

namespace fineprint::load {

void read_store(const toml::table& table, model::Store& store, core::Diagnostics& out);
void read_catalog(const toml::table& table, const model::Store& store, model::Catalog& catalog,
                  core::Diagnostics& out);
void read_promotion(const toml::table& table, const model::Store& store,
                    model::Promotion& promotion, core::Diagnostics& out);
void read_returns(const toml::table& table, const model::Store& store, model::Returns& returns,
                  core::Diagnostics& out);
void read_assert(const toml::table& table, const model::Store& store, model::Assert& assertion,
                 core::Diagnostics& out);
void read_goodwill(const toml::table& table, const model::Store& store, model::Goodwill& goodwill,
                   core::Diagnostics& out);

class TableReader;
// A returns rule's `when` (also [[assert]]'s and [[goodwill]]'s): one reader, one model.
model::When read_when(TableReader& parent, const model::Store& store);
// An outcome name, or a schema/wrong-type error with did-you-mean.
std::optional<model::Outcome> outcome_value(TableReader& reader,
                                            const core::Located<std::string>& text);

// After every file is read: references, duplicate ids, window anchors.
void check_references(const model::Rulebook& rulebook, core::Diagnostics& out);

// `[A-Za-z0-9][A-Za-z0-9_.-]*`, at most 64 characters.
bool is_valid_id(const std::string& id);
// Reports schema/bad-id for `id` when it is not valid.
void check_id(const core::Located<std::string>& id, std::string_view what, core::Diagnostics& out);

}  // namespace fineprint::load

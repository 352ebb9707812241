// [[goodwill]] entries added, removed and changed between two rulebooks
// (issue 17): what an agent may offer beyond the rules, compared aspect by
// aspect. The rules' decisions do not depend on them.
#pragma once

#include <string>
#include <vector>

#include "model/rulebook.hpp"

namespace fineprint::diff {

// "`care-advice-voucher` added: voucher_percent 20, voucher_days 60, …",
// "`X` removed", "`X`: max_amount was `15.00`, now `20.00`; …", in the new
// rulebook's order, then the removed ones in the old one's.
std::vector<std::string> goodwill_changes(const model::Rulebook& old_rules,
                                          const model::Rulebook& new_rules);

}  // namespace fineprint::diff

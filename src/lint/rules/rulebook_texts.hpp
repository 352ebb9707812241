// Every customer-facing text of a rulebook, with the words a finding uses to
// name it: the one list the text/ rules walk.
#pragma once

#include <string>
#include <vector>

#include "model/rulebook.hpp"

namespace fineprint::lint {

struct TextSite {
  const model::Text* text = nullptr;
  std::string key;      // "because"
  std::string owner;    // "returns rule USED"
  std::string subject;  // the `allow` table that may suppress it: a promotion id or "returns"
  bool prose = false;   // title, terms or because: sentences a customer reads as promises
  const model::Promotion* promotion = nullptr;  // the promotion a title or terms describes
};

// In file order of the sections: [store] (name, letter, names), promotions (title,
// terms), returns rules (because, cite), `otherwise`, exemptions (basis),
// asserts (because). Absent texts are left out.
std::vector<TextSite> rulebook_texts(const model::Rulebook& rulebook);

}  // namespace fineprint::lint

// The phrases text/vague-terms looks for, per language. Kept as data: to add a
// phrase or a language, add a row to vague_phrases.cpp.
#pragma once

#include <string_view>
#include <vector>

namespace fineprint::lint {

struct VaguePhrase {
  std::string_view locale;  // en, lv, lt, pl, ru
  // Lower case. A trailing '*' matches any word that starts so
  // ("reasonabl*" matches "reasonable" and "reasonably").
  std::string_view phrase;
};

const std::vector<VaguePhrase>& vague_phrases();

}  // namespace fineprint::lint

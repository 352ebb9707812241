// The phrases text/vague-terms looks for, per language. Kept as data: to add a
// phrase or a language, add a row to vague_phrases.cpp.
#pragma once

#include <string_view>
#include <vector>

namespace fineprint::lint {

struct VaguePhrase {
  std::string_view locale;  // en, lv, lt, pl, ru
  // Lower case, matched as whole words. '*' is the rest of a word
  // ("reasonabl*" matches "reasonable" and "reasonably"), '#' a number
  // ("nawet #" matches "nawet 30"), a space one or more spaces; a '%' may
  // stand a space apart from its number ("do #%" matches "do 50 %").
  std::string_view phrase;
};

const std::vector<VaguePhrase>& vague_phrases();

}  // namespace fineprint::lint

// Text prepared for phrase matching by the text/ rules: decoded to code
// points and lower-cased, one folded code point per original one, so a match
// in the folded text is the same span of the original.
#pragma once

#include <string>
#include <string_view>

namespace fineprint::lint {

struct FoldedText {
  std::u32string original;
  std::u32string folded;
};

// Lower-cases ASCII, Latin-1, Latin Extended-A (the Baltic and Polish
// letters) and Cyrillic, the scripts of the supported languages.
FoldedText fold_text(std::string_view utf8);
std::u32string fold(std::string_view utf8);
std::string to_utf8(std::u32string_view text);

// A letter or digit (of the supported scripts): what words are made of.
bool is_word(char32_t c);
bool is_digit(char32_t c);
// Spaces a number and its sign or unit may stand apart by (incl. no-break spaces).
bool is_space(char32_t c);

}  // namespace fineprint::lint

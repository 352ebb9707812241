// A word as a POSIX shell reads it back unchanged: the commands fineprint
// prints for a person to run next (claim new's "Decide it: fineprint resolve
// PATH") must work when pasted, whatever the path holds.
#pragma once

#include <string>
#include <string_view>

namespace fineprint::core {

// `word` itself when it holds only characters no shell treats specially
// (letters, digits and _ . / : = @ % + , -), else in single quotes, with
// each ' written as '\''. The empty word is ''.
std::string shell_word(std::string_view word);

}  // namespace fineprint::core

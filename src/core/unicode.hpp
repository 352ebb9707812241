// Unicode normalization of names (ICU): fineprint compares every key and
// name in NFC, so `café` typed as e + U+0301 (NFD, as macOS file names and
// some editors write it) and `café` as U+00E9 (NFC) are one name.
#pragma once

#include <string>
#include <string_view>

namespace fineprint::core {

// True when every byte is ASCII (then the text is already NFC).
bool is_ascii(std::string_view text);

// The NFC form of UTF-8 text (the readers hand over only valid UTF-8; text
// that is not is returned unchanged). ASCII text costs one scan, no ICU call.
std::string to_nfc(std::string_view utf8);
bool is_nfc(std::string_view utf8);

// How a text was written, for messages about two spellings of one name:
// "composed, NFC", "decomposed, NFD" or "neither NFC nor NFD".
std::string_view written_form(std::string_view utf8);

}  // namespace fineprint::core

#include "core/unicode.hpp"

#include <algorithm>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

namespace fineprint::core {

namespace {

// ICU's normalizers are process-wide singletons, safe to share across threads.
const icu::Normalizer2* normalizer(bool composed) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* instance = composed ? icu::Normalizer2::getNFCInstance(status)
                                              : icu::Normalizer2::getNFDInstance(status);
  return U_SUCCESS(status) ? instance : nullptr;
}

bool is_normalized(std::string_view utf8, bool composed) {
  if (is_ascii(utf8)) return true;
  const icu::Normalizer2* n = normalizer(composed);
  if (!n) return true;
  UErrorCode status = U_ZERO_ERROR;
  bool yes = n->isNormalizedUTF8(
      icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())), status);
  return U_FAILURE(status) || yes;
}

}  // namespace

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool is_nfc(std::string_view utf8) {
  return is_normalized(utf8, true);
}

std::string to_nfc(std::string_view utf8) {
  if (is_nfc(utf8)) return std::string(utf8);
  const icu::Normalizer2* n = normalizer(true);
  std::string out;
  icu::StringByteSink<std::string> sink(&out, static_cast<std::int32_t>(utf8.size()));
  UErrorCode status = U_ZERO_ERROR;
  n->normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())), sink,
                   nullptr, status);
  if (U_FAILURE(status)) return std::string(utf8);
  return out;
}

std::string_view written_form(std::string_view utf8) {
  if (is_normalized(utf8, true)) return "composed, NFC";
  if (is_normalized(utf8, false)) return "decomposed, NFD";
  return "neither NFC nor NFD";
}

}  // namespace fineprint::core

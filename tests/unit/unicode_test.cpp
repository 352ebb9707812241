#include <catch2/catch.hpp>

#include "core/unicode.hpp"

using namespace fineprint::core;

namespace {
const std::string kComposed = "caf\xc3\xa9";     // é = U+00E9
const std::string kDecomposed = "cafe\xcc\x81";  // e + U+0301 COMBINING ACUTE ACCENT
}  // namespace

TEST_CASE("NFC: the composed and decomposed spellings of a name are one name", "[unicode]") {
  CHECK(kComposed != kDecomposed);
  CHECK(to_nfc(kDecomposed) == kComposed);
  CHECK(to_nfc(kComposed) == kComposed);
  CHECK(to_nfc("HAT-201") == "HAT-201");
  CHECK(to_nfc("") == "");
  // Singletons: KELVIN SIGN is K, ANGSTROM SIGN is Å.
  CHECK(to_nfc("\xe2\x84\xaa") == "K");
  CHECK(to_nfc("\xe2\x84\xab") == "\xc3\x85");
  // Hangul jamo compose to one syllable.
  CHECK(to_nfc("\xe1\x84\x80\xe1\x85\xa1") == "\xea\xb0\x80");
  CHECK(is_nfc(kComposed));
  CHECK_FALSE(is_nfc(kDecomposed));
  CHECK(is_ascii("web"));
  CHECK_FALSE(is_ascii(kComposed));
}

TEST_CASE("messages name how a text was written", "[unicode]") {
  CHECK(written_form(kComposed) == "composed, NFC");
  CHECK(written_form(kDecomposed) == "decomposed, NFD");
  CHECK(written_form("plain") == "composed, NFC");
  // é decomposed followed by a precomposed ñ: neither form.
  CHECK(written_form("e\xcc\x81\xc3\xb1") == "neither NFC nor NFD");
}

// The self-contained SHA-256 behind the rulebook digest: FIPS 180-4 vectors,
// and feeding in pieces gives the same hash as feeding at once; written out
// by core::hex.
#include <string>

#include <catch2/catch.hpp>

#include "core/sha256.hpp"

namespace {

std::string sha(const std::string& text,
                fineprint::core::Sha256Kernel kernel = fineprint::core::sha256_extension_kernel()) {
  fineprint::core::Sha256 hash(kernel);
  hash.update(text);
  return fineprint::core::hex(hash.finish());  // core::hex is checked here too
}

}  // namespace

TEST_CASE("SHA-256 matches the FIPS 180-4 test vectors", "[sha256]") {
  CHECK(sha("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  fineprint::core::Sha256 pieces;
  std::string text(1000, 'x');
  for (std::size_t i = 0; i < text.size(); i += 7) pieces.update(text.substr(i, 7));
  CHECK(fineprint::core::hex(pieces.finish()) == sha(text));
}

TEST_CASE("SHA-256's portable and extension kernels give the same bytes", "[sha256]") {
  using fineprint::core::sha256_portable_blocks;
  CHECK(sha("abc", sha256_portable_blocks) ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha(std::string(1000000, 'a'), sha256_portable_blocks) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  auto extensions = fineprint::core::sha256_extension_kernel();
  if (!extensions) {
    WARN("this processor has no SHA extensions: only the portable kernel was checked");
    return;
  }
  // Every length around the block and padding edges, on varied bytes.
  std::string text;
  for (int i = 0; i < 300; ++i) {
    CHECK(sha(text, extensions) == sha(text, sha256_portable_blocks));
    text += static_cast<char>((i * 131 + 7) & 0xff);
  }
}

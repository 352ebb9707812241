// SHA-256 (FIPS 180-4) for the rulebook digest of the decision record. Small
// and self-contained: OpenSSL 3's EVP layer spent more time fetching its
// provider than hashing a rulebook, a fifth of a whole `resolve` process.
// Where the processor has the SHA extensions (x86-64 SHA-NI) the blocks go
// through them: the portable rounds were still a seventh of `resolve`.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace fineprint::core {

// The 64 round constants of FIPS 180-4 §4.2.2, shared by both kernels.
inline constexpr std::array<std::uint32_t, 64> kSha256Round{
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

// Compresses `blocks` 64-byte blocks at `data` into `state`.
using Sha256Kernel = void (*)(std::array<std::uint32_t, 8>& state, const std::uint8_t* data,
                              std::size_t blocks);

// The rounds in plain C++, on any processor.
void sha256_portable_blocks(std::array<std::uint32_t, 8>& state, const std::uint8_t* data,
                            std::size_t blocks);

// The rounds through the SHA extensions, or nullptr when this processor (or
// this build's target) has none. Both give the same bytes (sha256_test.cpp).
Sha256Kernel sha256_extension_kernel();

class Sha256 {
 public:
  Sha256();  // the fastest kernel this processor has
  explicit Sha256(Sha256Kernel kernel);
  void update(std::string_view bytes);
  std::array<std::uint8_t, 32> finish();

 private:
  Sha256Kernel kernel_;

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;  // bytes hashed so far
};

// A digest in lowercase hexadecimal, 64 characters: the decision record's
// rulebook digest and the names of cached rulebooks.
std::string hex(const std::array<std::uint8_t, 32>& digest);

}  // namespace fineprint::core

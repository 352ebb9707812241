// SHA-256 (FIPS 180-4) for the rulebook digest of the decision record. Small
// and self-contained: OpenSSL 3's EVP layer spent more time fetching its
// provider than hashing a rulebook, a fifth of a whole `resolve` process.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace fineprint::engine {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  std::array<std::uint8_t, 32> finish();

 private:
  void block(const std::uint8_t* data);

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;  // bytes hashed so far
};

}  // namespace fineprint::engine

// libFuzzer's entry point for one target: FINEPRINT_FUZZ_TARGET (set per
// executable in tests/fuzz/CMakeLists.txt) names which of targets.hpp it runs.
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fineprint::fuzz::FINEPRINT_FUZZ_TARGET(data, size);
}

// The fuzz targets: one function per input surface, each taking arbitrary
// bytes. libFuzzer drives them (libfuzzer_main.cpp, `make fuzz`); the unit
// suite replays tests/regress/<target>/ through the same functions, so every
// crash or hang ever found stays fixed without needing clang to test it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace fineprint::fuzz {

// Rulebook loader (one TOML file) + every lint rule + every findings format.
int rulebook(const std::uint8_t* data, std::size_t size);
// TOML claim loader + engine + decision output, against the bundled rules/.
int claim_toml(const std::uint8_t* data, std::size_t size);
// `batch`'s JSON Lines splitter + JSON claim reader + engine, against rules/.
int claim_jsonl(const std::uint8_t* data, std::size_t size);
// Money, percent and instant parsing, with round-trip properties.
int values(const std::uint8_t* data, std::size_t size);
// A shop's order export (Shopify or WooCommerce) → the claim's order, written and read back.
int order_import(const std::uint8_t* data, std::size_t size);
// A snapshot of a loaded rulebook (issue 19), or one written from a TOML rulebook, read back.
int snapshot(const std::uint8_t* data, std::size_t size);

using Target = int (*)(const std::uint8_t*, std::size_t);

struct NamedTarget {
  std::string_view name;  // also the folder under tests/regress/ and tests/fuzz/dict/
  Target run;
};

inline constexpr NamedTarget kTargets[] = {
    {"rulebook", rulebook}, {"claim_toml", claim_toml},     {"claim_jsonl", claim_jsonl},
    {"values", values},     {"order_import", order_import}, {"snapshot", snapshot},
};

// A broken property is a crash: libFuzzer saves the input, the replay test dies.
[[noreturn]] void property_broken(const char* what);
inline void require(bool holds, const char* what) {
  if (!holds) property_broken(what);
}

}  // namespace fineprint::fuzz

// A store's promotion history, generated: N [[promotion]] tables over the
// bundled catalogue (rules/store.toml: its categories, skus and channels),
// with windows of 3–30 days spread over as many years as it takes for about
// `open_at_once` of them to be open at any instant, the last ones ending on
// 31 March 2027 (the generated claims of batch/claimgen.cpp are placed from
// November 2026 to March 2027). The shares of channels, codes, segments,
// scopes, thresholds, priorities and combinability follow
// analysis/gen_rulebook.py. Deterministic: the same count and seed give the
// same bytes (a fixed xorshift stream, no <random> distribution).
//
// Used by the benchmark (history/history_rules.cpp) and by the unit test that
// compares decisions on a 10,000-promotion rulebook with their digests from
// before the promotion index (tests/unit/engine/history_test.cpp).
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace fineprint::bench {

struct Xorshift {
  std::uint64_t state;
  std::uint64_t next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  bool chance(int percent) { return below(100) < static_cast<std::uint64_t>(percent); }
};

// Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
inline void civil_from_days(std::int64_t z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(yoe) + static_cast<int>(era) * 400 + (m <= 2);
}

namespace history_detail {

constexpr const char* kCategories[] = {"jackets", "hats",  "gloves", "base_layers", "underwear",
                                       "socks",   "boots", "tents",  "accessories"};
constexpr const char* kSkus[] = {"JKT-101", "JKT-102", "HAT-201", "HAT-202", "HAT-203", "GLV-301",
                                 "GLV-302", "BSL-401", "BSL-402", "UND-501", "UND-502", "SCK-601",
                                 "SCK-602", "BOT-701", "TNT-801", "ACC-901", "ACC-902"};
constexpr const char* kSegments[] = {"club", "staff", "student"};
constexpr std::int64_t kLastDay = 20908;  // 2027-03-31, days since 1970-01-01

// A local midnight in the store's zone (format.md: a date-time without
// offset). Riga moved its clocks at midnight in some years before 1990 (a
// local time that does not exist is an error), so the windows of a history
// that reaches back that far turn at noon before 2000.
inline std::string local_midnight(std::int64_t day) {
  int y = 0;
  unsigned m = 0, d = 0;
  civil_from_days(day, y, m, d);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%s", y, m, d,
                y < 2000 ? "12:00:00" : "00:00:00");
  return buffer;
}

// `count` distinct names of `list`, as a TOML array.
template <std::size_t N>
std::string some_of(Xorshift& rng, const char* const (&list)[N], std::size_t count) {
  std::string out = "[";
  std::size_t first = rng.below(N);
  for (std::size_t i = 0; i < count && i < N; ++i)
    out += (i ? ", \"" : "\"") + std::string(list[(first + i * 5) % N]) + "\"";
  return out + "]";
}

inline std::string scope(Xorshift& rng) {
  std::uint64_t kind = rng.below(100);
  if (kind < 60)
    return "products = { categories = " + some_of(rng, kCategories, 1 + rng.below(2)) + " }\n";
  if (kind < 85) return "products = { skus = " + some_of(rng, kSkus, 1 + rng.below(3)) + " }\n";
  if (kind < 95) {
    // One draw per statement: the operands of `+` are unsequenced, and g++ and
    // clang (the sanitized build) drew them in different orders. The skus
    // first, as g++ did when output_digests.txt was recorded.
    std::string skus = some_of(rng, kSkus, 2);
    std::string categories = some_of(rng, kCategories, 3);
    return "products = { categories = " + categories + ", exclude_skus = " + skus + " }\n";
  }
  return {};
}

inline std::string benefit(Xorshift& rng) {
  std::uint64_t kind = rng.below(100);
  if (kind < 75) return "percent_off = " + std::to_string(5 * (1 + rng.below(5))) + "\n";
  if (kind < 88) return "amount_off = \"" + std::to_string(5 * (1 + rng.below(4))) + ".00\"\n";
  if (kind < 95) return "buy_x_get_y = { buy = 2, get = 1 }\n";
  return "free_shipping = true\n";
}

inline std::string promotion(Xorshift& rng, std::size_t i, std::int64_t span_days) {
  char id[16];
  std::snprintf(id, sizeof id, "H%05zu", i);
  std::int64_t length = 3 + static_cast<std::int64_t>(rng.below(28));
  std::int64_t start = kLastDay - length -
                       static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(span_days)));
  std::string out = "[[promotion]]\nid = \"" + std::string(id) + "\"\ntitle = \"Campaign " +
                    std::string(id) + "\"\nstarts = " + local_midnight(start) +
                    "\nends = " + local_midnight(start + length) + "\n";
  if (rng.chance(50)) out += rng.chance(70) ? "channels = [\"web\"]\n" : "channels = [\"store\"]\n";
  if (rng.chance(20)) out += "code = \"C" + std::string(id) + "\"\n";
  if (rng.chance(10)) out += "segments = " + some_of(rng, kSegments, 1 + rng.below(2)) + "\n";
  if (rng.chance(5)) out += "first_order_only = true\n";
  out += scope(rng);
  if (rng.chance(10))
    out += "min_subtotal = \"" + std::to_string(25 * (1 + rng.below(4))) + ".00\"\n";
  if (rng.chance(10)) out += "limit_per_customer = " + std::to_string(1 + rng.below(3)) + "\n";
  out += "priority = " + std::to_string(rng.below(21)) + "\n";
  if (rng.chance(10)) out += "combinable = true\n";
  return out + benefit(rng) + "\n";
}

}  // namespace history_detail

// `count` promotions H00000, H00001, … as TOML (no [store]: the caller's).
inline std::string history_promotions(std::size_t count, std::uint64_t seed,
                                      std::int64_t open_at_once = 25) {
  Xorshift rng{seed * 2654435761ULL + 0x9E3779B97F4A7C15ULL};
  // A window lasts 16.5 days on average.
  std::int64_t span = static_cast<std::int64_t>(count) * 33 / (2 * open_at_once);
  if (span < 60) span = 60;
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += history_detail::promotion(rng, i, span);
  return out;
}

}  // namespace fineprint::bench

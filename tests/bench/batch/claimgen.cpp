// Deterministic generator of realistic JSON claims for the bundled rulebook
// (rules/): `fineprint_claimgen N [--seed S] [--returns-only]` writes N JSON
// Lines to stdout. Mixed return (85%) and promotion (15%) claims, 1–5 order
// lines each, skus, prices, channels, conditions and reasons as the store's
// catalogue and returns table have them, dates across the winter campaigns.
// The same N and seed always give the same bytes (a fixed xorshift stream).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "../history/history_promotions.hpp"

namespace {

using Rng = fineprint::bench::Xorshift;

struct Sku {
  const char* sku;
  const char* category;
  int price;  // cents
};

constexpr Sku kSkus[] = {
    {"JKT-101", "jackets", 18900},    {"JKT-102", "jackets", 24900},
    {"HAT-201", "hats", 2900},        {"HAT-202", "hats", 1900},
    {"HAT-203", "hats", 3400},        {"GLV-301", "gloves", 3900},
    {"GLV-302", "gloves", 4900},      {"BSL-401", "base_layers", 6900},
    {"BSL-402", "base_layers", 5900}, {"UND-501", "underwear", 2500},
    {"UND-502", "underwear", 3500},   {"SCK-601", "socks", 1500},
    {"SCK-602", "socks", 1900},       {"BOT-701", "boots", 15900},
    {"TNT-801", "tents", 32900},      {"ACC-901", "accessories", 4500},
    {"ACC-902", "accessories", 2900},
};
constexpr std::size_t kSkuCount = sizeof kSkus / sizeof kSkus[0];
constexpr const char* kConditions[] = {"sealed", "sealed", "opened", "opened",
                                       "used",   "washed", "damaged"};
constexpr const char* kReasons[] = {"changed_mind", "changed_mind",    "changed_mind",
                                    "defective",    "late_delivery",   "damaged_in_transit",
                                    "wrong_item",   "not_as_described"};
constexpr const char* kPromotions[] = {"WINTER-SALE", "HATS-3FOR2",   "SPEND-MORE",  "FIRST-ORDER",
                                       "LOYALTY-10",  "FREE-SHIP-60", "SKI-SOCKS-12"};
constexpr const char* kCodes[] = {"WINTER20", "HELLO10"};

void instant(std::string& out, std::int64_t seconds) {
  int y = 0;
  unsigned m = 0, d = 0;
  std::int64_t days = seconds / 86400, rest = seconds % 86400;
  fineprint::bench::civil_from_days(days, y, m, d);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "\"%04d-%02u-%02uT%02d:%02d:%02dZ\"", y, m, d,
                static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                static_cast<int>(rest % 60));
  out += buffer;
}

void money(std::string& out, std::int64_t cents) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "\"%lld.%02lld\"", static_cast<long long>(cents / 100),
                static_cast<long long>(cents % 100));
  out += buffer;
}

void claim(std::string& out, Rng& rng, std::uint64_t n, bool returns_only) {
  const bool is_return = returns_only || rng.chance(85);
  const bool web = rng.chance(70);
  // 2026-11-05 .. 2027-03-20 (UTC seconds)
  const std::int64_t start = 1793836800;  // 2026-11-05T00:00:00Z
  std::int64_t placed = start + static_cast<std::int64_t>(rng.below(135 * 86400));
  std::int64_t delivered =
      placed + (web ? 86400 + static_cast<std::int64_t>(rng.below(4 * 86400)) : 0);
  std::int64_t filed_after = rng.chance(3) ? 700 + static_cast<std::int64_t>(rng.below(100))
                                           : static_cast<std::int64_t>(rng.below(45));
  std::int64_t filed =
      delivered + filed_after * 86400 + static_cast<std::int64_t>(rng.below(36000));

  std::size_t lines = 1 + rng.below(5);
  std::size_t first = rng.below(kSkuCount);
  out += "{\"claim\": {\"id\": \"BC-";
  out += std::to_string(n);
  out += is_return ? "\", \"kind\": \"return\", \"filed_at\": "
                   : "\", \"kind\": \"promotion\", \"filed_at\": ";
  instant(out, filed);
  if (!web && rng.chance(50))
    out += rng.chance(70) ? ", \"has_receipt\": true" : ", \"has_receipt\": false";
  if (is_return) {
    out += ", \"items\": [";
    std::size_t items = 1 + rng.below(lines);
    for (std::size_t i = 0; i < items; ++i) {
      const Sku& s = kSkus[(first + i) % kSkuCount];
      if (i) out += ", ";
      out += "{\"sku\": \"";
      out += s.sku;
      out += "\", \"qty\": 1, \"condition\": \"";
      out += kConditions[rng.below(sizeof kConditions / sizeof *kConditions)];
      out += "\", \"reason\": \"";
      out += kReasons[rng.below(sizeof kReasons / sizeof *kReasons)];
      out += "\"}";
    }
    out += "]";
  } else if (rng.chance(50)) {
    out += ", \"code\": \"";
    out += kCodes[rng.below(2)];
    out += "\"";
  } else {
    out += ", \"promotion\": \"";
    out += kPromotions[rng.below(sizeof kPromotions / sizeof *kPromotions)];
    out += "\"";
  }
  out += "}, \"order\": {\"id\": \"BO-";
  out += std::to_string(n);
  out += "\", \"placed_at\": ";
  instant(out, placed);
  // A store sale is handed over when it is placed: day 0 of the returns window.
  out += ", \"delivered_at\": ";
  instant(out, delivered);
  out += web ? ", \"channel\": \"web\"" : ", \"channel\": \"store\"";
  if (rng.chance(30))
    out += rng.chance(50) ? ", \"codes\": [\"WINTER20\"]" : ", \"codes\": [\"HELLO10\"]";
  if (web) {
    out += ", \"shipping\": ";
    money(out, rng.chance(50) ? 490 : 0);
  }
  out += ", \"lines\": [";
  for (std::size_t i = 0; i < lines; ++i) {
    const Sku& s = kSkus[(first + i) % kSkuCount];
    int qty = 1 + static_cast<int>(rng.below(3));
    if (i) out += ", ";
    out += "{\"sku\": \"";
    out += s.sku;
    out += "\", \"category\": \"";
    out += s.category;
    out += "\", \"qty\": ";
    out += std::to_string(qty);
    out += ", \"unit_price\": ";
    money(out, s.price);
    if (rng.chance(40)) {
      out += ", \"paid\": ";
      money(out, static_cast<std::int64_t>(s.price) * qty * (80 + static_cast<int>(rng.below(21))) /
                     100);
    }
    if (rng.chance(5)) out += ", \"final_sale\": true";
    out += "}";
  }
  out += "]}, \"customer\": {\"id\": \"CU-";
  out += std::to_string(rng.below(100000));
  out += "\"";
  if (rng.chance(30)) out += ", \"segments\": [\"club\"]";
  out += ", \"orders_before\": ";
  out += std::to_string(rng.below(6));
  if (rng.chance(90)) {
    out += ", \"returns_90d\": ";
    out += std::to_string(rng.below(4));
  }
  out += "}}\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: fineprint_claimgen N [--seed S] [--returns-only]\n");
    return 2;
  }
  std::uint64_t count = std::strtoull(argv[1], nullptr, 10);
  std::uint64_t seed = 0x9E3779B97F4A7C15ULL;
  bool returns_only = false;
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
      seed = std::strtoull(argv[++i], nullptr, 10) * 2654435761ULL + 1;
    } else if (std::strcmp(argv[i], "--returns-only") == 0) {
      returns_only = true;
    } else {
      std::fprintf(stderr, "unknown argument %s\n", argv[i]);
      return 2;
    }
  }
  Rng rng{seed};
  std::string out;
  for (std::uint64_t n = 1; n <= count; ++n) {
    claim(out, rng, n, returns_only);
    if (out.size() > (1 << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

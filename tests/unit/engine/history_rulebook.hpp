// A rulebook with a long promotion history for the tests of the promotion
// index (issue 21): the bundled store and catalogue, a small returns table
// with refund_basis "reprice" (so a return prices its order twice), and
// `count` generated promotions over the years (about 25 open at once;
// tests/bench/history/history_promotions.hpp), fixed seed 21.
#pragma once

#include <string>

#include "../../bench/history/history_promotions.hpp"

namespace fineprint::test {

inline std::string history_rulebook(std::size_t count) {
  return R"([store]
name = "History Outdoor"
currency = "EUR"
timezone = "Europe/Riga"
channels = ["web", "store"]
distance_channels = ["web"]
jurisdiction = "none"

[catalog]
categories = ["jackets", "hats", "gloves", "base_layers", "underwear", "socks", "boots", "tents", "accessories"]
skus = ["JKT-101", "JKT-102", "HAT-201", "HAT-202", "HAT-203", "GLV-301", "GLV-302", "BSL-401", "BSL-402", "UND-501", "UND-502", "SCK-601", "SCK-602", "BOT-701", "TNT-801", "ACC-901", "ACC-902"]

[returns]
hit_policy = "first"
window_from = "delivery"
refund_basis = "reprice"
otherwise = { outcome = "review", because = "A team lead decides." }

[[returns.rule]]
id = "withdrawal"
when = { channel = ["web"], days = { max = 14 } }
outcome = "refund"
refund_shipping = true

[[returns.rule]]
id = "store-credit"
when = { days = { max = 60 } }
outcome = "store_credit"

)" + bench::history_promotions(count, 21);
}

}  // namespace fineprint::test

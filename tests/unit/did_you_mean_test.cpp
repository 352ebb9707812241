#include <catch2/catch.hpp>

#include "core/did_you_mean.hpp"

using namespace fineprint::core;

namespace {

// "ZZZZ-0000", "ZZZZ-0001", …: names of one length, none close to "QQQQ-…".
std::string fmt_free_name(std::size_t i) {
  std::string digits = std::to_string(i);
  return "ZZZZ-" + std::string(4 - digits.size(), '0') + digits;
}

}  // namespace

TEST_CASE("edit distance counts insertions, deletions and substitutions", "[did-you-mean]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("percent_of", "percent_off") == 1);
}

TEST_CASE("did-you-mean suggests the nearest name within distance 2", "[did-you-mean]") {
  std::vector<std::string> keys{"starts", "ends", "channels", "code"};
  CHECK(did_you_mean("strats", keys) == "starts");
  CHECK(did_you_mean("chanels", keys) == "channels");
  CHECK_FALSE(did_you_mean("priority", keys));
  CHECK(did_you_mean("cod", keys) == "code");
}

TEST_CASE("the bounded edit distance agrees with the full one within the limit", "[did-you-mean]") {
  const std::vector<std::string> words{
      "",        "a",        "ab",          "ba",       "abc",         "kitten",
      "sitting", "starts",   "strats",      "channels", "chanels",     "HAT-201",
      "HAT-210", "HAT-2010", "caf\xc3\xa9", "cafe",     "cafe\xcc\x81"};
  for (const auto& a : words)
    for (const auto& b : words)
      for (std::size_t limit = 0; limit <= 3; ++limit) {
        INFO(a << " / " << b << " limit " << limit);
        std::size_t full = edit_distance(a, b);
        auto bounded = bounded_edit_distance(a, b, limit);
        if (full <= limit) {
          REQUIRE(bounded);
          CHECK(*bounded == full);
        } else {
          CHECK_FALSE(bounded);
        }
      }
}

TEST_CASE("the bounded edit distance gives up early on long different names", "[did-you-mean]") {
  // 100,000 bytes each: a full table would be 10^10 cells.
  std::string a(100'000, 'a'), b(100'000, 'b');
  CHECK_FALSE(bounded_edit_distance(a, b, 2));
  b = a;
  b[50'000] = 'x';
  CHECK(bounded_edit_distance(a, b, 2) == 1u);
  CHECK_FALSE(bounded_edit_distance(a, a + "xyz", 2));  // lengths alone rule it out
}

TEST_CASE("the suggester and did_you_mean agree, ties going to the earliest", "[did-you-mean]") {
  std::vector<std::string> skus{"HAT-201", "HAT-202", "BOOT-9", "SCARF-10", "HAT-2011", "HA-201"};
  Suggester suggester(skus);
  for (std::string word :
       {"HAT-203", "HAT-20", "BOOT-99", "SCARF-1", "GLOVE-1", "HAT-201", "HAT-2012", "", "H"}) {
    INFO(word);
    CHECK(suggester.suggest(word) == did_you_mean(word, skus));
  }
  CHECK(suggester.suggest("HAT-203") == "HAT-201");     // HAT-202 is as close, and later
  CHECK(suggester.suggest("HAT-2012") == "HAT-201");    // both 1 away: the earlier one
  CHECK(suggester.suggest("HAT-201") == "HAT-202");     // never the word itself
  CHECK(suggester.suggest("HAT-20111") == "HAT-2011");  // 1 edit beats HAT-201's 2
  CHECK_FALSE(suggester.suggest("GLOVE-1"));
}

TEST_CASE("did-you-mean compares only names of similar length, a bounded number of them",
          "[did-you-mean]") {
  // Far longer or shorter candidates are never compared.
  CHECK_FALSE(did_you_mean("ab", {"abcde"}));
  CHECK(did_you_mean("abc", {"abcde"}) == "abcde");
  // A word past kSuggestMaxBytes gets no suggestion at all.
  std::string long_word(kSuggestMaxBytes + 1, 'x');
  CHECK_FALSE(did_you_mean(long_word, {long_word + "y"}));
  // Past kSuggestMaxCompared candidates of the word's length, the rest are
  // not looked at: a close name beyond the cap is not found.
  std::vector<std::string> many;
  for (std::size_t i = 0; i < kSuggestMaxCompared; ++i) many.push_back(fmt_free_name(i));
  many.push_back("QQQQ-0000");
  CHECK_FALSE(did_you_mean("QQQQ-0001", many));
  many.insert(many.begin(), "QQQQ-0000");
  CHECK(did_you_mean("QQQQ-0001", many) == "QQQQ-0000");
}

TEST_CASE("500 unknown names against 500 candidates is quick work", "[did-you-mean]") {
  // The claim of issue 20: every returned sku unknown, every order sku long.
  std::vector<std::string> skus;
  for (int i = 0; i < 500; ++i) skus.push_back(std::string(200, 'A') + std::to_string(1000 + i));
  Suggester suggester(skus);
  std::size_t found = 0;
  for (int i = 0; i < 500; ++i)
    if (suggester.suggest(std::string(200, 'B') + std::to_string(1000 + i))) ++found;
  CHECK(found == 0);
  CHECK(suggester.suggest(std::string(200, 'A') + "1000x") == std::string(200, 'A') + "1000");
}

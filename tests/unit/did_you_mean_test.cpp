#include <catch2/catch.hpp>

#include "core/did_you_mean.hpp"

using namespace fineprint::core;

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

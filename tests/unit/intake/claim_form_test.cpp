// The facts an agent adds on the command line (issue 16, item 4).
#include <catch2/catch.hpp>

#include "core/instant.hpp"
#include "intake/claim_form.hpp"

using namespace fineprint;

TEST_CASE("an --item is SKU:QTY:CONDITION:REASON, read from the right", "[intake]") {
  auto item = intake::parse_item("HAT-201:1:washed:defective");
  REQUIRE(item.ok());
  CHECK(item->sku == "HAT-201");
  CHECK(item->qty == 1);
  CHECK(item->condition == "washed");
  CHECK(item->reason == "defective");

  auto colon_sku = intake::parse_item("A:B:2:sealed:changed_mind");
  REQUIRE(colon_sku.ok());
  CHECK(colon_sku->sku == "A:B");
  CHECK(colon_sku->qty == 2);

  for (const char* bad :
       {"HAT-201:1:washed", "HAT-201:0:washed:defective", "HAT-201:x:washed:defective",
        ":1:washed:defective", "HAT-201:1::defective", "HAT-201:1.5:washed:defective"}) {
    INFO(bad);
    auto wrong = intake::parse_item(bad);
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().rule == "import/item");
  }
}

TEST_CASE("a --filed value is RFC 3339, or a date read as its last second in the store's zone",
          "[intake]") {
  core::Zone riga = core::find_zone("Europe/Riga");
  REQUIRE(riga);
  auto exact = intake::parse_filed("2027-01-05T14:20:00+02:00", riga);
  REQUIRE(exact.ok());
  CHECK(core::format_instant(riga, *exact) == "2027-01-05T14:20:00+02:00");
  auto day = intake::parse_filed("2027-01-05", riga);
  REQUIRE(day.ok());
  CHECK(core::format_instant(riga, *day) == "2027-01-05T23:59:59+02:00");
  auto summer = intake::parse_filed("2027-07-05", riga);
  REQUIRE(summer.ok());
  CHECK(core::format_instant(riga, *summer) == "2027-07-05T23:59:59+03:00");
  for (const char* bad : {"2027-02-30", "5.1.2027", "2027-01-05T14:20:00", "tomorrow"}) {
    INFO(bad);
    auto wrong = intake::parse_filed(bad, riga);
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().rule == "import/filed");
  }
}

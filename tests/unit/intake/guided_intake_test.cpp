// Guided intake (issue 16, item 3) with scripted answers: only questions
// whose answer can change the decision are asked, menus are the rulebook's
// vocabulary, answers that do not fit are asked again.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "../engine/engine_fixture.hpp"
#include "intake/guided_intake.hpp"
#include "intake/item_questions.hpp"
#include "run_process.hpp"

using namespace fineprint;
using fineprint::testing::contains;
using fineprint::testing::describe;
using fineprint::testing::run_fineprint;

namespace {

const std::string kCatalog = R"(
[catalog]
categories = ["hats"]

[[catalog.product]]
sku = "HAT-201"
category = "hats"
unit_price = "29.00"

[[catalog.product]]
sku = "HAT-202"
category = "hats"
unit_price = "19.00"
)";

const std::string kOrder = R"([order]
id = "O1"
placed_at = 2026-12-05T12:00:00+02:00
delivered_at = 2026-12-07T12:00:00+02:00
channel = "web"

[[order.lines]]
sku = "HAT-201"
qty = 3
paid = "87.00"

[[order.lines]]
sku = "HAT-202"
qty = 1
paid = "19.00"
)";

struct Run {
  core::Result<intake::GuidedClaim> result;
  std::string transcript;
};

Run guided(const std::string& returns, const std::string& answers) {
  static std::vector<model::Rulebook> keep;  // the claim's rulebook outlives the call
  keep.push_back(test::rulebook(test::store() + kCatalog + returns));
  load::ClaimLoadOptions order_only;
  order_only.order_only = true;
  auto order = load::load_claim_text(kOrder, "order.toml", keep.back(), order_only);
  REQUIRE(order.ok());
  std::istringstream in(answers);
  std::ostringstream out;
  auto result = intake::guided_intake(keep.back(), order.claim, in, out, false);
  return Run{std::move(result), out.str()};
}

}  // namespace

TEST_CASE("guided intake skips reason and condition when no answer changes the decision",
          "[intake]") {
  auto run = guided(R"([returns]
hit_policy = "first"
[[returns.rule]]
id = "all"
outcome = "refund"
)",
                    "2026-12-10\nHAT-202\n\n");
  INFO(run.transcript);
  REQUIRE(run.result.ok());
  const auto& claim = run.result->claim;
  REQUIRE(claim.items.size() == 1);
  CHECK(claim.items[0].sku == "HAT-202");
  CHECK(claim.items[0].qty == 1);  // a line of one unit: not asked
  CHECK_FALSE(contains(run.transcript, "Why does"));
  CHECK_FALSE(contains(run.transcript, "In what condition"));
  CHECK_FALSE(contains(run.transcript, "receipt"));  // no rule looks at has_receipt
  CHECK_FALSE(claim.has_receipt);
  CHECK(run.result->notes.size() == 2);
}

TEST_CASE("guided intake asks the reason, and the condition only where it matters", "[intake]") {
  const std::string returns = R"([returns]
hit_policy = "first"
[[returns.rule]]
id = "defect"
when = { reason = ["defective"] }
outcome = "refund"

[[returns.rule]]
id = "sealed-only"
when = { reason = ["changed_mind"], condition = ["sealed"] }
outcome = "refund"

[returns.otherwise]
outcome = "deny"
because = "Not covered."
)";
  // defective: every condition decides the same, so the condition is not asked.
  auto defect = guided(returns, "2026-12-10\n1\n2\ndefective\n\n");
  INFO(defect.transcript);
  REQUIRE(defect.result.ok());
  CHECK(contains(defect.transcript, "How many of the 3 come back?"));
  CHECK(contains(defect.transcript, "  2) defective — it has a fault\n"));
  CHECK_FALSE(contains(defect.transcript, "In what condition"));
  CHECK(defect.result->claim.items[0].qty == 2);
  CHECK(defect.result->claim.items[0].reason == "defective");

  // changed_mind: sealed or not decides, so the condition is asked.
  auto changed = guided(returns, "2026-12-10\nHAT-201\n1\n1\nwashed\n\n");
  INFO(changed.transcript);
  REQUIRE(changed.result.ok());
  CHECK(contains(changed.transcript, "In what condition is HAT-201?"));
  CHECK(contains(changed.transcript, "  4) washed — cleaned, against the care label\n"));
  CHECK(changed.result->claim.items[0].condition == "washed");
  CHECK(changed.result->notes.empty());
}

TEST_CASE("guided intake asks again after an answer that does not fit, and stops at the end",
          "[intake]") {
  const std::string returns = R"([returns]
hit_policy = "first"
[[returns.rule]]
id = "all"
when = { reason = ["defective"] }
outcome = "refund"
)";
  auto retried = guided(
      returns, "yesterday\n2026-12-10\n9\nHAT-203\n2\n0\n7\ndefective\n1\n4\n1\ndefective\n");
  INFO(retried.transcript);
  REQUIRE(retried.result.ok());
  CHECK(contains(retried.transcript, "Please answer with a date such as 2027-01-05"));
  CHECK(contains(retried.transcript, "Please answer with a number from 1 to 2 or a sku"));
  CHECK(contains(retried.transcript, "Please answer with a number from 1 to 6 or a name"));
  CHECK(contains(retried.transcript, "Please answer with a number from 1 to 3."));
  // Both lines taken: no further question.
  REQUIRE(retried.result->claim.items.size() == 2);

  auto ended = guided(returns, "2026-12-10\n");
  REQUIRE_FALSE(ended.result.ok());
  CHECK(ended.result.error().rule == "import/answers-ended");
  CHECK(contains(ended.result.error().message, "Which line comes back?"));
}

TEST_CASE("guided intake over a pipe: the washed hat, from the order export to the decision",
          "[intake][cli]") {
  testing::TempDir dir;
  auto out = dir.path() / "hat.toml";
  auto run = run_fineprint({"claim", "new", "--order", "tests/import/shopify-washed-hat.json",
                            "--from", "shopify", "--guided", "-o", out.string()},
                           "2027-01-05T14:20:00+02:00\ny\nHAT-201\ndefective\nwashed\n\n");
  INFO(describe(run));
  REQUIRE(run.exit_code == 0);
  CHECK(contains(run.err, "In what condition is HAT-201?"));
  CHECK(contains(run.err, "→ HAT-201 × 1: deny 0.00 EUR under rule `care-label-washed`\n"));
  CHECK(contains(run.err, "Claim #1001-return: denied"));
  CHECK(contains(run.err, "care-label-washed"));
  // Both commands it prints work, as printed (issue 16, item 3).
  CHECK(contains(run.err, "Decide it:       fineprint resolve " + out.string() + "\n"));
  CHECK(contains(run.err, "Write the reply: fineprint reply " + out.string() + "\n"));
  auto resolved = run_fineprint({"resolve", out.string()});
  INFO(describe(resolved));
  CHECK(resolved.exit_code == 0);
  CHECK(contains(resolved.out, "Claim #1001-return: denied"));
  auto replied = run_fineprint({"reply", out.string()});
  INFO(describe(replied));
  CHECK(replied.exit_code == 0);
  CHECK(contains(replied.out, "#1001"));

  // An -o file that would not be replaced is refused before the first question.
  auto again = run_fineprint({"claim", "new", "--order", "tests/import/shopify-washed-hat.json",
                              "--from", "shopify", "--guided", "-o", out.string()},
                             "2027-01-05\n");
  CHECK(again.exit_code == 2);
  CHECK(contains(again.err, "exists; give --force to replace it"));
  CHECK_FALSE(contains(again.err, "When did the customer"));
}

TEST_CASE("guided intake refuses an order the claim reader refuses, before any question",
          "[intake][cli]") {
  testing::TempDir dir;
  std::ifstream in("tests/import/shopify-washed-hat.json", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::string order = text.str();
  order.replace(order.find("\"HAT-202\""), 9, "\"HAT-201\"");
  auto path = dir.write("dup.json", order);
  auto run = run_fineprint(
      {"claim", "new", "--order", path.string(), "--from", "shopify", "--guided"}, "2027-01-05\n");
  INFO(describe(run));
  CHECK(run.exit_code == 2);
  CHECK(contains(run.err, "sku `HAT-201` is on order lines #1 and #2"));
  CHECK_FALSE(contains(run.err, "When did the customer"));
}

TEST_CASE("guided intake of a store return without a receipt: skus from the catalog, no order",
          "[intake][cli][no-receipt]") {
  testing::TempDir dir;
  auto out = dir.path() / "gloves.toml";
  auto run = run_fineprint(
      {"claim", "new", "--no-receipt", "--channel", "store", "--guided", "-o", out.string()},
      "2027-01-20\nGLV-310\nGLV-301\n0\n1\nchanged_mind\n\n");
  INFO(describe(run));
  REQUIRE(run.exit_code == 0);
  CHECK(contains(run.err, "A return without a receipt in channel store: no order;"));
  // No receipt question: the claim says it has none.
  CHECK_FALSE(contains(run.err, "receipt or order confirmation"));
  CHECK(contains(run.err, "The catalog has no product GLV-310; did you mean `GLV-301`?\n"));
  CHECK(contains(run.err, "Please answer with a number from 1 to 10000.\n"));
  CHECK(contains(run.err, "→ GLV-301 × 1: deny 0.00 EUR under rule `store-no-receipt`\n"));
  CHECK(contains(run.err, "Claim store-return-2027-01-20: denied"));
  CHECK(contains(run.err, "Write the reply: fineprint reply " + out.string() + "\n"));
  auto replied = run_fineprint({"reply", "--lang", "en", out.string()});
  INFO(describe(replied));
  CHECK(replied.exit_code == 0);
  CHECK(contains(replied.out, "Your return without a receipt\n"));

  // An online channel is refused before the first question.
  auto online = run_fineprint({"claim", "new", "--no-receipt", "--channel", "web", "--guided"},
                              "2027-01-20\n");
  CHECK(online.exit_code == 2);
  CHECK_FALSE(contains(online.err, "When did the customer"));
  CHECK(contains(online.err, "`web` is a distance channel"));
}

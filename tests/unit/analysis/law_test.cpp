// The law packs (docs/law.md): what each `store.jurisdiction` loads to, and
// how a country changes what the law/ rules say about the same table.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analysis/notice_text.hpp"
#include "lint/linter.hpp"
#include "load/rulebook_loader.hpp"
#include "model/law_pack.hpp"

namespace fs = std::filesystem;
using namespace fineprint;

namespace {

std::string fixture(const std::string& relative) {
  std::ifstream in(fs::path(FINEPRINT_SOURCE_DIR) / "tests" / "lint" / relative);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The fixture with its `jurisdiction = "..."` line replaced.
std::string with_jurisdiction(std::string text, const std::string& code) {
  auto at = text.find("jurisdiction = \"");
  REQUIRE(at != std::string::npos);
  auto end = text.find('\n', at);
  return text.replace(at, end - at, "jurisdiction = \"" + code + "\"");
}

core::Diagnostics lint_text(const std::string& text) {
  auto loaded = load::load_rulebook_text(text, "law.toml");
  INFO(text);
  REQUIRE(loaded.diagnostics.empty());
  return lint::lint_rulebook(loaded, {});
}

std::vector<core::Diagnostic> findings_of(const core::Diagnostics& all, const std::string& rule) {
  std::vector<core::Diagnostic> out;
  for (const auto& d : all)
    if (d.rule == rule) out.push_back(d);
  return out;
}

}  // namespace

TEST_CASE("every jurisdiction code loads to its law pack", "[law]") {
  CHECK(model::parse_jurisdiction("none") == model::Jurisdiction::none);
  CHECK(model::law_pack(model::Jurisdiction::none) == nullptr);
  CHECK_FALSE(model::eu_law_applies(model::Jurisdiction::none));
  CHECK_FALSE(model::parse_jurisdiction("US"));
  CHECK_FALSE(model::parse_jurisdiction("lv"));  // codes are upper case, as written
  for (const auto& pack : model::law_packs()) {
    INFO(pack.code);
    CHECK(model::parse_jurisdiction(pack.code) == pack.jurisdiction);
    CHECK(model::eu_law_applies(pack.jurisdiction));
    CHECK(pack.guarantee_days == 730);
    CHECK(!pack.presumption_statute.empty());
    auto loaded = load::load_rulebook_text(
        with_jurisdiction(fixture("law/eu-withdrawal/clean.toml"), std::string(pack.code)),
        "law.toml");
    CHECK(loaded.diagnostics.empty());
    CHECK(loaded.rulebook.store.jurisdiction == pack.jurisdiction);
  }
}

TEST_CASE("the burden-of-proof presumption is 2 years in Poland, 1 year elsewhere", "[law]") {
  using model::Jurisdiction;
  CHECK(model::law_pack(Jurisdiction::eu)->presumption_years == 1);
  CHECK(model::law_pack(Jurisdiction::lv)->presumption_years == 1);
  CHECK(model::law_pack(Jurisdiction::lt)->presumption_years == 1);
  CHECK(model::law_pack(Jurisdiction::ee)->presumption_years == 1);
  CHECK(model::law_pack(Jurisdiction::pl)->presumption_years == 2);
  CHECK(model::law_pack(Jurisdiction::pl)->presumption_statute.find("art. 11(2)") !=
        std::string_view::npos);
  CHECK(model::presumption_sentence(*model::law_pack(Jurisdiction::pl)) ==
        "A lack of conformity that becomes apparent within 2 years of delivery is presumed to "
        "have existed at delivery, unless the store proves otherwise (Directive (EU) 2019/771 "
        "art. 11(2); Ustawa o prawach konsumenta art. 43c).");
  CHECK(model::presumption_sentence(*model::law_pack(Jurisdiction::lv))
            .starts_with("A lack of conformity that becomes apparent within 1 year of delivery"));
  // Only Latvia's notification duty is checked.
  for (const auto& pack : model::law_packs())
    CHECK(pack.notification_months.has_value() == (pack.jurisdiction == Jurisdiction::lv));
  CHECK(model::law_pack(Jurisdiction::lv)->notification_months == 2);
}

TEST_CASE("a country's guarantee findings cite its statute", "[law]") {
  std::string text = fixture("law/eu-legal-guarantee/fires.toml");
  const std::vector<std::pair<std::string, std::string>> cited{
      {"LV", "Patērētāju tiesību aizsardzības likums art. 27"},
      {"LT", "Civilinis kodeksas art. 6.363"},
      {"PL", "Ustawa o prawach konsumenta art. 43c"},
      {"EE", "Võlaõigusseadus § 218"},
  };
  auto eu = findings_of(lint_text(with_jurisdiction(text, "EU")), "law/eu-legal-guarantee");
  REQUIRE(eu.size() == 1);
  CHECK(eu[0].message.find("Directive (EU) 2019/771 art. 10, 13, 14)") != std::string::npos);
  for (const auto& [code, statute] : cited) {
    INFO(code);
    auto got = findings_of(lint_text(with_jurisdiction(text, code)), "law/eu-legal-guarantee");
    REQUIRE(got.size() == 1);
    CHECK(got[0].where.line == eu[0].where.line);
    CHECK(got[0].message.find("Directive (EU) 2019/771 art. 10, 13, 14; " + statute + ")") !=
          std::string::npos);
  }
  CHECK(findings_of(lint_text(with_jurisdiction(text, "none")), "law/eu-legal-guarantee").empty());
}

TEST_CASE("a used item denied online within 14 days is a withdrawal finding with its witness",
          "[law]") {
  for (const std::string code : {"EU", "LV", "LT", "PL", "EE"}) {
    INFO(code);
    auto got = findings_of(
        lint_text(with_jurisdiction(fixture("law/eu-withdrawal/fires-used-deny.toml"), code)),
        "law/eu-withdrawal");
    REQUIRE(got.size() == 2);
    const auto& worn = got[0];
    CHECK(worn.severity == core::Severity::error);
    CHECK(worn.message.find("rule WORN decides `deny` for a used item bought on web") !=
          std::string::npos);
    CHECK(worn.message.find("whatever the item's condition") != std::string::npos);
    CHECK(worn.help.find("fee_percent") != std::string::npos);
    REQUIRE(worn.witness);
    CHECK(worn.witness->claim_toml.find("condition = \"used\"") != std::string::npos);
    CHECK(worn.witness->claim_toml.find("channel = \"web\"") != std::string::npos);
  }
}

TEST_CASE("only Latvia checks the notice period a rule's text asks for", "[law]") {
  std::string text = fixture("law/lv-notification-period/fires.toml");
  auto lv = findings_of(lint_text(text), "law/lv-notification-period");
  REQUIRE(lv.size() == 3);
  CHECK(lv[0].message.find("\"14 days\"") != std::string::npos);
  CHECK(lv[0].message.find("in Latvia a consumer has 2 months") != std::string::npos);
  CHECK(lv[1].message.find("\"8 nedēļu\"") != std::string::npos);
  CHECK(lv[2].message.find("\"30 days\"") != std::string::npos);
  for (const std::string code : {"EU", "LT", "PL", "EE", "none"})
    CHECK(findings_of(lint_text(with_jurisdiction(text, code)), "law/lv-notification-period")
              .empty());
}

TEST_CASE("notice periods are read in the store's languages, shorter than 2 months only", "[law]") {
  using analysis::short_notice;
  auto days = [](std::string_view text) {
    auto p = short_notice(text, 2);
    return p ? p->days : -1;
  };
  CHECK(days("Report the fault within 14 days of noticing it.") == 14);
  CHECK(days("Please NOTIFY us within two weeks.") == 14);
  CHECK(days("Tell us within 48 hours.") == 2);
  CHECK(days("Report it within 1 month.") == 31);
  CHECK(days("Report it within 61 days.") == 61);
  CHECK(days("Report it within 62 days.") == -1);
  CHECK(days("Report it within 2 months.") == -1);
  CHECK(days("Report it within 2 years.") == -1);
  CHECK(days("Bojājumi jāpaziņo 8 nedēļu laikā.") == 56);
  CHECK(days("Apie defektą praneškite per 10 dienų.") == 10);
  CHECK(days("Wadę należy zgłosić w ciągu 7 dni.") == 7);
  CHECK(days("Уведомите нас в течение 5 дней.") == 5);
  CHECK(days("СООБЩИТЕ в течение 3 дней.") == 3);
  // No request to notify in the sentence: a period alone is not a notice deadline.
  CHECK(days("We repair the item within 14 days.") == -1);
  CHECK(days("Report the fault to us. We repair it within 14 days.") == -1);
  // "§4.2" and "4.90" do not end a sentence.
  CHECK(days("Report it (Terms §4.2) within 10 days.") == 10);
  // The shortest of several.
  CHECK(short_notice("Report within 30 days; notify us within 5 days.", 2)->text == "5 days");
}

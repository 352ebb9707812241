#include "lint/rules/rulebook_texts.hpp"

#include <fmt/format.h>

namespace fineprint::lint {

namespace {

void add(std::vector<TextSite>& out, const model::Text& text, std::string key, std::string owner,
         std::string subject, bool prose, const model::Promotion* promotion = nullptr) {
  if (text.empty()) return;
  out.push_back({&text, std::move(key), std::move(owner), std::move(subject), prose, promotion});
}

void add_returns(std::vector<TextSite>& out, const model::Returns& returns) {
  for (const auto& rule : returns.rules) {
    std::string owner = fmt::format("returns rule {}", rule.id.value);
    add(out, rule.outcome.because, "because", owner, "returns", true);
    add(out, rule.outcome.cite, "cite", owner, "returns", false);
  }
  if (returns.otherwise) {
    add(out, returns.otherwise->because, "because", "`otherwise`", "returns", true);
    add(out, returns.otherwise->cite, "cite", "`otherwise`", "returns", false);
  }
  for (const auto& exemption : returns.exemptions)
    add(out, exemption.basis, "basis", "a [[returns.exemption]]", "returns", false);
}

}  // namespace

std::vector<TextSite> rulebook_texts(const model::Rulebook& rulebook) {
  std::vector<TextSite> out;
  const model::Store& store = rulebook.store;
  add(out, store.name, "name", "[store]", "", false);
  add(out, store.letter.signature, "signature", "[store.letter]", "", false);
  add(out, store.letter.contact, "contact", "[store.letter]", "", false);
  add(out, store.letter.appeal, "appeal", "[store.letter]", "", false);
  for (const auto& [kind, names] :
       {std::pair{"channel", &store.names.channel}, std::pair{"category", &store.names.category},
        std::pair{"segment", &store.names.segment}})
    for (const auto& [id, text] : *names)
      add(out, text, id, fmt::format("[store.names.{}]", kind), "", false);
  for (const auto& promotion : rulebook.promotions) {
    std::string owner = fmt::format("promotion {}", promotion.id.value);
    add(out, promotion.title, "title", owner, promotion.id.value, true, &promotion);
    add(out, promotion.terms, "terms", owner, promotion.id.value, true, &promotion);
  }
  if (rulebook.returns) add_returns(out, *rulebook.returns);
  for (const auto& assertion : rulebook.asserts)
    add(out, assertion.because, "because", fmt::format("assert {}", assertion.id.value), "returns",
        true);
  for (const auto& goodwill : rulebook.goodwill) {
    std::string owner = fmt::format("goodwill {}", goodwill.id.value);
    add(out, goodwill.title, "title", owner, "goodwill", true);
    add(out, goodwill.text, "text", owner, "goodwill", true);
  }
  return out;
}

}  // namespace fineprint::lint

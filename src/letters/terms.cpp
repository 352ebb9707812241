#include "letters/terms.hpp"

#include "letters/terms_parts.hpp"

namespace fineprint::letters {

core::Result<Document> published_terms(const model::Rulebook& rulebook, std::string_view language) {
  auto catalog = catalog_for(rulebook, language);
  if (!catalog) return catalog.error();
  const Phrasing p(**catalog, rulebook);
  Document document;
  document.language = std::string(language);
  try {
    document.title = p.say("terms.title", {{"store", p.store_name()}});
    detail::write_promotions(p, document);
    detail::write_returns(p, document);
  } catch (const Failure& failure) {
    return failure.error;
  }
  return document;
}

}  // namespace fineprint::letters

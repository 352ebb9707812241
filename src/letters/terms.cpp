#include "letters/terms.hpp"

#include "letters/terms_parts.hpp"

namespace fineprint::letters {

core::Result<Document> published_terms(const model::Rulebook& rulebook, std::string_view language) {
  return write_document(rulebook, language, [](const Phrasing& p, Document& document) {
    document.title = p.say("terms.title", {{"store", p.store_name()}});
    detail::write_promotions(p, document);
    detail::write_returns(p, document);
  });
}

}  // namespace fineprint::letters

// One language's way of saying things for a letter or the terms: catalog
// sentences, amounts, dates in the store's zone, lists, and the rulebook's own
// texts in that language. A text the rulebook lacks in the language is an
// error naming the text, never English in its place (issue 14).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "i18n/catalog.hpp"
#include "i18n/formats.hpp"
#include "letters/document.hpp"
#include "model/rulebook.hpp"

namespace fineprint::letters {

// A failure while a document is built; reply_letter and published_terms turn
// it into their error value, so no exception leaves the module.
struct Failure {
  core::Error error;
};

class Phrasing {
 public:
  Phrasing(const i18n::Catalog& catalog, const model::Rulebook& rulebook)
      : catalog_(catalog), rulebook_(rulebook) {}

  const std::string& language() const { return catalog_.language(); }
  const model::Rulebook& rulebook() const { return rulebook_; }

  // The catalog's sentence `key` with `args` (throws Failure).
  std::string say(std::string_view key, const i18n::Args& args = {}) const;
  std::string money(core::Minor amount) const;
  std::string percent(core::BasisPoints percent) const;
  // The local date (or date and time) of an instant in the store's zone.
  std::string date(core::Instant instant, i18n::DateForm form = i18n::DateForm::date) const;
  std::string day(date::local_days day) const;
  // "a, b and c" as the language joins a list (ICU ListFormatter).
  std::string list(const std::vector<std::string>& parts) const;
  // A title in the language's quotation marks: “…” (en), „…” (lv, pl), «…» (ru).
  std::string quoted(std::string_view text) const;

  // The rulebook text in this language; "" when the rulebook has none at all.
  // `what` names it in the error: "the `because` of returns rule `late`".
  std::string text(const model::Text& text, std::string_view what) const;
  std::string store_name() const;
  // What customers read for the store's ids of `kind` ("channel", "category",
  // "segment"): each one's [store.names] text in this language, else the id.
  std::vector<std::string> names(std::string_view kind, const model::Names& ids) const;

 private:
  const i18n::Catalog& catalog_;
  const model::Rulebook& rulebook_;
};

// The catalog of `language`, after checking that the store declares it
// (`[store] languages`). Errors name the language and what there is.
core::Result<const i18n::Catalog*> catalog_for(const model::Rulebook& rulebook,
                                               std::string_view language);

// A document in `language` written by `write(phrasing, document)`; a Failure
// thrown while writing comes back as the error value.
template <class Write>
core::Result<Document> write_document(const model::Rulebook& rulebook, std::string_view language,
                                      Write write) {
  auto catalog = catalog_for(rulebook, language);
  if (!catalog) return catalog.error();
  const Phrasing p(**catalog, rulebook);
  Document document;
  document.language = std::string(language);
  try {
    write(p, document);
  } catch (const Failure& failure) {
    return failure.error;
  }
  return document;
}

// The promotion with this id, or nullptr.
const model::Promotion* promotion_named(const model::Rulebook& rulebook, std::string_view id);

}  // namespace fineprint::letters

#include "letters/reply.hpp"

#include "letters/phrasing.hpp"
#include "letters/reply_parts.hpp"

namespace fineprint::letters {

namespace {

bool is_return(const model::Claim& claim) {
  return claim.kind == model::ClaimKind::return_claim;
}

void write_opening(const Phrasing& p, const model::Claim& claim, Document& document) {
  const i18n::Args args{{"order", claim.order.id},
                        {"filed", p.date(claim.filed_at)},
                        {"placed", p.date(claim.order.placed_at)}};
  document.title =
      p.say(is_return(claim) ? "letter.subject_return" : "letter.subject_promotion", args);
  document.add(BlockKind::paragraph, p.say("letter.greeting"));
  document.add(BlockKind::paragraph,
               p.say(is_return(claim) ? "letter.intro_return" : "letter.intro_promotion", args));
}

// How to appeal (`[store.letter] appeal`), for every answer that is not a
// plain yes.
void write_appeal(const Phrasing& p, const engine::Decision& decision, Document& document) {
  if (decision.verdict == engine::Verdict::approved) return;
  std::string appeal = p.text(p.rulebook().store.letter.appeal, "the `appeal` of [store.letter]");
  if (!appeal.empty()) document.add(BlockKind::paragraph, appeal);
}

// "Kind regards," and the store's signature and contact (`[store.letter]`);
// without a signature the letter is signed with the store's name.
void write_closing(const Phrasing& p, Document& document) {
  const model::Letter& letter = p.rulebook().store.letter;
  document.add(BlockKind::closing, p.say("letter.closing"));
  std::string signature = p.text(letter.signature, "the `signature` of [store.letter]");
  document.add(BlockKind::closing, signature.empty() ? p.store_name() : signature);
  std::string contact = p.text(letter.contact, "the `contact` of [store.letter]");
  if (!contact.empty()) document.add(BlockKind::closing, contact);
}

}  // namespace

std::string reply_language(const model::Rulebook& rulebook, const model::Claim& claim,
                           const std::optional<std::string>& requested) {
  if (requested) return *requested;
  if (claim.customer.language) return *claim.customer.language;
  return rulebook.store.default_language();
}

core::Result<Document> reply_letter(const model::Rulebook& rulebook, const model::Claim& claim,
                                    const engine::Decision& decision, std::string_view language) {
  return write_document(rulebook, language, [&](const Phrasing& p, Document& document) {
    write_opening(p, claim, document);
    if (is_return(claim))
      detail::write_return(p, claim, decision, document);
    else
      detail::write_promotion(p, claim, decision, document);
    write_appeal(p, decision, document);
    write_closing(p, document);
  });
}

}  // namespace fineprint::letters

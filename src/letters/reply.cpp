#include "letters/reply.hpp"

#include <algorithm>

#include "letters/phrasing.hpp"
#include "letters/reply_parts.hpp"

namespace fineprint::letters {

namespace {

bool is_return(const model::Claim& claim) {
  return claim.kind == model::ClaimKind::return_claim;
}

void write_opening(const Phrasing& p, const model::Claim& claim, Document& document) {
  i18n::Args args{{"filed", p.date(claim.filed_at)}};
  if (!claim.has_order) {
    // Without an order the opening speaks of the units returned, one or more.
    std::int64_t units = 0;
    for (const auto& item : claim.items) units += item.qty;
    args.push_back({"count", units});
  } else {
    args.push_back({"order", claim.order.id});
    args.push_back({"placed", p.date(claim.order.placed_at)});
  }
  // A store return without a receipt has no order to name (issue 16).
  const bool no_order = is_return(claim) && !claim.has_order;
  document.title = p.say(no_order           ? "letter.subject_return_no_receipt"
                         : is_return(claim) ? "letter.subject_return"
                                            : "letter.subject_promotion",
                         args);
  document.add(BlockKind::paragraph, p.say("letter.greeting"));
  document.add(BlockKind::paragraph, p.say(no_order           ? "letter.intro_return_no_receipt"
                                           : is_return(claim) ? "letter.intro_return"
                                                              : "letter.intro_promotion",
                                           args));
}

// How to appeal (`[store.letter] appeal`), for every answer that is not a
// plain yes.
void write_appeal(const Phrasing& p, const engine::Decision& decision, Document& document) {
  if (decision.verdict == engine::Verdict::approved) return;
  std::string appeal = p.text(p.rulebook().store.letter.appeal, "the `appeal` of [store.letter]");
  if (!appeal.empty()) document.add(BlockKind::paragraph, appeal);
}

// The store's sign-off (`[store.letter] signature`, closing words included,
// one block per line) and contact; without a signature the catalog's
// "Kind regards," and the store's name.
void write_closing(const Phrasing& p, Document& document) {
  const model::Letter& letter = p.rulebook().store.letter;
  const std::string signature = p.text(letter.signature, "the `signature` of [store.letter]");
  if (signature.empty()) {
    document.add(BlockKind::closing, p.say("letter.closing"));
    document.add(BlockKind::closing, p.store_name());
  }
  for (std::size_t start = 0; start < signature.size();) {
    std::size_t end = std::min(signature.find('\n', start), signature.size());
    document.add(BlockKind::closing, signature.substr(start, end - start));
    start = end + 1;
  }
  const std::string contact = p.text(letter.contact, "the `contact` of [store.letter]");
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
    detail::write_goodwill(p, decision, document);
    write_appeal(p, decision, document);
    write_closing(p, document);
  });
}

}  // namespace fineprint::letters

# letters/: what `reply` and `terms` write for the customer — the letter built
# from a decision, the published terms built from a rulebook, as a document
# rendered to text, Markdown or HTML. Only this folder's files.
list(APPEND FINEPRINT_CORE_SOURCES
  src/letters/render.cpp
  src/letters/phrasing.cpp
  src/letters/reply.cpp
  src/letters/reply_return.cpp
  src/letters/reply_goodwill.cpp
  src/letters/reply_promotion.cpp
  src/letters/terms.cpp
  src/letters/terms_promotions.cpp
  src/letters/terms_returns.cpp
)

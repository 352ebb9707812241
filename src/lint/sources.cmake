# lint/: the linter, the rule registry and the model rules. Only this folder's files.
list(APPEND FINEPRINT_CORE_SOURCES
  src/lint/linter.cpp
  src/lint/registry.cpp
  src/lint/rules/promotion_rules.cpp
  src/lint/rules/time_rules.cpp
  src/lint/rules/folded_text.cpp
  src/lint/rules/rulebook_texts.cpp
  src/lint/rules/missing_translation.cpp
  src/lint/rules/text_numbers.cpp
  src/lint/rules/terms_contradict.cpp
  src/lint/rules/vague_phrases.cpp
  src/lint/rules/vague_terms.cpp
)

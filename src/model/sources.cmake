# model/: the rulebook and claim data. Only this folder's files.
list(APPEND FINEPRINT_CORE_SOURCES
  src/model/rulebook.cpp
  src/model/text.cpp
  src/model/item_facts.cpp
  src/model/promotion_eligibility.cpp
)

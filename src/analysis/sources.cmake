# Exact analysis and the semantic lint rules built on it.
list(APPEND FINEPRINT_CORE_SOURCES
  src/analysis/region.cpp
  src/analysis/returns_domain.cpp
  src/analysis/returns_analysis.cpp
  src/analysis/witness.cpp
  src/analysis/returns_rules.cpp
  src/analysis/goodwill_rules.cpp
  src/analysis/law_rules.cpp
  src/analysis/notice_text.cpp
  src/analysis/line_ids.cpp
  src/analysis/promotion_facts.cpp
  src/analysis/promotion_analysis.cpp
  src/analysis/shadow_space.cpp
  src/analysis/shadow.cpp
  src/analysis/shadow_search.cpp
  src/analysis/engine_check.cpp
  src/analysis/promotion_rules.cpp
  src/analysis/stopped_note.cpp
  src/analysis/session.cpp
)

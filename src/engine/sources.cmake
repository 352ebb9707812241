# engine/: pricing, claims and the decision record. Only this folder's files.
list(APPEND FINEPRINT_CORE_SOURCES
  src/engine/window_index.cpp
  src/engine/promotion_index.cpp
  src/engine/compiled_rulebook.cpp
  src/engine/pricing.cpp
  src/engine/failure_text.cpp
  src/engine/promotion_benefit.cpp
  src/engine/return_claim.cpp
  src/engine/goodwill.cpp
  src/engine/promotion_claim.cpp
  src/engine/decision.cpp
  src/engine/policy_runner.cpp
)

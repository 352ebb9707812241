# Engine, claim loader and decision reports: appended to the core library.
list(APPEND FINEPRINT_CORE_SOURCES
  src/load/claim_loader.cpp
  src/load/claim_validate.cpp
  src/load/claim_fields.cpp
  src/load/claim_json.cpp
  src/engine/pricing.cpp
  src/engine/promotion_benefit.cpp
  src/engine/return_claim.cpp
  src/engine/promotion_claim.cpp
  src/engine/decision.cpp
  src/engine/sha256.cpp
  src/engine/policy_test.cpp
  src/report/decision_json.cpp
  src/report/decision_text.cpp
  src/report/price_json.cpp
  src/report/price_text.cpp
)

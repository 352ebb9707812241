# Engine, claim loader, decision reports and the golden claim cases.
list(APPEND FINEPRINT_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/pricing_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pricing_v11_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/return_claim_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/goodwill_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/promotion_claim_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/claim_loader_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/claim_schema_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/decision_record_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/policy_runner_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/golden_claims_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/output_digest_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/promotion_index_test.cpp
)

# intake/: order import and the claim written from it (issue 16).
list(APPEND FINEPRINT_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/json_tree_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/order_import_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/claim_form_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/claim_new_cli_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/guided_intake_test.cpp
)

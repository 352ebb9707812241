# tests/unit/texts/: texts in several languages (issue 14). Only this folder's files.
list(APPEND FINEPRINT_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/text_loader_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/text_rules_test.cpp
)

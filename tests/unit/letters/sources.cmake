# Letters and terms (issue 14): rendering, and the end-to-end goldens of
# `fineprint reply` and `fineprint terms` under tests/letters/.
list(APPEND FINEPRINT_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/render_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/letters_golden_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reply_cli_test.cpp
)

# `fineprint batch` (issue 6): the JSON claim reader, the pipeline (src/batch/) and the command.
list(APPEND FINEPRINT_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/batch_support.cpp
  ${CMAKE_CURRENT_LIST_DIR}/claim_json_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/batch_cli_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/batch_kill_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/batch_output_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/batch_lines_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pipeline_test.cpp
)

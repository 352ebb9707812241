# tests/unit/: the Catch2 suite's files of this folder; each subfolder lists its own.
list(APPEND FINEPRINT_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/money_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/instant_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/did_you_mean_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/unicode_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/hostile_claims_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/examples_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/json_writer_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lint_fixture.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lint_fixtures_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lint_cli_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_cli_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/malformed_input_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/run_process.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bad_inputs_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/limits_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/findings_cap_test.cpp
)
include(${CMAKE_CURRENT_LIST_DIR}/engine/sources.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/analysis/sources.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/batch/sources.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/load/sources.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/intake/sources.cmake)

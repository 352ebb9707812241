# Unit tests of `fineprint diff` (src/diff/).
list(APPEND FINEPRINT_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/diff_exactness_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/diff_cli_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/witness_fixtures_test.cpp
)
# The brute-force oracle enumerates every item of each pair's domain.
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/diff_exactness_test.cpp PROPERTIES COMPILE_OPTIONS -O2)

# Unit tests of the exact analysis.
list(APPEND FINEPRINT_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/region_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/exactness_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/witness_e2e_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/law_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/shadow_amounts_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/line_ids_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/two_line_kinds_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/shadow_search_test.cpp
)
# The brute-force oracle enumerates hundreds of thousands of items per case.
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/exactness_test.cpp PROPERTIES COMPILE_OPTIONS -O2)

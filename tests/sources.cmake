set(FINEPRINT_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/unit/money_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/unit/instant_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/unit/did_you_mean_test.cpp
)
include(${CMAKE_CURRENT_LIST_DIR}/unit/engine/sources.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/unit/analysis/sources.cmake)

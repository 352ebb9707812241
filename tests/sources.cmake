# The Catch2 suite (fineprint_tests): each folder's sources.cmake lists that
# folder's files only.
set(FINEPRINT_TEST_SOURCES)
include(${CMAKE_CURRENT_LIST_DIR}/unit/sources.cmake)

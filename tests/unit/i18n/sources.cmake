# Message catalogs, ICU formatting, letters and terms (issue 14); the
# catalogs compiled at build time (issue 19).
list(APPEND FINEPRINT_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/catalog_build_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/catalog_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/formats_test.cpp
)

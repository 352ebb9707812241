# The loader: the products CSV and the catalog's products in claims (issue 16); the snapshot
# of a loaded rulebook and the cache of loaded rulebooks (issue 19).
list(APPEND FINEPRINT_TEST_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/csv_reader_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/catalog_products_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/claim_without_order_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rulebook_snapshot_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rulebook_snapshot_bytes_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rulebook_cache_test.cpp
)

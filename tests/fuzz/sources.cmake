# The fuzz targets' code, shared by the libFuzzer executables (FINEPRINT_FUZZ)
# and the unit suite's replay of tests/regress/ (tests/unit/fuzz_regress_test.cpp).
set(FINEPRINT_FUZZ_TARGET_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/support.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rulebook_target.cpp
  ${CMAKE_CURRENT_LIST_DIR}/claim_toml_target.cpp
  ${CMAKE_CURRENT_LIST_DIR}/claim_jsonl_target.cpp
  ${CMAKE_CURRENT_LIST_DIR}/values_target.cpp
  ${CMAKE_CURRENT_LIST_DIR}/order_import_target.cpp
  ${CMAKE_CURRENT_LIST_DIR}/snapshot_target.cpp
)

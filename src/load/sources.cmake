# load/: TOML and JSON to the model. Only this folder's files.
list(APPEND FINEPRINT_CORE_SOURCES
  src/load/toml_document.cpp
  src/load/toml_implementation.cpp
  src/load/table_reader.cpp
  src/load/load_rules.cpp
  src/load/text_reader.cpp
  src/load/store_reader.cpp
  src/load/csv_reader.cpp
  src/load/product_reader.cpp
  src/load/promotion_reader.cpp
  src/load/returns_reader.cpp
  src/load/goodwill_reader.cpp
  src/load/allow_reader.cpp
  src/load/references.cpp
  src/load/rulebook_loader.cpp
  src/load/rulebook_cache.cpp
  src/load/rulebook_snapshot.cpp
  src/load/claim_loader.cpp
  src/load/claim_validate.cpp
  src/load/claim_without_order.cpp
  src/load/claim_fields.cpp
  src/load/claim_json.cpp
  src/load/claim_file.cpp
)

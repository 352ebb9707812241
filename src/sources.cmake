# Explicit source lists: adding a file means adding it here, or in the list
# file of its folder (engine/, analysis/) that this one includes.
set(FINEPRINT_CORE_SOURCES
  src/core/diagnostic.cpp
  src/core/did_you_mean.cpp
  src/core/instant.cpp
  src/core/money.cpp
  src/model/rulebook.cpp
  src/load/table_reader.cpp
  src/load/toml_document.cpp
  src/load/allow_reader.cpp
  src/load/promotion_reader.cpp
  src/load/references.cpp
  src/load/returns_reader.cpp
  src/load/rulebook_loader.cpp
  src/load/store_reader.cpp
  src/model/item_facts.cpp
  src/report/json_writer.cpp
)
include(${CMAKE_CURRENT_LIST_DIR}/engine/sources.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/analysis/sources.cmake)

set(FINEPRINT_CLI_SOURCES
  src/main.cpp
  src/cli/commands.cpp
  src/cli/options.cpp
  src/cli/stubs.cpp
)
include(${CMAKE_CURRENT_LIST_DIR}/cli/sources.cmake)

# Explicit source lists: adding a file means adding it here.
set(FINEPRINT_CORE_SOURCES
  src/core/diagnostic.cpp
  src/core/did_you_mean.cpp
  src/core/instant.cpp
  src/core/money.cpp
  src/model/rulebook.cpp
  src/load/table_reader.cpp
  src/load/toml_document.cpp
)

set(FINEPRINT_CLI_SOURCES
  src/main.cpp
  src/cli/commands.cpp
  src/cli/options.cpp
  src/cli/stubs.cpp
)

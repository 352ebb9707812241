# Subcommands owned by the engine work (resolve, price, test).
list(APPEND FINEPRINT_CLI_SOURCES
  src/cli/decision_support.cpp
  src/cli/resolve_command.cpp
  src/cli/price_command.cpp
  src/cli/test_command.cpp
  src/cli/batch_command.cpp
  src/cli/batch_input.cpp
  src/cli/batch_decider.cpp
  src/cli/batch_pipeline.cpp
  src/cli/batch_output.cpp
)

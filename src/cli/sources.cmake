# Subcommands owned by the engine work (resolve, price, test).
list(APPEND FINEPRINT_CLI_SOURCES
)

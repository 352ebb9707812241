# cli/: one file per subcommand, options and exit codes (the executable, not the library). Only this folder's files.
list(APPEND FINEPRINT_CLI_SOURCES
  src/cli/commands.cpp
  src/cli/options.cpp
  src/cli/placeholders.cpp
  src/cli/man_page.cpp
  src/cli/color.cpp
  src/cli/config_file.cpp
  src/cli/rulebook_option.cpp
  src/cli/lint_command.cpp
  src/cli/rule_selection.cpp
  src/cli/rules_command.cpp
  src/cli/schema_command.cpp
  src/cli/completion_command.cpp
  src/cli/cache_directory.cpp
  src/cli/decision_support.cpp
  src/cli/resolve_command.cpp
  src/cli/price_command.cpp
  src/cli/test_command.cpp
  src/cli/batch_command.cpp
  src/cli/diff_command.cpp
  src/cli/reply_command.cpp
  src/cli/terms_command.cpp
  src/cli/claim_command.cpp
)

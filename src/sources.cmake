# Explicit source lists, one per folder: adding a file means adding it to the
# sources.cmake of its own folder, which lists that folder's files only.
# Everything but main.cpp and cli/ goes into the library fineprint_core.
set(FINEPRINT_CORE_SOURCES)
foreach(folder core model load engine analysis lint report batch diff i18n letters intake)
  include(${CMAKE_CURRENT_LIST_DIR}/${folder}/sources.cmake)
endforeach()

# The subcommands (the library fineprint_cli), the executable's main.cpp,
# the build-time generator of the man page (fineprint_man) and the one of
# the compiled message catalogs (fineprint_catalogs).
set(FINEPRINT_CLI_SOURCES)
include(${CMAKE_CURRENT_LIST_DIR}/cli/sources.cmake)
set(FINEPRINT_MAIN_SOURCE src/main.cpp)
set(FINEPRINT_MAN_SOURCE src/man_main.cpp)
set(FINEPRINT_CATALOGS_SOURCE src/catalogs_main.cpp)

# Start-up of one command (issue 19): before main, the dynamic loader looks up
# every symbol each shared library needs, and ICU's two libraries and
# Boost.Program_options were a third of `fineprint --version` (1.1 of 2.9 ms,
# tests/bench/README.md). Debian ships static archives of those and of
# libcsv, so the executable users run takes them from the archives. ICU's
# data comes from its archive too: the executable's reference to the data of
# a shared libicudata is a copy relocation, 30 MB copied at every start (31 ms
# measured), where the archive's data is mapped from the file as read. fmt,
# date-tz and simdjson ship no archives in Debian and stay shared, and so does
# libstdc++, which they need (toml++'s compiled part is built in instead,
# src/load/toml_implementation.cpp). The test and man-page programs keep the
# shared libraries: they are not what users start.
option(FINEPRINT_STATIC_ARCHIVES
  "Link the fineprint executable with Debian's static archives of ICU, Boost.Program_options and libcsv"
  ON)
if(FINEPRINT_STATIC_ARCHIVES)
  set(FINEPRINT_ARCHIVES)
  foreach(name icui18n icuuc icudata boost_program_options csv)
    find_library(FINEPRINT_ARCHIVE_${name} NAMES lib${name}.a)
    if(NOT FINEPRINT_ARCHIVE_${name})
      message(FATAL_ERROR "lib${name}.a not found: install its -dev package, or configure with -DFINEPRINT_STATIC_ARCHIVES=OFF")
    endif()
    list(APPEND FINEPRINT_ARCHIVES ${FINEPRINT_ARCHIVE_${name}})
  endforeach()
  # The archives come right after the code that calls them, so the linker
  # takes their symbols from there; --as-needed then drops the shared copies
  # the libraries' imported targets still name.
  target_link_libraries(fineprint PRIVATE fineprint_cli fineprint_core ${FINEPRINT_ARCHIVES}
    ${CMAKE_DL_LIBS})
  target_link_options(fineprint PRIVATE -Wl,--as-needed)
endif()

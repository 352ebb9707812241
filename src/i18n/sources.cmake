# i18n/: message catalogs (i18n/*.toml, parsed and compiled in at build time),
# ICU message, plural, number, currency and date formatting. Only this
# folder's files.
list(APPEND FINEPRINT_CORE_SOURCES
  src/i18n/catalog.cpp
  src/i18n/formats.cpp
)
# Parsing a catalog and writing the C++ source of the compiled ones: the
# build-time program fineprint_catalogs needs them before the library holding
# its output is built, so they are an object library of their own, compiled
# once and linked into both (CMakeLists.txt).
set(FINEPRINT_CATALOG_BUILD_SOURCES
  src/i18n/catalog_parse.cpp
  src/i18n/catalog_source.cpp
)

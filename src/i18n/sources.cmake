# i18n/: message catalogs (i18n/*.toml, embedded at build time), ICU message,
# plural, number, currency and date formatting. Only this folder's files.
list(APPEND FINEPRINT_CORE_SOURCES
  src/i18n/catalog.cpp
  src/i18n/formats.cpp
)

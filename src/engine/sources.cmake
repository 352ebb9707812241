# Engine, claim loader and decision reports: appended to the core library.
list(APPEND FINEPRINT_CORE_SOURCES
)

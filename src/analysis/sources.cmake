# Exact analysis and the semantic lint rules built on it.
list(APPEND FINEPRINT_CORE_SOURCES
)

# core/: value types without I/O. Only this folder's files.
list(APPEND FINEPRINT_CORE_SOURCES
  src/core/diagnostic.cpp
  src/core/did_you_mean.cpp
  src/core/instant.cpp
  src/core/json_number.cpp
  src/core/money.cpp
  src/core/sha256.cpp
  src/core/sha256_extensions.cpp
  src/core/shell_word.cpp
  src/core/thread_placement.cpp
  src/core/unicode.cpp
)

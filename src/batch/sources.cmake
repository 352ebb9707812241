# batch/: the `batch` pipeline (JSON Lines in, decision records out, in input
# order, on N threads) and its output file. Only this folder's files.
list(APPEND FINEPRINT_CORE_SOURCES
  src/batch/input.cpp
  src/batch/decider.cpp
  src/batch/pipeline.cpp
  src/batch/output.cpp
)

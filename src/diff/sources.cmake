# diff/: `fineprint diff OLD NEW` without its option parsing (docs/diff.md). Only this folder's files.
list(APPEND FINEPRINT_CORE_SOURCES
  src/diff/side.cpp
  src/diff/store_diff.cpp
  src/diff/goodwill_diff.cpp
  src/diff/witness_check.cpp
  src/diff/box_merge.cpp
  src/diff/returns_diff.cpp
  src/diff/promotion_aspects.cpp
  src/diff/promotion_diff.cpp
  src/diff/replay_tally.cpp
  src/diff/replay.cpp
  src/diff/diff.cpp
  src/diff/diff_text.cpp
  src/diff/diff_json.cpp
  src/diff/diff_markdown.cpp
)

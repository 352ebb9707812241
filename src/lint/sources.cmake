# lint/: the linter, the rule registry and the model rules. Only this folder's files.
list(APPEND FINEPRINT_CORE_SOURCES
  src/lint/linter.cpp
  src/lint/registry.cpp
)
# The model rules, one file per rule or family: a new file in lint/rules/ is
# built and (by its FINEPRINT_LINT_RULE) registered with no list to edit.
file(GLOB FINEPRINT_LINT_RULE_SOURCES CONFIGURE_DEPENDS
  RELATIVE ${PROJECT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/src/lint/rules/*.cpp)
list(FILTER FINEPRINT_LINT_RULE_SOURCES EXCLUDE REGEX "_test\\.cpp$")
list(SORT FINEPRINT_LINT_RULE_SOURCES)
list(APPEND FINEPRINT_CORE_SOURCES ${FINEPRINT_LINT_RULE_SOURCES})

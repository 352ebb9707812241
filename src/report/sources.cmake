# report/: findings, decisions and prices in each output format. Only this folder's files.
list(APPEND FINEPRINT_CORE_SOURCES
  src/report/json_writer.cpp
  src/report/xml.cpp
  src/report/findings_text.cpp
  src/report/findings_json.cpp
  src/report/findings_github.cpp
  src/report/findings_sarif.cpp
  src/report/findings_junit.cpp
  src/report/decision_json.cpp
  src/report/decision_text.cpp
  src/report/price_json.cpp
  src/report/price_text.cpp
  src/report/policy_tests.cpp
)

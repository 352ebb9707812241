#include "report/findings.hpp"
#include "report/json_writer.hpp"

namespace fineprint::report {

std::string findings_json(const core::Diagnostics& findings, std::size_t files) {
  JsonWriter json(true);
  json.begin_object().key("findings").begin_array();
  for (const auto& finding : findings) {
    json.begin_object();
    json.key("rule").value(finding.rule);
    json.key("severity").value(core::severity_name(finding.severity));
    json.key("message").value(finding.message);
    json.key("file").value(finding.where.file);
    json.key("line").value(finding.where.line);
    json.key("column").value(finding.where.column);
    json.key("end_line").value(finding.where.end_line);
    json.key("end_column").value(finding.where.end_column);
    json.key("witness");
    if (finding.witness) {
      json.begin_object().key("summary").value(finding.witness->summary);
      json.key("claim").value(finding.witness->claim_toml).end_object();
    } else {
      json.null();
    }
    json.key("help");
    finding.help.empty() ? json.null() : json.value(finding.help);
    json.key("notes").strings(finding.notes);
    json.key("suppressed");
    finding.suppressed ? json.value(*finding.suppressed) : json.null();
    json.end_object();
  }
  json.end_array();
  FindingCounts counts = count_findings(findings, files);
  json.key("summary").begin_object();
  json.key("errors").value(counts.errors);
  json.key("warnings").value(counts.warnings);
  json.key("notes").value(counts.notes);
  json.key("files").value(counts.files);
  json.end_object().end_object();
  return json.str() + "\n";
}

}  // namespace fineprint::report

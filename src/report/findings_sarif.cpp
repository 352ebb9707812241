// Lint findings as SARIF 2.1.0 (the OASIS standard), the subset GitHub code
// scanning reads: one run whose tool.driver lists every registered rule with
// its documentation, and one result per finding. Suppressed findings stay in
// the log with an `inSource` suppression carrying the `allow` reason, and a
// witness travels in the result's property bag.
#include <cctype>
#include <map>

#include <fmt/format.h>

#include "lint/registry.hpp"
#include "report/findings.hpp"
#include "report/json_writer.hpp"

#ifndef FINEPRINT_HOMEPAGE
#define FINEPRINT_HOMEPAGE "https://github.com/fineprint-rules/fineprint"
#endif

namespace fineprint::report {

namespace {

constexpr std::string_view kSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
constexpr std::string_view kHomepage = FINEPRINT_HOMEPAGE;

// SARIF levels are the house severities' names: error, warning, note.
std::string_view level(core::Severity severity) {
  return core::severity_name(severity);
}

// "time/end-at-2359" → "TimeEndAt2359": SARIF's `name` is an identifier.
std::string pascal_name(std::string_view rule) {
  std::string out;
  bool upper = true;
  for (char c : rule) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      upper = false;
    } else {
      upper = true;
    }
  }
  return out;
}

// The rule's section in docs/lint-rules.md: GitHub's heading anchor of the
// rule name (lower case, `/` dropped).
std::string help_uri(std::string_view rule) {
  std::string anchor;
  for (char c : rule)
    if (c != '/') anchor += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return fmt::format("{}/blob/main/docs/lint-rules.md#{}", kHomepage, anchor);
}

std::string indent(std::string_view text, std::string_view prefix) {
  std::string out;
  for (char c : text) {
    if (out.empty() || out.back() == '\n') out += prefix;
    out += c;
  }
  return out;
}

std::string help_text(const lint::Rule& rule) {
  return fmt::format("{}\n\nWhy it matters: {}\n\nExample:\n{}\n\nFix: {}", rule.doc, rule.why,
                     indent(rule.example, "    "), rule.fix);
}

std::string help_markdown(const lint::Rule& rule) {
  return fmt::format(
      "{}\n\n**Why it matters.** {}\n\n**Example** that fires it:\n\n```toml\n{}\n```\n\n"
      "**Fix.** {}",
      rule.doc, rule.why, rule.example, rule.fix);
}

// A path as a URI reference: relative paths stay relative (resolved against
// the checkout root, %SRCROOT%), absolute ones become file:// URIs; bytes
// outside the unreserved set and `/` are percent-encoded (`:` too, so a
// relative path never reads as a scheme).
std::string path_uri(std::string_view path) {
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  std::string out = path.substr(0, 1) == "/" ? "file://" : "";
  for (char c : path) {
    auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/')
      out += c;
    else
      out += fmt::format("%{:02X}", byte);
  }
  return out;
}

void write_rule(JsonWriter& json, const lint::Rule& rule) {
  std::string_view family = rule.name.substr(0, rule.name.find('/'));
  json.begin_object();
  json.key("id").value(rule.name);
  json.key("name").value(pascal_name(rule.name));
  json.key("shortDescription").begin_object().key("text").value(rule.summary).end_object();
  json.key("fullDescription").begin_object().key("text").value(rule.doc).end_object();
  json.key("help").begin_object();
  json.key("text").value(help_text(rule));
  json.key("markdown").value(help_markdown(rule));
  json.end_object();
  json.key("helpUri").value(help_uri(rule.name));
  json.key("defaultConfiguration").begin_object();
  json.key("level").value(level(rule.severity));
  json.end_object();
  json.key("properties").begin_object();
  json.key("tags").strings({std::string(family)});
  json.end_object();
  json.end_object();
}

std::uint32_t sarif_end_column(const core::SourceRange& where) {
  bool point = where.end_line == where.line && where.end_column <= where.column;
  return point ? std::max<std::uint32_t>(where.column, 1) + 1 : where.end_column;
}

void write_location(JsonWriter& json, const core::SourceRange& where) {
  json.key("locations").begin_array().begin_object();
  json.key("physicalLocation").begin_object();
  json.key("artifactLocation").begin_object();
  json.key("uri").value(path_uri(where.file));
  if (!where.file.starts_with("/")) json.key("uriBaseId").value("%SRCROOT%");
  json.end_object();
  if (where.known()) {
    json.key("region").begin_object();
    json.key("startLine").value(where.line);
    json.key("startColumn").value(std::max<std::uint32_t>(where.column, 1));
    // SARIF's endColumn is the column after the region, as ours is
    // (core::SourceRange). A point is widened to the character it points at,
    // the one the text output's caret marks.
    if (where.end_line >= where.line && where.end_line > 0) {
      json.key("endLine").value(where.end_line);
      if (where.end_column > 0) json.key("endColumn").value(sarif_end_column(where));
    }
    json.end_object();
  }
  json.end_object().end_object().end_array();
}

void write_result(JsonWriter& json, const core::Diagnostic& finding,
                  const std::map<std::string_view, std::size_t>& rule_index) {
  json.begin_object();
  json.key("ruleId").value(finding.rule);
  if (auto found = rule_index.find(finding.rule); found != rule_index.end())
    json.key("ruleIndex").value(found->second);
  json.key("level").value(level(finding.severity));
  std::string text = finding.message;
  if (finding.witness) text += "\nwitness: " + finding.witness->summary;
  if (!finding.help.empty()) text += "\nhelp: " + finding.help;
  json.key("message").begin_object().key("text").value(text).end_object();
  if (!finding.where.file.empty()) write_location(json, finding.where);
  if (finding.suppressed) {
    json.key("suppressions").begin_array().begin_object();
    json.key("kind").value("inSource");
    json.key("justification").value(*finding.suppressed);
    json.end_object().end_array();
  }
  if (finding.witness || !finding.help.empty() || !finding.notes.empty()) {
    json.key("properties").begin_object();
    if (finding.witness) {
      json.key("witness").begin_object();
      json.key("summary").value(finding.witness->summary);
      json.key("claim").value(finding.witness->claim_toml);
      json.end_object();
    }
    if (!finding.help.empty()) json.key("help").value(finding.help);
    if (!finding.notes.empty()) json.key("notes").strings(finding.notes);
    json.end_object();
  }
  json.end_object();
}

}  // namespace

std::string findings_sarif(const core::Diagnostics& findings, std::size_t files) {
  const auto& rules = lint::registry();
  std::map<std::string_view, std::size_t> rule_index;
  for (std::size_t i = 0; i < rules.size(); ++i) rule_index.emplace(rules[i].name, i);

  JsonWriter json(true);
  json.begin_object();
  json.key("$schema").value(kSchema);
  json.key("version").value("2.1.0");
  json.key("runs").begin_array().begin_object();

  json.key("tool").begin_object().key("driver").begin_object();
  json.key("name").value("fineprint");
  json.key("version").value(FINEPRINT_VERSION);
  json.key("semanticVersion").value(FINEPRINT_VERSION);
  json.key("informationUri").value(kHomepage);
  json.key("rules").begin_array();
  for (const auto& rule : rules) write_rule(json, rule);
  json.end_array();
  json.end_object().end_object();

  // toml++ counts columns in code points.
  json.key("columnKind").value("unicodeCodePoints");
  json.key("originalUriBaseIds").begin_object();
  json.key("%SRCROOT%").begin_object();
  json.key("description").begin_object();
  json.key("text").value("the directory fineprint ran in; rulebook paths are relative to it");
  json.end_object().end_object().end_object();

  json.key("results").begin_array();
  for (const auto& finding : findings) write_result(json, finding, rule_index);
  json.end_array();

  FindingCounts counts = count_findings(findings, files);
  json.key("properties").begin_object().key("summary").begin_object();
  json.key("errors").value(counts.errors);
  json.key("warnings").value(counts.warnings);
  json.key("notes").value(counts.notes);
  json.key("files").value(counts.files);
  json.end_object().end_object();

  json.end_object().end_array().end_object();
  return json.str() + "\n";
}

}  // namespace fineprint::report

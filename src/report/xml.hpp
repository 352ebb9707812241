// XML text for the JUnit reports (`lint --format junit`, `test --format
// junit`): escaping in one place, so every XML output is well-formed whatever
// the rulebook or claim text holds.
#pragma once

#include <string>
#include <string_view>

namespace fineprint::report {

// Escapes `text` for element content or a double- or single-quoted attribute
// value: & < > " ' become entities, CR (and, for attributes, TAB and LF)
// become character references so a parser gives them back unchanged.
// Characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE, U+FFFF)
// and bytes that are not UTF-8 are replaced by U+FFFD.
std::string xml_escape(std::string_view text);
std::string xml_escape_attribute(std::string_view text);

}  // namespace fineprint::report

// fineprint(1), made from the tables `--help` prints: the command table
// (cli/commands) for the synopsis and the sections, and each command's
// Boost.Program_options tables, taken from the command itself through the
// help sink (cli/options), for its usage line and options. The prose (the
// description of each command, exit status, files, examples) comes from one
// roff template, docs/fineprint.1.in (HACKING.md, "The man page").
#pragma once

#include <string>

#include "core/result.hpp"

namespace fineprint::cli {

// The template's marker lines: `.\" @SYNOPSIS` becomes the usage line of
// every command; `.\" @COMMAND NAME` opens NAME's prose, which runs to the
// next marker or `.SH` and is put between the command's usage line and its
// options. `@DATE@` (YYYY-MM-DD) and `@VERSION@` are replaced anywhere.
//
// An error when the template and the command table disagree: a command
// without prose, prose for no command, or the commands in another order.
core::Result<std::string> man_page(const std::string& roff_template, const std::string& date,
                                   const std::string& version);

// Text for roff: backslashes and hyphens escaped, a leading `.` or `'`
// made literal.
std::string roff_text(std::string_view text);

}  // namespace fineprint::cli

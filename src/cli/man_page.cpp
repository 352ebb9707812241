#include "cli/man_page.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <set>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/placeholders.hpp"

namespace fineprint::cli {

namespace {

constexpr std::string_view kSynopsisMarker = ".\\\" @SYNOPSIS";
constexpr std::string_view kCommandMarker = ".\\\" @COMMAND ";

// One command as its --help describes it, in roff.
struct CommandPage {
  std::string title;    // `lint`, `claim new`
  std::string usage;    // the usage line: `.B "fineprint lint"` and its arguments
  std::string options;  // one .TP entry per option and argument
};

// The options given as positional arguments; `repeating` is the one that
// takes every argument left (lint's PATH...), if any.
struct Arguments {
  std::set<std::string> names;
  std::string repeating;
};

Arguments positional_names(const po::positional_options_description& positional) {
  Arguments args;
  const unsigned count = positional.max_total_count();
  for (unsigned i = 0; i < std::min(count, 16U); ++i)
    args.names.insert(positional.name_for_position(i));
  if (count == std::numeric_limits<unsigned>::max())
    args.repeating = positional.name_for_position(count - 1);
  return args;
}

// `\fB\-i\fR, \fB\-\-input\fR \fIFILE\fR`, or `\fIPATH\fR...` for an argument.
std::string option_tag(const po::option_description& option, const Arguments& args) {
  const std::string& name = option.long_name();
  if (args.names.count(name)) {
    std::string upper = name;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return fmt::format("\\fI{}\\fR{}", upper, name == args.repeating ? "..." : "");
  }
  std::string tag;
  std::string shown = option.canonical_display_name(po::command_line_style::allow_dash_for_short);
  if (shown.size() == 2 && shown[0] == '-') tag = fmt::format("\\fB{}\\fR, ", roff_text(shown));
  tag += fmt::format("\\fB{}\\fR", roff_text("--" + name));
  if (option.semantic()->max_tokens() > 0)
    tag += fmt::format(" \\fI{}\\fR", roff_text(option.semantic()->name()));
  return tag;
}

std::string usage_line_roff(std::string_view usage, const std::string& title) {
  const std::string program = "fineprint " + title;
  if (usage == program) return fmt::format(".B \"{}\"\n", program);
  if (usage.size() <= program.size() + 1 || usage.substr(0, program.size() + 1) != program + " ")
    return roff_text(usage) + "\n";
  return fmt::format(".B \"{}\"\n{}\n", program, roff_text(usage.substr(program.size() + 1)));
}

// A usage of several forms (one per line, the later ones indented under
// "usage: " in --help) becomes one synopsis line per form; a blank line ends
// the forms (what follows it in --help is prose, which the page has in
// docs/fineprint.1.in).
std::string usage_roff(std::string_view usage, const std::string& title) {
  std::string out;
  std::size_t start = 0;
  while (start <= usage.size()) {
    std::size_t end = std::min(usage.find('\n', start), usage.size());
    std::string_view line = usage.substr(start, end - start);
    line.remove_prefix(std::min(line.find_first_not_of(' '), line.size()));
    if (line.empty()) break;
    if (!out.empty()) out += ".br\n";
    out += usage_line_roff(line, title);
    start = end + 1;
  }
  return out;
}

// Text lines of at most 80 bytes, as man pages keep them (mandoc -T lint);
// roff fills them into paragraphs again.
std::string roff_lines(std::string_view text) {
  std::string out, line;
  std::istringstream words{std::string(text)};
  for (std::string word; words >> word;) {
    std::string escaped = roff_text(word);
    if (!line.empty() && line.size() + 1 + escaped.size() > 80) {
      out += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + escaped;
  }
  return out + line + "\n";
}

CommandPage describe(const CommandHelp& help, const std::string& title) {
  CommandPage page{title, usage_roff(help.usage, title), ""};
  const Arguments args = positional_names(help.positional);
  for (const auto& option : help.options.options())
    page.options +=
        fmt::format(".TP\n{}\n{}", option_tag(*option, args), roff_lines(option->description()));
  return page;
}

// Every command of the table, in its order, asked for its help.
core::Result<std::vector<CommandPage>> command_pages() {
  std::vector<CommandPage> pages;
  for (const auto& command : commands()) {
    Args args = help_args(command);
    std::string title = args.size() == 3 ? args[0] + " " + args[1] : args[0];
    std::optional<CommandPage> page;
    set_help_sink([&](const CommandHelp& help) { page = describe(help, title); });
    command.run(Args(args.begin() + 1, args.end()));
    set_help_sink({});
    if (!page)
      return core::Error{
          "man", fmt::format("`fineprint {} --help` did not go through parse_options", title)};
    pages.push_back(std::move(*page));
  }
  return pages;
}

std::string synopsis(const std::vector<CommandPage>& pages) {
  std::string out;
  for (const auto& page : pages) out += page.usage + ".br\n";
  return out + ".B fineprint \\-\\-help\n.br\n.B fineprint \\-\\-version\n";
}

// The template's lines with the generated parts put in; an error names the
// first disagreement with the command table.
core::Result<std::string> fill(const std::string& roff_template,
                               const std::vector<CommandPage>& pages) {
  std::istringstream lines(roff_template);
  std::string out, line;
  std::size_t next = 0;  // the next command expected
  const CommandPage* open = nullptr;
  auto close = [&] {
    if (open) out += open->options;
    open = nullptr;
  };
  bool has_synopsis = false;
  while (std::getline(lines, line)) {
    const bool command = line.rfind(kCommandMarker, 0) == 0;
    if (command || line.rfind(".SH", 0) == 0 || line == kSynopsisMarker) close();
    if (line == kSynopsisMarker) {
      out += synopsis(pages);
      has_synopsis = true;
    } else if (command) {
      std::string name = line.substr(kCommandMarker.size());
      if (next == pages.size() || pages[next].title != name)
        return core::Error{
            "man",
            fmt::format("docs/fineprint.1.in: `@COMMAND {}` where the command table has {}", name,
                        next == pages.size() ? "no more commands" : pages[next].title)};
      open = &pages[next++];
      out += fmt::format(".SS \"{}\"\n{}.PP\n", open->title, open->usage);
    } else {
      out += line + "\n";
    }
  }
  close();
  if (next != pages.size())
    return core::Error{
        "man", fmt::format("docs/fineprint.1.in has no `@COMMAND {}` prose", pages[next].title)};
  if (!has_synopsis) return core::Error{"man", "docs/fineprint.1.in has no `@SYNOPSIS` line"};
  return out;
}

}  // namespace

std::string roff_text(std::string_view text) {
  std::string out;
  if (!text.empty() && (text.front() == '.' || text.front() == '\'')) out = "\\&";
  for (char c : text) {
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
  }
  return out;
}

core::Result<std::string> man_page(const std::string& roff_template, const std::string& date,
                                   const std::string& version) {
  auto pages = command_pages();
  if (!pages) return pages.error();
  auto page = fill(roff_template, *pages);
  if (!page) return page.error();
  return replaced(replaced(*page, "@DATE@", date), "@VERSION@", version);
}

}  // namespace fineprint::cli

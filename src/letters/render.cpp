#include "letters/render.hpp"

#include "report/xml.hpp"

namespace fineprint::letters {

namespace {

// Markdown: the characters that could start markup inside a sentence are
// escaped, so a rulebook text such as "*final* sale" prints as written.
std::string markdown_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' ||
        c == '>' || c == '#' || c == '|')
      out += '\\';
    out += c;
  }
  return out;
}

std::string as_text(const Document& document) {
  std::string out = document.title + "\n\n";
  for (std::size_t i = 0; i < document.blocks.size(); ++i) {
    const Block& block = document.blocks[i];
    const bool next_same =
        i + 1 < document.blocks.size() && document.blocks[i + 1].kind == block.kind;
    switch (block.kind) {
      case BlockKind::item:
        out += "- " + block.text + "\n";
        break;
      case BlockKind::quote:
        out += "    " + block.text + "\n";
        break;
      default:
        out += block.text + "\n";
    }
    // Lists and the closing lines stay together; everything else is followed by a blank line.
    const bool grouped = block.kind == BlockKind::item || block.kind == BlockKind::closing;
    if (!(grouped && next_same)) out += "\n";
  }
  while (out.size() > 1 && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

std::string as_markdown(const Document& document) {
  std::string out = "# " + markdown_escape(document.title) + "\n\n";
  for (std::size_t i = 0; i < document.blocks.size(); ++i) {
    const Block& block = document.blocks[i];
    const std::string text = markdown_escape(block.text);
    const bool next_same =
        i + 1 < document.blocks.size() && document.blocks[i + 1].kind == block.kind;
    switch (block.kind) {
      case BlockKind::heading:
        out += "## " + text + "\n";
        break;
      case BlockKind::subheading:
        out += "### " + text + "\n";
        break;
      case BlockKind::item:
        out += "- " + text + "\n";
        break;
      case BlockKind::quote:
        out += "> " + text + "\n";
        break;
      case BlockKind::closing:
        out += text + (next_same ? "  \n" : "\n");  // two spaces: a line break
        break;
      case BlockKind::paragraph:
        out += text + "\n";
    }
    const bool grouped = block.kind == BlockKind::item || block.kind == BlockKind::closing;
    if (!(grouped && next_same)) out += "\n";
  }
  while (out.size() > 1 && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

std::string element(std::string_view tag, std::string_view text) {
  return "<" + std::string(tag) + ">" + report::xml_escape(text) + "</" + std::string(tag) + ">";
}

// Well-formed as XML too (every element closed, `<meta/>`), so it parses back
// with an XML parser as well as an HTML one.
std::string as_html(const Document& document) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"" +
                    report::xml_escape_attribute(document.language) +
                    "\">\n<head>\n<meta charset=\"utf-8\"/>\n" + element("title", document.title) +
                    "\n</head>\n<body>\n" + element("h1", document.title) + "\n";
  for (std::size_t i = 0; i < document.blocks.size(); ++i) {
    const Block& block = document.blocks[i];
    const bool first = i == 0 || document.blocks[i - 1].kind != block.kind;
    const bool last = i + 1 == document.blocks.size() || document.blocks[i + 1].kind != block.kind;
    switch (block.kind) {
      case BlockKind::heading:
        out += element("h2", block.text) + "\n";
        break;
      case BlockKind::subheading:
        out += element("h3", block.text) + "\n";
        break;
      case BlockKind::paragraph:
        out += element("p", block.text) + "\n";
        break;
      case BlockKind::quote:
        out += "<blockquote>" + element("p", block.text) + "</blockquote>\n";
        break;
      case BlockKind::item:
        out += (first ? "<ul>\n" : "") + element("li", block.text) + "\n" + (last ? "</ul>\n" : "");
        break;
      case BlockKind::closing:
        out += (first ? "<p class=\"closing\">" : "") + report::xml_escape(block.text) +
               (last ? "</p>\n" : "<br/>\n");
    }
  }
  return out + "</body>\n</html>\n";
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  if (name == "text") return Format::text;
  if (name == "markdown") return Format::markdown;
  if (name == "html") return Format::html;
  return std::nullopt;
}

std::string render(const Document& document, Format format) {
  switch (format) {
    case Format::markdown:
      return as_markdown(document);
    case Format::html:
      return as_html(document);
    case Format::text:
      break;
  }
  return as_text(document);
}

}  // namespace fineprint::letters

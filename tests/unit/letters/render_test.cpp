// A document written as text, Markdown and HTML: the same blocks in each,
// and every rulebook text escaped.
#include <catch2/catch.hpp>

#include "letters/render.hpp"

using namespace fineprint::letters;

namespace {

Document sample() {
  Document document;
  document.language = "lv";
  document.title = "Title <&>";
  document.add(BlockKind::paragraph, "Labdien!");
  document.add(BlockKind::item, "one *two*");
  document.add(BlockKind::item, "three");
  document.add(BlockKind::quote, "a \"quoted\" <b>text</b> & more");
  document.add(BlockKind::closing, "Ar cieņu");
  document.add(BlockKind::closing, "Ziemelis Outdoor");
  return document;
}

}  // namespace

TEST_CASE("a document as plain text keeps lists and the closing together", "[letters]") {
  CHECK(render(sample(), Format::text) ==
        "Title <&>\n\nLabdien!\n\n- one *two*\n- three\n\n    a \"quoted\" <b>text</b> & more\n\n"
        "Ar cieņu\nZiemelis Outdoor\n");
}

TEST_CASE("a document as Markdown escapes markup characters of its texts", "[letters]") {
  CHECK(render(sample(), Format::markdown) ==
        "# Title \\<&\\>\n\nLabdien!\n\n- one \\*two\\*\n- three\n\n"
        "> a \"quoted\" \\<b\\>text\\</b\\> & more\n\nAr cieņu  \nZiemelis Outdoor\n");
}

TEST_CASE("a document as HTML is one escaped, well-formed page", "[letters]") {
  const std::string html = render(sample(), Format::html);
  CHECK(html ==
        "<!DOCTYPE html>\n<html lang=\"lv\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        "<title>Title &lt;&amp;&gt;</title>\n</head>\n<body>\n<h1>Title &lt;&amp;&gt;</h1>\n"
        "<p>Labdien!</p>\n<ul>\n<li>one *two*</li>\n<li>three</li>\n</ul>\n"
        "<blockquote><p>a &quot;quoted&quot; &lt;b&gt;text&lt;/b&gt; &amp; more</p></blockquote>\n"
        "<p class=\"closing\">Ar cieņu<br/>\nZiemelis Outdoor</p>\n</body>\n</html>\n");
}

TEST_CASE("the three formats are named text, markdown and html", "[letters]") {
  CHECK(parse_format("text") == Format::text);
  CHECK(parse_format("markdown") == Format::markdown);
  CHECK(parse_format("html") == Format::html);
  CHECK_FALSE(parse_format("pdf"));
}

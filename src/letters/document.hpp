// What `reply` and `terms` build before it is written out: a title and a list
// of blocks, each one or more whole sentences from the catalogs (or a text of
// the rulebook). The renderers (render.hpp) turn it into text, Markdown or
// HTML, so the three formats always say the same thing.
#pragma once

#include <string>
#include <vector>

namespace fineprint::letters {

enum class BlockKind {
  heading,     // a section: "Promotions"
  subheading,  // a part of a section: one promotion's title
  paragraph,
  item,     // one entry of a list; consecutive items form one list
  quote,    // a rulebook text quoted as written (a promotion's own terms)
  closing,  // the end of a letter: "Kind regards," and the signature lines
};

struct Block {
  BlockKind kind = BlockKind::paragraph;
  std::string text;
};

struct Document {
  std::string language;  // "lv": the html lang attribute
  std::string title;
  std::vector<Block> blocks;

  void add(BlockKind kind, std::string text) { blocks.push_back({kind, std::move(text)}); }
};

}  // namespace fineprint::letters

// text/vague-terms: customer-facing texts that invite argument. Every text in
// every language is read against the phrase lists of all five languages (a
// text's language is what its table says, but a plain string may be in any),
// and every phrase found is reported, once per text.
#include <algorithm>

#include <fmt/format.h>

#include "lint/rules/checks.hpp"
#include "lint/rules/folded_text.hpp"
#include "lint/rules/rulebook_texts.hpp"
#include "lint/rules/vague_phrases.hpp"

namespace fineprint::lint {

namespace {

// A number: digits, with a decimal comma or point between digits. Returns its end.
std::size_t number_end(const std::u32string& text, std::size_t at) {
  std::size_t t = at;
  while (t < text.size() && is_digit(text[t])) ++t;
  if (t == at) return std::u32string::npos;
  while (t + 1 < text.size() && (text[t] == U',' || text[t] == U'.') && is_digit(text[t + 1])) {
    ++t;
    while (t < text.size() && is_digit(text[t])) ++t;
  }
  return t;
}

// Does `pattern` (folded) match `text` at `at`? '*' is the rest of a word, '#'
// a number, a space one or more spaces, and a '%' may stand a space apart from
// its number. Returns the end of the match or npos.
std::size_t match_at(const std::u32string& text, std::size_t at, const std::u32string& pattern) {
  std::size_t t = at;
  for (char32_t p : pattern) {
    if (p == U'*') {
      while (t < text.size() && is_word(text[t])) ++t;
    } else if (p == U'#') {
      t = number_end(text, t);
      if (t == std::u32string::npos) return t;
    } else if (p == U' ') {
      if (t >= text.size() || !is_space(text[t])) return std::u32string::npos;
      while (t < text.size() && is_space(text[t])) ++t;
    } else {
      if (p == U'%')
        while (t < text.size() && is_space(text[t])) ++t;
      if (t >= text.size() || text[t] != p) return std::u32string::npos;
      ++t;
    }
  }
  return t;
}

bool wordlike(char32_t p) {
  return is_word(p) || p == U'*' || p == U'#';
}

struct Found {
  std::size_t start = 0;
  std::size_t end = 0;
  const VaguePhrase* phrase = nullptr;
};

// The phrase lists folded once: the patterns every text is matched against.
struct Pattern {
  std::u32string folded;
  const VaguePhrase* phrase;
};

const std::vector<Pattern>& patterns() {
  static const std::vector<Pattern> all = [] {
    std::vector<Pattern> out;
    for (const auto& entry : vague_phrases()) out.push_back({fold(entry.phrase), &entry});
    return out;
  }();
  return all;
}

// The first place each phrase stands as whole words in `text`.
std::vector<Found> find_all(const std::u32string& text) {
  std::vector<Found> found;
  for (const Pattern& p : patterns()) {
    const std::u32string& pattern = p.folded;
    char32_t first = pattern.front();
    bool literal_first = first != U'*' && first != U'#' && first != U' ';
    for (std::size_t at = 0; at < text.size(); ++at) {
      if (literal_first && text[at] != first) continue;
      if (at > 0 && is_word(text[at - 1]) && wordlike(first)) continue;
      std::size_t end = match_at(text, at, pattern);
      if (end == std::u32string::npos) continue;
      if (end < text.size() && is_word(text[end]) && wordlike(pattern.back())) continue;
      found.push_back({at, end, p.phrase});
      break;
    }
  }
  return found;
}

// Overlapping finds are one phrase ("nawet do 50%" is "nawet do" and "do
// 50%"): the earliest, then the longest, is kept.
std::vector<Found> without_overlaps(std::vector<Found> found) {
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  std::vector<Found> kept;
  for (const auto& f : found)
    if (kept.empty() || f.start >= kept.back().end) kept.push_back(f);
  return kept;
}

void check_site(const TextSite& site, core::Diagnostics& out) {
  for (const auto& [language, value] : site.text->by_language) {
    FoldedText text = fold_text(value);
    for (const Found& f : without_overlaps(find_all(text.folded))) {
      std::string shown =
          to_utf8(std::u32string_view(text.original).substr(f.start, f.end - f.start));
      out.push_back(finding(kTextVagueTerms,
                            fmt::format("`{}` of {} says \"{}\" ({}), which invites argument",
                                        site.key, site.owner, shown, f.phrase->locale),
                            site.text->where, "say exactly which products, how much and until when",
                            site.subject));
    }
  }
}

void check_vague_terms(const LintContext& context, core::Diagnostics& out) {
  for (const TextSite& site : rulebook_texts(context.rulebook))
    if (site.prose) check_site(site, out);
}

}  // namespace

const Rule kTextVagueTerms{
    .name = "text/vague-terms",
    .severity = core::Severity::warning,
    .summary = "title, terms or because uses phrases that invite argument",
    .doc =
        "A `title`, `terms` or `because` text with phrases that invite argument (\"while stocks last\", \"selected items\", \"up to\", \"etc.\", \"and more\", \"subject to availability\", \"reasonable\", \"at our discretion\", and their Latvian, Lithuanian, Polish and Russian equivalents, such as \"līdz pat\", \"kol turime prekių\", \"nawet 30%\", \"wybrane książki\", \"до 50%\", \"пока товар есть в наличии\"). Every language of a text is read against the phrase lists of all five languages (src/lint/rules/vague_phrases.cpp), and every phrase found is a finding of its own, pointing at the text. \"Up to\" is a phrase only where it is one: a bare Russian \"до\" or Lithuanian \"iki\" (\"until\") is not vague, \"до 50%\" and \"iki 50 %\" are.",
    .why = "The customer reads the text, not the TOML; vague text is where disputes start.",
    .example = "terms = \"Up to 50% off selected items while stocks last\"",
    .fix = "Say exactly what the rule says: which products, how much, until when.",
    .when = RunWhen::always,
    .check = check_vague_terms,
};

}  // namespace fineprint::lint

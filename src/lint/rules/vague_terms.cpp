// text/vague-terms: customer-facing texts that invite argument.
#include <fmt/format.h>

#include "lint/rules/checks.hpp"
#include "lint/rules/vague_phrases.hpp"

namespace fineprint::lint {

namespace {

// Lower-cases ASCII, Latin-1/Latin Extended-A (the Baltic and Polish letters)
// and Cyrillic, the scripts of the supported locales.
std::u32string fold(std::string_view text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    char32_t code = c;
    std::size_t length = 1;
    if (c >= 0xF0 && i + 3 < text.size()) {
      code = ((c & 0x07u) << 18) | ((text[i + 1] & 0x3Fu) << 12) | ((text[i + 2] & 0x3Fu) << 6) |
             (text[i + 3] & 0x3Fu);
      length = 4;
    } else if (c >= 0xE0 && i + 2 < text.size()) {
      code = ((c & 0x0Fu) << 12) | ((text[i + 1] & 0x3Fu) << 6) | (text[i + 2] & 0x3Fu);
      length = 3;
    } else if (c >= 0xC0 && i + 1 < text.size()) {
      code = ((c & 0x1Fu) << 6) | (text[i + 1] & 0x3Fu);
      length = 2;
    }
    i += length;
    if (code >= U'A' && code <= U'Z')
      code += 32;
    else if (code >= 0xC0 && code <= 0xDE && code != 0xD7)
      code += 32;
    else if (code >= 0x100 && code <= 0x17F && code != 0x130 && code != 0x131 && code != 0x138 &&
             code != 0x149 && code != 0x17F) {
      // Latin Extended-A pairs: even upper/odd lower, except 0x139–0x148 and 0x179–0x17E (odd
      // upper).
      bool odd_upper = (code >= 0x139 && code <= 0x148) || (code >= 0x179 && code <= 0x17E);
      if (odd_upper ? code % 2 == 1 : code % 2 == 0) code += 1;
    } else if (code >= 0x410 && code <= 0x42F)
      code += 32;
    else if (code >= 0x400 && code <= 0x40F)
      code += 80;
    out.push_back(code);
  }
  return out;
}

bool is_word(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9') || c >= 0xC0;
}

// Does `pattern` (folded; '*' = the rest of a word) match `text` at `at`?
// Returns the end of the match or npos.
std::size_t match_at(const std::u32string& text, std::size_t at, const std::u32string& pattern) {
  std::size_t t = at;
  for (std::size_t p = 0; p < pattern.size(); ++p) {
    if (pattern[p] == U'*') {
      while (t < text.size() && is_word(text[t])) ++t;
      continue;
    }
    if (t >= text.size() || text[t] != pattern[p]) return std::u32string::npos;
    ++t;
  }
  return t;
}

std::optional<std::string_view> find_vague(const std::u32string& text, std::string_view& locale) {
  for (const auto& entry : vague_phrases()) {
    std::u32string pattern = fold(entry.phrase);
    for (std::size_t at = 0; at < text.size(); ++at) {
      if (at > 0 && is_word(text[at - 1]) && is_word(pattern[0])) continue;
      std::size_t end = match_at(text, at, pattern);
      if (end == std::u32string::npos) continue;
      if (end < text.size() && is_word(text[end]) && is_word(pattern.back())) continue;
      locale = entry.locale;
      return entry.phrase;
    }
  }
  return std::nullopt;
}

void check_one(const std::string& text, const core::SourceRange& where, std::string_view key,
               std::string_view owner, const std::string& subject, core::Diagnostics& out) {
  std::string_view locale;
  auto phrase = find_vague(fold(text), locale);
  if (!phrase) return;
  std::string shown(*phrase);
  if (!shown.empty() && shown.back() == '*') shown.pop_back();
  out.push_back(finding(
      kTextVagueTerms,
      fmt::format("`{}` of {} says \"{}\" ({}), which invites argument", key, owner, shown, locale),
      where, "say exactly which products, how much and until when", subject));
}

void check_text(const model::Text& text, std::string_view key, std::string_view owner,
                const std::string& subject, core::Diagnostics& out) {
  for (const auto& [language, value] : text.by_language)
    check_one(value, text.where, key, owner, subject, out);
}

void check_vague_terms(const LintContext& context, core::Diagnostics& out) {
  const model::Rulebook& rulebook = context.rulebook;
  for (const auto& promotion : rulebook.promotions) {
    std::string owner = fmt::format("promotion {}", promotion.id.value);
    check_text(promotion.title, "title", owner, promotion.id.value, out);
    check_text(promotion.terms, "terms", owner, promotion.id.value, out);
  }
  if (rulebook.returns) {
    for (const auto& rule : rulebook.returns->rules)
      check_text(rule.outcome.because, "because", fmt::format("returns rule {}", rule.id.value),
                 "returns", out);
    if (rulebook.returns->otherwise)
      check_text(rulebook.returns->otherwise->because, "because", "`otherwise`", "returns", out);
  }
  for (const auto& assertion : rulebook.asserts)
    check_text(assertion.because, "because", fmt::format("assert {}", assertion.id.value),
               "returns", out);
}

}  // namespace

const Rule kTextVagueTerms{
    .name = "text/vague-terms",
    .severity = core::Severity::warning,
    .summary = "title, terms or because uses phrases that invite argument",
    .doc =
        "A `title`, `terms` or `because` text with phrases that invite argument (\"while stocks "
        "last\", \"selected items\", \"up to\", \"etc.\", \"and more\", \"subject to "
        "availability\", \"reasonable\"), in English, Latvian, Lithuanian, Polish or Russian.",
    .why = "The customer reads the text, not the TOML; vague text is where disputes start.",
    .example = "terms = \"Up to 50% off selected items while stocks last\"",
    .fix = "Say exactly what the rule says: which products, how much, until when.",
    .when = RunWhen::always,
    .check = check_vague_terms,
};

}  // namespace fineprint::lint

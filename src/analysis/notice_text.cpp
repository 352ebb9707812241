// Notice deadlines in a rule's text (law/lv-notification-period): a sentence
// that asks the customer to notify or report, and the period it states.
#include "analysis/notice_text.hpp"

#include <algorithm>
#include <vector>

namespace fineprint::analysis {

namespace {

// ASCII and basic Cyrillic lower-cased; every other byte kept (the Baltic and
// Polish stems below are written in lower case and start with ASCII letters).
std::string lower(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xD0 && i + 1 < out.size()) {
      // U+0410..U+042F (А..Я) → U+0430..U+044F (а..я).
      auto n = static_cast<unsigned char>(out[i + 1]);
      if (n >= 0x90 && n <= 0x9F) {
        out[i + 1] = static_cast<char>(n + 0x20);
      } else if (n >= 0xA0 && n <= 0xAF) {
        out[i] = static_cast<char>(0xD1);
        out[i + 1] = static_cast<char>(n - 0x20);
      }
      ++i;
    }
  }
  return out;
}

bool word_byte(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80;
}

std::vector<std::string> words_of(const std::string& sentence) {
  std::vector<std::string> out;
  std::string word;
  for (char c : sentence) {
    if (word_byte(c)) {
      word += c;
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

bool starts_with_any(const std::string& word, std::initializer_list<std::string_view> stems) {
  return std::any_of(stems.begin(), stems.end(),
                     [&](std::string_view stem) { return word.rfind(stem, 0) == 0; });
}

// Words that ask the customer to notify or report (en, lv, lt, pl, ru).
bool notice_word(const std::string& word) {
  return starts_with_any(word, {"notif", "report", "paziņo", "jāpaziņo", "ziņo", "jāziņo", "praneš",
                                "zgło", "zawiadom", "powiadom", "уведом", "сообщ"});
}

// Multi-word requests: "tell us", "let us know", "inform us", "contact us".
bool notice_phrase(const std::vector<std::string>& words, std::size_t i) {
  if (i + 1 >= words.size()) return false;
  const std::string& a = words[i];
  const std::string& b = words[i + 1];
  if ((a == "tell" || a == "inform" || a == "contact") && b == "us") return true;
  return a == "let" && b == "us" && i + 2 < words.size() && words[i + 2] == "know";
}

std::optional<std::int64_t> number_word(const std::string& word) {
  if (!word.empty() && word.size() <= 6 &&
      std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::stoll(word);
  static const std::vector<std::pair<std::string_view, std::int64_t>> english{
      {"one", 1}, {"two", 2},   {"three", 3},     {"four", 4},   {"five", 5},
      {"six", 6}, {"seven", 7}, {"eight", 8},     {"nine", 9},   {"ten", 10},
      {"a", 1},   {"an", 1},    {"fourteen", 14}, {"thirty", 30}};
  for (const auto& [name, value] : english)
    if (word == name) return value;
  return std::nullopt;
}

// Words between a number and its unit: "14 working days", "14 darba dienu".
bool day_kind(const std::string& word) {
  return starts_with_any(word, {"working", "business", "calendar", "darba", "kalendār", "darbo",
                                "kalendorin", "robocz", "kalendarz", "рабоч", "календар"});
}

std::optional<NoticePeriod> period_at(const std::vector<std::string>& words, std::size_t i) {
  auto n = number_word(words[i]);
  if (!n) return std::nullopt;
  std::size_t u = i + 1;
  if (u < words.size() && day_kind(words[u])) ++u;
  if (u >= words.size()) return std::nullopt;
  const std::string& unit = words[u];
  std::string text;
  for (std::size_t k = i; k <= u; ++k) text += (k == i ? "" : " ") + words[k];
  if (starts_with_any(unit, {"hour", "stund", "valand", "godzin", "час"}))
    return NoticePeriod{(*n + 23) / 24, text};
  if (starts_with_any(unit, {"day", "dien", "dni", "dzie", "дн", "ден"}))
    return NoticePeriod{*n, text};
  if (starts_with_any(unit, {"week", "nedēļ", "savait", "tydz", "tygod", "недел"}))
    return NoticePeriod{*n * 7, text};
  if (starts_with_any(unit, {"month", "mēne", "mėnes", "miesi", "месяц"}))
    return NoticePeriod{*n * 31, text};
  return std::nullopt;
}

}  // namespace

std::optional<NoticePeriod> short_notice(std::string_view text, std::int64_t months) {
  std::string folded = lower(text);
  std::optional<NoticePeriod> shortest;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find_first_of(".!?;\n", start);
    if (end == std::string::npos) end = folded.size();
    // "2." inside "Terms §4.2" is not a sentence end.
    while (end < folded.size() && end + 1 < folded.size() && folded[end] == '.' &&
           word_byte(folded[end + 1]))
      end = std::min(folded.find_first_of(".!?;\n", end + 1), folded.size());
    auto words = words_of(folded.substr(start, end - start));
    bool notice = false;
    for (std::size_t i = 0; i < words.size(); ++i)
      notice = notice || notice_word(words[i]) || notice_phrase(words, i);
    if (notice)
      for (std::size_t i = 0; i < words.size(); ++i)
        if (auto p = period_at(words, i);
            p && p->days < 31 * months && (!shortest || p->days < shortest->days))
          shortest = p;
    start = end + 1;
  }
  return shortest;
}

}  // namespace fineprint::analysis

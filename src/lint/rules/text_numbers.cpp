#include "lint/rules/text_numbers.hpp"

#include <array>

#include "lint/rules/folded_text.hpp"

namespace fineprint::lint {

namespace {

enum class Kind { word, number, mark };

struct Token {
  Kind kind = Kind::mark;
  std::size_t start = 0;
  std::size_t end = 0;
};

// Words, numbers (digits with a decimal comma or point between digits) and
// single marks; spaces only separate.
std::vector<Token> tokens_of(const std::u32string& text) {
  std::vector<Token> out;
  for (std::size_t i = 0; i < text.size();) {
    if (is_space(text[i]) || text[i] == U'\n' || text[i] == U'\t') {
      ++i;
    } else if (is_digit(text[i])) {
      std::size_t end = i;
      while (end < text.size() && is_digit(text[end])) ++end;
      while (end + 1 < text.size() && (text[end] == U',' || text[end] == U'.') &&
             is_digit(text[end + 1])) {
        ++end;
        while (end < text.size() && is_digit(text[end])) ++end;
      }
      out.push_back({Kind::number, i, end});
      i = end;
    } else if (is_word(text[i])) {
      std::size_t end = i;
      while (end < text.size() && is_word(text[end]) && !is_digit(text[end])) ++end;
      out.push_back({Kind::word, i, end});
      i = end;
    } else {
      out.push_back({Kind::mark, i, i + 1});
      ++i;
    }
  }
  return out;
}

// Month names by their stems: a word names the month when it starts with
// one, which covers every case of every language (lv "novembrī", pl
// "listopada", lt "lapkričio", ru "ноября"). Short or ambiguous forms ("may",
// "maj", "май", "kovo") must be the whole word.
struct MonthStem {
  std::u32string_view stem;
  unsigned month;
  bool whole = false;
};

const std::vector<MonthStem>& month_stems() {
  static const std::vector<MonthStem> stems{
      // en
      {U"january", 1},
      {U"february", 2},
      {U"march", 3},
      {U"april", 4},
      {U"may", 5, true},
      {U"june", 6},
      {U"july", 7},
      {U"august", 8},
      {U"september", 9},
      {U"october", 10},
      {U"november", 11},
      {U"december", 12},
      // lv
      {U"janvār", 1},
      {U"februār", 2},
      {U"mart", 3},
      {U"aprīl", 4},
      {U"maij", 5},
      {U"jūnij", 6},
      {U"jūlij", 7},
      {U"septembr", 9},
      {U"oktobr", 10},
      {U"novembr", 11},
      {U"decembr", 12},
      // lt
      {U"sausi", 1},
      {U"vasari", 2},
      {U"kovo", 3, true},
      {U"kovas", 3, true},
      {U"balandži", 4},
      {U"balandis", 4, true},
      {U"gegužė", 5},
      {U"birželi", 6},
      {U"liepa", 7, true},
      {U"liepos", 7, true},
      {U"rugpjūt", 8},
      {U"rugpjūči", 8},
      {U"rugsėj", 9},
      {U"spali", 10},
      {U"lapkrit", 11},
      {U"lapkriči", 11},
      {U"gruod", 12},
      // pl
      {U"stycz", 1},
      {U"lut", 2},
      {U"marzec", 3, true},
      {U"marca", 3, true},
      {U"kwie", 4},
      {U"maj", 5, true},
      {U"maja", 5, true},
      {U"czerw", 6},
      {U"lipiec", 7, true},
      {U"lipca", 7, true},
      {U"sierp", 8},
      {U"wrzes", 9},
      {U"wrześ", 9},
      {U"październik", 10},
      {U"paźdz", 10},
      {U"listopad", 11},
      {U"grud", 12},
      // ru
      {U"январ", 1},
      {U"феврал", 2},
      {U"март", 3},
      {U"апрел", 4},
      {U"май", 5, true},
      {U"мая", 5, true},
      {U"маю", 5, true},
      {U"июн", 6},
      {U"июл", 7},
      {U"август", 8},
      {U"сентябр", 9},
      {U"октябр", 10},
      {U"ноябр", 11},
      {U"декабр", 12},
  };
  return stems;
}

// A number as written: its whole part and its decimal digits.
struct Written {
  std::int64_t whole = 0;
  std::u32string fraction;
};

std::optional<Written> written_number(std::u32string_view text) {
  Written out;
  std::size_t i = 0;
  for (; i < text.size() && is_digit(text[i]); ++i) {
    if (out.whole > 1'000'000'000'000) return std::nullopt;
    out.whole = out.whole * 10 + (text[i] - U'0');
  }
  if (i < text.size()) {
    // One decimal separator, then digits; "1.000.000" is not read.
    out.fraction = std::u32string(text.substr(i + 1));
    for (char32_t c : out.fraction)
      if (!is_digit(c)) return std::nullopt;
  }
  return out;
}

// The value in units of 10^-digits, when the fraction fits.
std::optional<std::int64_t> scaled(const Written& number, int digits) {
  if (static_cast<int>(number.fraction.size()) > digits) return std::nullopt;
  std::int64_t value = number.whole;
  for (int i = 0; i < digits; ++i) {
    value *= 10;
    if (i < static_cast<int>(number.fraction.size())) value += number.fraction[i] - U'0';
  }
  return value;
}

std::u32string_view symbol_of(std::string_view code) {
  if (code == "EUR") return U"€";
  if (code == "PLN") return U"zł";
  if (code == "USD") return U"$";
  if (code == "GBP") return U"£";
  return U"";
}

class Reader {
 public:
  Reader(std::string_view text, const core::Currency& currency)
      : text_(fold_text(text)), tokens_(tokens_of(text_.folded)), currency_(currency) {
    for (char c : currency.code)
      code_.push_back(static_cast<char32_t>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    symbol_ = symbol_of(currency.code);
  }

  StatedNumbers read() {
    StatedNumbers out;
    used_.assign(tokens_.size(), false);
    for (std::size_t i = 0; i < tokens_.size(); ++i) read_date(i, out);
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      if (used_[i] || tokens_[i].kind != Kind::number) continue;
      read_percent(i, out) || read_amount(i, out);
    }
    return out;
  }

 private:
  std::u32string_view view(std::size_t i) const {
    const Token& t = tokens_[i];
    return std::u32string_view(text_.folded).substr(t.start, t.end - t.start);
  }
  bool is(std::size_t i, Kind kind) const { return i < tokens_.size() && tokens_[i].kind == kind; }
  bool mark(std::size_t i, char32_t c) const { return is(i, Kind::mark) && view(i)[0] == c; }
  bool word(std::size_t i, std::u32string_view w) const {
    return is(i, Kind::word) && view(i) == w;
  }
  std::string shown(std::size_t first, std::size_t last) const {
    return to_utf8(std::u32string_view(text_.original)
                       .substr(tokens_[first].start, tokens_[last].end - tokens_[first].start));
  }
  std::optional<Written> number(std::size_t i) const {
    return is(i, Kind::number) ? written_number(view(i)) : std::nullopt;
  }
  unsigned month(std::size_t i) const {
    if (!is(i, Kind::word)) return 0;
    std::u32string_view w = view(i);
    for (const MonthStem& m : month_stems())
      if (m.whole ? w == m.stem : w.substr(0, m.stem.size()) == m.stem) return m.month;
    return 0;
  }
  std::optional<unsigned> day(std::size_t i) const {
    auto n = number(i);
    if (!n || !n->fraction.empty() || n->whole < 1 || n->whole > 31) return std::nullopt;
    return static_cast<unsigned>(n->whole);
  }
  std::optional<int> year(std::size_t i) const {
    auto n = number(i);
    if (!n || !n->fraction.empty() || n->whole < 1900 || n->whole > 2999) return std::nullopt;
    return static_cast<int>(n->whole);
  }

  // "2026. gada" (lv) or "2026 m." (lt) just before `at`: its first token.
  std::optional<std::size_t> year_before(std::size_t at) const {
    if (at >= 3 && word(at - 1, U"gada") && mark(at - 2, U'.') && year(at - 3)) return at - 3;
    if (at >= 3 && mark(at - 1, U'.') && word(at - 2, U"m") && year(at - 3)) return at - 3;
    return std::nullopt;
  }

  void add_date(StatedNumbers& out, std::size_t first, std::size_t last, unsigned d, unsigned m,
                std::optional<std::size_t> year_at) {
    StatedDate date{year_at ? year(*year_at) : std::nullopt, m, d, shown(first, last)};
    for (std::size_t i = first; i <= last; ++i) used_[i] = true;
    out.dates.push_back(std::move(date));
  }

  // Day first ("30 November 2026", "30. novembrī", "30 ноября 2026 года") or
  // month first ("November 30, 2026", "lapkričio 30 d.").
  void read_date(std::size_t i, StatedNumbers& out) {
    if (used_[i]) return;
    if (auto d = day(i)) {
      std::size_t at = mark(i + 1, U'.') ? i + 2 : i + 1;
      if (unsigned m = month(at)) {
        std::size_t last = at;
        std::optional<std::size_t> year_at = year_before(i);
        std::size_t first = year_at ? *year_at : i;
        if (!year_at && year(at + 1)) year_at = last = at + 1;
        add_date(out, first, last, *d, m, year_at);
      }
      return;
    }
    if (unsigned m = month(i)) {
      if (auto d = day(i + 1); d && !mark(i + 2, U'%')) {
        std::optional<std::size_t> year_at = year_before(i);
        std::size_t first = year_at ? *year_at : i, last = i + 1;
        if (!year_at && mark(i + 2, U',') && year(i + 3)) year_at = last = i + 3;
        add_date(out, first, last, *d, m, year_at);
      }
    }
  }

  bool read_percent(std::size_t i, StatedNumbers& out) {
    if (!mark(i + 1, U'%')) return false;
    auto n = number(i);
    auto value = n ? scaled(*n, 2) : std::nullopt;
    if (!value) return false;
    out.percents.push_back({*value, shown(i, i + 1)});
    return true;
  }

  bool currency_at(std::size_t i) const {
    if (!is(i, Kind::number) && i < tokens_.size())
      return view(i) == code_ || (!symbol_.empty() && view(i) == symbol_);
    return false;
  }

  bool read_amount(std::size_t i, StatedNumbers& out) {
    bool after = currency_at(i + 1);
    bool before = i > 0 && currency_at(i - 1);
    if (!after && !before) return false;
    auto n = number(i);
    auto value = n ? scaled(*n, currency_.minor_digits) : std::nullopt;
    if (!value) return false;
    out.amounts.push_back({*value, after ? shown(i, i + 1) : shown(i - 1, i)});
    return true;
  }

  FoldedText text_;
  std::vector<Token> tokens_;
  const core::Currency& currency_;
  std::u32string code_;
  std::u32string_view symbol_;
  std::vector<bool> used_;
};

}  // namespace

StatedNumbers stated_numbers(std::string_view text, const core::Currency& currency) {
  return Reader(text, currency).read();
}

}  // namespace fineprint::lint

#include "load/text_reader.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/did_you_mean.hpp"
#include "core/unicode.hpp"

namespace fineprint::load {

std::optional<std::string> suggest_language(std::string_view code) {
  std::string lower(code);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (model::is_supported_language(lower)) return lower;
  return core::did_you_mean(code, model::supported_languages());
}

bool check_language(const core::Located<std::string>& code, std::string_view what,
                    core::Diagnostics& out) {
  if (model::is_supported_language(code.value)) return true;
  std::string message =
      fmt::format("\"{}\" in {} is not a language fineprint speaks ({})", code.value, what,
                  fmt::join(model::supported_languages(), ", "));
  if (auto suggestion = suggest_language(code.value))
    message += fmt::format("; did you mean \"{}\"?", *suggestion);
  add_error(out, "text/unknown-language", std::move(message), code.where,
            "write a language as its two-letter code: en, lv, lt, pl or ru");
  return false;
}

namespace {

// One language of a text table: supported, declared by the store, a string.
void read_language(TableReader& table, std::string_view language, std::string_view what,
                   const model::Store& store, model::Text& text) {
  core::Located<std::string> code{std::string(language), table.key_where(language)};
  auto value = table.string(language);
  if (!check_language(code, what, table.out())) return;
  if (std::find(store.languages.begin(), store.languages.end(), language) ==
      store.languages.end()) {
    add_error(table.out(), "text/unknown-language",
              fmt::format("{} has a text in \"{}\", a language the store does not declare ({})",
                          what, language, fmt::join(store.languages, ", ")),
              code.where, "add the language to `languages` in [store], or remove the text");
    return;
  }
  if (value) text.by_language.emplace(language, std::move(value->value));
}

}  // namespace

model::Text read_text(TableReader& reader, std::string_view key, const model::Store& store,
                      Need need) {
  model::Text text;
  const toml::node* node = reader.take(key, need);
  if (!node) return text;
  text.where = reader.where(key);
  // Every string is read in NFC (core/unicode.hpp), as TableReader::string does.
  if (auto plain = node->value_exact<std::string>()) {
    text.by_language.emplace(store.default_language(), core::to_nfc(*plain));
    return text;
  }
  const toml::table* table = node->as_table();
  if (!table) {
    reader.wrong_type(key, "a string or a table of languages", *node);
    return text;
  }
  std::string what = fmt::format("`{}` of {}", key, reader.context());
  if (table->empty()) {
    add_error(reader.out(), "schema/wrong-type",
              fmt::format("{} is an empty table: name at least one language, like {{ {} = \"…\" }}",
                          what, store.default_language()),
              text.where);
    return text;
  }
  TableReader languages(*table, what, reader.out());
  for (const auto& [language, value] : *table)
    read_language(languages, language.str(), what, store, text);
  return text;
}

}  // namespace fineprint::load

#include "model/text.hpp"

#include <algorithm>

namespace fineprint::model {

const std::string* Text::in(std::string_view language) const {
  auto found = by_language.find(language);
  return found == by_language.end() ? nullptr : &found->second;
}

const std::vector<std::string>& supported_languages() {
  static const std::vector<std::string> codes{"en", "lv", "lt", "pl", "ru"};
  return codes;
}

bool is_supported_language(std::string_view code) {
  const auto& codes = supported_languages();
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

const std::string& text_in(const Text& text, std::string_view language,
                           const std::vector<std::string>& fallbacks) {
  static const std::string kNone;
  if (const std::string* exact = text.in(language)) return *exact;
  for (const auto& other : fallbacks)
    if (const std::string* found = text.in(other)) return *found;
  return text.empty() ? kNone : text.by_language.begin()->second;
}

}  // namespace fineprint::model

#include "cli/rule_selection.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/did_you_mean.hpp"
#include "lint/registry.hpp"

namespace fineprint::cli {

namespace {

bool matches(const std::string& pattern, const std::string& rule) {
  if (!pattern.empty() && pattern.back() == '/')
    return rule.compare(0, pattern.size(), pattern) == 0;
  return rule == pattern;
}

}  // namespace

namespace {
// "time/,money/float" → {"time/", "money/float"}
std::vector<std::string> split_commas(const std::vector<std::string>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) {
    std::size_t start = 0;
    while (start <= item.size()) {
      std::size_t comma = item.find(',', start);
      std::string part =
          item.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!part.empty()) out.push_back(part);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return out;
}
}  // namespace

std::optional<std::string> RuleSelection::set(std::vector<std::string> select,
                                              std::vector<std::string> ignore) {
  select = split_commas(select);
  ignore = split_commas(ignore);
  std::vector<std::string> names;
  for (const auto& rule : lint::registry()) names.emplace_back(rule.name);
  for (const auto* list : {&select, &ignore}) {
    for (const auto& pattern : *list) {
      bool known = std::any_of(names.begin(), names.end(),
                               [&](const auto& name) { return matches(pattern, name); });
      if (known) continue;
      std::string message =
          fmt::format("\"{}\" is no lint rule or family (see fineprint rules)", pattern);
      if (auto suggestion = core::did_you_mean(pattern, names))
        message += fmt::format("; did you mean \"{}\"?", *suggestion);
      return message;
    }
  }
  select_ = std::move(select);
  ignore_ = std::move(ignore);
  return std::nullopt;
}

bool RuleSelection::keeps(const std::string& rule) const {
  auto any = [&](const std::vector<std::string>& patterns) {
    return std::any_of(patterns.begin(), patterns.end(),
                       [&](const auto& pattern) { return matches(pattern, rule); });
  };
  if (!select_.empty() && !any(select_)) return false;
  return !any(ignore_);
}

}  // namespace fineprint::cli

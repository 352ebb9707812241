// "Did you mean" suggestions for misspelt keys and names.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fineprint::core {

std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate within edit distance 2 (ties: the earliest), if any.
std::optional<std::string> did_you_mean(std::string_view word,
                                        const std::vector<std::string>& candidates);

}  // namespace fineprint::core

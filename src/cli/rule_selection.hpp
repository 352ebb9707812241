// --select / --ignore: rule names or family prefixes ("time/"), checked
// against the registry so a typo is an error, not an empty report.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace fineprint::cli {

class RuleSelection {
 public:
  // Returns a message for the first name that is no rule and no family.
  std::optional<std::string> set(std::vector<std::string> select, std::vector<std::string> ignore);
  bool keeps(const std::string& rule) const;

 private:
  std::vector<std::string> select_;
  std::vector<std::string> ignore_;
};

}  // namespace fineprint::cli

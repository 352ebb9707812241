#include "batch_support.hpp"

#include <algorithm>
#include <stdexcept>

namespace fs = std::filesystem;

namespace fineprint::testing {

std::vector<ClaimCase> claim_cases() {
  const fs::path root = FINEPRINT_SOURCE_DIR;
  const fs::path json = root / "tests" / "batch" / "json";
  std::vector<ClaimCase> out;
  auto add = [&](const fs::path& toml, const fs::path& rules) {
    fs::path relative = fs::relative(toml, root);
    out.push_back({toml, json / relative.replace_extension(".json"), rules});
  };
  for (const auto& entry : fs::directory_iterator(root / "examples" / "claims")) {
    if (entry.is_directory()) {
      for (const auto& inner : fs::directory_iterator(entry.path()))
        if (inner.path().extension() == ".toml" && inner.path().filename() != "rulebook.toml")
          add(inner.path(), entry.path() / "rulebook.toml");
    } else if (entry.path().extension() == ".toml") {
      add(entry.path(), root / "rules");
    }
  }
  for (const auto& entry : fs::directory_iterator(root / "tests" / "claims")) {
    if (!fs::exists(entry.path() / "claim.toml")) continue;
    fs::path rules = entry.path() / "rulebook.toml";
    if (fs::is_regular_file(entry.path() / "rules")) {
      std::string pointer = read_text(entry.path() / "rules");
      while (!pointer.empty() && (pointer.back() == '\n' || pointer.back() == ' '))
        pointer.pop_back();
      rules = root / pointer;
    }
    add(entry.path() / "claim.toml", rules);
  }
  std::sort(out.begin(), out.end(),
            [](const ClaimCase& a, const ClaimCase& b) { return a.toml < b.toml; });
  return out;
}

ProcessResult run_fineprint_tz(const std::string& tz, const std::vector<std::string>& args,
                               const std::string& input) {
  std::vector<std::string> argv{"/usr/bin/env", "TZ=" + tz, FINEPRINT_EXE};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, input);
}

std::string claim_line() {
  for (const auto& c : claim_cases())
    if (c.toml.filename() == "washed-wool-hat.toml") {
      std::string text = read_text(c.json);
      while (!text.empty() && text.back() == '\n') text.pop_back();
      return text;
    }
  throw std::runtime_error("no washed-wool-hat claim among the JSON twins");
}

}  // namespace fineprint::testing

// `fineprint rules` and `fineprint explain RULE`: both read the registry, so
// the documentation is the code's.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "core/did_you_mean.hpp"
#include "lint/registry.hpp"

namespace fineprint::cli {

int run_rules(const Args& args) {
  po::options_description options("rules options");
  po::positional_options_description positional;
  po::variables_map vm;
  if (auto done = parse_options(args, "fineprint rules", options, positional, vm)) return *done;
  for (const auto& rule : lint::registry())
    std::cout << fmt::format("{:<32} {:<8} {}\n", rule.name, core::severity_name(rule.severity),
                             rule.summary);
  return kExitOk;
}

int run_explain(const Args& args) {
  po::options_description options("explain options");
  std::string name;
  options.add_options()("rule", po::value(&name)->required(),
                        "the rule to explain, e.g. time/end-at-2359");
  po::positional_options_description positional;
  positional.add("rule", 1);
  po::variables_map vm;
  if (auto done = parse_options(args, "fineprint explain RULE", options, positional, vm))
    return *done;
  const lint::RuleDescriptor* rule = lint::find_rule(name);
  if (!rule) {
    std::vector<std::string> names;
    for (const auto& known : lint::registry()) names.emplace_back(known.name);
    std::string message = fmt::format("no lint rule \"{}\"", name);
    if (auto suggestion = core::did_you_mean(name, names))
      message += fmt::format("; did you mean \"{}\"?", *suggestion);
    return fail(message + " (see fineprint rules)");
  }
  std::string example;
  for (char c : rule->doc.example) {
    if (example.empty() || example.back() == '\n') example += "    ";
    example += c;
  }
  std::cout << fmt::format(
      "{} ({})\n{}\n\nWhat it catches\n  {}\n\nWhy it matters\n  {}\n\nExample\n{}\n\nFix\n  {}\n",
      rule->name, core::severity_name(rule->severity), rule->summary, rule->doc.what, rule->doc.why,
      example, rule->doc.fix);
  return kExitOk;
}

}  // namespace fineprint::cli

// core::shell_word: the words fineprint prints into commands for a person to
// paste, read back by a real POSIX shell as exactly the word given.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "core/shell_word.hpp"
#include "run_process.hpp"

using fineprint::core::shell_word;
using fineprint::testing::describe;
using fineprint::testing::run_process;

TEST_CASE("shell_word leaves plain words alone and quotes the rest", "[shell-word]") {
  CHECK(shell_word("rules/claims/hat.toml") == "rules/claims/hat.toml");
  CHECK(shell_word("-") == "-");
  CHECK(shell_word("") == "''");
  CHECK(shell_word("my claims/hat.toml") == "'my claims/hat.toml'");
  CHECK(shell_word("Anna's hat.toml") == "'Anna'\\''s hat.toml'");
  CHECK(shell_word("$HOME") == "'$HOME'");
}

TEST_CASE("a real shell reads every shell_word back as the word itself", "[shell-word]") {
  const std::vector<std::string> words{
      "plain.toml", "two words", "it's", "$HOME/x",     "`date`",    "a\"b",
      "*.toml",     "~",         "a\\b", "line\nbreak", "tab\there", "ķepa ģērbs.toml",
      "",           "'",         "''",   "!event",      "a;b|c&d",   "(x)"};
  for (const auto& word : words) {
    auto run = run_process({"/bin/sh", "-c", "printf '%s' " + shell_word(word)});
    INFO(word << " → " << shell_word(word) << "\n" << describe(run));
    CHECK(run.exit_code == 0);
    CHECK(run.out == word);
  }
}

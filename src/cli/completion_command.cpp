// `fineprint completion bash|zsh|fish`: prints a shell completion script.
// The subcommands come from the command table (with their one-line help
// where the shell shows it); a command's options are read at completion time
// from `fineprint help CMD` (`claim new --help` for claim), so the scripts
// cannot fall behind the options tables. Installed by the .deb into each shell's completion folder.
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "cli/placeholders.hpp"

namespace fineprint::cli {

namespace {

// `@NAMES@` is the subcommands separated by spaces.
constexpr std::string_view kBash = R"sh(# bash completion for fineprint (fineprint completion bash)
_fineprint() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "@NAMES@ help" -- "$cur"))
    return
  fi
  local command=${COMP_WORDS[1]}
  if [ "$command" = help ] && [ "$COMP_CWORD" -eq 2 ]; then
    COMPREPLY=($(compgen -W "@NAMES@" -- "$cur"))
  elif [ "$command" = completion ]; then
    COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur"))
  elif [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$(fineprint help "$command" 2>/dev/null | grep -o -- '--[a-z-]*' | sort -u)" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _fineprint fineprint
)sh";

// `@DESCRIBED@` is one `'name:summary'` word per subcommand.
constexpr std::string_view kZsh = R"sh(#compdef fineprint
# zsh completion for fineprint (fineprint completion zsh)
_fineprint() {
  local -a commands
  commands=(@DESCRIBED@ 'help:show a command'"'"'s options')
  if (( CURRENT == 2 )); then
    _describe 'command' commands
  elif [[ $words[2] == completion ]]; then
    compadd bash zsh fish
  elif [[ $words[2] == help ]]; then
    _describe 'command' commands
  elif [[ $words[CURRENT] == -* ]]; then
    compadd -- ${(f)"$(fineprint help $words[2] 2>/dev/null | grep -o -- '--[a-z-]*' | sort -u)"}
  else
    _files
  fi
}
_fineprint "$@"
)sh";

constexpr std::string_view kFishHead =
    R"sh(# fish completion for fineprint (fineprint completion fish)
complete -c fineprint -f -n __fish_use_subcommand -a help -d "show a command's options"
complete -c fineprint -f -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'
complete -c fineprint -n 'not __fish_use_subcommand' -a '(fineprint help (commandline -opc)[2] 2>/dev/null | string match -r -- "--[a-z-]+")'
)sh";

std::string quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\"'\"'") : std::string(1, c);
  return out + "'";
}

std::string script(std::string_view shell) {
  std::string names, described, fish(kFishHead);
  for (const auto& command : commands()) {
    names += (names.empty() ? "" : " ") + std::string(command.name);
    described += quoted(fmt::format("{}:{}", command.name, command.summary)) + " ";
    fish += fmt::format("complete -c fineprint -f -n __fish_use_subcommand -a {} -d {}\n",
                        command.name, quoted(command.summary));
  }
  if (shell == "bash") return replaced(std::string(kBash), "@NAMES@", names);
  if (shell == "zsh") return replaced(std::string(kZsh), "@DESCRIBED@", described);
  return fish;
}

}  // namespace

int run_completion(const Args& args) {
  po::options_description options("completion options");
  std::string shell;
  options.add_options()("shell", po::value(&shell)->required(), "bash, zsh or fish");
  po::positional_options_description positional;
  positional.add("shell", 1);
  po::variables_map vm;
  if (auto done = parse_options(args, "fineprint completion SHELL (bash, zsh or fish)", options,
                                positional, vm))
    return *done;
  if (shell != "bash" && shell != "zsh" && shell != "fish")
    return fail(fmt::format("completion: the shell must be bash, zsh or fish, not \"{}\"", shell));
  std::cout << script(shell);
  return kExitOk;
}

}  // namespace fineprint::cli

#include "diff/side.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace fineprint::diff {

namespace {

// Runs `argv` (no shell: a revision or path cannot inject a command) and
// returns its exit status; its stderr goes to ours, so git's own message
// ("fatal: not a valid object name") reaches the user.
int run(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  int status = 0;
  if (::waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Runs `argv` like run() and returns its standard output without the final
// newline, or nullopt when it fails.
std::optional<std::string> capture(const std::vector<std::string>& argv) {
  int fds[2];
  if (::pipe(fds) != 0) return std::nullopt;
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) return std::nullopt;
  if (pid == 0) {
    ::dup2(fds[1], STDOUT_FILENO);
    ::close(fds[0]);
    ::close(fds[1]);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  ::close(fds[1]);
  std::string out;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;) out.append(buffer, n);
  ::close(fds[0]);
  int status = 0;
  if (::waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return std::nullopt;
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

// PATH of git:REV:PATH as the repository root sees it: a path is relative to
// the current folder, like every other path fineprint reads, but git archive
// only reaches below the folder it runs in, so it runs at the root.
core::Result<std::pair<std::string, std::string>> root_and_path(const std::string& spec,
                                                                const std::string& path) {
  auto top = capture({"git", "rev-parse", "--show-toplevel"});
  auto prefix = capture({"git", "rev-parse", "--show-prefix"});
  if (!top || !prefix)
    return core::Error{"diff/side",
                       fmt::format("{}: the current folder is not in a git repository", spec)};
  // "sub/" + "../rules/" → "rules"; the root itself is "." (git archive's whole tree).
  std::filesystem::path normal = (std::filesystem::path(*prefix) / path).lexically_normal();
  if (!normal.has_filename()) normal = normal.parent_path();
  const std::string inside = normal.empty() ? std::string(".") : normal.generic_string();
  if (inside == ".." || inside.rfind("../", 0) == 0)
    return core::Error{"diff/side",
                       fmt::format("{}: {} is outside the git repository at {}", spec, path, *top)};
  return std::pair{*top, inside};
}

std::optional<std::string> make_temp_dir() {
  std::error_code ec;
  std::filesystem::path base = std::filesystem::temp_directory_path(ec);
  if (ec) base = "/tmp";
  std::string pattern = (base / "fineprint-diff-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) return std::nullopt;
  return pattern;
}

}  // namespace

std::optional<GitSpec> parse_git_spec(const std::string& spec, const std::string& default_path) {
  if (spec.rfind("git:", 0) != 0) return std::nullopt;
  std::string rest = spec.substr(4);
  GitSpec out;
  auto colon = rest.find(':');
  out.rev = rest.substr(0, colon);
  out.path = colon == std::string::npos ? default_path : rest.substr(colon + 1);
  while (out.path.size() > 1 && out.path.back() == '/') out.path.pop_back();
  return out;
}

core::Result<Side> Side::open(const std::string& spec, const std::string& default_path) {
  Side side;
  side.label_ = spec;
  auto git = parse_git_spec(spec, default_path);
  if (!git) {
    side.path_ = spec;
    return side;
  }
  if (git->rev.empty() || git->rev[0] == '-' || git->path.empty() || git->path[0] == '-')
    return core::Error{"diff/side",
                       fmt::format("{}: expected git:REV[:PATH] with a revision and a path", spec)};
  auto located = root_and_path(spec, git->path);
  if (!located) return located.error();
  const auto& [top, inside] = located.value();
  side.temp_dir_ = make_temp_dir();
  if (!side.temp_dir_)
    return core::Error{"diff/side", fmt::format("{}: cannot make a temporary folder", spec)};
  std::string tar = *side.temp_dir_ + "/rulebook.tar";
  if (run({"git", "-C", top, "archive", "--format=tar", "--output=" + tar, git->rev, "--",
           inside}) != 0)
    return core::Error{"diff/side", fmt::format("{}: git archive could not read {} at revision {}",
                                                spec, git->path, git->rev)};
  std::string tree = *side.temp_dir_ + "/tree";
  std::filesystem::create_directory(tree);
  if (run({"tar", "-xf", tar, "-C", tree}) != 0)
    return core::Error{"diff/side", fmt::format("{}: cannot unpack the git archive", spec)};
  side.path_ = tree + "/" + inside;
  return side;
}

Side::Side(Side&& other) noexcept
    : label_(std::move(other.label_)),
      path_(std::move(other.path_)),
      temp_dir_(std::move(other.temp_dir_)) {
  other.temp_dir_.reset();
}

Side::~Side() {
  if (!temp_dir_) return;
  std::error_code ec;  // best effort: a temporary folder left behind is harmless
  std::filesystem::remove_all(*temp_dir_, ec);
}

}  // namespace fineprint::diff

#include "diff/side.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>
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
  side.temp_dir_ = make_temp_dir();
  if (!side.temp_dir_)
    return core::Error{"diff/side", fmt::format("{}: cannot make a temporary folder", spec)};
  std::string tar = *side.temp_dir_ + "/rulebook.tar";
  if (run({"git", "archive", "--format=tar", "--output=" + tar, git->rev, "--", git->path}) != 0)
    return core::Error{"diff/side", fmt::format("{}: git archive could not read {} at revision {}",
                                                spec, git->path, git->rev)};
  std::string tree = *side.temp_dir_ + "/tree";
  std::filesystem::create_directory(tree);
  if (run({"tar", "-xf", tar, "-C", tree}) != 0)
    return core::Error{"diff/side", fmt::format("{}: cannot unpack the git archive", spec)};
  side.path_ = tree + "/" + git->path;
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

// `fineprint batch [--rules PATH] [-i FILE] [-o FILE] [--threads N]`: decide a
// stream of JSON claims, one per line, into one output line per input line.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>

#include "batch/output.hpp"
#include "batch/pipeline.hpp"
#include "cli/commands.hpp"
#include "cli/decision_support.hpp"
#include "cli/exit_codes.hpp"
#include "cli/options.hpp"
#include "cli/rulebook_option.hpp"
#include "load/rulebook_loader.hpp"

namespace fineprint::cli {

namespace {

// Closes the input file descriptor unless it is stdin.
struct InputFile {
  int fd = STDIN_FILENO;
  ~InputFile() {
    if (fd != STDIN_FILENO && fd >= 0) ::close(fd);
  }
};

}  // namespace

int run_batch(const Args& args) {
  po::options_description options("batch options");
  std::string input = "-", output = "-";
  unsigned cores = std::thread::hardware_concurrency();
  int threads = cores == 0 ? 1 : static_cast<int>(cores);
  RulebookChoice rulebook_choice;
  declare_rulebook_options(options, rulebook_choice);
  options.add_options()("input,i", po::value(&input)->value_name("FILE"),
                        "JSON Lines of claims (default - : stdin)")(
      "output,o", po::value(&output)->value_name("FILE"),
      "decision records, one line per input line (default - : stdout); a file is written whole or not at all, a device or pipe directly")(
      "threads", po::value(&threads)->value_name("N"),
      "threads deciding claims (default: all cores)")(
      "lint-rules",
      "also run lint's checks on the rulebook and warn about their findings on stderr (default: the load-time checks only)");
  po::positional_options_description positional;
  po::variables_map vm;
  if (auto done =
          parse_options(args, "fineprint batch [--rules PATH] [-i FILE] [-o FILE] [--threads N]",
                        options, positional, vm))
    return *done;
  if (threads < 1 || threads > 1024)
    return fail(fmt::format("--threads must be between 1 and 1024, not {}", threads));
  auto rules = chosen_rulebook(rulebook_choice, vm);
  if (!rules) return kExitCannot;
  if (auto done = stdin_at_most_once({*rules, input})) return *done;

  InputFile in;
  if (input != "-") {
    in.fd = ::open(input.c_str(), O_RDONLY | O_CLOEXEC);
    if (in.fd < 0)
      return fail(fmt::format("cannot read {}: {}", input, load::path_error(input, errno)));
    // A directory opens, and only its first read fails: refuse it here.
    struct stat info {};
    if (::fstat(in.fd, &info) == 0 && S_ISDIR(info.st_mode))
      return fail(fmt::format("cannot read {}: {}", input, std::strerror(EISDIR)));
  }
  batch::BatchPipelineOptions pipeline;
  pipeline.threads = static_cast<unsigned>(threads);
  pipeline.input_name = input == "-" ? "standard input" : input;
  // The output is checked (and its temporary file made) before any work: a
  // directory, an unwritable path or the input itself is refused at once.
  std::optional<batch::BatchOutput> file;
  try {
    if (output != "-") {
      file.emplace(output, in.fd, pipeline.input_name);
      pipeline.output_name = output;
    }
  } catch (const std::runtime_error& error) {
    return fail(error.what());
  }
  auto loaded = load_rules_for_claims(*rules, vm.count("lint-rules") > 0);
  if (!loaded) return kExitCannot;

  batch::BatchCounts counts;
  try {
    counts = batch::run_batch_pipeline(loaded->rulebook, in.fd, file ? file->fd() : STDOUT_FILENO,
                                       pipeline);
    if (file) file->commit();
  } catch (const std::runtime_error& error) {
    return fail(error.what());
  }
  std::cerr << fmt::format(
      "{} claims: {} approved, {} partially approved, {} denied, {} review, {} invalid\n",
      counts.total(), counts.approved, counts.partially_approved, counts.denied, counts.review,
      counts.invalid);
  // Goodwill granted beside the rules' decisions, per gesture (issue 17).
  const core::Currency& currency = loaded->rulebook.store.currency;
  for (const auto& [id, total] : counts.goodwill) {
    std::string amount =
        total.overflowed
            ? std::string("an amount past 64-bit minor units")
            : core::format_money(total.amount, currency.minor_digits) + " " + currency.code;
    std::cerr << fmt::format("goodwill {}: {} granted, {}", id, total.granted, amount);
    if (total.without_amount > 0)
      std::cerr << fmt::format(" ({} without a fixed amount)", total.without_amount);
    std::cerr << '\n';
  }
  return counts.invalid > 0 ? kExitFailed : kExitOk;
}

}  // namespace fineprint::cli

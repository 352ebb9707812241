// The exit codes every subcommand shares (fineprint(1), EXIT STATUS).
#pragma once

namespace fineprint::cli {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;  // done, and something failed
constexpr int kExitCannot = 2;  // could not do the job

}  // namespace fineprint::cli

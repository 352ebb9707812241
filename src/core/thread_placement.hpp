// Where a helper thread runs (issue 19). Left to itself, Linux often starts a
// new thread on the creating thread's core (on this 2-core VM the other core
// is idle and asleep), and the two then take turns instead of running side
// by side: `reply` of one claim measured 5.0 ms that way and 4.0 ms with the
// zone listing kept off the caller's core (tests/bench/README.md).
#pragma once

#include <thread>

namespace fineprint::core {

// Lets the thread `worker` run on any allowed core but the calling thread's. Only a
// hint: with one core allowed, or when the system does not say, nothing
// changes.
void keep_off_this_core(std::thread::native_handle_type worker);

}  // namespace fineprint::core

#include "core/thread_placement.hpp"

#include <pthread.h>
#include <sched.h>

namespace fineprint::core {

void keep_off_this_core(std::thread::native_handle_type worker) {
  const int here = ::sched_getcpu();
  cpu_set_t allowed;
  if (here < 0 || ::sched_getaffinity(0, sizeof allowed, &allowed) != 0 || CPU_COUNT(&allowed) < 2)
    return;
  CPU_CLR(here, &allowed);
  ::pthread_setaffinity_np(worker, sizeof allowed, &allowed);
}

}  // namespace fineprint::core

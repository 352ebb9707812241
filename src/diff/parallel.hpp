// Runs independent pieces of work on a few threads: work(i, thread) for every
// i in [0, n), each i exactly once. Results go to per-i slots, so the output
// does not depend on the number of threads or on timing.
#pragma once

#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace fineprint::diff {

template <class Work>
void parallel_for(std::size_t n, unsigned threads, Work&& work) {
  std::atomic<std::size_t> next{0};
  auto run = [&](unsigned t) {
    for (std::size_t i = next++; i < n; i = next++) work(i, t);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads && t < n; ++t) pool.emplace_back(run, t);
  run(0);
  for (auto& thread : pool) thread.join();
}

}  // namespace fineprint::diff

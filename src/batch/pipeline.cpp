#include "batch/pipeline.hpp"

#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "batch/decider.hpp"
#include "batch/input.hpp"
#include "engine/decision.hpp"

namespace fineprint::batch {

namespace {

void write_all(int fd, const std::string& text, const std::string& name) {
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error("cannot write " + name + ": " + std::strerror(errno));
    done += static_cast<std::size_t>(n);
  }
}

struct Slot {
  std::unique_ptr<BatchChunk> chunk;
  bool done = false;
};

// Reader (the calling thread) → workers → writer thread, in order.
class Parallel {
 public:
  Parallel(const engine::CompiledRulebook& rules, int out_fd, unsigned threads,
           std::size_t chunk_bytes, const std::string& output_name)
      : rules_(rules),
        out_fd_(out_fd),
        output_name_(output_name),
        capacity_(2 * threads + 2),
        chunk_bytes_(chunk_bytes),
        byte_budget_(capacity_ * chunk_bytes) {
    for (unsigned i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
    writer_ = std::thread([this] { write(); });
  }

  BatchCounts run(BatchInput& input) {
    try {
      for (;;) {
        std::unique_ptr<BatchChunk> chunk;
        {
          std::unique_lock lock(mutex_);
          // At most capacity_ chunks, and while one is in flight at most
          // byte_budget_ bytes: chunks holding long lines (up to 16 MiB
          // each) do not multiply with the thread count.
          room_.wait(lock, [&] {
            return (order_.size() < capacity_ &&
                    (order_.empty() || in_flight_bytes_ < byte_budget_)) ||
                   failed_;
          });
          if (failed_) break;
          if (!spare_.empty()) {
            chunk = std::move(spare_.back());
            spare_.pop_back();
          }
        }
        if (!chunk) chunk = std::make_unique<BatchChunk>();
        if (!input.next(*chunk)) break;
        std::lock_guard lock(mutex_);
        in_flight_bytes_ += chunk->text.size();
        order_.push_back(std::make_shared<Slot>(Slot{std::move(chunk), false}));
        queue_.push_back(order_.back());
        work_ready_.notify_one();
      }
    } catch (...) {
      finish();
      throw;
    }
    finish();
    if (error_) std::rethrow_exception(error_);
    return counts_;
  }

 private:
  void finish() {
    {
      std::lock_guard lock(mutex_);
      reading_done_ = true;
    }
    work_ready_.notify_all();
    written_.notify_all();
    for (auto& worker : workers_) worker.join();
    writer_.join();
  }

  void work() {
    BatchDecider decider(rules_);
    for (;;) {
      std::shared_ptr<Slot> slot;
      {
        std::unique_lock lock(mutex_);
        work_ready_.wait(lock, [&] { return !queue_.empty() || reading_done_ || failed_; });
        if (queue_.empty() || failed_) return;
        slot = queue_.front();
        queue_.pop_front();
      }
      decider.decide(*slot->chunk);
      std::lock_guard lock(mutex_);
      slot->done = true;
      written_.notify_all();
    }
  }

  void write() {
    for (;;) {
      std::shared_ptr<Slot> slot;
      {
        std::unique_lock lock(mutex_);
        written_.wait(lock, [&] {
          return (!order_.empty() && order_.front()->done) || (order_.empty() && reading_done_) ||
                 failed_;
        });
        if (failed_ || order_.empty()) return;
        slot = order_.front();
      }
      try {
        write_all(out_fd_, slot->chunk->out, output_name_);
      } catch (...) {
        std::lock_guard lock(mutex_);
        error_ = std::current_exception();
        failed_ = true;
        room_.notify_all();
        work_ready_.notify_all();
        return;
      }
      std::lock_guard lock(mutex_);
      counts_ += slot->chunk->counts;
      in_flight_bytes_ -= slot->chunk->text.size();
      order_.pop_front();
      // A chunk that held a long line gives its memory back.
      if (slot->chunk->text.capacity() > 4 * chunk_bytes_) std::string().swap(slot->chunk->text);
      if (slot->chunk->out.capacity() > 4 * chunk_bytes_) std::string().swap(slot->chunk->out);
      spare_.push_back(std::move(slot->chunk));
      room_.notify_all();
    }
  }

  const engine::CompiledRulebook& rules_;
  int out_fd_;
  const std::string& output_name_;
  std::size_t capacity_;
  std::size_t chunk_bytes_;
  std::size_t byte_budget_;
  std::size_t in_flight_bytes_ = 0;  // text bytes of the chunks in order_
  std::mutex mutex_;
  std::condition_variable room_, work_ready_, written_;
  std::deque<std::shared_ptr<Slot>> order_;  // in flight, in input order
  std::deque<std::shared_ptr<Slot>> queue_;  // not yet taken by a worker
  std::vector<std::unique_ptr<BatchChunk>> spare_;
  bool reading_done_ = false;
  bool failed_ = false;
  std::exception_ptr error_;
  BatchCounts counts_;
  std::vector<std::thread> workers_;
  std::thread writer_;
};

}  // namespace

BatchCounts run_batch_pipeline(const model::Rulebook& rulebook, int in_fd, int out_fd,
                               const BatchPipelineOptions& options) {
  const engine::CompiledRulebook rules(rulebook);  // the index and digest, once
  BatchInput input(in_fd, options.chunk_bytes, options.input_name);
  if (options.threads <= 1) {
    BatchDecider decider(rules);
    BatchChunk chunk;
    BatchCounts counts;
    while (input.next(chunk)) {
      decider.decide(chunk);
      write_all(out_fd, chunk.out, options.output_name);
      counts += chunk.counts;
    }
    return counts;
  }
  Parallel parallel(rules, out_fd, options.threads, options.chunk_bytes, options.output_name);
  return parallel.run(input);
}

}  // namespace fineprint::batch

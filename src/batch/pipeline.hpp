// The batch stream: chunks read from the input, decided by N threads, written
// in input order. At most a few chunks per thread are in flight, so memory is
// bounded by the chunk size, not by the input.
#pragma once

#include <cstddef>
#include <string>

#include "batch/chunk.hpp"
#include "model/rulebook.hpp"

namespace fineprint::batch {

struct BatchPipelineOptions {
  unsigned threads = 1;
  std::size_t chunk_bytes = 256 * 1024;
  std::string input_name = "the input";         // for messages: the path, or standard input
  std::string output_name = "standard output";  // for messages: the -o path
};

// Reads JSON Lines from `in_fd`, writes one line per input line to `out_fd`.
// Throws std::runtime_error when the input cannot be read or the output
// cannot be written.
BatchCounts run_batch_pipeline(const model::Rulebook& rulebook, int in_fd, int out_fd,
                               const BatchPipelineOptions& options);

}  // namespace fineprint::batch

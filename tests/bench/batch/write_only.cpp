// The writing floor of `batch` (issue 19): `fineprint_write_only RECORDS N
// [LINES_PER_CHUNK]` holds the records of a batch run (RECORDS, one per
// line, e.g. the first 10,000 lines of its output) in memory and writes N of
// them to standard output, cycling, the way batch does: each record appended
// with its '\n' to one reused per-chunk buffer, the buffer written whole with
// write(2) when the chunk's lines are done (LINES_PER_CHUNK, default 350:
// batch's 256 KiB input chunks hold about that many ~740-byte claims). No
// parsing and no deciding. Built only with -DFINEPRINT_BENCH=ON; run by
// tests/bench/batch/floor.sh.
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace {

bool write_all(const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(STDOUT_FILENO, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: fineprint_write_only RECORDS N [LINES_PER_CHUNK]\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  std::vector<std::string> records;
  for (std::string line; std::getline(in, line);) records.push_back(line);
  if (records.empty()) {
    std::fprintf(stderr, "fineprint_write_only: no records in %s\n", argv[1]);
    return 2;
  }
  const std::uint64_t count = std::strtoull(argv[2], nullptr, 10);
  const std::uint64_t per_chunk = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 350;
  if (per_chunk == 0) {
    std::fprintf(stderr, "fineprint_write_only: LINES_PER_CHUNK must be a positive number\n");
    return 2;
  }
  std::string out;
  std::uint64_t bytes = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    out += records[i % records.size()];
    out += '\n';
    if ((i + 1) % per_chunk != 0 && i + 1 != count) continue;
    bytes += out.size();
    if (!write_all(out)) {
      std::fprintf(stderr, "fineprint_write_only: cannot write: %s\n", std::strerror(errno));
      return 2;
    }
    out.clear();
  }
  std::fprintf(stderr, "%llu records, %llu bytes\n", static_cast<unsigned long long>(count),
               static_cast<unsigned long long>(bytes));
  return 0;
}

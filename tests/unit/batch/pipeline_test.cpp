// The batch pipeline in the library (src/batch/), without the executable: a
// few in-memory lines decided in input order, an invalid line answered in its
// place, the same bytes on one thread and on several.
#include "batch/pipeline.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "load/rulebook_loader.hpp"

namespace fs = std::filesystem;
using namespace fineprint;

namespace {

const fs::path kRoot = FINEPRINT_SOURCE_DIR;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Runs the pipeline from a file holding `input` into a file; returns its bytes.
std::string run(const model::Rulebook& rules, const std::string& input, unsigned threads,
                batch::BatchCounts& counts) {
  const fs::path dir = fs::temp_directory_path() / fmt::format("fineprint-pipeline-{}", ::getpid());
  fs::create_directories(dir);
  std::ofstream(dir / "in.jsonl", std::ios::binary) << input;
  int in = ::open((dir / "in.jsonl").c_str(), O_RDONLY | O_CLOEXEC);
  int out = ::open((dir / "out.jsonl").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  REQUIRE(in >= 0);
  REQUIRE(out >= 0);
  batch::BatchPipelineOptions options;
  options.threads = threads;
  options.chunk_bytes = 64;  // a chunk or two per line: the order must survive
  counts = batch::run_batch_pipeline(rules, in, out, options);
  ::close(in);
  ::close(out);
  std::string text = slurp(dir / "out.jsonl");
  fs::remove_all(dir);
  return text;
}

}  // namespace

TEST_CASE("the batch pipeline decides lines in input order, an invalid line in its place",
          "[batch]") {
  load::LoadedRulebook loaded = load::load_rulebook({(kRoot / "rules").string()});
  REQUIRE(loaded.ok());
  std::string claim =
      slurp(kRoot / "tests/batch/json/examples/claims/store-return-without-receipt.json");
  while (!claim.empty() && (claim.back() == '\n' || claim.back() == '\r')) claim.pop_back();
  const std::string input = claim + "\nnot json\n\n" + claim + "\n";

  batch::BatchCounts one, many;
  const std::string single = run(loaded.rulebook, input, 1, one);
  const std::string parallel = run(loaded.rulebook, input, 3, many);
  CHECK(parallel == single);

  auto lines = lines_of(single);
  REQUIRE(lines.size() == 4);  // one output line per input line, the empty one too
  CHECK(lines[0].find("\"EX-STORE-NO-RECEIPT\"") != std::string::npos);
  CHECK(lines[1].rfind("{\"line\":2,\"error\":", 0) == 0);
  CHECK(lines[2].rfind("{\"line\":3,\"error\":", 0) == 0);
  CHECK(lines[3] == lines[0]);
  CHECK(one.total() == 4);
  CHECK(one.invalid == 2);
  CHECK(many.invalid == one.invalid);
  CHECK(many.total() == one.total());
}

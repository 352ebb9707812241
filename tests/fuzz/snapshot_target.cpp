// Fuzz target: the snapshot of a loaded rulebook (issue 19), what `resolve`
// restores from the cache of loaded rulebooks. The first byte picks:
//  - even: the rest is a snapshot. Besides "no crash", one that is read
//    writes back to the very same bytes (every value has one encoding);
//  - odd: the rest is a TOML rulebook, loaded (errors and all) and written
//    as a snapshot, which must read back to the same bytes; then that
//    snapshot cut short, and with one byte changed, is read: a cut is always
//    refused, a changed byte never crashes. So the reader meets realistic
//    snapshots from the rulebook seeds, not only what mutation finds.
#include <string>
#include <string_view>

#include "load/rulebook_loader.hpp"
#include "load/rulebook_snapshot.hpp"
#include "targets.hpp"

namespace fineprint::fuzz {
namespace {

// Reads `bytes`; when they are read, they must be exactly what is written back.
bool read_canonical(std::string_view bytes) {
  model::Rulebook restored;
  if (!load::read_snapshot(bytes, restored)) return false;
  require(load::write_snapshot(restored) == bytes, "a snapshot read writes back the same bytes");
  return true;
}

void from_toml(std::string_view text, std::uint8_t pick) {
  load::LoadedRulebook loaded = load::load_rulebook_text(std::string(text), "fuzz/rulebook.toml");
  std::string bytes = load::write_snapshot(loaded.rulebook);
  require(read_canonical(bytes), "a written snapshot reads back");
  // A place in the snapshot that depends on the input, and a change there.
  const std::size_t where = (text.size() * 131 + pick) % bytes.size();
  require(!read_canonical(std::string_view(bytes).substr(0, where)), "a cut snapshot is refused");
  bytes[where] = static_cast<char>(bytes[where] ^ (pick | 1));
  read_canonical(bytes);
}

}  // namespace

int snapshot(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  if (data[0] % 2 == 0)
    read_canonical(rest);
  else
    from_toml(rest, data[0]);
  return 0;
}

}  // namespace fineprint::fuzz

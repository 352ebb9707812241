#include "load/rulebook_cache.hpp"

#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <optional>
#include <span>
#include <string_view>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "core/instant.hpp"
#include "core/sha256.hpp"
#include "load/rulebook_loader.hpp"
#include "load/rulebook_snapshot.hpp"
#include "load/toml_document.hpp"

namespace fineprint::load {

namespace fs = std::filesystem;

namespace {

using Digest = std::array<std::uint8_t, 32>;

// Bumped when the envelope below changes; the snapshot has its own version.
constexpr std::string_view kMagic = "fineprint rulebook cache 1\n";
// A snapshot is a few times its TOML; anything larger is not one of ours.
constexpr std::size_t kMaxCacheFileBytes = std::size_t{256} * 1024 * 1024;

// The GNU build id of the running executable (ld's --build-id, on by default
// in Debian): another build may read a rulebook into another model, so its
// snapshots are not this one's. Empty when the executable has none: no cache.
std::string build_id() {
  std::string id;
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* out) -> int {
        // The first object listed is the executable itself.
        for (int i = 0; i < info->dlpi_phnum; ++i) {
          const ElfW(Phdr)& header = info->dlpi_phdr[i];
          if (header.p_type != PT_NOTE) continue;
          const auto* at = reinterpret_cast<const char*>(info->dlpi_addr + header.p_vaddr);
          const char* end = at + header.p_memsz;
          while (at + sizeof(ElfW(Nhdr)) <= end) {
            ElfW(Nhdr) note;
            std::memcpy(&note, at, sizeof note);
            const char* name = at + sizeof note;
            const char* desc = name + ((note.n_namesz + 3) & ~3U);
            const char* next = desc + ((note.n_descsz + 3) & ~3U);
            if (next > end) break;
            if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 &&
                std::memcmp(name, "GNU", 4) == 0) {
              static_cast<std::string*>(out)->assign(desc, note.n_descsz);
              return 1;
            }
            at = next;
          }
        }
        return 1;
      },
      &id);
  return id;
}

void hash_sized(core::Sha256& hash, std::string_view bytes) {
  const std::uint64_t size = bytes.size();
  hash.update({reinterpret_cast<const char*>(&size), sizeof size});
  hash.update(bytes);
}

std::string hex(const Digest& digest) {
  std::string out;
  for (std::uint8_t byte : digest) out += fmt::format("{:02x}", byte);
  return out;
}

Digest sha256(std::string_view bytes) {
  core::Sha256 hash;
  hash.update(bytes);
  return hash.finish();
}

// The snapshot's file name: every file read before parsing, by the path
// messages show, its name in the rulebook and its bytes, and the build.
std::optional<std::string> snapshot_path(const RulebookCache& cache,
                                         std::span<const model::SourceFile> files) {
  static const std::string build = build_id();
  if (cache.directory.empty() || build.empty() || files.empty()) return std::nullopt;
  core::Sha256 hash;
  hash_sized(hash, kMagic);
  hash_sized(hash, build);
  for (const auto& file : files) {
    // a rulebook piped in is read once and never again: nothing to gain
    if (file.path == kStdinName) return std::nullopt;
    hash_sized(hash, file.path);
    hash_sized(hash, file.canonical_name);
    hash_sized(hash, file.content);
  }
  return (fs::path(cache.directory) / ("rulebook-" + hex(hash.finish()) + ".bin")).string();
}

// The store zone's rules as date reads them from the tz database, 1900 to
// 2200: a tzdata upgrade that moves a transition changes the instants a
// rulebook's local dates stand for, and so misses the snapshot.
Digest zone_fingerprint(core::Zone zone) {
  core::Sha256 hash;
  core::Instant at = date::sys_days{date::year{1900} / 1 / 1};
  const core::Instant last = date::sys_days{date::year{2200} / 1 / 1};
  for (int step = 0; step < 4096 && at < last; ++step) {
    const date::sys_info info = zone->get_info(at);
    const std::array<std::int64_t, 3> numbers{info.begin.time_since_epoch().count(),
                                              info.offset.count(), info.save.count()};
    hash.update({reinterpret_cast<const char*>(numbers.data()), sizeof numbers});
    hash_sized(hash, info.abbrev);
    if (info.end <= at) break;
    at = info.end;
  }
  return hash.finish();
}

// The envelope: magic, the SHA-256 of everything after it, the files read
// while loading (path, name, SHA-256 of the bytes), the zone's fingerprint,
// then the snapshot. Integers are 8 bytes, little-endian as this machine.
struct Envelope {
  struct LaterFile {
    std::string path, canonical_name;
    Digest digest{};
  };
  std::vector<LaterFile> later_files;
  Digest zone{};
  std::string_view snapshot;
};

void put_number(std::string& out, std::uint64_t number) {
  out.append(reinterpret_cast<const char*>(&number), sizeof number);
}
void put_string(std::string& out, std::string_view text) {
  put_number(out, text.size());
  out += text;
}

std::string encode(const Envelope& envelope) {
  std::string body;
  put_number(body, envelope.later_files.size());
  for (const auto& file : envelope.later_files) {
    put_string(body, file.path);
    put_string(body, file.canonical_name);
    body.append(reinterpret_cast<const char*>(file.digest.data()), file.digest.size());
  }
  body.append(reinterpret_cast<const char*>(envelope.zone.data()), envelope.zone.size());
  body += envelope.snapshot;
  const Digest sum = sha256(body);
  std::string out(kMagic);
  out.append(reinterpret_cast<const char*>(sum.data()), sum.size());
  return out + body;
}

// Reads from the front of `in`; every read checks what is left first.
struct Cursor {
  std::string_view in;
  bool ok = true;

  std::string_view take(std::size_t size) {
    if (!ok || size > in.size()) {
      ok = false;
      return {};
    }
    std::string_view out = in.substr(0, size);
    in.remove_prefix(size);
    return out;
  }
  std::uint64_t number() {
    std::uint64_t value = 0;
    if (std::string_view bytes = take(sizeof value); ok) std::memcpy(&value, bytes.data(), 8);
    return value;
  }
  Digest digest() {
    Digest value{};
    if (std::string_view bytes = take(value.size()); ok)
      std::memcpy(value.data(), bytes.data(), value.size());
    return value;
  }
  std::string string() { return std::string(take(number())); }
};

std::optional<Envelope> decode(std::string_view bytes) {
  Cursor cursor{bytes};
  if (cursor.take(kMagic.size()) != kMagic) return std::nullopt;
  const Digest sum = cursor.digest();
  if (!cursor.ok || sha256(cursor.in) != sum) return std::nullopt;
  Envelope envelope;
  const std::uint64_t later = cursor.number();
  for (std::uint64_t i = 0; cursor.ok && i < later; ++i) {
    Envelope::LaterFile file;
    file.path = cursor.string();
    file.canonical_name = cursor.string();
    file.digest = cursor.digest();
    envelope.later_files.push_back(std::move(file));
  }
  envelope.zone = cursor.digest();
  if (!cursor.ok) return std::nullopt;
  envelope.snapshot = cursor.in;
  return envelope;
}

std::optional<std::string> read_cache_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat info {};
  std::optional<std::string> content;
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) &&
      static_cast<std::uint64_t>(info.st_size) <= kMaxCacheFileBytes) {
    content.emplace(static_cast<std::size_t>(info.st_size), '\0');
    std::size_t done = 0;
    while (done < content->size()) {
      const ssize_t got = ::read(fd, content->data() + done, content->size() - done);
      if (got <= 0) break;
      done += static_cast<std::size_t>(got);
    }
    if (done != content->size()) content.reset();
  }
  ::close(fd);
  return content;
}

// Reads again the files the first load read while loading, and checks them.
bool read_later_files(const Envelope& envelope, std::vector<model::SourceFile>& files) {
  for (const auto& later : envelope.later_files) {
    std::string error;
    std::optional<std::string> content = read_file(later.path, error);
    if (!content || sha256(*content) != later.digest) return false;
    files.push_back({later.path, later.canonical_name, std::move(*content)});
  }
  return true;
}

// Removes the oldest snapshots past kMaxKeptRulebooks (by modification
// time: a restore touches the one it read).
void prune(const fs::path& directory) {
  std::vector<std::pair<fs::file_time_type, fs::path>> kept;
  std::error_code error;
  for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.rfind("rulebook-", 0) != 0 || it->path().extension() != ".bin") continue;
    std::error_code time_error;
    const auto time = it->last_write_time(time_error);
    if (!time_error) kept.emplace_back(time, it->path());
  }
  if (kept.size() <= kMaxKeptRulebooks) return;
  std::sort(kept.begin(), kept.end());
  for (std::size_t i = 0; i + kMaxKeptRulebooks < kept.size(); ++i)
    fs::remove(kept[i].second, error);
}

// Written beside its final name and renamed over it: a reader sees the whole
// snapshot or none, and two processes writing the same one do not mix.
void write_atomically(const std::string& path, const std::string& bytes) {
  std::error_code error;
  const fs::path target(path);
  fs::create_directories(target.parent_path(), error);
  if (error) return;
  const std::string temporary = fmt::format("{}.{}.tmp", path, ::getpid());
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return;
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t wrote = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (wrote <= 0) break;
    done += static_cast<std::size_t>(wrote);
  }
  const bool whole = ::close(fd) == 0 && done == bytes.size();
  if (!whole || ::rename(temporary.c_str(), path.c_str()) != 0) {
    ::unlink(temporary.c_str());
    return;
  }
  prune(target.parent_path());
}

}  // namespace

bool restore_rulebook(const RulebookCache& cache, LoadedRulebook& loaded) {
  const auto path = snapshot_path(cache, loaded.rulebook.files);
  if (!path) return false;
  const std::optional<std::string> bytes = read_cache_file(*path);
  if (!bytes) return false;
  const std::optional<Envelope> envelope = decode(*bytes);
  if (!envelope) return false;
  model::Rulebook restored;
  restored.files = loaded.rulebook.files;
  if (!read_later_files(*envelope, restored.files)) return false;
  if (!read_snapshot(envelope->snapshot, restored)) return false;
  restored.store.zone = core::find_zone(restored.store.timezone.value);
  if (!restored.store.zone || zone_fingerprint(restored.store.zone) != envelope->zone) return false;
  loaded.rulebook = std::move(restored);
  ::utimensat(AT_FDCWD, path->c_str(), nullptr, 0);  // recently used: pruned last
  return true;
}

void keep_rulebook(const RulebookCache& cache, const LoadedRulebook& loaded, std::size_t listed) {
  const model::Rulebook& rulebook = loaded.rulebook;
  if (!loaded.ok() || !loaded.diagnostics.empty() || !rulebook.store.zone ||
      listed > rulebook.files.size())
    return;
  const auto path = snapshot_path(cache, std::span(rulebook.files).first(listed));
  if (!path) return;
  Envelope envelope;
  for (std::size_t i = listed; i < rulebook.files.size(); ++i) {
    const model::SourceFile& file = rulebook.files[i];
    envelope.later_files.push_back({file.path, file.canonical_name, sha256(file.content)});
  }
  envelope.zone = zone_fingerprint(rulebook.store.zone);
  const std::string snapshot = write_snapshot(rulebook);
  envelope.snapshot = snapshot;
  write_atomically(*path, encode(envelope));
}

}  // namespace fineprint::load

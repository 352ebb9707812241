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
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <optional>
#include <span>
#include <string_view>
#include <system_error>
#include <vector>

#include "core/instant.hpp"
#include "core/limits.hpp"
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

// The GNU build ids of the executable and of every shared library it runs
// with (ld's --build-id, on by default in Debian): another build, or another
// libstdc++ or date, may read a rulebook into another model, so their
// snapshots are not these. Empty when one of them has none: no cache.
std::string build_ids() {
  struct Walk {
    std::string ids;
    bool missing = false;
  } walk;
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* data) -> int {
        auto& out = *static_cast<Walk*>(data);
        if (info->dlpi_name && std::string_view(info->dlpi_name) == "linux-vdso.so.1") return 0;
        const std::size_t before = out.ids.size();
        for (int i = 0; i < info->dlpi_phnum; ++i) {
          const ElfW(Phdr)& header = info->dlpi_phdr[i];
          if (header.p_type != PT_NOTE) continue;
          const auto* notes = reinterpret_cast<const char*>(info->dlpi_addr + header.p_vaddr);
          const std::size_t align = header.p_align == 8 ? 8 : 4;
          const auto padded = [align](std::size_t n) { return (n + align - 1) / align * align; };
          std::size_t at = 0;
          while (at + sizeof(ElfW(Nhdr)) <= header.p_memsz) {
            ElfW(Nhdr) note;
            std::memcpy(&note, notes + at, sizeof note);
            const std::size_t name = at + sizeof note;
            const std::size_t desc = name + padded(note.n_namesz);
            const std::size_t next = desc + padded(note.n_descsz);
            if (next > header.p_memsz) break;
            if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 &&
                std::memcmp(notes + name, "GNU", 4) == 0) {
              out.ids.append(notes + desc, note.n_descsz);
              out.ids += '\0';
              break;
            }
            at = next;
          }
          if (out.ids.size() != before) break;
        }
        if (out.ids.size() == before) out.missing = true;
        return 0;
      },
      &walk);
  return walk.missing ? std::string() : walk.ids;
}

void hash_sized(core::Sha256& hash, std::string_view bytes) {
  const std::uint64_t size = bytes.size();
  hash.update({reinterpret_cast<const char*>(&size), sizeof size});
  hash.update(bytes);
}

Digest sha256(std::string_view bytes) {
  core::Sha256 hash;
  hash.update(bytes);
  return hash.finish();
}

// The snapshot's file name: every file read before parsing, by the path
// messages show, its name in the rulebook and its bytes, and the builds.
std::optional<std::string> snapshot_path(const RulebookCache& cache,
                                         std::span<const model::SourceFile> files) {
  static const std::string build = build_ids();
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
  return (fs::path(cache.directory) / ("rulebook-" + core::hex(hash.finish()) + ".bin")).string();
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

// The cache directory, made on first use with only its owner's access; false
// unless it is a directory (not a link to one) of this user that nobody else
// may write into: snapshots from anywhere else could be anyone's.
bool private_directory(const fs::path& directory, bool create) {
  if (create) {
    std::error_code error;
    fs::create_directories(directory.parent_path(), error);
    ::mkdir(directory.c_str(), 0700);  // fails harmlessly when it is there
  }
  struct stat info {};
  return ::lstat(directory.c_str(), &info) == 0 && S_ISDIR(info.st_mode) &&
         info.st_uid == ::geteuid() && (info.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

// Closes the descriptor whatever happens after it is opened.
struct Descriptor {
  int fd;
  explicit Descriptor(int opened) : fd(opened) {}
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
};

// The snapshot's bytes, if it is a regular file of this user no larger than
// `most`; never follows a link, never waits on a pipe.
std::optional<std::string> read_cache_file(const std::string& path, std::size_t most) {
  const Descriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
  struct stat info {};
  if (file.fd < 0 || ::fstat(file.fd, &info) != 0 || !S_ISREG(info.st_mode) ||
      info.st_uid != ::geteuid() || static_cast<std::uint64_t>(info.st_size) > most)
    return std::nullopt;
  std::string content(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t got = ::read(file.fd, content.data() + done, content.size() - done);
    if (got <= 0) return std::nullopt;
    done += static_cast<std::size_t>(got);
  }
  return content;
}

// Reads again the files the first load read while loading (a catalog's
// products file), as that load read them: regular files within the size
// limit, never standard input; each must have the bytes it had.
bool read_later_files(const Envelope& envelope, std::vector<model::SourceFile>& files) {
  for (const auto& later : envelope.later_files) {
    std::error_code status;
    if (later.path == kStdinPath || !fs::is_regular_file(later.path, status)) return false;
    std::string error;
    std::optional<std::string> content = read_file(later.path, error);
    if (!content || content->size() > core::limits::kMaxFileBytes ||
        sha256(*content) != later.digest)
      return false;
    files.push_back({later.path, later.canonical_name, std::move(*content)});
  }
  return true;
}

bool starts_ends(const std::string& name, std::string_view start, std::string_view end) {
  return name.size() >= start.size() + end.size() && name.rfind(start, 0) == 0 &&
         name.compare(name.size() - end.size(), end.size(), end) == 0;
}

// Removes the oldest snapshots past kMaxKeptRulebooks (by modification
// time: a restore touches the one it read), and what a writer killed
// mid-way left behind (a temporary file older than ten minutes).
void prune(const fs::path& directory) {
  std::vector<std::pair<fs::file_time_type, fs::path>> kept;
  const auto abandoned = fs::file_time_type::clock::now() - std::chrono::minutes(10);
  std::error_code error;
  for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    std::error_code time_error;
    const auto time = it->last_write_time(time_error);
    if (time_error) continue;
    if (starts_ends(name, "rulebook-", ".tmp") && time < abandoned)
      fs::remove(it->path(), time_error);
    if (starts_ends(name, "rulebook-", ".bin")) kept.emplace_back(time, it->path());
  }
  if (kept.size() <= kMaxKeptRulebooks) return;
  std::sort(kept.begin(), kept.end());
  for (std::size_t i = 0; i + kMaxKeptRulebooks < kept.size(); ++i)
    fs::remove(kept[i].second, error);
}

// Written to a temporary file of its own (mkostemps: a fresh name, mode
// 0600) and renamed over the final name: a reader sees the whole snapshot
// or none, and two processes writing the same one do not mix.
void write_atomically(const std::string& path, const std::string& bytes) {
  const fs::path directory = fs::path(path).parent_path();
  if (!private_directory(directory, true)) return;
  std::string temporary = (directory / "rulebook-XXXXXX.tmp").string();
  const Descriptor file(::mkostemps(temporary.data(), 4, O_CLOEXEC));
  if (file.fd < 0) return;
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t wrote = ::write(file.fd, bytes.data() + done, bytes.size() - done);
    if (wrote <= 0) break;
    done += static_cast<std::size_t>(wrote);
  }
  if (done != bytes.size() || ::rename(temporary.c_str(), path.c_str()) != 0) {
    ::unlink(temporary.c_str());
    return;
  }
  prune(directory);
}

// A snapshot is a few times its rulebook's bytes: a larger file is not one.
std::size_t most_bytes(std::span<const model::SourceFile> files) {
  std::size_t total = 0;
  for (const auto& file : files) total += file.content.size();
  return std::min(kMaxCacheFileBytes, 16 * total + 1024 * 1024);
}

// restore_rulebook's work on `restored`, whose files are those read; false
// on any miss.
bool restore_into(const RulebookCache& cache, model::Rulebook& restored) {
  const auto path = snapshot_path(cache, restored.files);
  if (!path || !private_directory(fs::path(*path).parent_path(), false)) return false;
  const std::optional<std::string> bytes = read_cache_file(*path, most_bytes(restored.files));
  if (!bytes) return false;
  const std::optional<Envelope> envelope = decode(*bytes);
  if (!envelope || !read_later_files(*envelope, restored.files) ||
      !read_snapshot(envelope->snapshot, restored))
    return false;
  restored.store.zone = core::find_zone(restored.store.timezone.value);
  if (!restored.store.zone || zone_fingerprint(restored.store.zone) != envelope->zone) return false;
  ::utimensat(AT_FDCWD, path->c_str(), nullptr, 0);  // recently used: pruned last
  return true;
}

void keep(const RulebookCache& cache, const model::Rulebook& rulebook, std::size_t listed) {
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
  const std::string bytes = encode(envelope);
  // one a later run would refuse to read is not worth writing
  if (bytes.size() <= most_bytes(std::span(rulebook.files).first(listed)))
    write_atomically(*path, bytes);
}

}  // namespace

bool restore_rulebook(const RulebookCache& cache, LoadedRulebook& loaded) {
  const std::size_t listed = loaded.rulebook.files.size();
  model::Rulebook restored;
  restored.files = std::move(loaded.rulebook.files);
  bool hit = false;
  try {
    hit = restore_into(cache, restored);
  } catch (const std::exception&) {
    // a cache is only a shortcut: whatever went wrong, the files are read
  }
  if (!hit) {
    restored.files.resize(listed);
    loaded.rulebook.files = std::move(restored.files);
    return false;
  }
  loaded.rulebook = std::move(restored);
  return true;
}

void keep_rulebook(const RulebookCache& cache, const LoadedRulebook& loaded, std::size_t listed) {
  const model::Rulebook& rulebook = loaded.rulebook;
  if (!loaded.ok() || !loaded.diagnostics.empty() || !rulebook.store.zone ||
      listed > rulebook.files.size())
    return;
  try {
    keep(cache, rulebook, listed);
  } catch (const std::exception&) {
    // not kept: the next run reads the files, as this one did
  }
}

}  // namespace fineprint::load

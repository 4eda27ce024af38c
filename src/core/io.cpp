#include "core/io.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>

#include "core/error.hpp"
#include "core/limits.hpp"

namespace fs = std::filesystem;

namespace deckhand {

namespace {

constexpr int kInputWaitSeconds = 10;  // a FIFO, pipe or device input: longest wait for data

// ---- what to remove on SIGINT/SIGTERM: a fixed table the signal handler can read
constexpr int kSlots = 16;
struct Slot {
  std::atomic<int> kind{0};  // 0 free, 1 file, 2 folder
  char path[4096];
};
Slot g_slots[kSlots];

int register_path(const std::string& p, int kind) {
  if (p.size() >= sizeof g_slots[0].path) return -1;
  for (int i = 0; i < kSlots; ++i) {
    int expected = 0;
    if (g_slots[i].kind.compare_exchange_strong(expected, -1)) {  // claimed, not yet visible
      std::memcpy(g_slots[i].path, p.c_str(), p.size() + 1);
      g_slots[i].kind.store(kind);
      return i;
    }
  }
  return -1;
}

void unregister(int slot) {
  if (slot >= 0) g_slots[slot].kind.store(0);
}

// The temporary folder of this process that holds `path`, or "".
std::string temp_folder_of(const std::string& path) {
  for (auto& s : g_slots) {
    if (s.kind.load() != 2) continue;
    size_t n = std::strlen(s.path);
    if (path.size() > n && path.compare(0, n, s.path) == 0 && path[n] == '/') return s.path;
  }
  return {};
}

// Only async-signal-safe calls: open, getdents64 (a raw system call, no malloc as opendir
// has), unlinkat, rmdir. The folder holds only the files deckhand wrote there.
void remove_slot(Slot& s) {
  int k = s.kind.load();
  if (k == 1) {
    ::unlink(s.path);
  } else if (k == 2) {
    int fd = ::open(s.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
      alignas(8) char buf[4096];
      for (;;) {
        long n = ::syscall(SYS_getdents64, fd, buf, sizeof buf);
        if (n <= 0) break;
        for (long off = 0; off < n;) {
          struct Dirent64 {
            ino64_t d_ino;
            off64_t d_off;
            unsigned short d_reclen;
            unsigned char d_type;
            char d_name[1];
          };
          auto* e = reinterpret_cast<Dirent64*>(buf + off);
          if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0) ::unlinkat(fd, e->d_name, 0);
          off += e->d_reclen;
        }
      }
      ::close(fd);
    }
    ::rmdir(s.path);
  }
}

extern "C" void on_fatal_signal(int sig) {
  for (auto& s : g_slots) remove_slot(s);
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

// A process that no longer exists (its temporary files are left-overs).
bool pid_gone(long pid) { return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH; }

// "<prefix><pid>-XXXXXX": the pid, or -1 when the name does not have that form.
long pid_in(const std::string& name, const std::string& prefix) {
  if (name.rfind(prefix, 0) != 0) return -1;
  size_t i = prefix.size(), j = i;
  while (j < name.size() && std::isdigit(static_cast<unsigned char>(name[j]))) ++j;
  if (j == i || j > i + 9 || j >= name.size() || name[j] != '-' || name.size() - j - 1 < 6) return -1;
  // six random characters (mkstemp, mkdtemp), maybe followed by a derived name
  // ("OUT.tmp-PID-XXXXXX.text.pdf", made by versions before 0.1's slides text layer in memory)
  if (name.size() - j - 1 > 6 && name[j + 7] != '.') return -1;
  return std::stol(name.substr(i, j - i));
}

// Removes left-overs "<prefix><pid>-XXXXXX" in `dir` of processes that are gone.
void sweep(const fs::path& dir, const std::string& prefix, bool folders) {
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    long pid = pid_in(name, prefix);
    if (pid < 0 || pid == ::getpid() || !pid_gone(pid)) continue;
    struct stat st;
    if (::lstat(it->path().c_str(), &st) != 0 || st.st_uid != ::getuid()) continue;
    if (folders ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode)) {
      std::error_code e2;
      fs::remove_all(it->path(), e2);
    }
  }
}

mode_t file_mode() {
  static const mode_t m = [] {
    mode_t u = ::umask(0);
    ::umask(u);
    return static_cast<mode_t>(0666 & ~u);
  }();
  return m;
}

std::string errno_text(int e) { return std::strerror(e); }

// Writes all of `data` into an open descriptor; false with errno set on failure.
bool write_all(int fd, const char* data, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, data, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

// A path that names one of this process's own descriptors: /dev/stdout (1), /dev/stderr
// (2), /dev/stdin (0), /dev/fd/N, /proc/self/fd/N, /proc/<our pid>/fd/N, or a symbolic link
// that leads to one. Such an output is written through the descriptor, as a shell does
// ("> /dev/stdout"), at its offset: never replaced, never reopened. -1 for other paths.
int own_descriptor(const std::string& path) {
  std::string p = path;
  const std::string prefixes[] = {"/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/", "/proc/" + std::to_string(::getpid()) + "/fd/"};
  for (int hop = 0; hop < 40; ++hop) {
    if (p == "/dev/stdin") return 0;
    if (p == "/dev/stdout") return 1;
    if (p == "/dev/stderr") return 2;
    for (const auto& pre : prefixes) {
      if (p.size() <= pre.size() || p.size() > pre.size() + 6 || p.compare(0, pre.size(), pre) != 0) continue;
      const std::string n = p.substr(pre.size());
      if (n.find_first_not_of("0123456789") == std::string::npos) return std::stoi(n);
    }
    struct stat st;
    if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return -1;
    char buf[4096];
    ssize_t n = ::readlink(p.c_str(), buf, sizeof buf - 1);
    if (n <= 0) return -1;
    std::string next(buf, static_cast<size_t>(n));
    p = next[0] == '/' ? next : (fs::path(p).parent_path() / next).lexically_normal().string();
  }
  return -1;
}

// A write to a descriptor failed with `e`: the error, naming `name`.
[[noreturn]] void fd_write_failed(const std::string& name, int e) {
  if (e == EPIPE)  // (only when SIGPIPE is ignored: else the signal ends the process first)
    throw Error(Exit::output, name, "the program reading the output closed it before the end (broken pipe)",
                "let it read the whole output, or write to a file with -o");
  throw Error(Exit::output, name, "write failed: " + errno_text(e), "check the target");
}

// Copies the file `from` into the open descriptor `fd` in blocks (no copy of the whole
// output in memory); a failed write names `name`.
void copy_into(const std::string& from, int fd, const std::string& name) {
  int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) throw_write_failed(from, errno);
  std::vector<char> buf(1 << 16);
  for (;;) {
    ssize_t r = ::read(in, buf.data(), buf.size());
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      int e = errno;
      ::close(in);
      throw_write_failed(from, e);
    }
    if (r == 0) break;
    if (!write_all(fd, buf.data(), static_cast<size_t>(r))) {
      int e = errno;
      ::close(in);
      fd_write_failed(name, e);
    }
  }
  ::close(in);
}

// An existing target that is not a regular file (a device, a FIFO): written into.
bool is_special(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

// Opens a device or FIFO target for writing.
int open_special(const std::string& path) {
  // O_NONBLOCK: a FIFO nobody reads fails at once (ENXIO) instead of waiting forever
  int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0 && errno == ENXIO)
    throw Error(Exit::output, path, "is a FIFO (named pipe) that no program is reading", "start the reader first, or write to a file");
  if (fd < 0) throw Error(Exit::output, path, "cannot open for writing: " + errno_text(errno), "check the target and its permissions");
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

void close_special(int fd, const std::string& path) {
  if (::close(fd) != 0 && errno != EINTR) fd_write_failed(path, errno);
}

void write_into(const std::string& path, const char* data, size_t n) {
  int fd = open_special(path);
  if (!write_all(fd, data, n)) {
    int e = errno;
    ::close(fd);
    fd_write_failed(path, e);
  }
  close_special(fd, path);
}

// Standard output and the other descriptors a path names (own_descriptor): what C++ streams
// hold is written first, so that the order is kept.
void flush_streams() {
  std::cout.flush();
  std::fflush(stdout);
}

// Makes the written file durable and checks it: fsync reports a write the kernel could not
// do after write() returned (a full disk with delayed allocation, NFS, quotas).
void sync_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw_write_failed(path, errno);
  if (::fsync(fd) != 0 && errno != EINVAL && errno != EROFS) {
    int e = errno;
    ::close(fd);
    throw_write_failed(path, e);
  }
  ::close(fd);
}

}  // namespace

void install_cleanup_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_fatal_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) {
    struct sigaction old {};
    ::sigaction(sig, nullptr, &old);
    if (old.sa_handler == SIG_IGN) continue;  // e.g. nohup: stay ignored
    ::sigaction(sig, &sa, nullptr);
  }
}

[[noreturn]] void throw_write_failed(const std::string& path, int err) {
  const std::string why = err ? errno_text(err) : "the written file is incomplete";
  // a scratch file in a temporary folder of ours: what is full is TMPDIR, not the output
  const std::string folder = temp_folder_of(path);
  if (!folder.empty())
    throw Error(Exit::output, fs::path(folder).parent_path().string(),
                "cannot write a temporary file in the temporary folder (TMPDIR): " + why,
                "free space there, or set TMPDIR to a folder with room");
  throw Error(Exit::output, path, "write failed: " + why, "check free disk space and that the folder is writable");
}

std::string read_file(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec))
    throw Error(Exit::input, path, "no such file", "check the path");
  if (fs::is_directory(path, ec))
    throw Error(Exit::input, path, "is a directory, not a file", "name a file");
  const std::uint64_t max = limits().file_bytes;
  // O_NONBLOCK: opening a FIFO that no program writes into does not wait for one
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) throw Error(Exit::input, path, std::string("cannot open: ") + std::strerror(errno), "check permissions");
  struct stat st;
  if (::fstat(fd, &st) != 0) st.st_mode = 0;
  const bool regular = S_ISREG(st.st_mode);
  if (regular && static_cast<std::uint64_t>(st.st_size) > max) {
    ::close(fd);
    over_limit(static_cast<int>(Exit::input), path, "the file size", std::to_string(st.st_size) + " bytes",
               std::to_string(max) + " bytes", "--max-file-size");
  }
  if (regular) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::string data;
  if (regular) data.reserve(static_cast<size_t>(st.st_size));
  std::vector<char> buf(1 << 16);
  for (;;) {
    if (!regular) {
      // a FIFO, a pipe or a device: waits at most kInputWaitSeconds for each block of data
      // (a FIFO with no writer never sends any), then stops with an error
      struct pollfd pfd {fd, POLLIN, 0};
      int n = ::poll(&pfd, 1, kInputWaitSeconds * 1000);
      if (n < 0 && errno == EINTR) continue;
      if (n == 0) {
        ::close(fd);
        throw Error(Exit::input, path,
                    std::string(S_ISFIFO(st.st_mode) ? "is a FIFO (named pipe) or pipe" : "is not a regular file") + " and sent no data for " +
                        std::to_string(kInputWaitSeconds) + " s",
                    "start the program that writes into it first, or give a file");
      }
    }
    ssize_t r = ::read(fd, buf.data(), buf.size());
    if (r < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (r < 0) {
      int e = errno;
      ::close(fd);
      throw Error(Exit::input, path, std::string("read failed: ") + std::strerror(e), "check the file and the disk");
    }
    if (r == 0) break;
    data.append(buf.data(), static_cast<size_t>(r));
    if (data.size() > max) {  // a device or FIFO that does not end, or a file that grows
      ::close(fd);
      over_limit(static_cast<int>(Exit::input), path, "the input", "more than " + std::to_string(max) + " bytes",
                 std::to_string(max) + " bytes", "--max-file-size");
    }
  }
  ::close(fd);
  return data;
}

namespace {
struct InputsRead {
  std::mutex mu;
  std::map<std::string, std::shared_ptr<const std::string>> read;  // real path -> bytes
  int runs = 0;                                                     // InputRuns alive
  std::atomic<std::uint64_t> generation{0};
};
InputsRead& inputs_read() {
  static InputsRead* r = new InputsRead;  // (never destroyed: usable from other statics' destructors)
  return *r;
}
}  // namespace

std::shared_ptr<const std::string> read_input(const std::string& path) {
  InputsRead& r = inputs_read();
  std::error_code ec;
  std::string key = fs::weakly_canonical(path, ec).string();
  if (ec || key.empty()) key = path;
  std::lock_guard<std::mutex> lock(r.mu);
  if (auto it = r.read.find(key); it != r.read.end()) return it->second;
  auto data = std::make_shared<const std::string>(read_file(path));
  r.read.emplace(key, data);
  return data;
}

InputRun::InputRun() {
  InputsRead& r = inputs_read();
  std::lock_guard<std::mutex> lock(r.mu);
  ++r.runs;
}

InputRun::~InputRun() {
  InputsRead& r = inputs_read();
  std::lock_guard<std::mutex> lock(r.mu);
  if (--r.runs == 0) {
    r.read.clear();
    ++r.generation;
  }
}

std::uint64_t input_run_generation() { return inputs_read().generation.load(); }

void check_input_file(const std::string& path, int exit_code, const std::string& kind) {
  const Exit code = static_cast<Exit>(exit_code);
  struct stat st;
  if (::stat(path.c_str(), &st) != 0)
    throw Error(code, path, errno == ENOENT ? "no such file" : "cannot open: " + errno_text(errno), "check the path");
  if (!S_ISREG(st.st_mode))
    throw Error(code, path, S_ISDIR(st.st_mode) ? "is a folder, not a file" : "is not a regular file (a device, a FIFO or a socket)",
                "give a " + kind + " file");
  const std::uint64_t max = limits().file_bytes;
  if (static_cast<std::uint64_t>(st.st_size) > max)
    over_limit(exit_code, path, "the file size", std::to_string(st.st_size) + " bytes", std::to_string(max) + " bytes",
               "--max-file-size");
}

void check_output_path(const std::string& path, const std::vector<std::string>& inputs) {
  if (path == "-" || path.empty()) return;
  std::error_code ec;
  for (const auto& in : inputs) {
    if (in.empty()) continue;
    if (fs::exists(path, ec) && fs::equivalent(path, in, ec))
      throw Error(Exit::output, path, "the output would overwrite the input", "choose another output file with -o");
    if (fs::weakly_canonical(path, ec) == fs::weakly_canonical(in, ec))
      throw Error(Exit::output, path, "the output would overwrite the input", "choose another output file with -o");
  }
  if (fs::is_directory(path, ec))
    throw Error(Exit::output, path, "is a folder, not a file",
                "name a file in it with -o, e.g. " + (fs::path(path) / "NAME").string() + " with the output's extension");
  fs::path dir = fs::path(path).parent_path();
  if (dir.empty()) dir = ".";
  if (!fs::is_directory(dir, ec)) {
    // a part of the path that is a file, not a folder ("talk.pdf/out.pdf"): it cannot be created
    for (fs::path up = dir; !up.empty(); up = up.parent_path()) {
      if (fs::exists(up, ec) && !fs::is_directory(up, ec))
        throw Error(Exit::output, path, up.string() + " is a file, not a folder", "give -o a path through folders, e.g. a file beside " + up.string());
      if (up == up.parent_path()) break;
    }
    throw Error(Exit::output, path, "the output folder does not exist", "create " + dir.string() + " first");
  }
}

bool writes_through(const std::string& path) {
  return path == "-" || path.empty() || own_descriptor(path) >= 0 || is_special(path);
}

void write_output(const std::string& path, const std::string& data, const std::vector<std::string>& inputs) {
  const int own = path == "-" || path.empty() ? 1 : own_descriptor(path);
  if (own >= 0) {  // standard output, /dev/stdout, /dev/fd/N: written through the descriptor
    if (path != "-" && !path.empty()) check_output_path(path, inputs);
    flush_streams();
    if (!write_all(own, data.data(), data.size())) fd_write_failed(path == "-" || path.empty() ? "<stdout>" : path, errno);
    return;
  }
  check_output_path(path, inputs);
  if (is_special(path)) {  // /dev/null, a FIFO...: written into, never replaced
    write_into(path, data.data(), data.size());
    return;
  }
  write_output_via(path, inputs, [&](const std::string& tmp) {
    int fd = ::open(tmp.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) throw_write_failed(tmp, errno);
    bool ok = write_all(fd, data.data(), data.size());
    int e = errno;
    if (::close(fd) != 0 && ok) ok = false, e = errno;
    if (!ok) throw_write_failed(tmp, e);
  });
}

void write_output_via(const std::string& path, const std::vector<std::string>& inputs,
                      const std::function<void(const std::string& tmp_path)>& writer) {
  check_output_path(path, inputs);
  const int own = path == "-" ? 1 : own_descriptor(path);
  if (own >= 0 || is_special(path)) {
    // standard output, a descriptor, a device or a FIFO: the writer writes a private
    // temporary file, streamed into the target when complete (nothing is sent when the
    // writer fails), then removed
    TempDir dir;
    std::string tmp = dir.path() + "/output";
    writer(tmp);
    if (own >= 0) {
      flush_streams();
      copy_into(tmp, own, path == "-" ? "<stdout>" : path);
    } else {
      int fd = open_special(path);
      try {
        copy_into(tmp, fd, path);
      } catch (...) {
        ::close(fd);
        throw;
      }
      close_special(fd, path);
    }
    return;
  }
  // (a symbolic link is followed: its target file is replaced, the link stays)
  fs::path target(path);
  {
    struct stat lst;
    std::error_code cec;
    if (::lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode)) {
      fs::path real = fs::canonical(target, cec);
      if (!cec) target = real;
    }
  }
  const std::string final_path = target.string();
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  const std::string name = target.filename().string();
  sweep(dir, name + ".tmp-", false);  // left by runs that were killed
  std::string tmpl = (dir / (name + ".tmp-" + std::to_string(::getpid()) + "-XXXXXX")).string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  int fd = ::mkstemp(buf.data());
  if (fd < 0)
    throw Error(Exit::output, path, "cannot create a temporary file beside it: " + errno_text(errno), "check that the folder is writable");
  std::string tmp(buf.data());
  int slot = register_path(tmp, 1);
  ::fchmod(fd, file_mode());
  ::close(fd);
  std::error_code ec;
  auto drop = [&] {
    fs::remove(tmp, ec);
    unregister(slot);
  };
  try {
    writer(tmp);
    sync_file(tmp);  // every byte on the disk before the old file is replaced
  } catch (const Error& e) {
    drop();
    // a failed write names the output the user asked for, never the temporary file
    if (e.file() == tmp) throw Error(e.code(), path, e.message(), e.hint());
    throw;
  } catch (...) {
    drop();
    throw;
  }
  struct stat st;
  if (::stat(tmp.c_str(), &st) != 0) {
    unregister(slot);
    throw Error(Exit::output, path, "the output was not written", "check free disk space");
  }
  // a file replaced keeps its permissions (as cp and sed -i do); one this user may not
  // write is refused rather than replaced behind its back (rename needs only the folder)
  struct stat old;
  if (::stat(final_path.c_str(), &old) == 0 && S_ISREG(old.st_mode)) {
    if (::access(final_path.c_str(), W_OK) != 0) {
      drop();
      throw Error(Exit::output, path, "the file exists and is read-only", "make it writable, or write to another file");
    }
    ::chmod(tmp.c_str(), old.st_mode & 07777);
  }
  if (::rename(tmp.c_str(), final_path.c_str()) != 0) {
    int e = errno;
    drop();
    throw Error(Exit::output, path, "cannot move the finished file into place: " + errno_text(e), "check that the folder is writable");
  }
  unregister(slot);
}

TempDir::TempDir() {
  std::error_code ec;
  fs::path base = fs::temp_directory_path(ec);
  if (ec) base = "/tmp";
  sweep(base, "deckhand-", true);  // left by runs that were killed
  std::string tmpl = (base / ("deckhand-" + std::to_string(::getpid()) + "-XXXXXX")).string();
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (!::mkdtemp(buf.data()))
    throw Error(Exit::output, base.string(), "cannot create a temporary folder: " + errno_text(errno), "check TMPDIR and free disk space");
  path_ = buf.data();
  slot_ = register_path(path_, 2);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
  unregister(slot_);
}

}  // namespace deckhand

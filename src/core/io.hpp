#pragma once
// File input and output: whole-file reads, and writes that never leave a half-written
// file behind (write to a temporary file beside the target, then rename).
//
// Output safety lives here and only here: temporary files are made with mkstemp and
// folders with mkdtemp; SIGINT and SIGTERM remove them; left-overs of runs that were
// killed (SIGKILL, power loss) are removed by the next run; a target that is not a
// regular file (a device, a FIFO) is written into, never replaced; a folder is refused.
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace deckhand {

// Reads a whole file; throws Error(Exit::input) naming the file. Stops with an error past
// limits().file_bytes (also for a device or FIFO that never ends). A FIFO, pipe or device
// (/dev/stdin, <(cmd)) is opened without waiting for a writer and read as long as data
// comes: 10 s without any (a FIFO no program writes into) is an error (docs/limits.md).
std::string read_file(const std::string& path);

// An input read once in a run: the first call reads `path` (read_file, same errors), later
// calls for the same file (same real path) return the same bytes. Every reader of the deck's
// PDF (Poppler, qpdf for vector frames, translated slides, impose, preflight) takes it from
// here, so that a file replaced while deckhand runs cannot mix two versions in one output.
std::shared_ptr<const std::string> read_input(const std::string& path);

// The run read_input's "once" is about. While an InputRun lives (Job::run makes one; so does
// each input of a fuzz target), a file is read once; when the outermost InputRun ends, what
// was read is forgotten, so the next run of the same process (a program linking
// deckhand_core that runs job after job, a fuzzer writing each input over the same file)
// reads the files again. Runs that overlap (jobs on threads) share what they read until the
// last ends. Without any InputRun, read_input keeps what it read for the process.
class InputRun {
 public:
  InputRun();
  ~InputRun();
  InputRun(const InputRun&) = delete;
  InputRun& operator=(const InputRun&) = delete;
};
// Counts the outermost InputRuns that ended: caches tied to a run's inputs (the PDF budget
// scan's "scanned once") start again when it changes.
std::uint64_t input_run_generation();

// For inputs a library opens by path (fonts): throws Error(exit_code) naming `path` when it
// is missing, not a regular file (a device such as /dev/zero, a FIFO, a folder: "give a
// <kind> file"), or over limits().file_bytes (--max-file-size).
void check_input_file(const std::string& path, int exit_code, const std::string& kind);

// A write of `path` failed with errno `err` (0: the file is incomplete, reason unknown):
// throws Error(Exit::output) naming `path`; write_output_via names the output instead of
// its temporary file. A file in one of this process's temporary folders (TempDir) names
// the temporary folder (TMPDIR) as what is full or not writable, never the scratch file.
[[noreturn]] void throw_write_failed(const std::string& path, int err);

// Writes `data` to `path` atomically. "-" writes to standard output; so do /dev/stdout,
// /dev/fd/N and /proc/self/fd/N (through the descriptor, at its offset, never reopened or
// replaced). Refuses (Exit::output) to write over any of `inputs`. Non-regular targets
// such as /dev/null are written into.
void write_output(const std::string& path, const std::string& data, const std::vector<std::string>& inputs);

// Like write_output, for writers that write a file themselves: `writer` is given a
// temporary path beside `path`, which is fsync'd and renamed over `path` when it returns
// (or streamed into it when `path` is standard output, a descriptor, a device or a FIFO);
// on an exception or SIGINT/SIGTERM/SIGHUP/SIGPIPE the temporary file is removed and
// `path` is left as it was. The writer must check its own writes (throw_write_failed): an
// Error naming the temporary path is rethrown naming `path`.
void write_output_via(const std::string& path, const std::vector<std::string>& inputs,
                      const std::function<void(const std::string& tmp_path)>& writer);

// True when write_output writes `path` through, never replacing a file: "-" (standard
// output), a descriptor of this process (/dev/stdout, /dev/fd/N), a device or a FIFO.
bool writes_through(const std::string& path);

// Same check as write_output, done before long work starts.
void check_output_path(const std::string& path, const std::vector<std::string>& inputs);

// A private temporary folder (mkdtemp, "deckhand-PID-XXXXXX" in the system's temporary
// folder), removed with its files when it goes out of scope or on SIGINT/SIGTERM. Making
// one first removes folders left by deckhand runs that no longer exist.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int slot_ = -1;
};

// Installs the SIGINT/SIGTERM/SIGHUP/SIGPIPE handlers that remove registered temporary files
// and folders before the process ends with the signal (SIGPIPE: the reader of standard
// output went away, `deckhand ... -o - | head`). Called by main(); harmless to call twice.
void install_cleanup_handlers();

}  // namespace deckhand

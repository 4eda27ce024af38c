#pragma once
// File input and output: whole-file reads, and writes that never leave a half-written
// file behind (write to a temporary file beside the target, then rename).
//
// Output safety lives here and only here: temporary files are made with mkstemp and
// folders with mkdtemp; SIGINT and SIGTERM remove them; left-overs of runs that were
// killed (SIGKILL, power loss) are removed by the next run; a target that is not a
// regular file (a device, a FIFO) is written into, never replaced; a folder is refused.
#include <functional>
#include <string>
#include <vector>

namespace deckhand {

// Reads a whole file; throws Error(Exit::input) naming the file. Stops with an error past
// limits().file_bytes (also for a device or FIFO that never ends).
std::string read_file(const std::string& path);

// Writes `data` to `path` atomically. "-" writes to standard output. Refuses (Exit::output)
// to write over any of `inputs`. Non-regular targets such as /dev/null are written into.
void write_output(const std::string& path, const std::string& data, const std::vector<std::string>& inputs);

// Like write_output, for writers that write a file themselves: `writer` is given a
// temporary path beside `path`, which is renamed over `path` when it returns (or copied
// into it when `path` is a device or FIFO); on an exception or SIGINT/SIGTERM the
// temporary file is removed.
void write_output_via(const std::string& path, const std::vector<std::string>& inputs,
                      const std::function<void(const std::string& tmp_path)>& writer);

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

// Installs the SIGINT/SIGTERM handlers that remove registered temporary files and folders
// before the process ends with the signal. Called by main(); harmless to call twice.
void install_cleanup_handlers();

}  // namespace deckhand

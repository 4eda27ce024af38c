#pragma once
// File input and output: whole-file reads, and writes that never leave a half-written
// file behind (write to a temporary file beside the target, then rename).
#include <functional>
#include <string>
#include <vector>

namespace deckhand {

// Reads a whole file; throws Error(Exit::input) naming the file.
std::string read_file(const std::string& path);

// Writes `data` to `path` atomically. "-" writes to standard output. Refuses (Exit::output)
// to write over any of `inputs`. Non-regular targets such as /dev/null are written directly.
void write_output(const std::string& path, const std::string& data, const std::vector<std::string>& inputs);

// Like write_output, for writers that write a file themselves: `writer` is given a
// temporary path beside `path`, which is renamed over `path` when it returns; on an
// exception the temporary file is removed.
void write_output_via(const std::string& path, const std::vector<std::string>& inputs,
                      const std::function<void(const std::string& tmp_path)>& writer);

// Same check as write_output, done before long work starts.
void check_output_path(const std::string& path, const std::vector<std::string>& inputs);

}  // namespace deckhand

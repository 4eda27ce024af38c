#pragma once
// What the PDF fuzz targets share (preflight, impose, vector_frames, slides): the fuzzer's
// bytes as a file, files to write to, and the rule every target checks. A deckhand::Error is
// an answer (the command's one line and exit code), except Exit::failure, exit 1, an
// internal error, which hostile input must never cause (docs/exit-codes.md): that aborts,
// and libFuzzer reports it as a crash. Any other exception escaping is a crash too (the
// command would end in exit 1, "internal error").
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace fuzzpdf {

// A file of this process's own in /tmp (TMPDIR is not used: a run's TMPDIR may be checked
// for leftovers), removed when the process ends.
inline std::vector<std::string>& temp_paths() {
  static std::vector<std::string> paths;
  return paths;
}

inline std::string temp_path(const char* what) {
  if (temp_paths().empty())
    std::atexit([] {
      for (const auto& p : temp_paths()) std::remove(p.c_str());
    });
  std::string tmpl = std::string("/tmp/deckhand-fuzz-") + what + "-XXXXXX";
  int fd = ::mkstemp(tmpl.data());
  if (fd >= 0) ::close(fd);
  temp_paths().push_back(tmpl);
  return tmpl;
}

inline bool write_file(const std::string& path, const uint8_t* data, size_t size) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return false;
  const bool ok = std::fwrite(data, 1, size, f) == size;
  return std::fclose(f) == 0 && ok;
}

// An Error from a run: fine, except exit 1. FUZZ_VERBOSE=1 prints it (what a replay met).
inline void answer(const deckhand::Error& e) {
  static const bool verbose = std::getenv("FUZZ_VERBOSE") != nullptr;
  if (verbose) std::fprintf(stderr, "  exit %d: %s\n", static_cast<int>(e.code()), e.line().c_str());
  if (e.code() == deckhand::Exit::failure) {
    std::fprintf(stderr, "exit 1 (internal error) on fuzzed input: %s\n", e.line().c_str());
    std::abort();
  }
}

}  // namespace fuzzpdf

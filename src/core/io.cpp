#include "core/io.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

#include "core/error.hpp"

namespace fs = std::filesystem;

namespace deckhand {

std::string read_file(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec))
    throw Error(Exit::input, path, "no such file", "check the path");
  if (fs::is_directory(path, ec))
    throw Error(Exit::input, path, "is a directory, not a file", "name a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Exit::input, path, std::string("cannot open: ") + std::strerror(errno), "check permissions");
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw Error(Exit::input, path, "read failed", "check the file and the disk");
  return data;
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
  fs::path dir = fs::path(path).parent_path();
  if (dir.empty()) dir = ".";
  if (!fs::is_directory(dir, ec))
    throw Error(Exit::output, path, "the output folder does not exist", "create " + dir.string() + " first");
}

void write_output(const std::string& path, const std::string& data, const std::vector<std::string>& inputs) {
  if (path == "-" || path.empty()) {
    std::cout.write(data.data(), static_cast<std::streamsize>(data.size()));
    std::cout.flush();
    if (!std::cout) throw Error(Exit::output, "<stdout>", "write failed", "check the pipe");
    return;
  }
  check_output_path(path, inputs);
  std::error_code ec;
  if (fs::exists(path, ec) && !fs::is_regular_file(path, ec)) {
    // /dev/null, a FIFO...: nothing to rename over.
    std::ofstream out(path, std::ios::binary);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!out) throw Error(Exit::output, path, "write failed", "check the target");
    return;
  }
  write_output_via(path, inputs, [&](const std::string& tmp) {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(Exit::output, path, std::string("cannot create: ") + std::strerror(errno), "check that the folder is writable");
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.flush();
    if (!out) throw Error(Exit::output, path, "write failed", "check free disk space");
  });
}

void write_output_via(const std::string& path, const std::vector<std::string>& inputs,
                      const std::function<void(const std::string& tmp_path)>& writer) {
  check_output_path(path, inputs);
  std::error_code ec;
  std::random_device rd;
  std::string tmp = path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(rd() % 100000);
  try {
    writer(tmp);
  } catch (...) {
    fs::remove(tmp, ec);
    throw;
  }
  if (!fs::exists(tmp, ec)) throw Error(Exit::output, path, "the output was not written", "check free disk space");
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw Error(Exit::output, path, "cannot move the finished file into place: " + ec.message(), "check that the folder is writable");
  }
}

}  // namespace deckhand

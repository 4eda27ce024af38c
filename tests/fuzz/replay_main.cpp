// Replays inputs through a fuzz target without libFuzzer. Each argument is a folder (every
// file in it: the seed corpus, the regressions named after fuzzer findings), a file, or
// @LIST: a text file naming inputs one a line, relative to its own folder ('#' starts a
// comment line; a file it names must exist). An argument that does not exist is skipped (a
// folder of regressions not made yet). Part of the test suite.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  int n = 0, missing = 0;
  for (int a = 1; a < argc; ++a) {
    std::error_code ec;
    std::vector<fs::path> files;
    const std::string arg = argv[a];
    if (arg.size() > 1 && arg[0] == '@') {
      const fs::path list = arg.substr(1);
      std::ifstream in(list);
      if (!in) {
        std::printf("cannot read the list %s\n", list.c_str());
        ++missing;
      }
      for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') files.push_back(list.parent_path() / line);
    } else if (!fs::exists(arg, ec)) {
      continue;  // a folder of regressions not made yet
    } else if (fs::is_directory(arg, ec)) {
      for (const auto& e : fs::directory_iterator(arg, ec))
        if (e.is_regular_file()) files.push_back(e.path());
      std::sort(files.begin(), files.end());
    } else {
      files.push_back(arg);
    }
    for (const auto& f : files) {
      if (!fs::is_regular_file(f, ec)) {
        std::printf("%s: no such file\n", f.c_str());
        ++missing;
        continue;
      }
      std::ifstream in(f, std::ios::binary);
      std::string d((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      std::printf("%s\n", f.c_str());
      std::fflush(stdout);
      LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(d.data()), d.size());
      ++n;
    }
  }
  std::printf("%d inputs replayed\n", n);
  return n > 0 && missing == 0 ? 0 : 1;
}

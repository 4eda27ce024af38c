#pragma once
// Subcommands: each has an options struct, setup_X() that declares its flags next to
// their help text, and run_X() that does the work. main() only parses, runs and maps
// errors to exit codes.
#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace deckhand::cli {

struct Global {
  int verbose = 0;
  bool quiet = false;
  bool strict = false;
  int threads = 0;
};

// Registers every subcommand; the chosen one's runner is stored in `run`.
void setup_commands(CLI::App& app, Global& g, std::function<int()>& run);

}  // namespace deckhand::cli

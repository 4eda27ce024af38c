#pragma once
// The command line: each subcommand (cli/cmd_*.cpp) declares its flags next to their help
// text, bound to the fields of one deckhand::JobOptions, and says which Command it is.
// main() parses, runs the deckhand::Job (src/job/job.hpp) and maps errors to exit codes.
#include <CLI/CLI.hpp>

#include "job/job.hpp"

namespace deckhand::cli {

// Registers the global flags and every subcommand; parsing fills `o`.
void setup_commands(CLI::App& app, JobOptions& o);

}  // namespace deckhand::cli

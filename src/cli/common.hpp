#pragma once
// What the subcommands' option setups (cli/cmd_*.cpp) share.
#include "cli/commands.hpp"

namespace deckhand::cli {

// The check of a number option: a finite number (NaN, infinities and 1e999 are refused:
// CLI::Range lets NaN through, and `--expand nan%` never ended; issue 20) within [lo, hi],
// and a whole number when `whole`. Exit 2 with "--opt: must be a number from LO to HI, not
// 'X'".
CLI::Validator number_in(double lo, double hi, bool whole);

// The options that raise the limits on inputs (docs/limits.md), global to every command.
void add_limit_options(CLI::App& app);
// --password, for every command that reads a PDF.
void add_password_option(CLI::App* cmd, JobOptions& o);
// --pages PAGES ("1-3,7,10-"; an empty list is a usage error), into o.pages
void add_pages_option(CLI::App* cmd, JobOptions& o, const std::string& help);
// Makes `cmd`, when chosen, the job's command.
void runs(CLI::App* cmd, JobOptions& o, Command c);

// Each subcommand declares its options; parsing fills JobOptions.
void setup_extract(CLI::App& app, JobOptions& o);
void setup_inspect(CLI::App& app, JobOptions& o);
void setup_handout(CLI::App& app, JobOptions& o);
void setup_slides(CLI::App& app, JobOptions& o);
void setup_preflight(CLI::App& app, JobOptions& o);  // also `impose`
void setup_strings(CLI::App& app, JobOptions& o);
void setup_translate(CLI::App& app, JobOptions& o);
void setup_check(CLI::App& app, JobOptions& o);
void setup_fonts(CLI::App& app, JobOptions& o);
void setup_review(CLI::App& app, JobOptions& o);
void setup_build(CLI::App& app, JobOptions& o);

}  // namespace deckhand::cli

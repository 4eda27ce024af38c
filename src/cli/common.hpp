#pragma once
// Helpers shared by the subcommands (cli/cmd_*.cpp).
#include <functional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "model/deck.hpp"

namespace deckhand::cli {

// The layout handout, check and fonts check use when --layout is not given.
inline constexpr const char* kDefaultLayout = "notes-3";

// Progress on stderr for long work, only when a person watches (stderr is a terminal).
std::function<void(int, int)> progress_printer(const Global& g, const char* what);
// Prints the warnings; with --strict and warnings, returns exit 3.
int finish(const Global& g, const Diagnostics& diag);
// "1 page", "2 pages"
std::string count_of(size_t n, const std::string& singular, const std::string& plural = "");
bool looks_like_json(const std::string& path);
// The inputs of a run that the output may not replace (exit 10, docs/exit-codes.md):
// `files` as given plus, for a deck JSON among them, the PDF it was extracted from
// (source.file beside the JSON and in the current folder), whether or not this run opens
// that PDF. Paths are compared by write_output after links are resolved.
std::vector<std::string> run_inputs(std::vector<std::string> files, const Deck& deck, const std::string& deck_path);
// A deck from a PDF (extracted) or from a deck JSON (loaded).
Deck load_deck(const std::string& in, const std::string& password, const Global& g, Diagnostics& diag);
// Where layouts/ and fonts/ are: $DECKHAND_DATA, else the build's data folder.
std::string data_dir();
// Merges a translation file into the deck, warning (once, counted by reason) about what
// stays untranslated, and when under half of the deck's units are in the file. When none
// is, throws Error(Exit::translation) if `fail_on_no_match` (--strict, check), else warns.
// Returns the number of units translated.
int apply_translations(Deck& deck, const std::string& file, const std::string& lang_opt, Diagnostics& diag,
                       bool fail_on_no_match);

// The options that raise the limits on inputs (docs/limits.md), global to every command.
void add_limit_options(CLI::App& app);

// Each subcommand registers itself; the chosen one's runner goes into `run`.
void setup_extract(CLI::App& app, Global& g, std::function<int()>& run);
void setup_inspect(CLI::App& app, Global& g, std::function<int()>& run);
void setup_handout(CLI::App& app, Global& g, std::function<int()>& run);
void setup_strings(CLI::App& app, Global& g, std::function<int()>& run);
void setup_translate(CLI::App& app, Global& g, std::function<int()>& run);
void setup_check(CLI::App& app, Global& g, std::function<int()>& run);
void setup_fonts(CLI::App& app, Global& g, std::function<int()>& run);
void setup_preflight(CLI::App& app, Global& g, std::function<int()>& run);  // also `impose`

// "3mm", "0.125in", "1cm", "9pt" or a plain number of millimetres -> points; exit 2 otherwise.
double parse_length_mm(const std::string& s, const std::string& option);

}  // namespace deckhand::cli

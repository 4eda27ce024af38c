#pragma once
// Helpers shared by the subcommands (cli/cmd_*.cpp).
#include <functional>
#include <string>

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "model/deck.hpp"

namespace deckhand::cli {

// Progress on stderr for long work, only when a person watches (stderr is a terminal).
std::function<void(int, int)> progress_printer(const Global& g, const char* what);
// Prints the warnings; with --strict and warnings, returns exit 3.
int finish(const Global& g, const Diagnostics& diag);
bool looks_like_json(const std::string& path);
// A deck from a PDF (extracted) or from a deck JSON (loaded).
Deck load_deck(const std::string& in, const std::string& password, const Global& g, Diagnostics& diag);
// Where layouts/ and fonts/ are: $DECKHAND_DATA, else the build's data folder.
std::string data_dir();
// Merges a translation file into the deck, warning about what stays untranslated.
void apply_translations(Deck& deck, const std::string& file, const std::string& lang_opt, Diagnostics& diag);

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

}  // namespace deckhand::cli

// deckhand: slide-deck PDF -> localized, reformatted, print-ready handouts.
// This file only parses the command line, runs the command and maps errors to exit codes.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "core/io.hpp"
#include "job/job.hpp"
#include "deckhand/version.hpp"

#ifdef DECKHAND_DISPATCH
namespace {
// The executable that runs every command (deckhand-full): beside this one in a build
// tree, in <prefix>/libexec/deckhand once installed. Empty when neither exists.
// `searched` gets the places looked at, for the message when none holds it.
std::string full_executable(std::string& searched) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  for (const fs::path& p : {self.parent_path() / "deckhand-full",
                            self.parent_path().parent_path() / "libexec" / "deckhand" / "deckhand-full"}) {
    if (::access(p.c_str(), X_OK) == 0) return p.string();
    searched += (searched.empty() ? "" : " or ") + p.string() + (::access(p.c_str(), F_OK) == 0 ? ", not executable," : "");
  }
  return {};
}
}  // namespace
#endif

namespace {
// Levenshtein distance between two command names (ASCII)
size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t prev = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cur = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
      prev = cur;
    }
  }
  return row[b.size()];
}
}  // namespace

int main(int argc, char** argv) {
  using deckhand::Exit;
  CLI::App app{"deckhand " + std::string(deckhand::kVersion) +
               ": turn a slide deck published as a PDF into handouts.\n\n"
               "Typical use:\n"
               "  deckhand extract talk.pdf -o talk.json     # the deck's structure, editable\n"
               "  deckhand inspect talk.pdf                  # outline: titles and bullets\n"
               "  deckhand handout talk.pdf --layout notes-3 -o notes.pdf   # 3 slides a page, lines for notes\n"
               "  deckhand strings export talk.json --format po --target-lang fr -o talk.fr.po\n"
               "  deckhand handout talk.json --translations talk.fr.po -o talk-fr.pdf\n"
               "  deckhand handout talk.pdf --layout leaflet-a5 --print -o leaflet.pdf   # for a print shop\n"
               "  deckhand preflight leaflet.pdf --booklet   # ready to print? (docs/printing.md)\n\n"
               "Exit codes: 0 ok, 2 usage, 3 warnings with --strict, 4 input missing, 5 not a PDF or damaged,\n"
               "6 encrypted, 7 no text layer, 8 invalid deck JSON, 9 invalid layout, 10 output not writable,\n"
               "11 unreadable translation file, 12 check or preflight found problems, 1 internal error.\n"
               "Run 'deckhand COMMAND --help' for a command's options.",
               "deckhand"};  // the name in help, not argv[0]'s full path
  app.set_version_flag("--version", std::string("deckhand ") + deckhand::kVersion);
  app.require_subcommand(1);
  app.fallthrough();  // global flags (-v, -q, --strict, -j) also after the command
  deckhand::install_cleanup_handlers();  // SIGINT/SIGTERM remove temporary files
  deckhand::JobOptions o;
  deckhand::cli::setup_commands(app, o);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // (no command given: a word that is none, "extrct", is named with the nearest command)
    if (app.get_subcommands().empty()) {
      std::vector<std::string> names;
      for (const CLI::App* sc : app.get_subcommands({})) names.push_back(sc->get_name());
      for (int k = 1; k < argc; ++k) {
        std::string a = argv[k];
        if (a.empty() || a[0] == '-' || std::all_of(a.begin(), a.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
        std::string best;
        size_t best_d = 3;  // (two edits at most)
        for (const auto& n : names) {
          size_t d = edit_distance(a, n);
          if (d < best_d) best_d = d, best = n;
        }
        std::string all;
        for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
        std::cerr << "deckhand: error: " << a << ": no such command ("
                  << (best.empty() ? "" : "did you mean '" + best + "'? ") << "the commands: " << all
                  << "; run 'deckhand --help')\n";
        return static_cast<int>(Exit::usage);
      }
    }
    std::cerr << "deckhand: error: " << e.what() << " (run 'deckhand --help' or 'deckhand COMMAND --help')\n";
    return static_cast<int>(Exit::usage);
  }
  // (an empty output path, "-o ''" or "-o \"$OUT\"" with OUT unset, names no file: it is no
  // standard output, which is "-")
  for (const CLI::App* sc : app.get_subcommands())
    for (const CLI::App* c : {sc, sc->get_subcommands().empty() ? sc : sc->get_subcommands().front()})
      if (const CLI::Option* out = c->get_option_no_throw("--output"); out && out->count() > 0)
        for (const auto& r : out->results())
          if (r.empty()) {
            std::cerr << "deckhand: error: --output: the output path is empty (give a file name, or - for standard "
                         "output)\n";
            return static_cast<int>(Exit::usage);
          }
#ifdef DECKHAND_DISPATCH
  // This small executable runs extract itself; every other command runs in deckhand-full,
  // which links the output stages (libqpdf, libharu, HarfBuzz...): loading those costs a
  // run of `extract` more than reading a 20-page deck does (docs/architecture.md).
  if (!deckhand::Job::light(o.command)) {
    std::string searched;
    std::string full = full_executable(searched);
    if (!full.empty()) ::execv(full.c_str(), argv);
    std::cerr << "deckhand: error: deckhand-full: "
              << (full.empty() ? "not found at " + searched : full + ": " + std::strerror(errno))
              << " (it runs every command but extract: install deckhand with 'cmake --install', or keep deckhand-full"
                 " beside deckhand)\n";
    return static_cast<int>(Exit::failure);
  }
#endif
  auto logger = spdlog::stderr_color_mt("deckhand");
  spdlog::set_default_logger(logger);
  spdlog::set_pattern("deckhand: %l: %v");
  spdlog::set_level(o.quiet ? spdlog::level::err : o.verbose >= 2 ? spdlog::level::debug
                                                 : o.verbose == 1 ? spdlog::level::info
                                                                  : spdlog::level::warn);
  try {
#ifdef DECKHAND_DISPATCH
    return deckhand::Job(o).run_light();
#else
    return deckhand::Job(o).run();
#endif
  } catch (const deckhand::Error& e) {
    std::cerr << e.line() << "\n";
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::cerr << "deckhand: error: internal error: " << e.what() << " (please report this with the input file)\n";
    return static_cast<int>(Exit::failure);
  }
}

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
#include "cli/suggest.hpp"
#include "core/error.hpp"
#include "core/io.hpp"
#include "core/parallel.hpp"
#include "job/job.hpp"
#include "deckhand/version.hpp"
#include "core/docs.hpp"

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
// The command the words on the line chose, innermost last ("strings", "export"): CLI11 has
// marked it parsed also when parsing failed after it.
std::vector<const CLI::App*> chosen_command(const CLI::App& app) {
  std::vector<const CLI::App*> path;
  for (const CLI::App* a = &app; !a->get_subcommands().empty();) path.push_back(a = a->get_subcommands().front());
  return path;
}

// "--output" and "-o" for every option of `app` that is not positional.
std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* op : app.get_options()) {
    for (const auto& n : op->get_lnames()) names.push_back("--" + n);
    for (const auto& n : op->get_snames()) names.push_back("-" + n);
  }
  return names;
}

bool is_number(const std::string& a) {
  return a.find_first_not_of("0123456789.-+") == std::string::npos && a.find_first_of("0123456789") != std::string::npos;
}

// An argument CLI11 could not place (ExtrasError, or no command at all): an unknown option
// is named alone, with the nearest option of the command (or a global one) when one is
// close; else the arguments the command does not take. Returns false when it finds
// neither (the caller says what CLI11 said).
bool explain_extras(const CLI::App& app, int argc, char** argv, const std::vector<std::string>& extras) {
  const std::vector<const CLI::App*> path = chosen_command(app);
  const CLI::App& cmd = path.empty() ? app : *path.back();
  std::string name;
  for (const CLI::App* a : path) name += (name.empty() ? "" : " ") + a->get_name();
  const std::string help = name.empty() ? "run 'deckhand --help'" : "run 'deckhand " + name + " --help'";
  std::vector<std::string> known = option_names(cmd);
  if (&cmd != &app)
    for (const auto& n : option_names(app)) known.push_back(n);
  // the first unknown option, in the order typed
  for (int k = 1; k < argc; ++k) {
    const std::string a = argv[k];
    if (a == "--") break;
    if (a.size() < 2 || a[0] != '-' || is_number(a)) continue;
    const std::string opt = a.substr(0, a.find('='));
    if (std::find(known.begin(), known.end(), opt) != known.end()) continue;
    if (!extras.empty() && std::find(extras.begin(), extras.end(), a) == extras.end()) continue;
    std::vector<std::string> longs;
    for (const auto& n : known)
      if (n.rfind("--", 0) == 0) longs.push_back(n);
    // (the words of "--layuot" against "--layout": 1 edit in 3 letters, 2 from 6 letters;
    // or the only option that starts so: "--trans")
    const size_t letters = opt.size() > 2 ? opt.size() - 2 : 0;
    const std::string best =
        opt.rfind("--", 0) == 0 ? deckhand::cli::nearest(opt, longs, letters >= 6 ? 2 : letters >= 3 ? 1 : 0, 5) : "";
    std::cerr << "deckhand: error: " << opt << ": no such option" << (name.empty() ? "" : " for '" + name + "'") << " ("
              << (best.empty() ? "" : "did you mean " + best + "? ") << help << ")\n";
    return true;
  }
  if (path.empty() || extras.empty()) return false;
  // arguments the command does not take
  std::vector<std::string> takes;
  for (const CLI::Option* op : cmd.get_options())
    if (!op->nonpositional()) takes.push_back(op->get_name());
  static const char* const kCount[] = {"none", "one", "two", "three"};
  std::string list;
  for (size_t i = 0; i < takes.size(); ++i) list += (i == 0 ? "" : i + 1 == takes.size() ? " and " : ", ") + takes[i];
  std::cerr << "deckhand: error: " << extras.front() << ": "
            << (extras.size() == 1 ? std::string("one argument") : std::to_string(extras.size()) + " arguments") << " too many: '" << name
            << "' takes " << kCount[std::min<size_t>(takes.size(), 3)] << (takes.size() == 1 ? ", the " : takes.empty() ? "" : ", ") << list
            << " (is an option's name missing before it? " << help << ")\n";
  return true;
}
}  // namespace

int main(int argc, char** argv) {
#ifdef DECKHAND_DISPATCH
  // A command this executable does not run, named first ("deckhand slides ..."): handed to
  // deckhand-full before anything else, since that parses the same options and says the
  // same about them (10 ms to start here, 4 of them the parsing). "extract", an option first
  // ("deckhand -v slides"), or no deckhand-full: parsed here, as below.
  if (argc > 1 && argv[1][0] != '-' && !deckhand::Job::light_command_name(argv[1])) {
    std::string searched;
    if (const std::string full = full_executable(searched); !full.empty()) ::execv(full.c_str(), argv);
  }
#endif
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
               "  deckhand preflight leaflet.pdf --booklet   # ready to print? (" + deckhand::doc_path("printing.md") + ")\n\n"
               + deckhand::exit_codes_help(100) + "\n"
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
        const std::string best = deckhand::cli::nearest(a, names, 2);  // (two edits at most)
        std::string all;
        for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
        std::cerr << "deckhand: error: " << a << ": no such command ("
                  << (best.empty() ? "" : "did you mean '" + best + "'? ") << "the commands: " << all
                  << "; run 'deckhand --help')\n";
        return static_cast<int>(Exit::usage);
      }
    }
    // a command of commands (strings, fonts) without one of its own, or with a misspelt one
    if (!app.get_subcommands().empty()) {
      const CLI::App* cmd = app.get_subcommands().front();
      if (!cmd->get_subcommands({}).empty() && cmd->get_subcommands().empty()) {
        std::vector<std::string> names;
        for (const CLI::App* sc : cmd->get_subcommands({})) names.push_back(sc->get_name());
        std::string all;
        for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
        std::string word;
        bool seen = false;
        for (int k = 1; k < argc && word.empty(); ++k) {
          const std::string a = argv[k];
          if (!seen) seen = a == cmd->get_name();
          else if (!a.empty() && a[0] != '-') word = a;
        }
        const std::string what = "'deckhand " + cmd->get_name() + "'";
        if (word.empty())
          std::cerr << "deckhand: error: " << cmd->get_name() << ": which one? (" << all << "; run " << "'deckhand " << cmd->get_name()
                    << " --help')\n";
        else {
          const std::string best = deckhand::cli::nearest(word, names, 2);
          std::cerr << "deckhand: error: " << word << ": no such command of " << what << " ("
                    << (best.empty() ? "" : "did you mean '" + best + "'? ") << "its commands: " << all << "; run 'deckhand "
                    << cmd->get_name() << " --help')\n";
        }
        return static_cast<int>(Exit::usage);
      }
    }
    // an option the command does not have, an argument too many (CLI11's ExtrasError lists
    // them, reversed); also an unknown option before any command
    if (dynamic_cast<const CLI::ExtrasError*>(&e) || app.get_subcommands().empty())
      if (explain_extras(app, argc, argv, app.get_subcommands().empty() ? std::vector<std::string>{} : app.remaining(true)))
        return static_cast<int>(Exit::usage);
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
  deckhand::set_process_ends_after_command(true);  // (core/parallel.hpp: leave_to_exit)
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

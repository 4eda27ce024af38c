#include "cli/commands.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <sstream>

#include "core/io.hpp"
#include "extract/extract.hpp"
#include "model/deck.hpp"

namespace deckhand::cli {
namespace {

// Progress on stderr for long work, only when a person watches (stderr is a terminal).
std::function<void(int, int)> progress_printer(const Global& g, const char* what) {
  if (g.quiet || !::isatty(2)) return {};
  return [what](int done, int total) {
    if (total < 20) return;
    if (done == total || done % 10 == 0) {
      std::cerr << "\r" << what << ": page " << done << "/" << total << (done == total ? "\n" : "") << std::flush;
    }
  };
}

int finish(const Global& g, const Diagnostics& diag) {
  auto ws = diag.warnings();
  if (!g.quiet)
    for (const auto& w : ws) std::cerr << w.line() << "\n";
  if (g.strict && !ws.empty()) {
    std::cerr << "deckhand: error: " << ws.size() << " warning(s) and --strict is set (fix the input or drop --strict)\n";
    return static_cast<int>(Exit::warnings);
  }
  return 0;
}

bool looks_like_json(const std::string& path) {
  auto ext = std::filesystem::path(path).extension().string();
  return ext == ".json";
}

// A deck from a PDF (extracted) or from a deck JSON (loaded).
Deck load_deck(const std::string& in, const std::string& password, const Global& g, Diagnostics& diag) {
  if (looks_like_json(in)) {
    std::string text = read_file(in);
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
      throw Error(Exit::bad_deck, in, std::string("not valid JSON: ") + e.what(), "fix the file, or extract the deck again");
    }
    return deck_from_json(j, in);
  }
  extract::ExtractOptions eo;
  eo.password = password;
  eo.threads = g.threads;
  eo.progress = progress_printer(g, "extract");
  return extract::extract_deck(in, eo, diag);
}

// ---- extract
struct ExtractOpts {
  std::string in, out = "-", pages, password;
};

// ---- inspect
struct InspectOpts {
  std::string in, password;
};

std::string outline(const Deck& d) {
  std::ostringstream o;
  o << "deck: " << (d.title.empty() ? "(untitled)" : d.title) << "\n"
    << "source: " << d.source.file << ", " << d.source.pages << " pages, " << d.slides.size() << " slides, lang "
    << d.lang.value_or("unknown") << ", " << d.direction << "\n";
  for (const auto& s : d.slides) {
    o << "\n" << s.page << ". [" << to_string(s.kind) << "] " << (s.title.empty() ? "(no title)" : s.title);
    if (!s.overlay_of.empty()) o << "  (overlay step of " << s.overlay_of << ")";
    o << "\n";
    for (const auto& b : s.blocks) {
      o << std::string(2 + 2 * static_cast<size_t>(std::max(0, b.level)), ' ');
      if (b.level > 0) o << (b.level == 1 ? "• " : b.level == 2 ? "– " : "▪ ");
      o << b.text << "\n";
    }
  }
  return o.str();
}

}  // namespace

void setup_commands(CLI::App& app, Global& g, std::function<int()>& run) {
  app.add_flag("-v,--verbose", g.verbose, "Say more: -v for steps, -vv for debug detail (incl. Poppler's messages)");
  app.add_flag("-q,--quiet", g.quiet, "Print errors only (no warnings, no progress)");
  app.add_flag("--strict", g.strict, "Treat warnings as errors: exit 3 and write no output");
  app.add_option("-j,--jobs", g.threads, "Worker threads (default: all cores)")->check(CLI::Range(0, 256));

  auto eo = std::make_shared<ExtractOpts>();
  auto* ex = app.add_subcommand("extract",
                                "Recover the deck's structure (titles, bullets with levels, reading order; page\n"
                                "furniture removed) as deck JSON. Example: deckhand extract talk.pdf -o talk.json");
  ex->add_option("input", eo->in, "The slide deck, a PDF")->required();
  ex->add_option("-o,--output", eo->out, "Where to write the deck JSON ('-' = standard output, the default)");
  ex->add_option("--pages", eo->pages, "Only these pages, e.g. 1-3,7,10- (slide ids keep the page numbers)");
  ex->add_option("--password", eo->password, "Password of an encrypted PDF");
  ex->callback([&g, eo, &run] {
    run = [&g, eo] {
      check_output_path(eo->out, {eo->in});
      Diagnostics diag;
      extract::ExtractOptions o;
      o.password = eo->password;
      o.pages = eo->pages;
      o.threads = g.threads;
      o.progress = progress_printer(g, "extract");
      Deck d = extract::extract_deck(eo->in, o, diag);
      if (g.strict && diag.count() > 0) return finish(g, diag);
      write_output(eo->out, dump_deck(d), {eo->in});
      spdlog::info("{}: {} slides", eo->in, d.slides.size());
      return finish(g, diag);
    };
  });

  auto io = std::make_shared<InspectOpts>();
  auto* in = app.add_subcommand("inspect",
                                "Print a deck's outline for a person: slide number, kind, title and indented\n"
                                "bullets. Reads a PDF or a deck JSON. Example: deckhand inspect talk.pdf");
  in->add_option("input", io->in, "A PDF or a deck JSON (.json)")->required();
  in->add_option("--password", io->password, "Password of an encrypted PDF");
  in->callback([&g, io, &run] {
    run = [&g, io] {
      Diagnostics diag;
      Deck d = load_deck(io->in, io->password, g, diag);
      if (g.strict && diag.count() > 0) return finish(g, diag);
      write_output("-", outline(d), {});
      return finish(g, diag);
    };
  });
}

}  // namespace deckhand::cli

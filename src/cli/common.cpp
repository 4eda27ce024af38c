#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <sstream>

#include "core/io.hpp"
#include "deckhand/data_dir.hpp"
#include "core/limits.hpp"
#include "core/parallel.hpp"
#include "core/sha256.hpp"
#include "core/unicode.hpp"
#include "extract/extract.hpp"
#include "extract/rasterizer.hpp"
#include "l10n/strings.hpp"
#include "layout/engine.hpp"
#include "model/deck.hpp"
#include "render/pdf_writer.hpp"

#include "cli/common.hpp"

namespace deckhand::cli {

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

std::string count_of(size_t n, const std::string& singular, const std::string& plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural.empty() ? singular + "s" : plural);
}

bool looks_like_json(const std::string& path) {
  auto ext = std::filesystem::path(path).extension().string();
  return ext == ".json";
}

std::vector<std::string> run_inputs(std::vector<std::string> files, const Deck& deck, const std::string& deck_path) {
  namespace fs = std::filesystem;
  if (looks_like_json(deck_path) && !deck.source.file.empty()) {
    files.push_back((fs::path(deck_path).parent_path() / deck.source.file).string());
    files.push_back(deck.source.file);
  }
  return files;
}

Deck load_deck(const std::string& in, const std::string& password, const Global& g, Diagnostics& diag) {
  if (looks_like_json(in)) {
    return deck_from_text(read_file(in), in);
  }
  extract::ExtractOptions eo;
  eo.password = password;
  eo.threads = g.threads;
  eo.progress = progress_printer(g, "extract");
  return extract::extract_deck(in, eo, diag);
}

void add_limit_options(CLI::App& app) {
  Limits& l = limits();
  const char* grp = "Limits (see docs/limits.md)";
  app.add_option("--max-file-size", l.file_bytes, "Largest input file, in bytes")->group(grp)->capture_default_str()->check(CLI::PositiveNumber);
  app.add_option("--max-string", l.string_bytes, "Longest single text (title, block, unit), in bytes")->group(grp)->capture_default_str()->check(CLI::PositiveNumber);
  app.add_option("--max-depth", l.depth, "Deepest nesting of XML, JSON or YAML")->group(grp)->capture_default_str()->check(CLI::Range(2, 10000000));
  app.add_option("--max-slides", l.slides, "Most slides in a deck JSON")->group(grp)->capture_default_str()->check(CLI::Range(1, 100000000));
  app.add_option("--max-pages", l.pages, "Most pages read from a PDF")->group(grp)->capture_default_str()->check(CLI::Range(1, 100000000));
  app.add_option("--max-page-size", l.page_size, "Largest page or slide width or height, in points")->group(grp)->capture_default_str()->check(CLI::Range(1.0, 1e9));
  app.add_option("--max-pixels", l.pixels, "Most pixels in one rendered slide picture")->group(grp)->capture_default_str()->check(CLI::PositiveNumber);
  app.add_option("--max-output-pages", l.output_pages, "Most pages in one handout")->group(grp)->capture_default_str()->check(CLI::Range(1, 100000000));
}

std::string data_dir() {
  namespace fs = std::filesystem;
  if (const char* e = std::getenv("DECKHAND_DATA"); e && *e) return e;
  // installed: <prefix>/bin/deckhand and <prefix>/share/deckhand
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share" / "deckhand";
    if (fs::is_directory(installed / "layouts", ec)) return installed.string();
  }
  return kSourceDataDir;  // the source tree, for a build that is not installed
}

int apply_translations(Deck& deck, const std::string& file, const std::string& lang_opt, Diagnostics& diag,
                       bool fail_on_no_match) {
  l10n::Catalog cat = l10n::read_catalog(read_file(file), file);
  std::string lang = lang_opt.empty() ? cat.target_lang : lang_opt;
  if (lang.empty())
    throw Error(Exit::translation, file, "the file does not say its target language", "pass it with --lang, e.g. --lang fr");
  l10n::MergeReport r = l10n::merge(deck, cat, lang);
  auto list = [](const std::vector<std::string>& ids) {
    std::string s;
    for (size_t i = 0; i < ids.size() && i < 12; ++i) s += (i ? ", " : "") + ids[i];
    if (ids.size() > 12) s += ", ... (" + std::to_string(ids.size() - 12) + " more)";
    return s;
  };
  // a file made for another deck: nothing (or little) of it applies
  if (r.deck_units > 0 && r.matched == 0) {
    std::string what = "none of the deck's " + std::to_string(r.deck_units) + " units is in this file (" +
                       std::to_string(cat.units.size()) + " units, made for another deck or another version)";
    if (fail_on_no_match)
      throw Error(Exit::translation, file, what, "export the strings of this deck with 'deckhand strings export', or carry them over with 'deckhand strings update'");
    diag.warn({"translation-mismatch", file, 0, what});
  } else if (r.matched * 2 < r.deck_units) {
    diag.warn({"translation-mismatch", file, 0, "only " + std::to_string(r.matched) + " of the deck's " + std::to_string(r.deck_units) +
                                                   " units are in this file (made for another version of the deck? try 'deckhand strings update')"});
  }
  if (!r.missing.empty()) {
    std::string why;
    for (const auto& [reason, n] : r.missing_by_reason) why += (why.empty() ? "" : ", ") + std::to_string(n) + " " + reason;
    diag.warn({"untranslated", file, 0, std::to_string(r.missing.size()) + " of " + std::to_string(r.deck_units) +
                                            " unit(s) kept in the source language (" + why + "): " + list(r.missing)});
  }
  if (!r.unknown.empty())
    diag.warn({"unknown-units", file, 0, std::to_string(r.unknown.size()) + " unit(s) not in this deck (changed or removed since the export): " + list(r.unknown)});
  spdlog::info("{}: {} units translated into {}", file, r.translated, lang);
  return r.translated;
}

}  // namespace deckhand::cli

#include "job/pipeline.hpp"

#include <charconv>
#include <set>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>

#include "core/io.hpp"
#include "core/log.hpp"
#include "core/parallel.hpp"
#include "core/sha256.hpp"
#include "extract/extract.hpp"
#include "job/internal.hpp"
#include "layout/engine.hpp"

namespace deckhand::pipeline {

namespace fs = std::filesystem;

bool is_deck_json(const std::string& path) { return fs::path(path).extension().string() == ".json"; }

std::vector<std::string> source_pdf_places(const std::string& deck_json, const std::string& file) {
  if (file.empty()) return {};
  return {(fs::path(deck_json).parent_path() / file).string(), file};
}

// The inputs of a run that the output may not replace (exit 10, docs/exit-codes.md):
// `files` as given plus, for a deck JSON among them, the PDF it was extracted from
// (source.file beside the JSON and in the current folder), whether or not this run opens
// that PDF. Paths are compared by write_output after links are resolved.
std::vector<std::string> inputs_of(std::vector<std::string> files, const Deck& deck, const std::string& deck_path) {
  if (is_deck_json(deck_path))
    for (auto& place : source_pdf_places(deck_path, deck.source.file)) files.push_back(std::move(place));
  return files;
}


// The first steps of every command that reads a deck: the source PDF (opened once, with
// the password) when the input is a PDF, and the deck extracted from it or read from JSON.
Opened open_deck(const JobOptions& o, Diagnostics& diag, std::function<void()> pages_read, bool source_hash) {
  Opened l;
  if (is_deck_json(o.input)) {
    std::string text = read_file(o.input);
    if (text.compare(0, 5, "%PDF-") == 0)
      throw Error(Exit::bad_deck, o.input, "this is a PDF, not a deck JSON (its name ends in .json)", "rename it to .pdf");
    l.deck = deck_from_text(text, o.input);
    current_log().info("{}: a deck JSON of {}", o.input, count_of(l.deck.slides.size(), "slide"));
    return l;
  }
  auto t0 = std::chrono::steady_clock::now();
  l.source = std::make_unique<extract::SourcePdf>(o.input, o.password, worker_count(o.threads), source_hash);
  extract::ExtractOptions eo;
  eo.source_hash = source_hash;
  eo.password = o.password;
  eo.pages = o.pages;
  eo.threads = o.threads;
  eo.progress = progress_printer(o, "reading the PDF");
  eo.pages_read = std::move(pages_read);
  l.deck = extract::extract_deck(*l.source, eo, diag);
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  current_log().info("{}: extracted {} ({:.1f} s)", o.input, count_of(l.deck.slides.size(), "slide"), took);
  current_log().debug("extract: {} took {:.3f} s", o.input, took);
  return l;
}

std::string first_of(const std::vector<std::string>& items) {
  std::string s;
  for (size_t i = 0; i < items.size() && i < 12; ++i) s += (i ? ", " : "") + items[i];
  if (items.size() > 12) s += ", ... (" + std::to_string(items.size() - 12) + " more)";
  return s;
}

// Merges a translation file into the deck, warning (once, counted by reason) about what
// stays untranslated. When under half of the deck's units are in the file (made for another
// deck or version), throws Error(Exit::translation), or with `allow_mismatch` warns
// (translation-mismatch). Warns (script-mismatch) when most letters of the translations are
// in a script the language is not written in. Returns the number of units translated.
int merge_translations(Deck& deck, const std::string& file, const std::string& lang_opt, Diagnostics& diag, bool allow_mismatch,
                       std::future<l10n::Catalog>* read, bool some_pages) {
  l10n::Catalog cat = read && read->valid() ? read->get() : l10n::read_catalog(read_file(file), file, !lang_opt.empty());
  std::string lang = lang_opt.empty() ? cat.target_lang : lang_opt;
  if (lang.empty())
    throw Error(Exit::translation, file, "the file does not say its target language", "pass it with --lang, e.g. --lang fr");
  l10n::MergeReport r = l10n::merge(deck, cat, lang);
  if (some_pages) {  // a unit of a page --pages left out ("s5.b1-0ded8068": page 5) is no unknown one
    std::set<int> shown;
    for (const auto& s : deck.slides) shown.insert(s.page);
    std::erase_if(r.unknown, [&](const std::string& id) {
      int page = 0;
      const auto [end, ec] = id.size() > 1 && id[0] == 's' ? std::from_chars(id.data() + 1, id.data() + id.size(), page)
                                                           : std::from_chars_result{id.data(), std::errc::invalid_argument};
      return ec == std::errc() && end < id.data() + id.size() && *end == '.' && !shown.count(page);
    });
  }
  // a file made for another deck (or version): under half of it applies (docs/translation.md)
  if (r.matched * 2 < r.deck_units) {
    const size_t others = r.unknown.size();
    std::string what = std::to_string(r.matched) + " of the deck's " + std::to_string(r.deck_units) + " units " +
                       (r.matched == 1 ? "is" : "are") + " in this file, which holds " +
                       (others == 0 ? std::string("no others") : std::to_string(others) + (others == 1 ? " other" : " others")) +
                       " (made for another deck or version?)";
    if (!allow_mismatch) throw Error(Exit::translation, file, what, "check the file, or add --allow-mismatch to use it anyway");
    diag.warn({warn::translation_mismatch, file, 0, what});
  }
  // a file whose language is not the one its translations are written in
  if (l10n::ScriptFit sf = l10n::script_fit(cat, lang); sf.mismatch())
    diag.warn({warn::script_mismatch, file, 0,
               std::to_string(sf.off) + " of the " + std::to_string(sf.letters) + " letters of the translations are " +
                   (sf.seen_scripts == 1 ? sf.seen : "in scripts other than " + sf.expected + ", most of them " + sf.seen) + ", which '" +
                   lang + "' is not written in (" + sf.expected + "): " + (lang_opt.empty() ? std::string("is the file's language right? (fix it in the file, or give it with --lang)") : std::string("is --lang right?"))});
  if (!r.missing.empty()) {
    std::string why;
    for (const auto& [reason, n] : r.missing_by_reason) why += (why.empty() ? "" : ", ") + std::to_string(n) + " " + reason;
    diag.warn({warn::untranslated, file, 0, std::to_string(r.missing.size()) + " of " + std::to_string(r.deck_units) +
                                            " unit(s) kept in the source language (" + why + "): " + first_of(r.missing)});
  }
  if (!r.markup_problems.empty())
    diag.warn({warn::inline_markup, file, 0, std::to_string(r.markup_problems.size()) +
                                             " unit(s) with inline tags deckhand cannot read, taken as plain text without their styles: " +
                                             first_of(r.markup_problems)});
  if (!r.not_for_translation.empty())
    current_log().info("{}: {} unit(s) not for translation (code, or no words) translated all the same: used: {}", file,
                 r.not_for_translation.size(), first_of(r.not_for_translation));
  if (!r.unknown.empty())
    diag.warn({warn::unknown_units, file, 0, std::to_string(r.unknown.size()) + " unit(s) not in this deck (changed or removed since the export): " + first_of(r.unknown)});
  current_log().info("{}: {} units translated into {}", file, r.translated, lang);
  return r.translated;
}


// The deck's PDF, found one way for handout, slides and check (docs/deck-json.md,
// "source"): --source, else the input when it is a PDF, else source.file beside the deck
// JSON, else in the current folder. Empty when none is there. A --source that does not
// exist is an error (exit 4) rather than a reason to look elsewhere.
std::string find_source_pdf(const Deck& d, const JobOptions& o) {
  std::error_code ec;
  if (!o.source.empty()) {
    if (!fs::exists(o.source, ec))
      throw Error(Exit::input, o.source, "no such file", "check the path given with --source");
    return o.source;
  }
  if (!is_deck_json(o.input)) return o.input;
  if (d.source.file.empty()) return {};
  for (const auto& place : source_pdf_places(o.input, d.source.file))
    if (fs::is_regular_file(place, ec)) return place;
  return {};
}

// find_source_pdf, for a run that cannot go on without the PDF: else exit 4, naming the
// file the deck JSON points to.
std::string need_source_pdf(const Deck& d, const JobOptions& o) {
  std::string path = find_source_pdf(d, o);
  if (path.empty())
    throw Error(Exit::input, o.input,
                d.source.file.empty() ? "cannot find the deck's PDF: the deck JSON names none (\"source\": {\"file\"})"
                                      : "cannot find the deck's PDF '" + d.source.file + "'",
                "pass it with --source");
  return path;
}

// A deck JSON used with a PDF that is not the one it was extracted from (its SHA-256, or
// `sha` when the caller has it already, differs from source.sha256): warns source-changed.
void check_source_hash(const Deck& d, const JobOptions& o, const std::string& path, Diagnostics& diag, std::string sha) {
  if (!is_deck_json(o.input) || d.source.sha256.empty()) return;
  if (sha.empty()) sha = sha256_hex(*read_input(path));
  if (sha != d.source.sha256)
    diag.warn({warn::source_changed, path, 0, "this PDF differs from the one the deck was extracted from (sha256); pictures may not match the text"});
}

// The deck's PDF for a deck JSON (need_source_pdf), opened once (the pool of the run) and
// hashed once.
std::unique_ptr<extract::SourcePdf> open_source_of(const Deck& d, const JobOptions& o, Diagnostics& diag) {
  const std::string path = need_source_pdf(d, o);
  auto src = std::make_unique<extract::SourcePdf>(path, o.password, worker_count(o.threads));
  check_source_hash(d, o, path, diag, src->sha256());
  return src;
}

Layout load_layout(const std::string& name_or_file, std::vector<std::string>* inputs) {
  Layout l{layout::load_layout(name_or_file, data_dir()), {}};
  layout::load_fonts(l.def, l.fonts);
  if (inputs) {
    inputs->push_back(l.def.path);
    for (const auto& [id, path] : l.fonts.paths()) inputs->push_back(path);
  }
  return l;
}

render::RasterFn slide_pictures(const extract::SourcePdf* pool, Crop crop) {
  return [pool, crop](int page, int w, int hh, unsigned worker) {
    render::Raster r;
    r.w = w;
    r.h = hh;
    if (!pool) throw Error(Exit::failure, "", "a raster frame without a source PDF", "please report this");
    if (crop == kWholePage) {
      r.rgb = pool->render(page, w, hh, worker);
      return r;
    }
    // render the whole sheet so that the letterbox comes out w x hh, and cut it out
    int W = static_cast<int>(std::lround(w / (crop[2] - crop[0]))), H = static_cast<int>(std::lround(hh / (crop[3] - crop[1])));
    auto full = pool->render(page, W, H, worker);
    int ox = std::min(W - w, static_cast<int>(std::lround(crop[0] * W))), oy = std::min(H - hh, static_cast<int>(std::lround(crop[1] * H)));
    r.rgb.resize(static_cast<size_t>(w) * hh * 3);
    for (int y = 0; y < hh; ++y)
      std::copy_n(&full[(static_cast<size_t>(y + oy) * W + ox) * 3], static_cast<size_t>(w) * 3, &r.rgb[static_cast<size_t>(y) * w * 3]);
    return r;
  };
}

void write_pdf(const LaidOutDoc& doc, const render::RasterFn& pictures, const render::WriteOptions& opts, const std::string& output,
               const std::vector<std::string>& inputs) {
  write_output_via(output, inputs, [&](const std::string& tmp) { render::write_pdf(doc, pictures, opts, tmp); });
}

}  // namespace deckhand::pipeline

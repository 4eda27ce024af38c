#pragma once
// The steps of a run (issue 21), from which each command of the job takes those it needs:
//
//   open source -> deck -> merge translations -> lay out -> pictures -> write
//   (open_deck)            (merge_translations)  (load_layout, then layout::lay_out)
//                                                          (slide_pictures) (write_pdf)
//
// and the one place that finds a deck's PDF (find_source_pdf: handout, slides, check and
// the event build all look for it the same way) and collects a run's inputs (inputs_of:
// the files no output may replace, docs/exit-codes.md). Messages go to current_log()
// (core/log.hpp); warnings to the Diagnostics given. Errors are thrown as deckhand::Error
// with the exit codes of docs/exit-codes.md.
#include <array>
#include <future>
#include <memory>
#include <functional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "extract/source.hpp"
#include "job/job.hpp"
#include "l10n/strings.hpp"
#include "layout/definition.hpp"
#include "layout/fonts.hpp"
#include "model/deck.hpp"
#include "render/pdf_writer.hpp"

namespace deckhand::pipeline {

// A deck JSON, by its name (.json); anything else is read as a PDF.
bool is_deck_json(const std::string& path);

// --- inputs and the deck's PDF ----------------------------------------------------------

// Where a deck JSON's source.file (`file`, as the JSON writes it) is looked for, in order:
// beside the deck JSON, then as written (the current folder). Empty when `file` is.
std::vector<std::string> source_pdf_places(const std::string& deck_json, const std::string& file);

// The inputs of a run that the output may not replace (exit 10, docs/exit-codes.md):
// `files` as given plus, for a deck JSON, the PDF it was extracted from (both of
// source_pdf_places), whether or not this run opens that PDF. Paths are compared by
// write_output after links are resolved; empty entries are ignored there.
std::vector<std::string> inputs_of(std::vector<std::string> files, const Deck& deck, const std::string& deck_path);

// The deck's PDF (docs/deck-json.md, "source"): o.source (--source), else o.input when it
// is a PDF, else the first of source_pdf_places that exists. Empty when none is there. A
// --source that does not exist is an error (exit 4) rather than a reason to look elsewhere.
std::string find_source_pdf(const Deck& d, const JobOptions& o);
// find_source_pdf, for a run that cannot go on without the PDF: else Error(Exit::input)
// naming the file the deck JSON points to.
std::string need_source_pdf(const Deck& d, const JobOptions& o);
// A deck JSON used with a PDF that is not the one it was extracted from (its SHA-256, or
// `sha` when the caller has it already, differs from source.sha256): warns source-changed.
void check_source_hash(const Deck& d, const JobOptions& o, const std::string& path, Diagnostics& diag, std::string sha = {});
// The deck's PDF for a deck JSON (need_source_pdf), opened once (the pool of the run, one
// document a worker) and hashed once (check_source_hash).
std::unique_ptr<extract::SourcePdf> open_source_of(const Deck& d, const JobOptions& o, Diagnostics& diag);

// --- open source -> deck ------------------------------------------------------------------

struct Opened {
  std::unique_ptr<extract::SourcePdf> source;  // the input PDF, opened once; null for a deck JSON
  Deck deck;
};
// o.input as a deck: a deck JSON read (exit 5 for a PDF named .json), or the PDF opened with
// o.password on worker_count(o.threads) workers and extracted (o.pages: "1-3,7").
// `source_hash` false: deck.source.sha256 left empty (a run that writes no deck JSON).
Opened open_deck(const JobOptions& o, Diagnostics& diag, std::function<void()> pages_read = {}, bool source_hash = true);

// "a, b, c": the first 12 of `items`, then ", ... (N more)" when there are more (a
// warning's list of units or slides)
std::string first_of(const std::vector<std::string>& items);

// --- merge translations -------------------------------------------------------------------

// Merges a translation file (XLIFF or PO; `lang`: its target language when the file does
// not say it) into the deck, warning (once, counted by reason) about what stays
// untranslated. When under half of the deck's units are in the file (made for another deck
// or version), throws Error(Exit::translation), or with `allow_mismatch` warns
// (translation-mismatch). Warns (script-mismatch) when most letters of the translations are
// in a script the language is not written in. `read`: the file already being read (slides
// reads it while the deck is extracted). `some_pages`: the deck holds the pages --pages
// chose, so the file's units of other pages are not reported as unknown (unknown-units).
// Returns the number of units translated.
int merge_translations(Deck& deck, const std::string& file, const std::string& lang, Diagnostics& diag, bool allow_mismatch,
                       std::future<l10n::Catalog>* read = nullptr, bool some_pages = false);

// --- lay out ------------------------------------------------------------------------------

struct Layout {
  layout::LayoutDef def;
  layout::FontSet fonts;
};
// A built-in layout by name, or a layout file, with its fonts loaded; the layout file and
// the font files join `inputs`. (Then layout::lay_out(deck, def, fonts, options, diag).)
Layout load_layout(const std::string& name_or_file, std::vector<std::string>* inputs = nullptr);

// --- pictures -----------------------------------------------------------------------------

// The part of a source page a slide picture shows, as fractions of the page (x0, y0, x1, y1):
// kWholePage, or the slide's box on a letterboxed page.
using Crop = std::array<double, 4>;
inline constexpr Crop kWholePage{0, 0, 1, 1};
// The raster frames' pictures, rendered from `pool` (one document a worker) at the size the
// writer asks, cut to `crop`. A raster frame without a pool throws Error(Exit::failure).
render::RasterFn slide_pictures(const extract::SourcePdf* pool, Crop crop = kWholePage);

// --- write --------------------------------------------------------------------------------

// The laid-out pages as a PDF at `output` (a temporary file renamed into place; never over
// one of `inputs`: exit 10), vector frames placed from opts.source, raster ones by `pictures`.
void write_pdf(const LaidOutDoc& doc, const render::RasterFn& pictures, const render::WriteOptions& opts, const std::string& output,
               const std::vector<std::string>& inputs);

}  // namespace deckhand::pipeline

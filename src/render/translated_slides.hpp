#pragma once
// The whole of "translated slides that keep their design" (docs/translation.md): which units
// are translated, the source text taken out (slide_translate.hpp), the translation laid out
// (layout/slide_text.hpp) and written on top. Used by `deckhand slides`, and by `handout`
// for frames that show translated slides.
#include <functional>
#include <future>
#include <memory>
#include <string>

#include "core/error.hpp"
#include "layout/fonts.hpp"
#include "layout/slide_text.hpp"
#include "model/deck.hpp"
#include "model/pages.hpp"

namespace deckhand::render {

class SlideRewriter;  // render/slide_translate.hpp

// The units of `translated` whose text differs from `source` (a target equal to its source
// is left as printed): keys "s3.title", "s3.b2". Both decks have the same slides.
layout::SlideUnits translated_units(const Deck& source, const Deck& translated);

// Lays the translated slides out: takes the text of translated units out of the pages of
// `pdf` (colours and marker places read on the way) and sets the translation. When `out`
// is not empty, writes the PDF there (one page per slide of the deck, in its order; give a
// temporary path: core/io.hpp write_output_via). Returns the text layer (its overflows are
// what `check` lists). Throws Error(Exit::input) for a PDF qpdf cannot read,
// Error(Exit::bad_deck) for a deck whose pages the PDF does not have.
// With `all_pages`, the PDF keeps every page of `pdf`, in its order (pages outside the deck
// untouched), so that page numbers stay those of the source: for handout frames.
// `opened`: `pdf` already opened (open_slides, started while the deck was extracted),
// else it is opened here. `used_rewriter`, when given, receives the SlideRewriter at the end
// instead of its being freed here (a run frees it on another thread while it ends).
LaidOutDoc translate_slides(const Deck& source, const Deck& translated, const std::string& pdf, const std::string& password,
                            const layout::FontSet& fonts, const layout::SlideTextOptions& opts, Diagnostics& diag,
                            const std::string& out, bool all_pages = false, std::unique_ptr<SlideRewriter> opened = nullptr,
                            std::unique_ptr<SlideRewriter>* used_rewriter = nullptr);

// Opens `pdf` for translate_slides on another thread, reads all its objects (the writer
// needs them: SlideRewriter::read_all), and readies the font matcher (fontconfig) the
// layout uses: work that needs no deck, done while the deck is extracted, on a thread of
// its own (at the caller's priority: the run needs it as soon as the deck is). `then`, when
// given, runs on that thread last (more such work). `read_ahead`, when given, names (from
// the PDF's page count) the pages whose content SlideRewriter::prescan reads ahead once
// `gate` is ready (it throws: none). The future rethrows what SlideRewriter's constructor
// throws, or `then`.
std::future<std::unique_ptr<SlideRewriter>> open_slides(const std::string& pdf, const std::string& password, std::function<void()> then = {},
                                                        std::function<std::vector<int>(int pages)> read_ahead = {},
                                                        std::shared_future<void> gate = {});

}  // namespace deckhand::render

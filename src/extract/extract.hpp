#pragma once
// Extraction: PDF file -> Deck. Reads pages on all cores, then analyses the deck.
#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "extract/source.hpp"
#include "extract/words.hpp"
#include "model/deck.hpp"

namespace deckhand::extract {

struct ExtractOptions {
  std::string password;
  std::string pages;   // "1-3,7"; empty = all
  int threads = 0;     // 0 = all cores
  std::function<void(int done, int total)> progress;
  // called once every page has been read, before the deck is analysed (on one core: the
  // others are free for work that needs no deck)
  std::function<void()> pages_read;
  // false: deck.source.sha256 is left empty (a run that writes no deck JSON: the file is
  // not read through to hash it)
  bool source_hash = true;
};

// Opens `path` (a SourcePdf of worker_count(opts.threads) workers) and extracts it.
Deck extract_deck(const std::string& path, const ExtractOptions& opts, Diagnostics& diag);
// Extracts from an open source, using its documents (one per worker) and its hash.
Deck extract_deck(const SourcePdf& src, const ExtractOptions& opts, Diagnostics& diag);

// Finds bullets drawn as graphics on one page: for the lines needs_ink_probe() picks,
// asks `ink` (rectangles from ink_probe_rect(), points as displayed) for the left edge of
// a mark drawn there, and sets the lines' ink_before and ink_x (mirrored for right-to-left
// lines).
using InkFn = std::function<std::vector<std::optional<double>>(const std::vector<std::array<double, 4>>&)>;
void probe_drawn_bullets(PageLines& page, const InkFn& ink);

// "1-3,5,8-" -> the ranges of 1-based page numbers it names, sorted and merged (overlaps
// and repeats count once); "" is every page. Linear in the spec's length (plus sorting its
// ranges); at most max_page_ranges ranges and max_pages_spec bytes (docs/limits.md,
// "Strings, options and text inputs"). Throws Error(Exit::usage) on bad specs.
constexpr size_t max_page_ranges = 10000;
constexpr size_t max_pages_spec = 100000;
std::vector<std::pair<int, int>> page_ranges(const std::string& spec, int npages);
// The pages of page_ranges() one by one (as many as they name: check their count first).
std::vector<int> parse_page_ranges(const std::string& spec, int npages);
// How many pages the ranges name.
long long page_count(const std::vector<std::pair<int, int>>& ranges);

}  // namespace deckhand::extract

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
};

// Opens `path` (a SourcePdf of worker_count(opts.threads) workers) and extracts it.
Deck extract_deck(const std::string& path, const ExtractOptions& opts, Diagnostics& diag);
// Extracts from an open source, using its documents (one per worker) and its hash.
Deck extract_deck(const SourcePdf& src, const ExtractOptions& opts, Diagnostics& diag);

// Finds bullets drawn as graphics: asks `ink` (page index into `lines`, rectangles, worker)
// to render where needed, and reuses what the first pages show for lines that start a new
// block at the same indent. Deterministic for any number of workers.
using InkFn = std::function<std::vector<std::optional<double>>(int, const std::vector<std::array<double, 4>>&, unsigned)>;
void probe_drawn_bullets(std::vector<PageLines>& lines, const InkFn& ink, unsigned workers);

// "1-3,5,8-" -> 1-based page numbers; throws Error(Exit::usage) on bad specs.
std::vector<int> parse_page_ranges(const std::string& spec, int npages);

}  // namespace deckhand::extract

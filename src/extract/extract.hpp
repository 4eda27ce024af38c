#pragma once
// Extraction: PDF file -> Deck. Reads pages on all cores, then analyses the deck.
#include <functional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "model/deck.hpp"

namespace deckhand::extract {

struct ExtractOptions {
  std::string password;
  std::string pages;   // "1-3,7"; empty = all
  int threads = 0;     // 0 = all cores
  std::function<void(int done, int total)> progress;
};

Deck extract_deck(const std::string& path, const ExtractOptions& opts, Diagnostics& diag);

// "1-3,5,8-" -> 1-based page numbers; throws Error(Exit::usage) on bad specs.
std::vector<int> parse_page_ranges(const std::string& spec, int npages);

}  // namespace deckhand::extract

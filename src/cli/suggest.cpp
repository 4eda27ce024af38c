#include "cli/suggest.hpp"

#include <algorithm>

namespace deckhand::cli {

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

std::string nearest(const std::string& word, const std::vector<std::string>& names, size_t max_edits, size_t min_prefix) {
  std::string best;
  size_t best_d = max_edits + 1;
  for (const auto& n : names) {
    size_t d = edit_distance(word, n);
    if (d < best_d) best_d = d, best = n;
  }
  if (!best.empty() || min_prefix == 0 || word.size() < min_prefix) return best;
  for (const auto& n : names)
    if (n.size() > word.size() && n.compare(0, word.size(), word) == 0) {
      if (!best.empty()) return {};  // two names start so: none is the one meant
      best = n;
    }
  return best;
}

}  // namespace deckhand::cli

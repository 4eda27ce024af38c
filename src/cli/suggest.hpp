#pragma once
// "Did you mean": the nearest of some names (commands, a command's options) to a word a
// person typed, for the messages about a misspelt command or option.
#include <string>
#include <vector>

namespace deckhand::cli {

// Levenshtein distance between two ASCII words.
size_t edit_distance(const std::string& a, const std::string& b);

// The name of `names` nearest `word`: the closest within `max_edits` edits (the first of
// equals), else the only name that starts with `word` (at least `min_prefix` characters
// long: "--trans" for "--translations"); empty when none is close.
std::string nearest(const std::string& word, const std::vector<std::string>& names, size_t max_edits = 2,
                    size_t min_prefix = 0);

}  // namespace deckhand::cli

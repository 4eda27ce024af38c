#pragma once
// Hyphenation points of single words, for line breaking (layout/text.hpp, wrap_ranges).
//
// What: for a word and a BCP-47 language tag ("fr", "fr-CA", "ru", "es", "en", "en-GB"...),
// the places where the word may be broken at a line end with a hyphen drawn after the
// first part.
//
// Rules: Liang's algorithm on TeX hyphenation patterns, through libhyphen
// (hnj_hyphen_load, hnj_hyphen_hyphenate2) and the pattern files of Debian's hyphen-*
// packages (hyphen-fr, hyphen-ru, hyphen-es, hyphen-en-us; hyphen-de and others are used
// when installed). On top of the patterns: at least 2 characters before a point and 3
// after it, or the dictionary's LEFTHYPHENMIN / RIGHTHYPHENMIN when larger; a word made of
// parts joined by hyphens ("non-gouvernemental") is hyphenated part by part, never next
// to its hyphens; no points at all in a word that holds a digit, in URLs, e-mail addresses
// and paths (any character other than letters, combining marks, apostrophes and hyphens),
// in an all-capital acronym of at most 5 letters, or in a word with letters of a script
// other than Latin, Cyrillic or Greek (Arabic, Hebrew, CJK, Thai... are not hyphenated).
// Non-standard hyphenation that changes the spelling (German "Schiff-fahrt") is not used.
// A base letter and its combining marks count as one character and are never separated.
//
// Dictionaries: read from /usr/share/hyphen/, or from the folder named by the environment
// variable DECKHAND_HYPHEN_DIR when it is set and not empty (read when a Hyphenator is made:
// for the shared one, at the first hyphenation of the process). For language L and region R the first file that exists of
// hyph_L_R.dic, hyph_L.dic, hyph_L_D.dic where D is a default region (en: US, es: ES,
// fr: FR, ru: RU, de: DE, pt: PT, otherwise L in capitals: it_IT). A file is loaded once
// per language, on first use, under a lock (safe from several threads); its first line
// names its character set (UTF-8, or a single-byte set such as KOI8-R, converted with
// ICU). Words are lowercased (Unicode simple case mapping) for the lookup.
//
// Units: code-point indices into the word as given.
//
// Errors: none thrown. A language without a dictionary (ar, zh, ja, th...), a missing,
// unreadable or malformed dictionary, or a word the dictionary's character set cannot
// write all mean the same thing: no hyphenation points.
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace deckhand::layout {

class Hyphenator {
 public:
  // `dir`: the dictionaries' folder; empty: DECKHAND_HYPHEN_DIR, else /usr/share/hyphen.
  explicit Hyphenator(std::string dir = "");
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  // The code-point indices i (0 < i < word.size()) where the word may be broken as
  // word[0, i) + "-" / word[i, ...), in increasing order; empty when it may not be.
  std::vector<size_t> hyphen_points(std::u32string_view word, const std::string& lang);

  // The dictionary file used for `lang` ("" when there is none or it did not load).
  std::string dictionary(const std::string& lang);

  // The one instance that wrap_ranges uses (DECKHAND_HYPHEN_DIR read at its first use).
  static Hyphenator& shared();

  struct Dict;  // a loaded dictionary (hyphenate.cpp)

 private:
  const Dict* load(const std::string& lang);
  std::string dir_;
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const Dict>> by_lang_;  // null: no dictionary
  std::map<std::string, std::shared_ptr<const Dict>> by_file_;
  std::map<std::string, std::string> found_file_;  // language tag -> file
};

// Hyphenator::shared().hyphen_points(word, lang).
std::vector<size_t> hyphen_points(std::u32string_view word, const std::string& lang);

}  // namespace deckhand::layout

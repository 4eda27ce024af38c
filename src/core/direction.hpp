#pragma once
// Writing direction, decided in one place for every stage (extraction, translation,
// layout), from ICU's Unicode Character Database and locale data:
//  - a character's bidirectional class: u_charDirection (Unicode Standard Annex #9,
//    "Unicode Bidirectional Algorithm", table 4: strong types L, R, AL);
//  - a paragraph's base direction from its first strong character: ubidi_getBaseDirection
//    (UAX #9 rules P2 and P3);
//  - visual order back to logical order: ubidi_setInverse (UAX #9 and ICU's "inverse
//    bidi" for text stored in visual order, UBIDI_REORDER_INVERSE_NUMBERS_AS_L);
//  - a language's direction: uloc_isRightToLeft on the BCP 47 tag's likely script
//    (CLDR likely subtags: "ar", "fa", "he", "ur" are right to left; "az-Arab" too).
// Pure functions on code points or UTF-8; no exceptions (invalid UTF-8 reads as U+FFFD).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace deckhand::direction {

enum class Dir { ltr, rtl, neutral };

// Strong right-to-left (bidi class R or AL: Hebrew, Arabic, Syriac, Thaana, NKo, their
// presentation forms...).
bool is_rtl(char32_t c);
// Strong left-to-right (bidi class L: Latin, Cyrillic, Greek, Han, Kana, Thai, Indic...).
// Private Use Area characters are class L in the UCD but carry no text (dingbat bullets):
// they count as neither.
bool is_ltr(char32_t c);
// A character of a right-to-left script: a strong right-to-left one, or one used with such
// a script (Arabic harakat and the Arabic comma, Hebrew points: their own script is
// "inherited" or "common"; ICU's script extensions, uscript_hasScript, name Arabic,
// Syriac, Hebrew, Thaana or NKo).
bool in_rtl_script(char32_t c);
// A combining mark that sits on the character before it in logical order (general
// category Mn or Me: Arabic harakat, Hebrew points, Latin combining accents, Thai vowel
// and tone marks above and below).
bool is_mark(char32_t c);

// How many strong characters of each direction a text holds.
struct Counts {
  size_t rtl = 0, ltr = 0;
  bool any_rtl() const { return rtl > 0; }
  // More right-to-left letters than left-to-right ones.
  bool mostly_rtl() const { return rtl > ltr; }
};
Counts count(std::u32string_view text);
Counts count_utf8(std::string_view text);

// The base direction of a paragraph by UAX #9 (P2, P3): its first strong character;
// neutral when it has none.
Dir first_strong(std::u32string_view text);

// Is text written in this language right to left? `tag` is a BCP 47 tag ("ar", "fa-IR",
// "he", "ur", "az-Arab") or a POSIX locale ("ar_EG"); unknown or empty tags are left to
// right.
bool language_is_rtl(std::string_view tag);

// Logical order from visual order (as a PDF draws text, left to right): ICU's inverse
// bidi algorithm on a paragraph of the given direction. A run of right-to-left text comes
// back reversed and a run of left-to-right text (IETF, WSIS+20, 2026) as it is; so a
// cluster that must stay together inside a right-to-left run (a ligature's letters, a base
// with its marks) is passed with its characters reversed. No mirroring (a PDF maps each
// glyph to the character it draws).
std::u32string logical_from_visual(std::u32string_view visual, bool rtl_paragraph);

// The bidi embedding level of each character of one paragraph (UAX #9, rules P2–I2, with
// ICU's ubidi_setPara): even levels read left to right, odd ones right to left. The base
// level is 1 (right to left) when `rtl_paragraph`, else 0. Same length as `text`.
std::vector<unsigned char> embedding_levels(std::u32string_view text, bool rtl_paragraph);

// The visual order of one line's characters, left to right, as indices into `levels`
// (UAX #9 rule L2, with ICU's ubidi_reorderVisual). The caller applies rule L1 (white space
// at the line's end takes the paragraph level) by leaving it out of the line.
std::vector<size_t> visual_order(const std::vector<unsigned char>& levels);

}  // namespace deckhand::direction

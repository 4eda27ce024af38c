#pragma once
// Small Unicode helpers on UTF-8 strings.
#include <string>
#include <string_view>
#include <vector>

namespace deckhand::unicode {

std::u32string decode(std::string_view utf8);   // invalid bytes become U+FFFD
std::string encode(std::u32string_view cps);
std::string encode(char32_t cp);
void append(std::string& utf8, char32_t cp);  // cp's UTF-8 bytes added to utf8

// Canonical composition (NFC), and compatibility composition (NFKC), via ICU.
std::string nfc(std::string_view utf8);
std::string nfkc(std::string_view utf8);

// Compatibility forms of Han ideographs that Keynote and others write for Chinese
// (Kangxi radicals U+2F00..U+2FD5 by their compatibility decomposition, CJK Radicals
// Supplement U+2E80..U+2EFF by the Unicode Character Database's
// EquivalentUnifiedIdeograph.txt, CJK compatibility ideographs) become the unified
// ideographs they stand for. A radical
// directly followed by the ideograph it stands for (Keynote maps one glyph to both) gives
// that ideograph once.
std::string fold_cjk_compat(std::string_view utf8);

// Text hygiene for extracted words: NFC, CJK compatibility forms folded (fold_cjk_compat),
// ligatures U+FB00..FB04 and U+FB06 expanded (U+FB05 is kept for the word-level decision
// "ft" or "st", extract::resolve_long_s_t), tabs and other control characters turned into
// spaces, Private Use Area characters, zero-width spaces and directional marks (U+200B,
// U+FEFF, U+200E, U+200F, U+061C) removed.
std::string clean(std::string_view utf8);

bool is_han_ideograph(char32_t c);  // a unified Han ideograph (basic block, extensions A to G)
bool is_cjk(char32_t c);        // Han, kana, CJK punctuation, fullwidth forms: no spaces between
bool no_space_script(char32_t c);  // Thai, Lao, Myanmar, Khmer: words written without spaces between
bool is_pua(char32_t c);        // Private Use Area (Wingdings, Symbol and OpenSymbol bullets)
bool is_bullet_glyph(char32_t c);
bool is_dash(char32_t c);
bool is_space(char32_t c);
// Whether the text holds a letter (ICU u_isalpha: general category L*): "π2", "! ! !", "2." do not.
bool has_letter(std::string_view utf8);

// Trims and collapses runs of white space into one space; a run of only no-break spaces
// (U+00A0, U+202F) keeps one of them ("mot\u00A0:"), a no-break space within ordinary white
// space is folded with it.
std::string collapse_spaces(std::string_view utf8);

}  // namespace deckhand::unicode

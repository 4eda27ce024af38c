#pragma once
// Right-to-left text for drawing: the Unicode bidirectional algorithm and Arabic
// shaping, with GNU FriBidi. libharu draws glyphs left to right and does no shaping, so
// lines are handed to it in visual order, with Arabic letters turned into their joined
// presentation forms (which fonts/NotoSansArabic has).
#include <string>

namespace deckhand::layout {

// Arabic letters replaced by their contextual presentation forms, in logical order and
// with the same length (a lam-alef ligature is followed by U+FEFF, to be dropped when
// drawing): for measuring and breaking lines.
std::u32string shape_logical(const std::u32string& logical, bool rtl_base);

// One line as drawn from left to right: reordered by the bidi algorithm, shaped, with the
// ligature placeholders removed.
std::u32string visual_line(const std::u32string& logical, bool rtl_base);

}  // namespace deckhand::layout

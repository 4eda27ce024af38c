#pragma once
// Input and intermediate data of the structure analysis. Plain data, no Poppler:
// unit tests build these by hand ("synthetic word boxes").
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "model/deck.hpp"

namespace deckhand::extract {

// A word as the PDF layer found it. Coordinates: points, page as displayed, origin
// top-left, y down.
struct Word {
  std::string text;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double size = 0;          // font size in points
  std::string font;         // font name (subset prefix removed)
  bool bold = false, italic = false;
  // Set in a monospaced (fixed-pitch) font: by its name (Courier, ...Mono, Consolas, TeX's
  // cmtt...) or, for fonts whose names say nothing (Microsoft Print to PDF's CIDFont+F3),
  // because every glyph it shows on the page has one advance width, over at least five
  // different Latin, Greek or Cyrillic letters.
  bool mono = false;
  bool space_after = false; // the PDF layer saw a space after this word
  double base = 0;           // the baseline (y of a horizontal word); 0 when unknown
  // Direction of the baseline: 0 horizontal, 1 top to bottom, 2 upside down, 3 bottom to
  // top (Poppler's rotation), 4 any other angle (set by build_lines for words whose boxes
  // climb or fall along a run: a diagonal watermark).
  int rot = 0;
  // Left edges of the characters, for words with right-to-left characters only: tells
  // whether the PDF drew them in visual order, and which characters share one glyph
  // (a lam-alef ligature maps to two characters of equal width).
  std::vector<double> char_x;
  // For words with right-to-left characters (with char_x): the glyph each character was
  // drawn with; characters of one glyph (a lam-alef ligature mapped to two letters) share
  // a number. Empty when the PDF layer could not tell.
  std::vector<int> char_glyph;
  // Where the word stands in the content stream: Poppler's character positions (bytes of
  // the strings shown, counted in drawing order over the page), [order, order_end). -1
  // when unknown (synthetic words).
  int order = -1, order_end = -1;
  // Its doubled Han ideographs were read from the characters' places (page_scan): the
  // width rule (undouble_ideographs) is not to guess again.
  bool han_checked = false;
  // The fill colour (RGB, 0..1) and opacity its first glyph is drawn in.
  std::array<double, 3> rgb{0, 0, 0};
  double alpha = 1;
  // Faint: see-through (opacity under 0.6) or light grey on a light page (each channel
  // 0.6 or more and little colour): how watermarks are drawn.
  bool faint() const {
    double hi = std::max({rgb[0], rgb[1], rgb[2]}), lo = std::min({rgb[0], rgb[1], rgb[2]});
    return alpha < 0.6 || (lo >= 0.6 && hi - lo < 0.25);
  }
};

// A space glyph drawn on the page (office suites and browsers draw the spaces they were
// given; TeX draws none): its box, as displayed.
struct SpaceGlyph {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  // 0 for a space glyph. U+200C or U+200D: no glyph but a joiner control the PDF carries
  // as text only (an ActualText span without glyphs, as cairo writes a zero-width
  // non-joiner), at x0 == x1 where the glyph runs it separates meet.
  char32_t joiner = 0;
  // A no-break space glyph (U+00A0, U+202F, U+2007) of a font that draws ordinary spaces
  // (U+0020) on the same page too: the writer typed it (French `mot\u202F:`, a name kept
  // on one line), and the words it stands between are joined with it. 0 for an ordinary
  // space, and for a no-break space of a font that draws no other (LibreOffice maps every
  // space of its Courier code listings to U+00A0, KaTeX spaces its formulas with it,
  // PowerPoint for Mac sets U+202F after its bullets): that one was not chosen.
  char32_t no_break = 0;
};

// A horizontal edge drawn on the page: a stroked horizontal segment, a thin filled bar, or
// the top or bottom edge of a filled rectangle (a table's row rules and row bands, a cell's
// background). Points, page as displayed, y down. Tables use them to tell a new row from a
// cell's wrapped line (analysis.cpp, find_tables).
struct HRule {
  double x0 = 0, x1 = 0, y = 0;
};

struct PageWords {
  int page = 0;             // 1-based
  double width = 0, height = 0;
  std::string label;        // PDF page label, "" when none
  std::vector<Word> words;
  int hidden_words = 0;     // words left out because nobody can see them
  // The space glyphs drawn on the page, sorted by y0: where the page draws its spaces, a
  // space between two words is one of these (see typed_space).
  std::vector<SpaceGlyph> spaces;
  std::vector<Dropped> dropped;  // what of the text layer is not in `words`, and why
  std::vector<HRule> rules;      // horizontal edges drawn on the page (see HRule), at most 2000
  int damage_count = 0;          // Poppler's error messages while drawing it (PageScan)
  std::string damage;            // the first of them
};

// A line fragment: words on one baseline with no wide gap between them, in logical order.
struct Line {
  std::vector<Word> words;  // logical order (right-to-left lines reversed)
  std::vector<Dropped> dropped;  // glyphs of its words that are no text (a kashida)
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double size = 0;          // dominant font size
  bool bold = false, italic = false;
  std::string font;
  bool rtl = false;           // the paragraph reads right to left
  // Where a bullet stands on a line with right-to-left letters, which tells the paragraph's
  // direction: -1 at the left end (a left-to-right paragraph, as PPTX exports leave Arabic
  // paragraphs), 1 at the right end, 0 no bullet or no right-to-left letters.
  int marker_side = 0;
  // Marker found at the logical start: a bullet glyph or a number ("1.", "a)").
  std::string marker;
  bool numbered = false;
  double marker_start = 0;  // logical start edge of the marker (x0, or x1 when rtl)
  double text_start = 0;    // logical start edge of the text after the marker
  std::string text;         // text without the marker
  std::string full_text;    // text with the marker
  // Set by the PDF layer when asked (see needs_ink_probe): something is drawn just
  // before the line's start, i.e. a bullet drawn as graphics; ink_x is where it starts.
  std::optional<bool> ink_before;
  double ink_x = 0;
  // Text not on a horizontal baseline (a side label, a watermark): read in its own
  // direction as one line, never joined with horizontal lines.
  bool rotated = false;
  bool mono = false;  // set in a monospaced font (code): no markers are read in it
  // A space glyph drawn right after the line's last glyph (left-to-right lines): the text
  // went on after a typed space where the line wrapped (Impress draws it; cairo does not)
  bool ends_in_space = false;
  double base = 0;  // the baseline of its text (not of its marker, which may be set in another font)
  double yc() const { return (y0 + y1) / 2; }
  // where the line stands, for line pitches: its baseline, or its bottom when unknown
  double baseline() const { return base > 0 ? base : y1; }
  double height() const { return y1 - y0; }
};

// A word drawn faintly (Word::faint), page-relative (0..1 of the page's width and height):
// what a watermark is looked for among, across the deck's pages.
struct FaintWord {
  std::string text;
  double xc = 0, yc = 0;  // the middle of its box
  // At the same place as `o` (page-relative, within 2 % of the page each way).
  bool same_place(const FaintWord& o) const { return std::abs(xc - o.xc) < 0.02 && std::abs(yc - o.yc) < 0.02; }
  // The same word at the same place: the watermark `o` again.
  bool same(const FaintWord& o) const { return text == o.text && same_place(o); }
};

struct PageLines {
  int page = 0;
  double width = 0, height = 0;
  std::string label;
  std::vector<Line> lines;
  bool has_text = false;
  int hidden_words = 0;     // from PageWords
  std::vector<Dropped> dropped;  // from PageWords, and bullet glyphs standing alone
  // strong letters of the page's words: right-to-left (Arabic, Hebrew...) and left-to-right
  size_t rtl_chars = 0, ltr_chars = 0;
  std::vector<FaintWord> faint;         // the page's faint words (see FaintWord)
  size_t faint_chars = 0, all_chars = 0;
  std::vector<std::string> watermarks;  // words left out as a watermark (build_lines' `watermarks`)
  std::vector<HRule> rules;             // from PageWords
  int damage_count = 0;                 // from PageWords
  std::string damage;
};

// The logical text of a right-to-left line from its words in visual order (left to
// right): grouped in clusters that stay together (a lam-alef ligature: two characters of
// one glyph; a base and its combining marks), then put in logical order by ICU's inverse
// bidi algorithm (ubidi_setInverse, right-to-left paragraph), which reads runs of
// left-to-right text (IETF, WSIS+20, 2026) left to right. With `rtl_paragraph` false, the
// same for a left-to-right paragraph that holds right-to-left words.
// `spaces`: the page's space glyphs (see typed_space), or nullptr. Arabic presentation
// forms are folded to letters, a justification glyph (kashida) between two letters is
// dropped (recorded in `dropped` when given: reason "glyph", detail "kashida"), and each
// combining mark stays on the letter it is drawn on.
// Reads brackets mirrored back where a right-to-left text (a line, or a block of lines:
// the pair may open on one line and close on the next) has them closing before opening
// throughout: some producers map a mirrored bracket glyph to the character it looks like
// (XeTeX, ")والذي … كبير("). True when it changed `text`.
bool unmirror_brackets(std::u32string& text);

// Puts two Arabic numbers joined by a hyphen or plus sign after Arabic-script letters back
// in the order typed ("014-2026" as drawn is "2026-014": UAX #9 W2 and W4), with a full stop
// read before them ("مثل .014-2026") after them. For a line's text and for a right-to-left
// block whose numbers wrapped onto a line of their own.
void arabic_number_order(std::u32string& text);

std::string rtl_text(const std::vector<Word>& visual, bool rtl_paragraph = true,
                     const std::vector<SpaceGlyph>* spaces = nullptr, std::vector<Dropped>* dropped = nullptr);

// Was a space typed between two words of a line, `left` and `right` as they stand on the
// page? Where the line draws its spaces as glyphs (office suites, browsers), a space glyph
// drawn in the gap between them says yes, and none says no; not every producer draws
// every space (PowerPoint leaves out the one at a change of font, TeX draws none), so
// callers take "no" only where it matters (between Han and Latin, where layout engines add
// spacing of their own). nullopt: no space glyph on the line, the gap decides.
// `no_room`: set when a space glyph stands between them but the words leave it no room
// (a zero-width non-joiner drawn with the space glyph, as XeTeX does). `no_break`: set to
// the space glyph's SpaceGlyph::no_break when the answer is yes (else 0). `width`: set to
// that space glyph's width (its box, in points) when the answer is yes (else 0).
std::optional<bool> typed_space(const Word& left, const Word& right, const std::vector<SpaceGlyph>* spaces,
                                bool* no_room = nullptr, char32_t* no_break = nullptr, double* width = nullptr);

// Words -> lines (cleaning text, ordering right-to-left lines, finding markers). A line
// with right-to-left letters is a right-to-left paragraph when they outnumber its Latin
// ones, or when the page is right to left: its right-to-left letters outnumber the others,
// or `rtl_deck` (the deck's pages are, taken together) and the page has any.
// `rtl_paragraphs`: the direction of the deck's paragraphs that hold right-to-left
// letters, when known (from the side of their bullets, deck-wide): used for lines without
// a bullet of their own.
// `watermarks`: faint words repeated at one place across the deck (extract.cpp finds them
// from each page's `faint`): left out of the lines, and listed in `watermarks`.
PageLines build_lines(const PageWords& page, bool rtl_deck = false, std::optional<bool> rtl_paragraphs = std::nullopt,
                      const std::vector<FaintWord>* watermarks = nullptr);

// Lines of `page` that should be probed for a bullet drawn as graphics: lines without a
// marker that start indented from the page's text edge, line up with another line (or
// are not centred: a line that ends where another of its size ends is set flush right,
// and a line 0.6 of the page wide or more is probed whatever its middle), and do not hang
// under a glyph item's text.
std::vector<size_t> needs_ink_probe(const PageLines& page);
// The lines needs_ink_probe() leaves out only because each is centred on the page on its
// own (no other line starts where it does): a centred list's items, each with its bullet
// just before its text (and the lines 0.6 of the page wide that it also probes).
// probe_drawn_bullets() takes their ink only where two of them or more show a mark at one
// distance from their text.
std::vector<size_t> centred_ink_candidates(const PageLines& page);

// Where to look for a drawn bullet before line `l` (left of it, or right of a right-to-left
// paragraph's line): x0, y0, x1, y1 in points, y down; from 0.12 em to 1.6 em from its text
// (2.2 em for a line of right-to-left letters).
std::array<double, 4> ink_probe_rect(const Line& l, double page_width);

// Text hygiene for one word: NFC, ligatures U+FB00..FB04, FB06 expanded (FB05: see
// resolve_long_s_t), control and Private
// Use characters dropped, format characters without meaning dropped (BOM, ZWSP, WJ,
// LRM/RLM/ALM, bidi embeddings and isolates, soft hyphens inside a word; ZWJ and ZWNJ
// unless next to a letter of a script that needs them: Arabic, Syriac, Indic, Myanmar,
// Khmer, Sinhala, or an emoji sequence). A soft hyphen at the end is kept for
// join_wrapped().
std::string hygiene(const std::string& text);

// A word whose glyphs map to an ideograph twice (Keynote's ToUnicode maps one glyph of
// "量" to "量量"; after fold_cjk_compat, "⾏行行" to "行行"): when the word's width (points,
// at `size`) fits the text with each doubled Han ideograph once rather than twice (an
// ideograph is 1 em wide, other characters about 0.55 em), the doubles are read once.
// Reduplication that is drawn ("常常", two glyphs) stays.
std::string undouble_ideographs(const std::string& text, double width, double size);

// Marks words that stand on a slanted baseline (rot = 4): runs of neighbouring words of
// one size, in drawing order, whose boxes step up or down along x, as Poppler gives the
// characters of a diagonal watermark (each a word of its own); two ideographs at twice
// `common` (the page's common type size, points) or more make a run too.
void mark_slanted(std::vector<Word>& words, double common);

// A spelling dictionary for one language (hunspell in extract/spelling.*; fakes in tests).
class Speller {
 public:
  virtual ~Speller() = default;
  virtual bool known(const std::string& word) const = 0;
  // Whether there is a dictionary behind it at all (a language without one knows no word,
  // which must not read as every word unknown)
  virtual bool available() const { return true; }
};

// Joins two pieces of wrapped text: no space around CJK (a Latin word broken inside CJK
// text joined, a space kept where the writer set Latin apart), a soft hyphen dropped,
// otherwise one space. A hyphen at the end of `a` after a letter, before a lower-case
// letter: with a dictionary, a soft break (dropped) when the joined word is known and the
// hyphenated one is not ("ver-" + "öffentlicht"), else kept ("demand-" + "driven"); without
// one, kept and joined without a space.
std::string join_wrapped(const std::string& a, const std::string& b, const Speller* speller = nullptr);

// The width (points) of what line `l` starts with up to its first line-break opportunity
// (UAX #14 by ICU's line BreakIterator, whose Thai rules find word ends by dictionary):
// what the line above would have had to take for `l` to be one wrapped line. Measured on
// the words' boxes, a share of a word's width by its characters. 0 for an empty line.
double first_unit_width(const Line& l);

// Lines of a block in a script written without spaces (Chinese, Japanese, Thai) that meet
// where the line above could have taken the lower line's first unit (first_unit_width)
// within the block's widest line, by a quarter em: a break by hand or a paragraph end, no
// wrap, so their texts join with a space. `widest`: the widest line's text width
// (points). Source of the rule: UAX #14 line breaking fills a line up to the last break
// opportunity that fits; a line ending earlier was ended on purpose.
bool broken_short(const Line& above, const Line& l, double widest);

// Whether join_wrapped(a, b, speller) asks the dictionary: `a` ends in a letter and a
// hyphen, `b` starts with a lower-case letter, and the hyphen does not end a URL, an
// e-mail address or a path (a token of `a` with '/', '@' or "www."), whose hyphens are
// typed and kept without asking ("questions/53712873/sorting-a-" + "vector-of-pairs").
// extract() loads a dictionary only for a deck where this holds for some pair of lines.
bool hyphen_question(const std::string& a, const std::string& b);

}  // namespace deckhand::extract

namespace deckhand::extract {

// U+FB05 LATIN SMALL LIGATURE LONG S T: its Unicode decomposition is "st", but fonts and
// producers map their f_t ligature glyph to it (Unicode has no "ft" ligature), and a long
// s is not written in modern text. Each word containing it reads "ft" unless the
// dictionary knows the "st" reading and not the "ft" one ("Be\uFB05" -> "Best" with an
// English dictionary; "Ti\uFB05is" -> "Tiftis"). Without a dictionary: "ft".
std::string resolve_long_s_t(const std::string& text, const Speller* speller = nullptr);

}  // namespace deckhand::extract

#pragma once
// List markers set in symbol fonts (Wingdings, Symbol, Zapf Dingbats, OpenSymbol) read as
// the Unicode characters they draw, so that a translated slide can keep the source's
// bullet per level with a font that has it (the bundled Symbola has them all).
//
// What the deck model keeps (src/model/deck.hpp, Block::marker): the marker's characters
// as the PDF's text layer gives them, NFC, not cleaned (a Wingdings bullet stays U+F0A7),
// "graphic" for a bullet drawn as a picture, "" for none. It does not keep the marker's
// font: Block::style.font is the block's text font. Hence the empty-font rule below.
//
// Coordinates: none. Errors: none (an unknown glyph gives 0).
#include <string>
#include <string_view>

namespace deckhand::layout {

// The Unicode character that draws like `source`, a marker glyph set in `source_font` (a
// PDF font name, with or without its subset prefix; "" when unknown).
// - A symbol font's code, either in the Private Use Area at U+F020..U+F0FF (where Windows
//   puts the 0x20..0xFF codes of its symbol fonts, as PowerPoint's ToUnicode maps them) or
//   as the font's own byte 0x20..0xFF (a simple font read without ToUnicode; a byte that
//   went through WinAnsiEncoding, such as Wingdings 0x9F read as U+0178, is taken back to
//   its byte), is looked up in the table of its font: Wingdings, Symbol, Zapf Dingbats.
// - U+F020..U+F0FF from a font that is not one of those, or from an unknown font (""): read
//   as Wingdings, except U+F0B7, Symbol's bullet (Wingdings 0xB7 is a clock face): these
//   are the bullets PowerPoint offers (Wingdings § ▪, v ❖, Ø ➢, ü ✓, Symbol ·  •).
// - OpenSymbol's own private-use bullets (U+E001..U+E00E, LibreOffice's "solid diamond"
//   U+E00C, "solid large square" U+E00A...) whatever the font, as the deck model does
//   not say which font a marker was set in.
// - Any other character passes through unchanged: • · – ▪ ► ✓ ○ from a text font, and
//   letters (Calibri's 0xA7 is a section sign §, not a Wingdings square).
// Returns 0 when the glyph has no Unicode equivalent known here (another private-use
// code, a Wingdings 2/3 or Webdings code, a Wingdings leaf or candle): the caller then uses
// its layout's bullet for the level.
char32_t unicode_bullet(char32_t source, std::string_view source_font);

// unicode_bullet over a marker (UTF-8), character by character; "" when any character
// has no equivalent. "graphic", numbers ("1.", "a)") and "" pass through.
std::string unicode_marker(std::string_view marker, std::string_view source_font);

}  // namespace deckhand::layout

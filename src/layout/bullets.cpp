#include "layout/bullets.hpp"

#include <algorithm>
#include <cctype>

#include "core/unicode.hpp"

namespace deckhand::layout {

namespace {

// Wingdings (Microsoft, the version shipped with Windows and Office) byte 0x20..0xFF to
// Unicode, as in Alan Wood's Wingdings chart (alanwood.net/demos/wingdings.html, "Wingdings
// character set and Unicode equivalents"): only characters Unicode had before 7.0; codes
// that chart gives no equivalent (a candle, leaves, the Windows logo...) are 0 here. Unicode
// 7.0 encoded most of those from the mapping in the Wingdings/Webdings proposal (L2/11-052),
// which is not used here: fonts and readers have them far less often.
// Bullets PowerPoint offers: 0xA7 ▪ (typed "§"), 0x76 ❖ ("v"), 0xD8 ➢ ("Ø"), 0xFC ✓ ("ü"),
// 0x6E ■, 0x6C ●, 0xA8 ◻ (a white medium square, not a diamond), 0x9F •.
constexpr char32_t kWingdings[224] = {
    // 0x20
    0x0020, 0x270F, 0x2702, 0x2701, 0x1F453, 0x1F514, 0x1F4D6, 0, 0x260E, 0x2706, 0x2709, 0, 0x1F4EA, 0x1F4EB, 0x1F4EC, 0x1F4ED,
    // 0x30
    0x1F4C1, 0x1F4C2, 0x1F4C4, 0, 0, 0, 0x231B, 0x2328, 0, 0, 0x1F4BB, 0, 0x1F4BE, 0, 0x2707, 0x270D,
    // 0x40
    0, 0x270C, 0x1F44C, 0x1F44D, 0x1F44E, 0x261C, 0x261E, 0x261D, 0x261F, 0x270B, 0x263A, 0x1F610, 0x2639, 0x1F4A3, 0x2620, 0x2690,
    // 0x50
    0x1F6A9, 0x2708, 0x263C, 0x1F4A7, 0x2744, 0, 0x271E, 0, 0x2720, 0x2721, 0x262A, 0x262F, 0x0950, 0x2638, 0x2648, 0x2649,
    // 0x60
    0x264A, 0x264B, 0x264C, 0x264D, 0x264E, 0x264F, 0x2650, 0x2651, 0x2652, 0x2653, 0x0026, 0x0026, 0x25CF, 0x274D, 0x25A0, 0x25A1,
    // 0x70
    0, 0x2751, 0x2752, 0x2B27, 0x29EB, 0x25C6, 0x2756, 0x2B25, 0x2327, 0x2353, 0x2318, 0x2740, 0x273F, 0x275D, 0x275E, 0x25AF,
    // 0x80
    0x24EA, 0x2460, 0x2461, 0x2462, 0x2463, 0x2464, 0x2465, 0x2466, 0x2467, 0x2468, 0x2469, 0x24FF, 0x2776, 0x2777, 0x2778, 0x2779,
    // 0x90
    0x277A, 0x277B, 0x277C, 0x277D, 0x277E, 0x277F, 0, 0, 0, 0, 0, 0, 0, 0, 0x00B7, 0x2022,
    // 0xA0
    0x25AA, 0x25CB, 0x2B55, 0, 0x25C9, 0x25CE, 0, 0x25AA, 0x25FB, 0, 0x2726, 0x2605, 0x2736, 0x2734, 0x2739, 0x2735,
    // 0xB0
    0, 0x2316, 0x27E1, 0x2311, 0, 0x272A, 0x2730, 0x1F550, 0x1F551, 0x1F552, 0x1F553, 0x1F554, 0x1F555, 0x1F556, 0x1F557, 0x1F558,
    // 0xC0
    0x1F559, 0x1F55A, 0x1F55B, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    // 0xD0
    0, 0, 0, 0, 0, 0x232B, 0x2326, 0, 0x27A2, 0, 0, 0, 0x27B2, 0, 0, 0,
    // 0xE0
    0, 0, 0, 0, 0, 0, 0, 0, 0x2794, 0, 0, 0, 0, 0, 0, 0x21E6,
    // 0xF0
    0x21E8, 0x21E7, 0x21E9, 0x2B04, 0x21F3, 0x2B00, 0x2B01, 0x2B03, 0x2B02, 0x25AD, 0x25AB, 0x2717, 0x2713, 0x2612, 0x2611, 0,
};

// Symbol (Adobe's Symbol encoding, which Microsoft's Symbol font follows) byte 0x20..0xFF
// to Unicode, from the Unicode Consortium's mapping table MAPPINGS/VENDORS/ADOBE/symbol.txt
// ("Adobe Symbol Encoding to Unicode"); the glyph pieces of large brackets, integrals and
// the radical extender (mapped to corporate-use codes there) are 0 here. The bullet
// PowerPoint offers is 0xB7 •.
constexpr char32_t kSymbol[224] = {
    // 0x20
    0x0020, 0x0021, 0x2200, 0x0023, 0x2203, 0x0025, 0x0026, 0x220B, 0x0028, 0x0029, 0x2217, 0x002B, 0x002C, 0x2212, 0x002E, 0x002F,
    // 0x30
    0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037, 0x0038, 0x0039, 0x003A, 0x003B, 0x003C, 0x003D, 0x003E, 0x003F,
    // 0x40
    0x2245, 0x0391, 0x0392, 0x03A7, 0x0394, 0x0395, 0x03A6, 0x0393, 0x0397, 0x0399, 0x03D1, 0x039A, 0x039B, 0x039C, 0x039D, 0x039F,
    // 0x50
    0x03A0, 0x0398, 0x03A1, 0x03A3, 0x03A4, 0x03A5, 0x03C2, 0x03A9, 0x039E, 0x03A8, 0x0396, 0x005B, 0x2234, 0x005D, 0x22A5, 0x005F,
    // 0x60
    0, 0x03B1, 0x03B2, 0x03C7, 0x03B4, 0x03B5, 0x03C6, 0x03B3, 0x03B7, 0x03B9, 0x03D5, 0x03BA, 0x03BB, 0x03BC, 0x03BD, 0x03BF,
    // 0x70
    0x03C0, 0x03B8, 0x03C1, 0x03C3, 0x03C4, 0x03C5, 0x03D6, 0x03C9, 0x03BE, 0x03C8, 0x03B6, 0x007B, 0x007C, 0x007D, 0x223C, 0,
    // 0x80
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    // 0x90
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    // 0xA0
    0x20AC, 0x03D2, 0x2032, 0x2264, 0x2044, 0x221E, 0x0192, 0x2663, 0x2666, 0x2665, 0x2660, 0x2194, 0x2190, 0x2191, 0x2192, 0x2193,
    // 0xB0
    0x00B0, 0x00B1, 0x2033, 0x2265, 0x00D7, 0x221D, 0x2202, 0x2022, 0x00F7, 0x2260, 0x2261, 0x2248, 0x2026, 0x23D0, 0x23AF, 0x21B5,
    // 0xC0
    0x2135, 0x2111, 0x211C, 0x2118, 0x2297, 0x2295, 0x2205, 0x2229, 0x222A, 0x2283, 0x2287, 0x2284, 0x2282, 0x2286, 0x2208, 0x2209,
    // 0xD0
    0x2220, 0x2207, 0x00AE, 0x00A9, 0x2122, 0x220F, 0x221A, 0x22C5, 0x00AC, 0x2227, 0x2228, 0x21D4, 0x21D0, 0x21D1, 0x21D2, 0x21D3,
    // 0xE0
    0x25CA, 0x2329, 0x00AE, 0x00A9, 0x2122, 0x2211, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    // 0xF0
    0, 0x232A, 0x222B, 0x2320, 0, 0x2321, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

// ITC Zapf Dingbats byte to Unicode, after Adobe's table (Unicode's
// MAPPINGS/VENDORS/ADOBE/zdingbat.txt): the font's order is that of Unicode's Dingbats
// block, whose holes of Unicode 1.1 were given to characters encoded elsewhere.
char32_t zapf_dingbats(unsigned c) {
  switch (c) {
    case 0x20: return 0x0020;
    case 0x25: return 0x260E;  // black telephone
    case 0x2A: return 0x261B;  // black right pointing index
    case 0x2B: return 0x261E;  // white right pointing index
    case 0x48: return 0x2605;  // black star
    case 0x6C: return 0x25CF;  // black circle
    case 0x6E: return 0x25A0;  // black square
    case 0x73: return 0x25B2;  // black up-pointing triangle
    case 0x74: return 0x25BC;  // black down-pointing triangle
    case 0x75: return 0x25C6;  // black diamond
    case 0x77: return 0x25D7;  // right half black circle
    case 0xA8: return 0x2663;  // club, diamond, heart, spade
    case 0xA9: return 0x2666;
    case 0xAA: return 0x2665;
    case 0xAB: return 0x2660;
    case 0xD5: return 0x2192;  // rightwards arrow
    case 0xD6: return 0x2194;
    case 0xD7: return 0x2195;
    default: break;
  }
  if (c >= 0x21 && c <= 0x7E) return 0x26E0 + c;           // U+2701..U+275E
  if (c >= 0xA1 && c <= 0xA7) return 0x2761 + (c - 0xA1);   // U+2761..U+2767
  if (c >= 0xAC && c <= 0xB5) return 0x2460 + (c - 0xAC);   // circled digits 1..10
  if (c >= 0xB6 && c <= 0xD4) return 0x2776 + (c - 0xB6);   // U+2776..U+2794
  if (c >= 0xD8 && c <= 0xEF) return 0x2798 + (c - 0xD8);   // U+2798..U+27AF
  if (c >= 0xF1 && c <= 0xFE) return 0x27B1 + (c - 0xF1);   // U+27B1..U+27BE
  return 0;
}

// OpenSymbol's private-use bullets (LibreOffice's own symbol font), read from the glyphs
// of opens___.ttf in Debian 12's fonts-opensymbol (4:102.12+LibO7.4.7), each drawn and
// compared by shape and size with the font's own glyphs for the Unicode characters (E00D
// has the very outline and advance of its U+2756): LibreOffice's bullet list offers U+E00C
// ("solid diamond bullets") and U+E00A ("solid large square bullets").
struct Pair { char32_t from, to; };
constexpr Pair kOpenSymbol[] = {
    {0xE001, 0x2B27},  // small black lozenge
    {0xE002, 0x29EB},  // black lozenge
    {0xE003, 0x25C6},  // black diamond
    {0xE004, 0x2B25},  // black medium diamond
    {0xE005, 0x274D},  // shadowed white circle
    {0xE006, 0x2192},  // rightwards arrow
    {0xE007, 0x2713},  // check mark
    {0xE008, 0x25CF},  // black circle
    {0xE009, 0x274D},  // shadowed white circle, smaller than E005
    {0xE00A, 0x25A0},  // black square (as wide as the font's U+25A0; U+25AA is a quarter of it)
    {0xE00B, 0x2752},  // upper right shadowed white square
    {0xE00C, 0x25C6},  // black diamond
    {0xE00D, 0x2756},  // black diamond minus white X
    {0xE00E, 0x2B27},  // black medium lozenge
};

// WinAnsiEncoding's characters at 0x80..0x9F, taken back to their byte when a symbol
// font's simple-font text went through it. The bullet and the dashes (0x95..0x97) are
// left as they are: they are bullets in their own right (a symbol font's ToUnicode that
// maps its bullet to U+2022 is far more common than Wingdings' ❿ at 0x95).
unsigned winansi_byte(char32_t c) {
  static constexpr Pair k[] = {
      {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85}, {0x2020, 0x86}, {0x2021, 0x87},
      {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C}, {0x017D, 0x8E}, {0x2018, 0x91},
      {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B},
      {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F}};
  if (c >= 0x20 && c <= 0xFF) return static_cast<unsigned>(c);
  for (auto p : k)
    if (p.from == c) return static_cast<unsigned>(p.to);
  return 0;
}

enum class SymFont { none, wingdings, symbol, zapf, opensymbol, other_symbol };

// The font's kind by its name: subset prefix, spaces, hyphens and case left out.
SymFont kind_of(std::string_view font) {
  std::string k;
  if (font.size() > 7 && font[6] == '+' &&
      std::all_of(font.begin(), font.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; }))
    font.remove_prefix(7);
  for (char c : font)
    if (c != ' ' && c != '-' && c != '_' && c != ',') k += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto starts = [&](const char* p) { return k.rfind(p, 0) == 0; };
  if (starts("wingdings2") || starts("wingdings3") || starts("webdings") || starts("marlett") || starts("mtextra"))
    return SymFont::other_symbol;
  if (starts("wingdings")) return SymFont::wingdings;
  if (starts("zapfdingbats") || starts("itczapfdingbats") || k == "dingbats" || starts("d050000l")) return SymFont::zapf;
  if (starts("opensymbol") || starts("starsymbol")) return SymFont::opensymbol;
  if (starts("symbol") || starts("standardsymbols")) return SymFont::symbol;
  return SymFont::none;
}

char32_t from_table(SymFont f, unsigned byte) {
  if (byte < 0x20 || byte > 0xFF) return 0;
  switch (f) {
    case SymFont::wingdings: return kWingdings[byte - 0x20];
    case SymFont::symbol: return kSymbol[byte - 0x20];
    case SymFont::zapf: return zapf_dingbats(byte);
    default: return 0;
  }
}

}  // namespace

char32_t unicode_bullet(char32_t c, std::string_view source_font) {
  SymFont f = kind_of(source_font);
  for (auto p : kOpenSymbol)
    if (p.from == c) return p.to;
  if (c >= 0xF020 && c <= 0xF0FF) {
    unsigned byte = static_cast<unsigned>(c - 0xF000);
    if (f == SymFont::wingdings || f == SymFont::symbol || f == SymFont::zapf) return from_table(f, byte);
    if (f == SymFont::other_symbol) return 0;
    return from_table(byte == 0xB7 ? SymFont::symbol : SymFont::wingdings, byte);
  }
  if (unicode::is_pua(c)) return 0;
  if (f == SymFont::wingdings || f == SymFont::symbol || f == SymFont::zapf) {
    if (c == 0x2022 || c == 0x2013 || c == 0x2014) return c;
    if (unsigned byte = winansi_byte(c)) return from_table(f, byte);
    return c;  // already a Unicode character other than Latin-1 (the font's ToUnicode)
  }
  if (f == SymFont::other_symbol && c >= 0x21 && c <= 0xFF) return 0;
  return c;
}

std::string unicode_marker(std::string_view marker, std::string_view source_font) {
  std::u32string out;
  for (char32_t c : unicode::decode(marker)) {
    char32_t u = unicode_bullet(c, source_font);
    if (u == 0) return "";
    out += u;
  }
  return unicode::encode(out);
}

}  // namespace deckhand::layout

#include "core/unicode.hpp"

#include <array>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace deckhand::unicode {

std::u32string decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp;
    int len;
    if (c < 0x80) { cp = c; len = 1; }
    else if ((c >> 5) == 6) { cp = c & 0x1f; len = 2; }
    else if ((c >> 4) == 14) { cp = c & 0x0f; len = 3; }
    else if ((c >> 3) == 30) { cp = c & 0x07; len = 4; }
    else { out.push_back(0xFFFD); ++i; continue; }
    if (i + len > s.size()) { out.push_back(0xFFFD); break; }
    bool ok = true;
    for (int k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 2) { ok = false; break; }
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (!ok) { out.push_back(0xFFFD); ++i; continue; }
    out.push_back(cp);
    i += len;
  }
  return out;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) out += static_cast<char>(cp);
  else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3f)); }
  else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12)); out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18)); out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f)); out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

std::string encode(char32_t cp) {
  std::string out;
  append(out, cp);
  return out;
}

std::string encode(std::u32string_view cps) {
  std::string out;
  out.reserve(cps.size());
  for (char32_t c : cps) append(out, c);
  return out;
}

namespace {
std::string normalize(std::string_view s, bool compat) {
  bool ascii = true;
  for (char c : s) if (static_cast<unsigned char>(c) >= 0x80) { ascii = false; break; }
  if (ascii) return std::string(s);
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = compat ? icu::Normalizer2::getNFKCInstance(err) : icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return std::string(s);
  icu::UnicodeString us = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString res = n->normalize(us, err);
  if (U_FAILURE(err)) return std::string(s);
  std::string out;
  res.toUTF8String(out);
  return out;
}
}  // namespace

std::string nfc(std::string_view s) { return normalize(s, false); }
std::string nfkc(std::string_view s) { return normalize(s, true); }

bool is_pua(char32_t c) {
  return (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0xFFFFD) || (c >= 0x100000 && c <= 0x10FFFD);
}

namespace {
// CJK Radicals Supplement (U+2E80..U+2EFF) -> the unified ideograph each stands for, from
// the Unicode Character Database, EquivalentUnifiedIdeograph.txt (Unicode 15.0; Debian's
// unicode-data package, /usr/share/unicode/). Only U+2E9F and U+2EF3 have a compatibility
// decomposition; ICU does not carry this file.
struct RadicalPair { char32_t radical, ideograph; };
constexpr RadicalPair kRadicalsSupplement[] = {
{0x2E81, 0x5382}, {0x2E82, 0x4E5B}, {0x2E83, 0x4E5A}, {0x2E84, 0x4E59}, {0x2E85, 0x4EBB}, {0x2E86, 0x5182}, {0x2E87, 0x20628}, {0x2E88, 0x5200},
    {0x2E89, 0x5202}, {0x2E8A, 0x535C}, {0x2E8B, 0x353E}, {0x2E8C, 0x5C0F}, {0x2E8D, 0x5C0F}, {0x2E8E, 0x5140}, {0x2E8F, 0x5C23}, {0x2E90, 0x5C22},
    {0x2E91, 0x21BC2}, {0x2E92, 0x5DF3}, {0x2E93, 0x5E7A}, {0x2E94, 0x5F51}, {0x2E95, 0x2B739}, {0x2E96, 0x5FC4}, {0x2E97, 0x5FC3}, {0x2E98, 0x624C},
    {0x2E99, 0x6535}, {0x2E9B, 0x65E1}, {0x2E9C, 0x65E5}, {0x2E9D, 0x6708}, {0x2E9E, 0x6B7A}, {0x2E9F, 0x6BCD}, {0x2EA0, 0x6C11}, {0x2EA1, 0x6C35},
    {0x2EA2, 0x6C3A}, {0x2EA3, 0x706C}, {0x2EA4, 0x722B}, {0x2EA5, 0x722B}, {0x2EA6, 0x4E2C}, {0x2EA7, 0x725B}, {0x2EA8, 0x72AD}, {0x2EA9, 0x738B},
    {0x2EAA, 0x24D14}, {0x2EAB, 0x76EE}, {0x2EAC, 0x793A}, {0x2EAD, 0x793B}, {0x2EAE, 0x25AD7}, {0x2EAF, 0x7CF9}, {0x2EB0, 0x7E9F}, {0x2EB1, 0x7F53},
    {0x2EB2, 0x7F52}, {0x2EB3, 0x34C1}, {0x2EB4, 0x5197}, {0x2EB5, 0x2626B}, {0x2EB6, 0x7F8A}, {0x2EB7, 0x2634C}, {0x2EB8, 0x2634B}, {0x2EB9, 0x8002},
    {0x2EBA, 0x8080}, {0x2EBB, 0x807F}, {0x2EBC, 0x8089}, {0x2EBD, 0x26951}, {0x2EBE, 0x8279}, {0x2EBF, 0x8279}, {0x2EC0, 0x8279}, {0x2EC1, 0x864E},
    {0x2EC2, 0x8864}, {0x2EC3, 0x8980}, {0x2EC4, 0x897F}, {0x2EC5, 0x89C1}, {0x2EC6, 0x89D2}, {0x2EC7, 0x278B2}, {0x2EC8, 0x8BA0}, {0x2EC9, 0x8D1D},
    {0x2ECA, 0x27FB7}, {0x2ECB, 0x8F66}, {0x2ECC, 0x8FB6}, {0x2ECD, 0x8FB6}, {0x2ECE, 0x8FB6}, {0x2ECF, 0x9091}, {0x2ED0, 0x9485}, {0x2ED1, 0x9577},
    {0x2ED2, 0x9578}, {0x2ED3, 0x957F}, {0x2ED4, 0x95E8}, {0x2ED5, 0x28E0F}, {0x2ED6, 0x961D}, {0x2ED7, 0x96E8}, {0x2ED8, 0x9752}, {0x2ED9, 0x97E6},
    {0x2EDA, 0x9875}, {0x2EDB, 0x98CE}, {0x2EDC, 0x98DE}, {0x2EDD, 0x98DF}, {0x2EDE, 0x2967F}, {0x2EDF, 0x98E0}, {0x2EE0, 0x9963}, {0x2EE1, 0x29810},
    {0x2EE2, 0x9A6C}, {0x2EE3, 0x9AA8}, {0x2EE4, 0x9B3C}, {0x2EE5, 0x9C7C}, {0x2EE6, 0x9E1F}, {0x2EE7, 0x5364}, {0x2EE8, 0x9EA6}, {0x2EE9, 0x9EC4},
    {0x2EEA, 0x9EFE}, {0x2EEB, 0x6589}, {0x2EEC, 0x9F50}, {0x2EED, 0x6B6F}, {0x2EEE, 0x9F7F}, {0x2EEF, 0x7ADC}, {0x2EF0, 0x9F99}, {0x2EF1, 0x9F9C},
    {0x2EF2, 0x4E80}, {0x2EF3, 0x9F9F},
};

char32_t radical_supplement_ideograph(char32_t c) {
  for (const auto& p : kRadicalsSupplement)
    if (p.radical == c) return p.ideograph;
  return 0;
}
}  // namespace

std::string fold_cjk_compat(std::string_view s) {
  std::u32string in = decode(s), out;
  bool changed = false;
  for (size_t i = 0; i < in.size(); ++i) {
    const char32_t c = in[i];
    bool radical = (c >= 0x2F00 && c <= 0x2FD5) || (c >= 0x2E80 && c <= 0x2EFF);
    bool compat = (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    if (radical || compat) {
      char32_t sup = c >= 0x2E80 && c <= 0x2EFF ? radical_supplement_ideograph(c) : 0;
      std::u32string f = sup ? std::u32string(1, sup) : decode(radical ? nfkc(encode(c)) : nfc(encode(c)));
      if (f.size() == 1 && f[0] != c) {
        changed = true;
        // Keynote maps one glyph to the radical and its ideograph ("⽬目录" for 目录):
        // the ideograph that follows is the same character, not a second one
        if (i + 1 < in.size() && in[i + 1] == f[0]) continue;
        out += f;
        continue;
      }
    }
    out += c;
  }
  return changed ? encode(out) : std::string(s);
}

std::string clean(std::string_view s) {
  std::u32string in = decode(fold_cjk_compat(nfc(s))), out;
  out.reserve(in.size());
  for (char32_t c : in) {
    switch (c) {
      case 0xFB00: out += U"ff"; continue;
      case 0xFB01: out += U"fi"; continue;
      case 0xFB02: out += U"fl"; continue;
      case 0xFB03: out += U"ffi"; continue;
      case 0xFB04: out += U"ffl"; continue;
      // U+FB05 (long s + t) stays: fonts map their f_t ligature to it, so whether it
      // reads "ft" or "st" is decided per word (extract::resolve_long_s_t).
      case 0xFB06: out += U"st"; continue;
      // the hyphen and the no-break hyphen look like the hyphen-minus people type
      case 0x2010: case 0x2011: out += U'-'; continue;
      default: break;
    }
    if (c < 0x20 || c == 0x7F) { out += U' '; continue; }
    // zero-width no-break space, zero width space, interlinear annotation marks; the
    // directional marks (LRM, RLM, ALM), which a text layer adds for its readers' line
    // ordering (deckhand's own: docs/text-setting.md) and which the deck's text, set again
    // by paragraph direction, does not need
    if (c == 0xFEFF || c == 0x200B || (c >= 0xFFF9 && c <= 0xFFFC) || c == 0x200E || c == 0x200F || c == 0x061C) continue;
    if (is_pua(c)) continue;
    out += c;
  }
  // Thai sara am (U+0E33) drawn as its two glyphs, nikhahit and sara aa (its
  // compatibility decomposition, with a tone mark between or not), is read as sara am
  // again; Lao likewise (U+0EB3).
  for (size_t i = 0; i < out.size(); ++i) {
    for (auto [nik, aa, am, t0, t1] : {std::array<char32_t, 5>{0x0E4D, 0x0E32, 0x0E33, 0x0E48, 0x0E4B},
                                       std::array<char32_t, 5>{0x0ECD, 0x0EB2, 0x0EB3, 0x0EC8, 0x0ECB}}) {
      if (out[i] != nik) continue;
      size_t j = i + 1;
      while (j < out.size() && out[j] >= t0 && out[j] <= t1) ++j;
      if (j < out.size() && out[j] == aa) {
        std::u32string tones = out.substr(i + 1, j - i - 1);
        out.replace(i, j - i + 1, tones + am);
      }
    }
  }
  return encode(out);
}

bool no_space_script(char32_t c) {
  return (c >= 0x0E00 && c <= 0x0EFF) || (c >= 0x1000 && c <= 0x109F) || (c >= 0x1780 && c <= 0x17FF);
}

bool is_han_ideograph(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x20000 && c <= 0x3134F);
}

bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x2FDF) ||   // CJK radicals, Kangxi radicals
         (c >= 0x3000 && c <= 0x303F) ||   // CJK symbols and punctuation
         (c >= 0x3040 && c <= 0x30FF) ||   // Hiragana, Katakana
         (c >= 0x31F0 && c <= 0x31FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ||
         (c >= 0x20000 && c <= 0x3134F);
}

bool is_bullet_glyph(char32_t c) {
  switch (c) {
    case 0x2022: case 0x2023: case 0x2043: case 0x2219: case 0x00B7: case 0x25AA: case 0x25AB:
    case 0x25A0: case 0x25A1: case 0x25CF: case 0x25CB: case 0x25E6: case 0x25B6: case 0x25B8:
    case 0x25B9: case 0x25BA: case 0x25BB: case 0x25C6: case 0x25C7: case 0x25D8: case 0x25D9: case 0x25FC: case 0x25FE:
    case 0x2713: case 0x2714: case 0x2717: case 0x2718: case 0x27A2: case 0x27A4: case 0x2794: case 0x279C:
    case 0x2192: case 0x21D2: case 0x2756: case 0x29BF: case 0x2605: case 0x2606: case 0x2666: case 0x25C9:
    case 0x00A7: case 0x30FB: case 0xFF65: case 0x25C0: case 0x2B9A: case 0x27A1:
    case 0x2660: case 0x2663: case 0x2665: case 0x2610: case 0x2611: case 0x2612: case 0x00BB: case 0x2013:
    case 0x2014: case 0x2012: case 0x002D: case 0x002A: case 0x003E: case 0x2212: case 0x25A2: case 0x25AC:
      return true;
    default:
      return is_pua(c);
  }
}

bool is_dash(char32_t c) { return c == 0x2D || c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2212; }

bool is_space(char32_t c) {
  return c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x205F;
}

std::string collapse_spaces(std::string_view s) {
  std::u32string in = decode(s), out;
  // A run of white space becomes one space. A run made only of no-break spaces (French
  // punctuation: "mot :") keeps one no-break space; a no-break space next to ordinary
  // white space (producers pad with "  \u00A0 ") is folded with it.
  bool plain = false;
  char32_t nb = 0;
  auto flush = [&] {
    if (!out.empty() && (plain || nb)) out += plain ? U' ' : nb;
    plain = false;
    nb = 0;
  };
  for (char32_t c : in) {
    if (c == 0xA0 || c == 0x202F) {
      if (!nb) nb = c;
      continue;
    }
    if (is_space(c)) { plain = true; continue; }
    flush();
    out += c;
  }
  return encode(out);
}

bool has_letter(std::string_view utf8) {
  for (char32_t c : decode(utf8))
    if (u_isalpha(static_cast<UChar32>(c))) return true;
  return false;
}

}  // namespace deckhand::unicode

#include "core/unicode.hpp"

#include <unicode/normalizer2.h>
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

std::string encode(char32_t cp) {
  std::string out;
  if (cp < 0x80) out += static_cast<char>(cp);
  else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3f)); }
  else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12)); out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18)); out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f)); out += static_cast<char>(0x80 | (cp & 0x3f));
  }
  return out;
}

std::string encode(std::u32string_view cps) {
  std::string out;
  out.reserve(cps.size());
  for (char32_t c : cps) out += encode(c);
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

std::string fold_cjk_compat(std::string_view s) {
  std::u32string in = decode(s), out;
  bool changed = false;
  for (size_t i = 0; i < in.size(); ++i) {
    const char32_t c = in[i];
    bool radical = (c >= 0x2F00 && c <= 0x2FD5) || c == 0x2E9F || c == 0x2EF3;
    bool compat = (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    if (radical || compat) {
      std::u32string f = decode(radical ? nfkc(encode(c)) : nfc(encode(c)));
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
      case 0xFB05: case 0xFB06: out += U"st"; continue;
      default: break;
    }
    if (c < 0x20 || c == 0x7F) { out += U' '; continue; }
    if (c == 0xFEFF || c == 0x200B || (c >= 0xFFF9 && c <= 0xFFFC)) continue;
    if (is_pua(c)) continue;
    out += c;
  }
  return encode(out);
}

bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x2FDF) ||   // CJK radicals, Kangxi radicals
         (c >= 0x3000 && c <= 0x303F) ||   // CJK symbols and punctuation
         (c >= 0x3040 && c <= 0x30FF) ||   // Hiragana, Katakana
         (c >= 0x31F0 && c <= 0x31FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ||
         (c >= 0x20000 && c <= 0x3134F);
}

bool is_rtl(char32_t c) {
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) ||
         (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF);
}

bool is_strong_ltr(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  if (is_rtl(c) || is_pua(c)) return false;
  if (c >= 0x00C0 && c <= 0x024F && c != 0xD7 && c != 0xF7) return true;  // Latin
  if (c >= 0x0370 && c <= 0x052F) return true;                           // Greek, Cyrillic
  if (c >= 0x0900 && c <= 0x1FFF) return true;                           // Indic ... Greek ext
  return is_cjk(c) && !(c >= 0x3000 && c <= 0x303F) && !(c >= 0xFF00 && c <= 0xFF20);
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
  bool pending = false;
  for (char32_t c : in) {
    // keep no-break spaces (French punctuation) but fold ordinary white space
    if (c != 0xA0 && c != 0x202F && is_space(c)) { pending = !out.empty(); continue; }
    if (pending) { out += U' '; pending = false; }
    out += c;
  }
  return encode(out);
}

}  // namespace deckhand::unicode

#include "core/direction.hpp"

#include <map>
#include <mutex>

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <vector>

#include "core/unicode.hpp"

namespace deckhand::direction {

namespace {
bool pua(char32_t c) { return (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0x10FFFD); }
}  // namespace

bool is_rtl(char32_t c) {
  UCharDirection d = u_charDirection(static_cast<UChar32>(c));
  return d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC;
}

bool is_ltr(char32_t c) { return !pua(c) && u_charDirection(static_cast<UChar32>(c)) == U_LEFT_TO_RIGHT; }

bool in_rtl_script(char32_t c) {
  if (is_rtl(c)) return true;
  auto cp = static_cast<UChar32>(c);
  for (UScriptCode sc : {USCRIPT_ARABIC, USCRIPT_HEBREW, USCRIPT_SYRIAC, USCRIPT_THAANA, USCRIPT_NKO})
    if (uscript_hasScript(cp, sc)) return true;
  return false;
}

bool is_mark(char32_t c) {
  int8_t t = u_charType(static_cast<UChar32>(c));
  return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK;
}

Counts count(std::u32string_view text) {
  Counts n;
  for (char32_t c : text) {
    if (is_rtl(c)) ++n.rtl;
    else if (is_ltr(c)) ++n.ltr;
  }
  return n;
}

Counts count_utf8(std::string_view text) { return count(unicode::decode(text)); }

Dir first_strong(std::u32string_view text) {
  for (char32_t c : text) {
    if (is_rtl(c)) return Dir::rtl;
    if (is_ltr(c)) return Dir::ltr;
  }
  return Dir::neutral;
}

namespace {
bool language_is_rtl_uncached(std::string_view tag) {
  std::string t(tag);
  for (auto& ch : t)
    if (ch == '_') ch = '-';
  char locale[ULOC_FULLNAME_CAPACITY] = {};
  UErrorCode err = U_ZERO_ERROR;
  uloc_forLanguageTag(t.c_str(), locale, ULOC_FULLNAME_CAPACITY, nullptr, &err);
  if (U_FAILURE(err) || locale[0] == 0) return false;
  // the likely script of a bare language ("ar" -> "ar_Arab_EG") decides
  char likely[ULOC_FULLNAME_CAPACITY] = {};
  err = U_ZERO_ERROR;
  uloc_addLikelySubtags(locale, likely, ULOC_FULLNAME_CAPACITY, &err);
  return uloc_isRightToLeft(U_SUCCESS(err) && likely[0] ? likely : locale);
}
}  // namespace

bool language_is_rtl(std::string_view tag) {
  if (tag.empty() || tag.size() > 64) return false;
  // (asked once a slide: ICU's likely subtags, once a tag)
  static std::mutex mu;
  static std::map<std::string, bool, std::less<>> known;
  std::lock_guard<std::mutex> lock(mu);
  auto it = known.find(tag);
  if (it == known.end()) it = known.emplace(std::string(tag), language_is_rtl_uncached(tag)).first;
  return it->second;
}

std::u32string logical_from_visual(std::u32string_view visual, bool rtl_paragraph) {
  if (visual.empty()) return {};
  icu::UnicodeString in = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(visual.data()),
                                                        static_cast<int32_t>(visual.size()));
  UErrorCode err = U_ZERO_ERROR;
  UBiDi* bidi = ubidi_openSized(in.length(), 0, &err);
  std::u32string out;
  if (U_SUCCESS(err)) {
    // In a left-to-right paragraph, digits as the direct algorithm resolves them (UAX #9
    // W2, N1: a number after right-to-left letters belongs to their run: "مجمع حکمرانی
    // اینترنت ۲۰۲۶" is drawn with its year on the left), not as left-to-right letters
    // (ICU's default inverse mode, kept for right-to-left paragraphs, where it reads
    // "WSIS+20" right and the direct-like mode does not)
    if (rtl_paragraph) ubidi_setInverse(bidi, true);
    else ubidi_setReorderingMode(bidi, UBIDI_REORDER_INVERSE_LIKE_DIRECT);
    ubidi_setPara(bidi, in.getBuffer(), in.length(), rtl_paragraph ? UBIDI_RTL : UBIDI_LTR, nullptr, &err);
    std::vector<UChar> buf(static_cast<size_t>(in.length()) + 16);
    int32_t n = U_SUCCESS(err) ? ubidi_writeReordered(bidi, buf.data(), static_cast<int32_t>(buf.size()), 0, &err) : 0;
    if (U_SUCCESS(err)) {
      icu::UnicodeString logical(buf.data(), n);
      std::string utf8;
      logical.toUTF8String(utf8);
      out = unicode::decode(utf8);
    }
    ubidi_close(bidi);
  }
  if (U_FAILURE(err)) {  // cannot happen with valid input; keep the text readable anyway
    out.assign(visual.begin(), visual.end());
    if (rtl_paragraph) std::u32string(out.rbegin(), out.rend()).swap(out);
  }
  return out;
}


std::vector<unsigned char> embedding_levels(std::u32string_view text, bool rtl_paragraph) {
  std::vector<unsigned char> out(text.size(), rtl_paragraph ? 1 : 0);
  if (text.empty()) return out;
  // ICU works in UTF-16: each code point's first unit carries its level
  std::u16string u16;
  std::vector<int32_t> first(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    first[i] = static_cast<int32_t>(u16.size());
    char32_t c = text[i];
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
    if (c >= 0x10000) {
      u16 += static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10));
      u16 += static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF));
    } else {
      u16 += static_cast<char16_t>(c);
    }
  }
  UErrorCode err = U_ZERO_ERROR;
  UBiDi* bidi = ubidi_openSized(static_cast<int32_t>(u16.size()), 0, &err);
  if (U_FAILURE(err) || !bidi) return out;
  ubidi_setPara(bidi, reinterpret_cast<const UChar*>(u16.data()), static_cast<int32_t>(u16.size()), rtl_paragraph ? 1 : 0,
                nullptr, &err);
  const UBiDiLevel* lv = U_SUCCESS(err) ? ubidi_getLevels(bidi, &err) : nullptr;
  if (lv && U_SUCCESS(err))
    for (size_t i = 0; i < text.size(); ++i) out[i] = lv[first[i]];
  ubidi_close(bidi);
  return out;
}

std::vector<size_t> visual_order(const std::vector<unsigned char>& levels) {
  std::vector<size_t> out(levels.size());
  if (levels.empty()) return out;
  std::vector<UBiDiLevel> lv(levels.begin(), levels.end());
  std::vector<int32_t> map(levels.size());
  ubidi_reorderVisual(lv.data(), static_cast<int32_t>(lv.size()), map.data());
  for (size_t i = 0; i < out.size(); ++i) out[i] = static_cast<size_t>(map[i]);
  return out;
}

}  // namespace deckhand::direction

#include "layout/text.hpp"

#include <linebreak.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/unicode.hpp"
#include "layout/hyphenate.hpp"

namespace deckhand::layout {

namespace {

enum class Brk : unsigned char { none, plain, hyphen, must };

bool is_sp(char32_t c) { return c == U' ' || c == U'\t'; }
bool line_end(char32_t c) { return is_sp(c) || c == U'\n' || c == U'\r' || c == 0x2028 || c == 0x2029; }
bool is_digit(char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }
bool is_alnum(char32_t c) { return u_isalnum(static_cast<UChar32>(c)); }
bool word_char(char32_t c) {
  return (U_GET_GC_MASK(static_cast<UChar32>(c)) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_ND_MASK)) != 0 || c == U'\'' ||
         c == 0x2019 || c == 0x02BC || c == U'-' || c == 0x2010 || c == 0x2011;
}

// The text in UTF-16 for ICU, and the code-point index of each UTF-16 offset.
struct Utf16 {
  icu::UnicodeString s;
  std::vector<size_t> cp;  // UTF-16 offset -> code point index (npos inside a surrogate pair)
  explicit Utf16(const std::u32string& cps) {
    s = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(cps.data()), static_cast<int32_t>(cps.size()));
    cp.assign(static_cast<size_t>(s.length()) + 1, std::string::npos);
    int32_t o = 0;
    for (size_t i = 0; i < cps.size(); ++i) {
      cp[static_cast<size_t>(o)] = i;
      o += cps[i] > 0xFFFF ? 2 : 1;
    }
    cp[static_cast<size_t>(o)] = cps.size();
  }
};

// Boundaries (code-point indices) of an ICU break iterator over the text; one iterator
// of each kind per thread (making one reads ICU's rules and dictionaries).
std::vector<bool> icu_boundaries(const Utf16& t, size_t n, bool line) {
  thread_local std::unique_ptr<icu::BreakIterator> chars, lines;
  std::unique_ptr<icu::BreakIterator>& it = line ? lines : chars;
  std::vector<bool> out(n + 1, false);
  if (!it) {
    UErrorCode e = U_ZERO_ERROR;
    it.reset(line ? icu::BreakIterator::createLineInstance(icu::Locale("th"), e)
                  : icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), e));
    if (U_FAILURE(e)) it.reset();
  }
  if (!it) {  // ICU without its data: every position is a boundary for characters, none for lines
    if (!line) out.assign(n + 1, true);
    return out;
  }
  it->setText(t.s);
  for (int32_t b = it->first(); b != icu::BreakIterator::DONE; b = it->next()) {
    size_t i = t.cp[static_cast<size_t>(b)];
    if (i != std::string::npos) out[i] = true;
  }
  return out;
}

// Where URLs, e-mail addresses and paths start and end ([a, b) pairs), within runs of
// non-space characters.
std::vector<std::pair<size_t, size_t>> url_spans(const std::u32string& cps) {
  std::vector<std::pair<size_t, size_t>> out;
  const size_t n = cps.size();
  for (size_t a = 0; a < n;) {
    if (unicode::is_space(cps[a])) {
      ++a;
      continue;
    }
    size_t b = a;
    while (b < n && !unicode::is_space(cps[b])) ++b;
    std::u32string_view tok(cps.data() + a, b - a);
    size_t from = std::u32string::npos;
    if (size_t k = tok.find(U"://"); k != std::u32string::npos && k > 0) {
      from = k;
      while (from > 0 && (is_alnum(tok[from - 1]) || tok[from - 1] == U'+' || tok[from - 1] == U'.' || tok[from - 1] == U'-'))
        --from;
    } else if (size_t w = tok.find(U"www."); w != std::u32string::npos && (w == 0 || !is_alnum(tok[w - 1]))) {
      from = w;
    } else if (size_t at = tok.find(U'@'); at != std::u32string::npos && at > 0 && is_alnum(tok[at - 1]) &&
                                           tok.find(U'.', at) != std::u32string::npos) {
      from = at;
      while (from > 0 && (is_alnum(tok[from - 1]) || tok[from - 1] == U'.' || tok[from - 1] == U'_' ||
                          tok[from - 1] == U'-' || tok[from - 1] == U'+'))
        --from;
    } else {
      size_t s = tok.find(U'/');
      if (s != std::u32string::npos && (s == 0 || tok[s - 1] == U'~' || tok[s - 1] == U'.' || tok[s - 1] == U'(') &&
          tok.find(U'/', s + 1) != std::u32string::npos) {
        from = s > 0 && tok[s - 1] != U'(' ? s - 1 : s;  // "/usr/share", "~/docs", "./run.sh"
      }
    }
    if (from != std::u32string::npos) out.push_back({a + from, b});
    a = b;
  }
  return out;
}

}  // namespace

// Where a line of `cps` may end: opp[p] for a break between cps[p - 1] and cps[p] (UAX #14
// by libunibreak, the fixes below, dictionary words, URLs, hyphenation, never inside a
// grapheme cluster). It depends on the text and language alone, not on the width: the
// shrink search wraps one text at many sizes, so each thread keeps what it found.
const std::vector<Brk>& break_opportunities(const std::u32string& cps, const std::string& lang) {
  static std::once_flag once;
  std::call_once(once, [] { init_linebreak(); });
  thread_local std::unordered_map<std::u32string, std::vector<Brk>> cache;
  std::u32string key = cps;
  key += U'\0';
  for (char c : lang) key += static_cast<char32_t>(static_cast<unsigned char>(c));
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  if (cache.size() >= 20000) cache.clear();  // (a bound on memory)
  const size_t n = cps.size();
  std::vector<Brk> opp(n + 1, Brk::none);
  {
    std::vector<char> brks(n);
    // libunibreak 1.1 (Debian 12) aborts on regional indicators (flags) and on U+FFFF: it
    // sees them as an emoji (an ideograph's class) and U+FFFD; the breaks inside a flag are
    // taken out with the other grapheme clusters' below
    const std::u32string* lb = &cps;
    std::u32string safe;
    if (std::any_of(cps.begin(), cps.end(), [](char32_t c) { return (c >= 0x1F1E6 && c <= 0x1F1FF) || c == 0xFFFF; })) {
      safe = cps;
      for (char32_t& c : safe)
        if (c >= 0x1F1E6 && c <= 0x1F1FF) c = 0x1F469;
        else if (c == 0xFFFF) c = 0xFFFD;
      lb = &safe;
    }
    set_linebreaks_utf32(reinterpret_cast<const utf32_t*>(lb->data()), n, lang.empty() ? nullptr : lang.c_str(), brks.data());
    // "WSIS+20", "ВВУИО+20": no break around a plus sign between a letter and a digit
    for (size_t i = 1; i + 1 < n; ++i)
      if (cps[i] == U'+' && !unicode::is_space(cps[i - 1]) && !unicode::is_space(cps[i + 1])) {
        brks[i - 1] = LINEBREAK_NOBREAK;
        brks[i] = LINEBREAK_NOBREAK;
      }
    // "2025-2026": a range may end a line after its hyphen (UAX #14 keeps "-5" with its digits)
    for (size_t i = 1; i + 1 < n; ++i)
      if (cps[i] == U'-' && is_digit(cps[i - 1]) && is_digit(cps[i + 1])) brks[i] = LINEBREAK_ALLOWBREAK;
    for (size_t p = 1; p < n; ++p)
      opp[p] = brks[p - 1] == LINEBREAK_MUSTBREAK ? Brk::must : brks[p - 1] == LINEBREAK_ALLOWBREAK ? Brk::plain : Brk::none;
    // a soft hyphen (U+00AD, a translator's hint): a break after it shows a hyphen
    for (size_t p = 1; p < n; ++p)
      if (cps[p - 1] == 0xAD && opp[p] != Brk::must) opp[p] = Brk::hyphen;
  }
  bool ascii = true, sa = false;
  for (char32_t c : cps) {
    if (c > 0x7F) ascii = false;
    if (unicode::no_space_script(c)) sa = true;
  }
  std::unique_ptr<Utf16> u16;
  if (!ascii) u16 = std::make_unique<Utf16>(cps);
  // Thai, Lao, Khmer, Myanmar: words by ICU's dictionaries (libunibreak 1.1 has none)
  if (sa) {
    std::vector<bool> b = icu_boundaries(*u16, n, true);
    for (size_t p = 1; p < n; ++p)
      if (b[p] && opp[p] == Brk::none && unicode::no_space_script(cps[p - 1]) && unicode::no_space_script(cps[p]))
        opp[p] = Brk::plain;
  }
  // URLs, e-mail addresses, paths: only after "/" or "."
  std::vector<std::pair<size_t, size_t>> urls = url_spans(cps);
  for (auto [a, b] : urls)
    for (size_t p = a + 1; p < b; ++p) {
      if (opp[p] == Brk::must) continue;
      const char32_t x = cps[p - 1], y = cps[p];
      opp[p] = ((x == U'/' && y != U'/') || (x == U'.' && y != U'.')) && p + 1 < b && is_alnum(y) ? Brk::plain : Brk::none;
    }
  // hyphenation points of the words outside those
  if (!Hyphenator::shared().dictionary(lang).empty()) {
    size_t u = 0;  // the next URL span
    for (size_t a = 0; a < n;) {
      while (u < urls.size() && urls[u].second <= a) ++u;
      if (u < urls.size() && urls[u].first <= a) {
        a = urls[u].second;
        continue;
      }
      if (!word_char(cps[a])) {
        ++a;
        continue;
      }
      size_t b = a;
      while (b < n && word_char(cps[b]) && !(u < urls.size() && b >= urls[u].first)) ++b;
      size_t wa = a, wb = b;  // without apostrophes and hyphens at its ends
      auto edge = [](char32_t c) { return !u_isalnum(static_cast<UChar32>(c)) && !(U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK); };
      while (wa < wb && edge(cps[wa])) ++wa;
      while (wb > wa && edge(cps[wb - 1])) --wb;
      if (wb > wa)
        for (size_t k : hyphen_points(std::u32string_view(cps.data() + wa, wb - wa), lang))
          if (opp[wa + k] == Brk::none) opp[wa + k] = Brk::hyphen;
      a = b;
    }
  }
  // never inside a grapheme cluster (a letter and its marks, an emoji ZWJ sequence)
  if (u16) {
    std::vector<bool> g = icu_boundaries(*u16, n, false);
    for (size_t p = 1; p < n; ++p)
      if (!g[p] && opp[p] != Brk::must) opp[p] = Brk::none;
  }

  return cache.emplace(std::move(key), std::move(opp)).first->second;
}

std::vector<LineRange> wrap_ranges(const std::u32string& cps, const std::function<double(char32_t)>& advance, double width,
                                   const std::string& lang) {
  return wrap_ranges_at(cps, [&](size_t i) { return advance(is_sp(cps[i]) ? U' ' : cps[i]); }, advance(U'-'), width, lang);
}

std::vector<LineRange> wrap_ranges_at(const std::u32string& cps, const std::function<double(size_t)>& advance, double hyphen_w,
                                      double width, const std::string& lang, bool break_words) {
  std::vector<LineRange> out;
  const size_t n = cps.size();
  if (n == 0) return out;
  const std::vector<Brk>& opp = break_opportunities(cps, lang);
  // ---- greedy filling
  std::vector<double> at(n + 1, 0.0);  // advance of cps[0, i)
  for (size_t i = 0; i < n; ++i) at[i + 1] = at[i] + advance(i);
  const double room = width + 1e-6;
  auto content = [&](size_t s, size_t p) {  // the end of [s, p) without its trailing spaces
    while (p > s && line_end(cps[p - 1])) --p;
    return p;
  };
  size_t s = 0;
  while (s < n) {
    size_t best = std::string::npos, first = std::string::npos;
    for (size_t p = s + 1; p <= n; ++p) {
      const Brk k = p == n ? Brk::must : opp[p];
      if (k == Brk::none) continue;
      const double w = at[content(s, p)] - at[s];
      if (first == std::string::npos) first = p;
      if (w + (k == Brk::hyphen ? hyphen_w : 0.0) <= room) best = p;
      if (k == Brk::must || w > room) break;
    }
    bool overfull = false;
    if (best == std::string::npos && break_words) {  // an emergency break: where the line is full,
      for (size_t p = s + 1; p < n && at[p] - at[s] <= room; ++p)  // before a cluster that starts there
        if (at[p + 1] > at[p] && !is_sp(cps[p]) && !is_sp(cps[p - 1]) && cps[p - 1] != U'\n') best = p;
    }
    if (best == std::string::npos) {  // nothing fits: the first allowed break, overfull
      best = first;
      overfull = true;
    }
    const Brk k = best == n ? Brk::must : opp[best];
    LineRange l;
    l.begin = s;
    l.end = content(s, best);
    l.hyphen = k == Brk::hyphen;
    l.overfull = overfull;
    out.push_back(l);
    s = best;
    if (k != Brk::must)
      while (s < n && is_sp(cps[s])) ++s;
  }
  return out;
}

std::vector<WrappedLine> wrap(const std::string& text, const FontMetrics& font, double size, double width,
                              const std::string& lang) {
  std::u32string cps = unicode::decode(text);
  std::vector<WrappedLine> out;
  for (const LineRange& r : wrap_ranges(cps, [&](char32_t c) { return font.advance(c, size); }, width, lang)) {
    WrappedLine l;
    l.text = unicode::encode(cps.substr(r.begin, r.end - r.begin));
    if (r.hyphen) l.text += '-';
    l.width = font.width(l.text, size);
    l.overfull = r.overfull;
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace deckhand::layout

#include "layout/hyphenate.hpp"

#include <hyphen.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <unordered_map>

#include "core/unicode.hpp"

namespace deckhand::layout {

struct Hyphenator::Dict {
  HyphenDict* h = nullptr;
  bool utf8 = true;
  std::unordered_map<char32_t, char> bytes;  // a single-byte character set: code point -> byte
  size_t lmin = 2, rmin = 3;
  ~Dict() {
    if (h) hnj_hyphen_free(h);
  }
};

namespace {

bool readable(const std::string& f) {
  std::ifstream in(f, std::ios::binary);
  return in.good() && in.peek() != std::ifstream::traits_type::eof();
}

// "fr-CA" -> {"fr", "CA"}; "zh-Hans-CN" -> {"zh", "CN"}; "en_GB" -> {"en", "GB"}
std::pair<std::string, std::string> parse_tag(const std::string& tag) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : tag) {
    if (c == '-' || c == '_') {
      parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  parts.push_back(cur);
  auto alpha = [](const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
  };
  std::string lang = parts[0];
  if (!alpha(lang) || lang.size() < 2 || lang.size() > 3) return {"", ""};
  for (char& c : lang) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string region;
  for (size_t i = 1; i < parts.size() && region.empty(); ++i) {
    const std::string& p = parts[i];
    if (p.size() == 2 && alpha(p)) {
      region = p;
      for (char& c : region) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (p.size() == 4 && alpha(p)) {
      continue;  // a script subtag
    } else {
      break;  // a UN M.49 number or a variant: no region file
    }
  }
  return {lang, region};
}

std::string default_region(const std::string& lang) {
  static const std::map<std::string, std::string> d = {{"en", "US"}, {"es", "ES"}, {"fr", "FR"}, {"ru", "RU"},
                                                       {"de", "DE"}, {"pt", "PT"}, {"sv", "SE"}, {"da", "DK"},
                                                       {"uk", "UA"}, {"el", "GR"}, {"cs", "CZ"}, {"sl", "SI"}};
  auto it = d.find(lang);
  if (it != d.end()) return it->second;
  std::string r = lang;
  for (char& c : r) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return r;
}

bool is_apostrophe(char32_t c) { return c == U'\'' || c == U'\u2019' || c == U'\u02BC'; }
bool is_hyphen(char32_t c) { return c == U'-' || c == U'\u2010' || c == U'\u2011'; }
bool is_mark(char32_t c) { return (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0; }
bool is_letter(char32_t c) { return (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_L_MASK) != 0; }

bool hyphenated_script(char32_t c) {
  UErrorCode e = U_ZERO_ERROR;
  UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &e);
  if (U_FAILURE(e)) return false;
  return s == USCRIPT_LATIN || s == USCRIPT_CYRILLIC || s == USCRIPT_GREEK || s == USCRIPT_COMMON ||
         s == USCRIPT_INHERITED;
}

// One lookup character for a base letter and its marks: the composed character when NFC
// makes one of them (e + U+0301 -> é), else the base; lowercased.
char32_t lookup_char(std::u32string_view cluster) {
  char32_t c = cluster[0];
  if (cluster.size() > 1) {
    UErrorCode e = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(e);
    if (U_SUCCESS(e)) {
      icu::UnicodeString s = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(cluster.data()),
                                                           static_cast<int32_t>(cluster.size()));
      icu::UnicodeString n = nfc->normalize(s, e);
      if (U_SUCCESS(e) && n.countChar32() == 1) c = static_cast<char32_t>(n.char32At(0));
    }
  }
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

// The points of one run of letters (no hyphens in it), as indices into `run`.
std::vector<size_t> run_points(const Hyphenator::Dict& d, std::u32string_view run) {
  std::vector<size_t> out;
  // clusters: a base and the marks after it
  std::vector<size_t> start;
  std::u32string look;
  for (size_t i = 0; i < run.size();) {
    size_t j = i + 1;
    while (j < run.size() && is_mark(run[j])) ++j;
    start.push_back(i);
    look += lookup_char(run.substr(i, j - i));
    i = j;
  }
  const size_t m = look.size();
  if (m < d.lmin + d.rmin) return out;
  std::string bytes;
  if (d.utf8) {
    bytes = unicode::encode(look);
  } else {
    for (char32_t c : look) {
      if (c == U'\u2019' || c == U'\u02BC') c = U'\'';
      auto it = d.bytes.find(c);
      if (it == d.bytes.end()) return out;  // the dictionary's character set cannot write it
      bytes += it->second;
    }
  }
  std::vector<char> hy(bytes.size() + 5, 0);
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  // positions in `hy` count characters (libhyphen folds UTF-8 bytes into characters)
  if (hnj_hyphen_hyphenate2(d.h, bytes.data(), static_cast<int>(bytes.size()), hy.data(), nullptr, &rep, &pos, &cut) == 0) {
    for (size_t k = 0; k + 1 < m; ++k) {
      if (!(hy[k] & 1)) continue;
      if (rep && rep[k]) continue;  // non-standard (spelling changes): not used
      const size_t at = k + 1;      // break before look[at]
      if (at < d.lmin || m - at < d.rmin) continue;
      if (is_apostrophe(look[k]) || is_apostrophe(look[at])) continue;
      out.push_back(start[at]);
    }
  }
  if (rep) {
    for (size_t k = 0; k < bytes.size(); ++k) std::free(rep[k]);
    std::free(rep);
  }
  std::free(pos);
  std::free(cut);
  return out;
}

}  // namespace

Hyphenator::Hyphenator(std::string dir) : dir_(std::move(dir)) {
  if (dir_.empty()) {
    const char* env = std::getenv("DECKHAND_HYPHEN_DIR");
    dir_ = env && *env ? env : "/usr/share/hyphen";
  }
  if (!dir_.empty() && dir_.back() != '/') dir_ += '/';
}

Hyphenator::~Hyphenator() = default;

Hyphenator& Hyphenator::shared() {
  static Hyphenator h;
  return h;
}

const Hyphenator::Dict* Hyphenator::load(const std::string& tag) {
  std::lock_guard<std::mutex> lock(mu_);
  auto known = by_lang_.find(tag);
  if (known != by_lang_.end()) return known->second.get();
  std::shared_ptr<const Dict> found;
  auto [lang, region] = parse_tag(tag);
  if (!lang.empty()) {
    std::vector<std::string> names;
    if (!region.empty()) names.push_back("hyph_" + lang + "_" + region + ".dic");
    names.push_back("hyph_" + lang + ".dic");
    names.push_back("hyph_" + lang + "_" + default_region(lang) + ".dic");
    for (const auto& n : names) {
      const std::string f = dir_ + n;
      if (!readable(f)) continue;
      auto at = by_file_.find(f);
      if (at != by_file_.end()) {
        found = at->second;
      } else {
        auto d = std::make_shared<Dict>();
        d->h = hnj_hyphen_load(f.c_str());
        if (d->h) {
          d->utf8 = d->h->utf8 != 0;
          if (!d->utf8) {  // a single-byte set (hyph_ru_RU.dic: KOI8-R): a table of its bytes
            UErrorCode e = U_ZERO_ERROR;
            UConverter* cv = ucnv_open(d->h->cset, &e);
            if (U_SUCCESS(e) && ucnv_getMaxCharSize(cv) == 1) {
              for (int b = 1; b < 256; ++b) {
                char in = static_cast<char>(b);
                UChar u[4];
                UErrorCode e2 = U_ZERO_ERROR;
                int32_t n16 = ucnv_toUChars(cv, u, 4, &in, 1, &e2);
                if (U_SUCCESS(e2) && n16 == 1 && u[0] != 0xFFFD && u[0] != 0x1A) d->bytes.emplace(u[0], in);
              }
            } else {
              hnj_hyphen_free(d->h);
              d->h = nullptr;  // a character set we cannot write: no hyphenation
            }
            if (cv) ucnv_close(cv);
          }
        }
        if (d->h) {
          d->lmin = std::max<size_t>(2, d->h->lhmin > 0 ? static_cast<size_t>(d->h->lhmin) : 0);
          d->rmin = std::max<size_t>(3, d->h->rhmin > 0 ? static_cast<size_t>(d->h->rhmin) : 0);
          // (clhmin/crhmin, the minimums at a compound's inner boundary, are libhyphen's)
          found = d;
        }
        by_file_[f] = found;
      }
      if (found) {
        found_file_[tag] = f;
        break;
      }
    }
  }
  by_lang_[tag] = found;
  return found.get();
}

std::string Hyphenator::dictionary(const std::string& lang) {
  if (!load(lang)) return "";
  std::lock_guard<std::mutex> lock(mu_);
  auto it = found_file_.find(lang);
  return it == found_file_.end() ? "" : it->second;
}

std::vector<size_t> Hyphenator::hyphen_points(std::u32string_view word, const std::string& lang) {
  std::vector<size_t> out;
  if (word.size() < 5) return out;
  size_t letters = 0;
  bool lower = false;
  for (char32_t c : word) {
    if (is_letter(c)) {
      if (!hyphenated_script(c)) return out;  // Arabic, Hebrew, CJK, Thai...: not hyphenated
      ++letters;
      if (!u_isupper(static_cast<UChar32>(c)) && !u_istitle(static_cast<UChar32>(c))) lower = true;
    } else if (!is_mark(c) && !is_apostrophe(c) && !is_hyphen(c)) {
      return out;  // a digit, or a URL, an e-mail address, a path...
    }
  }
  if (!lower && letters <= 5) return out;  // an acronym
  const Dict* d = load(lang);
  if (!d) return out;
  for (size_t i = 0; i < word.size();) {
    if (is_hyphen(word[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < word.size() && !is_hyphen(word[j])) ++j;
    for (size_t p : run_points(*d, word.substr(i, j - i))) out.push_back(i + p);
    i = j;
  }
  return out;
}

std::vector<size_t> hyphen_points(std::u32string_view word, const std::string& lang) {
  return Hyphenator::shared().hyphen_points(word, lang);
}

}  // namespace deckhand::layout

// Hyphenation (layout/hyphenate.hpp) and line breaking with it (layout/text.hpp,
// wrap_ranges): on Debian's real dictionaries (a test whose dictionary is not installed is
// skipped), with a fixed advance per character. The rule under test: no word is broken
// without a hyphen outside CJK, Thai and URLs; a word that cannot be broken is left whole
// on an overfull line.
#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include <unistd.h>

#include "core/unicode.hpp"
#include "deckhand/data_dir.hpp"
#include "l10n/strings.hpp"
#include "layout/hyphenate.hpp"
#include "layout/text.hpp"

using namespace deckhand;
using namespace deckhand::layout;

namespace {

std::u32string U(const std::string& s) { return unicode::decode(s); }
std::string S(std::u32string_view s) { return unicode::encode(s); }

bool has_dict(const std::string& lang) { return !Hyphenator::shared().dictionary(lang).empty(); }
#define NEED_DICT(lang) \
  if (!has_dict(lang)) GTEST_SKIP() << "no hyphenation dictionary for " << lang << " (Debian: hyphen-*)"

// Every character 1 wide (a CJK ideograph or kana 2, combining marks and ZWJ 0).
double adv(char32_t c) {
  if ((U_GET_GC_MASK(static_cast<UChar32>(c)) & (U_GC_MN_MASK | U_GC_ME_MASK)) || c == 0x200D) return 0;
  return unicode::is_cjk(c) ? 2 : 1;
}
double width_of(std::u32string_view s) {
  double w = 0;
  for (char32_t c : s) w += adv(c);
  return w;
}

bool is_mark(char32_t c) { return (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0; }
bool is_letter(char32_t c) { return (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_L_MASK) != 0; }
UScriptCode script(char32_t c) {
  UErrorCode e = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &e);
}
bool breakable_script(char32_t c) { return unicode::is_cjk(c) || unicode::no_space_script(c); }

// Checks one wrapping of `text`; returns a description of the first fault ("" if none).
// `urls`: the [a, b) spans of URLs in the text (breaks there only after "/" or ".").
std::string check_wrap(const std::u32string& text, const std::vector<LineRange>& lines, double w, const std::string& lang,
                       const std::vector<std::pair<size_t, size_t>>& urls = {}) {
  auto where = [&](size_t i) { return " at line " + std::to_string(i) + " \"" + S(text.substr(lines[i].begin, lines[i].end - lines[i].begin)) + "\" width " + std::to_string(w); };
  std::u32string joined, all;
  for (char32_t c : text)
    if (!unicode::is_space(c)) all += c;
  for (size_t i = 0; i < lines.size(); ++i) {
    const LineRange& l = lines[i];
    if (l.begin > l.end || l.end > text.size()) return "bad range" + where(i);
    for (size_t k = l.begin; k < l.end; ++k)
      if (!unicode::is_space(text[k])) joined += text[k];
    double lw = width_of(std::u32string_view(text).substr(l.begin, l.end - l.begin)) + (l.hyphen ? 1 : 0);
    if (!l.overfull && lw > w + 1e-9) return "too wide and not overfull" + where(i);
    if (l.overfull && lw <= w + 1e-9) return "overfull but fits" + where(i);
    if (l.begin < text.size() && is_mark(text[l.begin])) return "starts with a combining mark" + where(i);
    if (l.begin > 0 && l.begin < text.size() && text[l.begin - 1] == 0x200D) return "starts after a ZWJ" + where(i);
    if (i + 1 == lines.size()) {
      if (l.hyphen) return "last line hyphenated" + where(i);
      continue;
    }
    const size_t p = lines[i + 1].begin;
    if (l.end < p) {  // white space between the lines: a break between words
      if (l.hyphen) return "hyphen before a space" + where(i);
      continue;
    }
    const char32_t x = text[p - 1], y = text[p];
    bool in_url = false;
    for (auto [a, b] : urls) in_url = in_url || (p > a && p < b);
    if (l.hyphen) {
      if (!is_letter(x) && !is_mark(x)) return "hyphen after a non-letter" + where(i);
      if (!is_letter(y)) return "hyphen before a non-letter" + where(i);
      if (script(x) == USCRIPT_ARABIC || script(y) == USCRIPT_ARABIC) return "Arabic hyphenated" + where(i);
      if (in_url) return "URL hyphenated" + where(i);
      // the point is one of the word's
      // (the word as wrap_ranges sees it: letters, marks, digits, apostrophes and hyphens, its
      // ends trimmed to a letter or digit)
      auto in_word = [](char32_t c) {
        return is_letter(c) || is_mark(c) || u_isdigit(static_cast<UChar32>(c)) || c == U'\'' || c == 0x2019 || c == U'-';
      };
      size_t a = p, b = p;
      while (a > 0 && in_word(text[a - 1])) --a;
      while (b < text.size() && in_word(text[b])) ++b;
      while (!is_letter(text[a]) && !u_isdigit(static_cast<UChar32>(text[a]))) ++a;
      while (!is_letter(text[b - 1]) && !is_mark(text[b - 1]) && !u_isdigit(static_cast<UChar32>(text[b - 1]))) --b;
      auto pts = hyphen_points(std::u32string_view(text).substr(a, b - a), lang);
      if (std::find(pts.begin(), pts.end(), p - a) == pts.end()) return "not a hyphenation point" + where(i);
      continue;
    }
    if (in_url) {
      if (x != U'/' && x != U'.') return "URL broken after something else than / or ." + where(i);
      continue;
    }
    if (breakable_script(x) || breakable_script(y)) continue;  // CJK, Thai
    if ((is_letter(x) || is_mark(x) || u_isdigit(static_cast<UChar32>(x))) && (is_letter(y) || is_mark(y) || u_isdigit(static_cast<UChar32>(y))))
      return "a word broken without a hyphen" + where(i);
  }
  if (joined != all) return "characters lost or added: \"" + S(joined) + "\"";
  return "";
}

std::string check_all_widths(const std::u32string& text, const std::string& lang, double from = 1, double to = 60,
                             const std::vector<std::pair<size_t, size_t>>& urls = {}) {
  for (double w = from; w <= to; w += 1) {
    auto lines = wrap_ranges(text, adv, w, lang);
    std::string f = check_wrap(text, lines, w, lang, urls);
    if (!f.empty()) return f;
  }
  return "";
}

}  // namespace

// The checker itself: a split inside a word without a hyphen, a hyphen inside Arabic, a
// URL broken after its "-" are caught.
TEST(WrapHyphen, TheCheckerCatchesWhatItLooksFor) {
  std::u32string t = U("le déploiement");
  EXPECT_NE(check_wrap(t, {{0, 5, false, false}, {5, 14, false, false}}, 5, "fr"), "");
  EXPECT_NE(check_wrap(t, {{0, 2, false, false}, {3, 7, true, false}, {7, 14, false, false}}, 20, "fr"), "") << "not a point";
  std::u32string a = U("الاستراتيجيات");
  EXPECT_NE(check_wrap(a, {{0, 5, true, false}, {5, a.size(), false, false}}, 20, "ar"), "");
  std::u32string u = U("https://a-b.org/x");
  EXPECT_NE(check_wrap(u, {{0, 10, false, false}, {10, u.size(), false, false}}, 20, "en", {{0, u.size()}}), "");
  EXPECT_NE(check_wrap(t, {{0, 14, false, false}}, 5, "fr"), "") << "too wide, not said overfull";
  EXPECT_EQ(check_wrap(t, {{0, 2, false, false}, {3, 14, false, false}}, 20, "fr"), "");
}

// ---- the hyphenator

TEST(Hyphenator, PointsLieInsideTheWordAndRespectTheMinimums) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> words = {
      {"fr", {"déploiement", "internationalisation", "gouvernementales", "multipartite", "développement"}},
      {"ru", {"межправительственными", "информационного", "сотрудничество", "организации"}},
      {"es", {"responsabilidades", "internacionalización", "gobernanza", "desarrollo"}},
      {"en", {"internationalisation", "governance", "multistakeholder", "development"}},
  };
  for (const auto& [lang, list] : words) {
    if (!has_dict(lang)) continue;
    for (const auto& w8 : list) {
      std::u32string w = U(w8);
      auto pts = hyphen_points(w, lang);
      EXPECT_FALSE(pts.empty()) << w8 << " (" << lang << ") has no hyphenation point";
      for (size_t k = 0; k < pts.size(); ++k) {
        EXPECT_GE(pts[k], 2u) << w8;
        EXPECT_LE(pts[k] + 3, w.size()) << w8;
        if (k) {
          EXPECT_LT(pts[k - 1], pts[k]) << w8;
        }
      }
    }
  }
}

TEST(Hyphenator, FrenchDeploiementAsTheDictionarySaysWhateverTheCase) {
  NEED_DICT("fr");
  auto lower = hyphen_points(U("déploiement"), "fr");
  EXPECT_EQ(hyphen_points(U("Déploiement"), "fr"), lower);
  EXPECT_EQ(hyphen_points(U("DÉPLOIEMENT"), "fr"), lower);
  EXPECT_EQ(hyphen_points(U("déploiement"), "fr-CA"), lower);
  // hyph_fr.dic (hyphen-fr 2.x): dé-ploie-ment
  EXPECT_EQ(lower, (std::vector<size_t>{2, 7}));
}

TEST(Hyphenator, RussianDictionaryInKoi8rIsRead) {
  NEED_DICT("ru");
  EXPECT_NE(Hyphenator::shared().dictionary("ru").find("hyph_ru"), std::string::npos);
  std::u32string w = U("межправительственными");
  auto pts = hyphen_points(w, "ru");
  ASSERT_FALSE(pts.empty());
  for (size_t p : pts) EXPECT_TRUE(p >= 2 && p + 3 <= w.size());
  EXPECT_EQ(hyphen_points(U("Межправительственными"), "ru-RU"), pts);
}

TEST(Hyphenator, LanguageTagsPickTheRegionThenTheLanguageThenADefault) {
  NEED_DICT("en");
  EXPECT_FALSE(Hyphenator::shared().dictionary("en-GB").empty());
  EXPECT_FALSE(Hyphenator::shared().dictionary("en_US").empty());
  if (has_dict("es")) {
    EXPECT_FALSE(Hyphenator::shared().dictionary("es-MX").empty());
    EXPECT_FALSE(Hyphenator::shared().dictionary("es-419").empty());
  }
  for (const char* none : {"", "ar", "zh", "zh-Hans-CN", "ja", "th", "x", "qps-ploc", "not a tag"})
    EXPECT_EQ(Hyphenator::shared().dictionary(none), "") << none;
}

TEST(Hyphenator, NoPointsInNumbersUrlsAcronymsAndUnhyphenatedScripts) {
  NEED_DICT("en");
  for (const char* w : {"COVID19", "2025", "2025-2026", "https://www.internetgovernance.org", "secretariat@internationalisation.org",
                        "/usr/share/hyphen", "UNDP", "WSIS", "ICANN", "WSIS+20", "version3", "internationalisation2"})
    EXPECT_TRUE(hyphen_points(U(w), "en").empty()) << w;
  EXPECT_TRUE(hyphen_points(U("الاستراتيجيات"), "en").empty());
  EXPECT_TRUE(hyphen_points(U("信息社会世界峰会"), "en").empty());
  EXPECT_TRUE(hyphen_points(U("internationalisation"), "ar").empty());
  EXPECT_TRUE(hyphen_points(U("internationalisation"), "").empty());
  EXPECT_FALSE(hyphen_points(U("INTERNATIONALISATION"), "en").empty()) << "a long all-capital word is a word";
}

TEST(Hyphenator, HyphenatedCompoundsArePartByPartAndNeverNextToTheirHyphen) {
  NEED_DICT("fr");
  std::u32string w = U("non-gouvernementales");
  auto pts = hyphen_points(w, "fr");
  ASSERT_FALSE(pts.empty());
  for (size_t p : pts) {
    EXPECT_GE(p, 6u) << "no point in \"non\" nor right after its hyphen";
    EXPECT_NE(w[p - 1], U'-');
    EXPECT_NE(w[p], U'-');
  }
}

TEST(Hyphenator, CombiningMarksStayWithTheirLetter) {
  NEED_DICT("fr");
  std::u32string composed = U("déploiement");
  std::u32string decomposed = U("de\u0301ploiement");  // e + COMBINING ACUTE ACCENT
  auto a = hyphen_points(composed, "fr");
  auto b = hyphen_points(decomposed, "fr");
  ASSERT_EQ(a.size(), b.size());
  for (size_t k = 0; k < a.size(); ++k) {
    EXPECT_EQ(b[k], a[k] + 1) << "the same points, one further for the mark";
    EXPECT_FALSE(is_mark(decomposed[b[k]]));
  }
}

TEST(Hyphenator, DictionaryFolderFromTheEnvironment) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("deckhand-hyph-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    std::ofstream f(dir / "hyph_xx_YY.dic");
    f << "UTF-8\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n1b\n";  // a point before every b
  }
  const char* old = std::getenv("DECKHAND_HYPHEN_DIR");
  std::string saved = old ? old : "";
  ::setenv("DECKHAND_HYPHEN_DIR", dir.c_str(), 1);
  {
    Hyphenator h;
    EXPECT_EQ(h.dictionary("xx"), "") << "xx alone looks for hyph_xx.dic, then hyph_xx_XX.dic";
    EXPECT_EQ(h.dictionary("xx-YY"), (dir / "hyph_xx_YY.dic").string());
    // the minimums (2 before, 3 after) are kept even when the dictionary allows less
    EXPECT_EQ(h.hyphen_points(U("abababab"), "xx-YY"), (std::vector<size_t>{3, 5}));
    EXPECT_EQ(h.dictionary("fr"), "") << "only the folder named is read";
  }
  if (old) ::setenv("DECKHAND_HYPHEN_DIR", saved.c_str(), 1);
  else ::unsetenv("DECKHAND_HYPHEN_DIR");
  {
    Hyphenator h((dir / "missing").string());
    EXPECT_EQ(h.dictionary("en"), "");
    EXPECT_TRUE(h.hyphen_points(U("internationalisation"), "en").empty()) << "no dictionary: no points, nothing thrown";
  }
  {
    std::ofstream f(dir / "hyph_zz.dic");  // not a dictionary: an unknown character set
    f << "NO-SUCH-CHARSET\n1b\n";
  }
  Hyphenator h(dir.string());
  EXPECT_TRUE(h.hyphen_points(U("internationalisation"), "zz").empty());
  fs::remove_all(dir);
}

// ---- line breaking with hyphenation

TEST(WrapHyphen, DeploiementInANarrowColumnEndsLinesWithHyphensAndRejoins) {
  NEED_DICT("fr");
  std::u32string w = U("Déploiement");
  for (double width = 6; width < 11; width += 1) {  // "ploie-" is 6 wide
    auto lines = wrap_ranges(w, adv, width, "fr");
    ASSERT_GE(lines.size(), 2u) << width;
    std::u32string rejoined;
    for (size_t k = 0; k < lines.size(); ++k) {
      rejoined += w.substr(lines[k].begin, lines[k].end - lines[k].begin);
      EXPECT_EQ(lines[k].hyphen, k + 1 < lines.size()) << width;
      EXPECT_FALSE(lines[k].overfull) << width;
      EXPECT_LE(lines[k].end - lines[k].begin + (lines[k].hyphen ? 1 : 0), width) << "the hyphen counts in the fit";
    }
    EXPECT_EQ(rejoined, w);
  }
  // the last point that fits: "Déploie-" at 8, "Dé-" at 7
  EXPECT_EQ(wrap_ranges(w, adv, 8, "fr")[0].end, 7u);
  EXPECT_EQ(wrap_ranges(w, adv, 7, "fr")[0].end, 2u);
  EXPECT_EQ(wrap_ranges(w, adv, 11, "fr").size(), 1u);
  // narrower than a part: each part on its own line, overfull, still with its hyphen
  auto lines = wrap_ranges(w, adv, 3, "fr");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_FALSE(lines[0].overfull);  // "Dé-"
  EXPECT_TRUE(lines[1].overfull);   // "ploie-"
  EXPECT_TRUE(lines[1].hyphen);
  EXPECT_TRUE(lines[2].overfull);   // "ment"
  EXPECT_FALSE(lines[2].hyphen);
}

TEST(WrapHyphen, AWordThatDoesNotFitTheLineEndIsHyphenatedThere) {
  NEED_DICT("fr");
  std::u32string t = U("Le déploiement progressif");
  auto lines = wrap_ranges(t, adv, 12, "fr");
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(S(t.substr(lines[0].begin, lines[0].end - lines[0].begin)), "Le déploie");
  EXPECT_TRUE(lines[0].hyphen);
  EXPECT_EQ(check_all_widths(t, "fr"), "");
}

TEST(WrapHyphen, WrapReturnsTextsEndingWithAHyphen) {
  NEED_DICT("fr");
  FontMetrics f(std::string(kSourceDataDir) + "/fonts/DejaVuSans.ttf");
  double full = f.width("Déploiement", 10);
  auto lines = wrap("Déploiement", f, 10, full * 0.7, "fr");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "Déploie-");
  EXPECT_EQ(lines[1].text, "ment");
  EXPECT_LE(lines[0].width, full * 0.7);
  EXPECT_FALSE(lines[0].overfull);
}

TEST(WrapHyphen, AWordWithoutPointsIsNeverSplitItsLineIsOverfull) {
  for (const char* lang : {"", "xx", "ar"}) {
    std::u32string t = U("internationalisation");
    auto lines = wrap_ranges(t, adv, 6, lang);
    ASSERT_EQ(lines.size(), 1u) << lang;
    EXPECT_TRUE(lines[0].overfull);
    EXPECT_FALSE(lines[0].hyphen);
    EXPECT_EQ(lines[0].end, t.size());
  }
  std::u32string t = U("le internationalisation de");
  auto lines = wrap_ranges(t, adv, 6, "");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_FALSE(lines[0].overfull);
  EXPECT_TRUE(lines[1].overfull);
  EXPECT_FALSE(lines[2].overfull);
}

TEST(WrapHyphen, ArabicOverlongWordIsOverfullNeverSplit) {
  std::u32string w = U("الاستراتيجيات");
  for (const char* lang : {"ar", "fr", "en"})
    for (double width = 1; width < w.size(); width += 1) {
      auto lines = wrap_ranges(w, adv, width, lang);
      ASSERT_EQ(lines.size(), 1u);
      EXPECT_TRUE(lines[0].overfull);
      EXPECT_FALSE(lines[0].hyphen);
    }
  std::u32string t = U("تنفيذ الاستراتيجيات الوطنية");
  EXPECT_EQ(check_all_widths(t, "ar"), "");
}

TEST(WrapHyphen, UrlsBreakOnlyAfterSlashOrDot) {
  NEED_DICT("en");
  std::u32string t = U("See https://www.intgovforum.org/multilingual/content/igf2025 and www.itu.int/net4/wsis/forum for details");
  auto spans = [&] {
    std::vector<std::pair<size_t, size_t>> s;
    for (const char* u : {"https://www.intgovforum.org/multilingual/content/igf2025", "www.itu.int/net4/wsis/forum"}) {
      size_t a = t.find(U(u));
      s.push_back({a, a + U(u).size()});
    }
    return s;
  }();
  EXPECT_EQ(check_all_widths(t, "en", 3, 70, spans), "");
  bool broken_inside = false;
  for (double w = 8; w < 40; ++w)
    for (const auto& l : wrap_ranges(t, adv, w, "en"))
      for (auto [a, b] : spans) broken_inside = broken_inside || (l.end > a && l.end < b);
  EXPECT_TRUE(broken_inside) << "a URL longer than the line is broken (after / or .)";
  // an e-mail address and a path: no hyphen either
  EXPECT_EQ(check_all_widths(U("Write to secretariat@internationalisation.example.org or read /usr/share/doc/deckhand"), "en"), "");
}

TEST(WrapHyphen, ChineseBreaksBetweenIdeographs) {
  std::u32string t = U("信息社会世界峰会是联合国的会议");
  auto lines = wrap_ranges(t, adv, 6, "zh");
  EXPECT_GE(lines.size(), 4u);
  for (const auto& l : lines) {
    EXPECT_FALSE(l.hyphen);
    EXPECT_FALSE(l.overfull);
  }
  EXPECT_EQ(check_all_widths(t, "zh", 2, 40), "");
}

TEST(WrapHyphen, ThaiBreaksBetweenWordsFoundByDictionary) {
  std::u32string t = U("การประชุมสุดยอดระดับโลกว่าด้วยสังคมสารสนเทศ");
  auto lines = wrap_ranges(t, adv, 10, "th");
  EXPECT_GE(lines.size(), 3u);
  for (const auto& l : lines) EXPECT_FALSE(l.hyphen);
  EXPECT_EQ(check_all_widths(t, "th", 2, 50), "");
}

TEST(WrapHyphen, CombiningMarksStayWithTheirBase) {
  NEED_DICT("fr");
  std::u32string t = U("Le de\u0301ploiement re\u0301gional des te\u0301le\u0301communications");
  EXPECT_EQ(check_all_widths(t, "fr"), "");
  EXPECT_EQ(check_all_widths(t, ""), "");
  std::u32string emoji = U("👩\u200D💻👩\u200D💻👩\u200D💻 🇫🇷🇫🇷 👍🏽👍🏽 \uFFFF");
  EXPECT_EQ(check_all_widths(emoji, "en"), "");
  for (const auto& l : wrap_ranges(emoji, adv, 2, "en")) {  // a flag is two regional indicators
    EXPECT_FALSE(l.begin > 0 && emoji[l.begin] >= 0x1F1E6 && emoji[l.begin] <= 0x1F1FF && (l.begin - emoji.find(U'\U0001F1EB')) % 2 == 1);
  }
}

TEST(WrapHyphen, RangesOfNumbersBreakOnlyAfterTheirHyphen) {
  std::u32string t = U("2025-2026");
  for (double w = 1; w < 12; ++w) {
    auto lines = wrap_ranges(t, adv, w, "en");
    ASSERT_LE(lines.size(), 2u);
    for (const auto& l : lines) EXPECT_FALSE(l.hyphen);
    if (lines.size() == 2) {
      EXPECT_EQ(lines[0].end, 5u) << "\"2025-\" / \"2026\"";
      EXPECT_EQ(lines[1].begin, 5u);
    }
  }
  EXPECT_EQ(wrap_ranges(t, adv, 6, "en").size(), 2u);
  EXPECT_EQ(check_all_widths(U("Plan 2025-2026 and WSIS+20 in 2025"), "en"), "");
}

TEST(WrapHyphen, ExistingSpecialCasesAreKept) {
  std::u32string t = U("Pourquoi s’engager dans le SMSI+20\u202F? Principe directeur\u00A0: parler");
  for (double w = 3; w < 60; ++w) {
    auto lines = wrap_ranges(t, adv, w, "fr");
    for (const auto& l : lines) {
      std::u32string s = t.substr(l.begin, l.end - l.begin);
      EXPECT_NE(s.front(), U'?');
      EXPECT_NE(s.front(), U':');
      EXPECT_NE(s.front(), U'+');
      EXPECT_NE(s.front(), U'2') << "SMSI+20 kept whole";
    }
  }
  EXPECT_EQ(check_all_widths(t, "fr"), "");
  // mandatory breaks and the spaces at line ends
  auto lines = wrap_ranges(U("un deux\ntrois  \n\nquatre"), adv, 100, "fr");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].end, 7u);
  EXPECT_EQ(lines[1].begin, 8u);
  EXPECT_EQ(lines[1].end, 13u);
  EXPECT_EQ(lines[2].begin, lines[2].end);
}

// ---- the property: random texts of the six UN languages

namespace {

const std::vector<std::pair<std::string, std::vector<std::string>>>& un_words() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> w = {
      {"en", {"internationalisation", "multistakeholder", "governance", "the", "Internet", "of", "sustainable", "development",
              "information", "society", "World", "Summit", "on", "the", "implementation", "responsibilities", "intergovernmental",
              "organisations", "WSIS+20", "review", "2025", "e-mail", "https://www.itu.int/net4/wsis/", "IETF", "open",
              "standards", "interoperability", "capacity-building", "telecommunications", "accountability", "digital",
              "co-operation"}},
      {"fr", {"internationalisation", "déploiement", "progressif", "gouvernance", "l’Internet", "société", "de", "l’information",
              "Sommet", "mondial", "sur", "la", "mise", "en", "œuvre", "responsabilités", "intergouvernementales", "organisations",
              "SMSI+20", "examen", "aujourd’hui", "non-gouvernementales", "multipartite", "développement", "durable",
              "télécommunications", "interopérabilité", "renforcement", "des", "capacités", "numérique", "Pourquoi\u202F?"}},
      {"es", {"responsabilidades", "internacionalización", "gobernanza", "de", "Internet", "sociedad", "la", "información",
              "Cumbre", "Mundial", "sobre", "aplicación", "intergubernamentales", "organizaciones", "CMSI+20", "examen",
              "desarrollo", "sostenible", "telecomunicaciones", "interoperabilidad", "fortalecimiento", "capacidades",
              "digital", "múltiples", "partes", "interesadas", "¿Por", "qué?", "transparencia", "cooperación",
              "infraestructura"}},
      {"ru", {"межправительственными", "интернационализация", "управление", "Интернетом", "информационного", "общества",
              "Всемирная", "встреча", "на", "высшем", "уровне", "по", "вопросам", "осуществление", "ответственность",
              "организации", "ВВУИО+20", "обзор", "устойчивого", "развития", "многосторонний", "телекоммуникации",
              "совместимость", "наращивание", "потенциала", "цифровой", "сотрудничество", "неправительственных",
              "инфраструктуры", "2025-2026"}},
      {"ar", {"الاستراتيجيات", "إدارة", "الإنترنت", "مجتمع", "المعلومات", "القمة", "العالمية", "بشأن", "تنفيذ", "المسؤوليات",
              "الحكومية", "الدولية", "المنظمات", "استعراض", "التنمية", "المستدامة", "أصحاب", "المصلحة", "المتعددين", "الاتصالات",
              "قابلية", "التشغيل", "البيني", "بناء", "القدرات", "الرقمية", "والتعاون", "في", "من", "المعلوماتية",
              "لماذا؟", "٢٠٢٥"}},
      {"zh", {"信息社会世界峰会", "互联网治理", "的", "可持续发展", "实施", "责任", "政府间", "组织", "审查", "多利益攸关方",
              "电信", "互操作性", "能力建设", "数字", "合作", "标准", "开放", "为什么？", "，", "。", "是", "和", "在",
              "基础设施", "技术", "制定", "首要", "场所", "安全", "可信", "WSIS+20"}},
  };
  return w;
}

}  // namespace

TEST(WrapHyphen, NoWordOfTheSixUnLanguagesIsBrokenWithoutAHyphen) {
  std::mt19937 rng(20250614);
  int texts = 0, wraps = 0, hyphenated = 0, overfull = 0;
  for (const auto& [lang, words] : un_words()) {
    for (int n = 0; n < 25; ++n) {
      std::uniform_int_distribution<size_t> pick(0, words.size() - 1), len(3, 20);
      std::u32string t;
      size_t count = len(rng);
      for (size_t k = 0; k < count; ++k) {
        if (!t.empty() && lang != "zh") t += U' ';
        t += U(words[pick(rng)]);
      }
      ++texts;
      for (double w = 2; w <= 45; w += 1) {
        auto lines = wrap_ranges(t, adv, w, lang);
        ++wraps;
        for (const auto& l : lines) {
          hyphenated += l.hyphen;
          overfull += l.overfull;
        }
        // URLs in the text, for the checker
        std::vector<std::pair<size_t, size_t>> urls;
        for (size_t a = t.find(U"https://"); a != std::u32string::npos; a = t.find(U"https://", a + 1)) {
          size_t b = a;
          while (b < t.size() && t[b] != U' ') ++b;
          urls.push_back({a, b});
        }
        std::string f = check_wrap(t, lines, w, lang, urls);
        ASSERT_EQ(f, "") << lang << ": " << S(t);
      }
    }
  }
  EXPECT_EQ(texts, 150);
  if (has_dict("fr") && has_dict("en")) {
    EXPECT_GT(hyphenated, 0);
  }
  EXPECT_GT(overfull, 0);
}

TEST(WrapHyphen, PseudoTranslationsAreBrokenOnlyBetweenWordsOrWithAHyphen) {
  const std::vector<std::string> sources = {
      "Why engage in WSIS+20?", "Internationalisation of the multistakeholder governance model",
      "The IETF develops open standards for an interoperable, secure and trustworthy Internet",
      "Capacity-building and accountability: responsibilities of intergovernmental organisations", "Agenda 2025-2026"};
  for (const auto& src : sources) {
    for (double ex : {0.0, 0.4, 1.0}) {
      std::u32string t = U(l10n::pseudo(src, ex));
      for (const char* lang : {"", "en", "fr", "qps-ploc"}) EXPECT_EQ(check_all_widths(t, lang, 2, 80), "") << lang << ": " << S(t);
    }
  }
  // and the brief's own sample
  std::u32string t = U("[Ŵĥý Éñĝåĝé îñ ŴŠÎŠ+20? ~~~~]");
  EXPECT_EQ(check_all_widths(t, "en", 2, 40), "");
}

// A soft hyphen (U+00AD) a translator typed is a place to break with a hyphen, in any
// language (no dictionary needed); Setter.ASoftHyphenIsNotDrawn checks it is not drawn.
TEST(WrapHyphen, ASoftHyphenIsABreakWithAHyphen) {
  std::u32string w = U("Zusammen\u00ADarbeit");
  auto lines = wrap_ranges(w, adv, 10, "xx");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[0].hyphen);
  EXPECT_EQ(lines[0].end, 9u);  // after the soft hyphen
  EXPECT_FALSE(lines[1].hyphen);
  EXPECT_EQ(wrap_ranges(w, adv, 20, "xx").size(), 1u);
}

// A handout's column (break_words, layout/engine.cpp): a word no allowed break makes fit
// is broken where the line is full, between two characters, without a hyphen; a combining
// mark stays on its letter; without break_words the line is overfull, as before.
TEST(WrapEmergency, AWordWiderThanTheColumnIsBrokenWhereTheLineIsFull) {
  auto at = [](const std::u32string& s) {
    return [s](size_t i) { return s[i] == U'\u0301' ? 0.0 : adv(s[i]); };  // (a mark: 0, in its letter's cluster)
  };
  const std::u32string rule = U"see ========================================";  // 40 '='
  auto whole = wrap_ranges_at(rule, at(rule), 1, 20, "en");
  ASSERT_EQ(whole.size(), 2u);
  EXPECT_TRUE(whole[1].overfull);
  auto broken = wrap_ranges_at(rule, at(rule), 1, 20, "en", true);
  ASSERT_GE(broken.size(), 3u);
  size_t chars = 0;
  for (const auto& l : broken) {
    EXPECT_FALSE(l.overfull);
    EXPECT_FALSE(l.hyphen);
    double w = 0;
    for (size_t i = l.begin; i < l.end; ++i) w += at(rule)(i);
    EXPECT_LE(w, 20 + 1e-6);
    chars += l.end - l.begin;
  }
  EXPECT_EQ(chars, rule.size() - 1);  // every character but the space, once
  // a mark is never split from its letter
  std::u32string marked;
  for (int i = 0; i < 30; ++i) marked += U"e\u0301";
  for (const auto& l : wrap_ranges_at(marked, at(marked), 1, 7, "en", true)) {
    EXPECT_NE(marked[l.begin], U'\u0301');
    EXPECT_FALSE(l.overfull);
  }
}

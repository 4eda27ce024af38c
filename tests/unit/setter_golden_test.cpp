// Reference tests of text setting (issue 17, in the manner of typst's reference tests): many
// small inputs per file in tests/golden/setter/*.txt, each set by the text setter
// (layout/setter.hpp) with the bundled fonts of the outline layout, and compared with the
// expected glyph runs in the .expected file beside it. UPDATE_GOLDEN=1 rewrites the
// .expected files: review the diff before committing.
//
// Input format, one case after another:
//   == name                  starts a case
//   lang ar | size 20 | width 180 | rtl | bold | align left|right|centre
//   text <the text>          the paragraph (\n in it: a mandatory break); ends the case
// Output: per line its range, width and left end; per run its font file, direction, x and
// text; per glyph its id, advance, offset (points, 0.01) and cluster text.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/unicode.hpp"
#include "deckhand/data_dir.hpp"
#include "layout/engine.hpp"
#include "layout/setter.hpp"

using namespace deckhand;
using namespace deckhand::layout;
namespace fs = std::filesystem;

namespace {

std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.2f", std::abs(v) < 0.005 ? 0.0 : v);
  return b;
}

std::string set_cases(const std::string& input, const FontSet& fonts) {
  std::istringstream in(input);
  std::ostringstream out;
  std::string line, name, lang, align = "left";
  double size = 12, width = 200;
  bool rtl = false, bold = false;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("== ", 0) == 0) {
      name = line.substr(3), lang.clear(), align = "left", size = 12, width = 200, rtl = false, bold = false;
      continue;
    }
    std::string key = line.substr(0, line.find(' ')), val = line.find(' ') == std::string::npos ? "" : line.substr(line.find(' ') + 1);
    if (key == "lang") lang = val;
    else if (key == "size") size = std::stod(val);
    else if (key == "width") width = std::stod(val);
    else if (key == "rtl") rtl = true;
    else if (key == "bold") bold = true;
    else if (key == "align") align = val;
    else if (key == "text") {
      std::string text;
      for (size_t i = 0; i < val.size(); ++i)
        if (val[i] == '\\' && i + 1 < val.size() && val[i + 1] == 'n') text += '\n', ++i;
        else text += val[i];
      TextSetter ts(fonts);
      Paragraph p = ts.paragraph(text, {size, bold, {}}, rtl, lang);
      out << "== " << name << " (" << (rtl ? "rtl" : "ltr") << ", " << lang << ", " << num(size) << " pt, " << num(width) << " pt, "
          << align << ")\n";
      for (const auto& l : p.wrap(width, lang)) {
        auto runs = p.set(l, 0, 0);
        double w = 0;
        for (const auto& r : runs) w += r.width;
        double x = align == "right" ? width - w : align == "centre" ? (width - w) / 2 : 0;
        out << "line " << l.begin << "-" << l.end << (l.hyphen ? " hyphen" : "") << " w " << num(w) << " x " << num(x) << (l.overfull ? " OVERFULL" : "") << "\n";
        for (const auto& r : runs) {
          out << "  run " << fs::path(fonts.get(r.font).path()).filename().string() << " " << (r.rtl ? "rtl" : "ltr") << " x "
              << num(r.x + x) << " \"" << r.text << "\"\n";
          for (const auto& g : r.glyphs)
            out << "    g " << g.id << " +" << num(g.advance) << " @" << num(g.dx) << "," << num(g.dy)
                << (g.text.empty() ? "" : " \"" + g.text + "\"") << "\n";
        }
      }
      if (!ts.missing().empty()) out << "missing " << ts.missing().size() << "\n";
    } else {
      ADD_FAILURE() << "unknown key '" << key << "' in case " << name;
    }
  }
  return out.str();
}

}  // namespace

TEST(SetterGolden, EveryReferenceFileSetsAsExpected) {
  const fs::path dir = fs::path(DECKHAND_SOURCE_DIR) / "tests/golden/setter";
  LayoutDef def = load_layout("outline", kSourceDataDir);
  FontSet fonts;
  load_fonts(def, fonts);
  const bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".txt") continue;
    ++files;
    std::ifstream f(e.path());
    std::stringstream ss;
    ss << f.rdbuf();
    std::string got = set_cases(ss.str(), fonts);
    fs::path exp = e.path();
    exp.replace_extension(".expected");
    if (update) {
      std::ofstream(exp) << got;
      continue;
    }
    ASSERT_TRUE(fs::exists(exp)) << exp << " is missing: run with UPDATE_GOLDEN=1";
    std::ifstream g(exp);
    std::stringstream want;
    want << g.rdbuf();
    EXPECT_EQ(got, want.str()) << e.path() << " sets differently (UPDATE_GOLDEN=1 rewrites the expected file)";
  }
  EXPECT_GE(files, 4);
}

// Issue 17: no word is broken without a hyphen outside CJK, Thai and URLs. Every unit of
// the sample's translations into the six UN languages (and the English source), and their
// pseudo-translations at +40 % and +80 %, set by the text setter with the bundled fonts at
// widths from 40 to 400 pt: each line ends at a space or mandatory break, at a hyphenation
// point (a hyphen is drawn), between two characters of a script written without spaces,
// inside a URL after "/" or ".", or after a hyphen or dash already in the text.
#include <regex>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "l10n/strings.hpp"

namespace {
bool letter_like(char32_t c) { return u_isalnum(static_cast<UChar32>(c)) || u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_GENERAL_CATEGORY_MASK) & U_GC_M_MASK; }
bool no_spaces_script(char32_t c) {
  UErrorCode e = U_ZERO_ERROR;
  UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &e);
  return s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA || s == USCRIPT_THAI || s == USCRIPT_LAO ||
         s == USCRIPT_KHMER || s == USCRIPT_MYANMAR || s == USCRIPT_HANGUL;
}
}  // namespace

TEST(SetterBreaks, NoWordIsBrokenWithoutAHyphenInTheSixUnLanguagesAndPseudo) {
  LayoutDef def = load_layout("outline", kSourceDataDir);
  FontSet fonts;
  load_fonts(def, fonts);
  const fs::path dir = fs::path(DECKHAND_SOURCE_DIR) / "samples/translations";
  std::vector<std::pair<std::string, std::string>> texts;  // lang, text
  std::regex msg(R"re(^msgstr "(.+)"$)re"), id(R"re(^msgid "(.+)"$)re");
  for (const char* lang : {"ar", "zh", "fr", "ru", "es"}) {
    std::ifstream f(dir / (std::string("ietf-wsis20.") + lang + ".po"));
    ASSERT_TRUE(f) << lang;
    std::string line;
    std::smatch m;
    while (std::getline(f, line)) {
      if (std::regex_match(line, m, msg)) texts.push_back({lang, m[1]});
      else if (std::string(lang) == "fr" && std::regex_match(line, m, id)) {  // the English source, once
        texts.push_back({"en", m[1]});
        for (double x : {0.4, 0.8}) texts.push_back({"en", l10n::pseudo(m[1], x)});
      }
    }
  }
  texts.push_back({"en", "See https://datatracker.ietf.org/doc/html/rfc9000 and internationalisation."});
  ASSERT_GT(texts.size(), 100u);
  size_t lines = 0, hyphenated = 0;
  for (const auto& [lang, text] : texts) {
    TextSetter ts(fonts);
    const bool rtl = lang == "ar";
    for (double size : {10.0, 18.0})
      for (double width = 40; width <= 400; width += 30) {
        Paragraph p = ts.paragraph(text, {size, false, {}}, rtl, lang);
        const std::u32string& t = p.text();
        auto ls = p.wrap(width, lang);
        for (size_t k = 0; k + 1 < ls.size(); ++k) {
          ++lines;
          const auto& l = ls[k];
          size_t next = ls[k + 1].begin;
          if (l.hyphen) { ++hyphenated; continue; }
          if (l.end == 0 || next >= t.size() || next > l.end) continue;  // spaces between the lines: a word boundary
          char32_t a = t[l.end - 1], b = t[next];
          bool ok = !letter_like(a) || !letter_like(b) || (no_spaces_script(a) && no_spaces_script(b)) ||
                    no_spaces_script(a) || no_spaces_script(b);
          // inside a URL, after "/" or "."
          if (!ok) {
            std::string before = unicode::encode(t.substr(0, l.end));
            size_t sp = before.find_last_of(' ');
            std::string word = before.substr(sp == std::string::npos ? 0 : sp + 1);
            ok = word.find("://") != std::string::npos || word.find("www.") != std::string::npos;
          }
          EXPECT_TRUE(ok) << lang << " at " << width << " pt: a word broken without a hyphen: \""
                          << unicode::encode(t.substr(l.begin, l.end - l.begin)) << "\" | \""
                          << unicode::encode(t.substr(next, std::min<size_t>(20, t.size() - next))) << "\"";
        }
      }
  }
  EXPECT_GT(lines, 1000u);
  EXPECT_GT(hyphenated, 10u);  // the dictionaries were used
}

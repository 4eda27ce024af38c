// Translation units and files: ids, roles, limits; PO and XLIFF reading edge cases;
// merging with fallbacks; carrying translations to a revised deck; pseudo-translation.
#include <gtest/gtest.h>

#include "core/unicode.hpp"
#include "l10n/strings.hpp"

using namespace deckhand;
using namespace deckhand::l10n;

namespace {
Deck deck() {
  Deck d;
  d.lang = "en";
  d.source.file = "talk.pdf";
  auto slide = [&](int n, SlideKind k, const std::string& title, std::vector<std::pair<int, std::string>> blocks) {
    Slide s;
    s.page = n;
    s.id = "s" + std::to_string(n);
    s.kind = k;
    s.title = title;
    s.title_bbox = {40, 20, 680, 60};
    s.title_style.size = 30;
    int i = 0;
    for (auto& [lvl, t] : blocks) {
      Block b;
      b.id = s.id + ".b" + std::to_string(++i);
      b.level = lvl;
      b.text = t;
      b.bbox = {60, 100.0 + 30 * i, 660, 122.0 + 30 * i};
      b.style.size = 18;
      s.blocks.push_back(b);
    }
    d.slides.push_back(s);
  };
  slide(1, SlideKind::title, "The IETF and WSIS+20", {{0, "A subtitle"}});
  slide(2, SlideKind::content, "Why engage?", {{1, "Point one"}, {2, "Sub-point"}});
  slide(3, SlideKind::content, "Steps", {{1, "First"}});
  d.slides.back().overlay_of = "s4";
  slide(4, SlideKind::content, "Steps", {{1, "First"}, {1, "Second"}});
  return d;
}
}  // namespace

TEST(Units, OnePerTitleAndBlockWithStableIdsRolesAndLimits) {
  Catalog c = units_of(deck(), "fr");
  ASSERT_EQ(c.units.size(), 8u);  // the overlay step s3 is skipped
  EXPECT_EQ(c.units[0].key, "s1.title");
  EXPECT_EQ(c.units[0].role, "deck title");
  EXPECT_EQ(c.units[3].role, "bullet level 1");
  EXPECT_EQ(c.units[4].role, "bullet level 2");
  EXPECT_EQ(c.units[1].role, "paragraph");
  EXPECT_EQ(c.units[0].id, unit_id("s1.title", "The IETF and WSIS+20"));
  EXPECT_EQ(c.units[0].id.size(), std::string("s1.title-").size() + 8);
  EXPECT_GT(c.units[3].max_chars, 40);
  // the id survives a re-export and changes with the text
  EXPECT_EQ(units_of(deck(), "fr").units[3].id, c.units[3].id);
  Deck d2 = deck();
  d2.slides[1].blocks[0].text = "Point one, revised";
  EXPECT_NE(units_of(d2, "fr").units[3].id, c.units[3].id);
}

TEST(Po, ReadsEscapesContinuationsFlagsAndSkipsObsolete) {
  std::string po =
      "msgid \"\"\nmsgstr \"\"\n\"Language: de\\n\"\n\n"
      "#. slide 2, bullet level 1\n#: s2.b1\n#, fuzzy\nmsgctxt \"s2.b1-00000001\"\nmsgid \"Point \\\"one\\\"\"\n"
      "msgstr \"\"\n\"Punkt \"\n\"\\\"eins\\\"\"\n\n"
      "#~ msgctxt \"old\"\n#~ msgid \"gone\"\n#~ msgstr \"weg\"\n\n"
      "msgctxt \"s2.b2-00000002\"\nmsgid \"Tab\\there\"\nmsgstr \"Tab\\thier\"\n";
  Catalog c = read_catalog(po, "x.po");
  EXPECT_EQ(c.target_lang, "de");
  ASSERT_EQ(c.units.size(), 2u);
  EXPECT_EQ(c.units[0].id, "s2.b1-00000001");
  EXPECT_EQ(c.units[0].key, "s2.b1");
  EXPECT_EQ(c.units[0].source, "Point \"one\"");
  EXPECT_EQ(c.units[0].target, "Punkt \"eins\"");
  EXPECT_TRUE(c.units[0].fuzzy);
  EXPECT_EQ(c.units[1].target, "Tab\thier");
  EXPECT_FALSE(c.units[1].fuzzy);
}

TEST(Po, WriteThenReadIsTheSame) {
  Catalog c = units_of(deck(), "fr");
  c.units[2].target = "Pourquoi s’engager ?";
  c.units[3].target = "Un \"point\"\nsur deux lignes";
  c.units[3].fuzzy = true;
  for (Format f : {Format::po, Format::xliff12, Format::xliff2}) {
    Catalog r = read_catalog(write_catalog(c, f), "x");
    ASSERT_EQ(r.units.size(), c.units.size()) << to_string(f);
    EXPECT_EQ(r.target_lang, "fr") << to_string(f);
    for (size_t i = 0; i < c.units.size(); ++i) {
      EXPECT_EQ(r.units[i].id, c.units[i].id) << to_string(f);
      EXPECT_EQ(r.units[i].source, c.units[i].source) << to_string(f);
      EXPECT_EQ(r.units[i].target, c.units[i].target) << to_string(f);
      EXPECT_EQ(r.units[i].fuzzy, c.units[i].fuzzy) << to_string(f) << " " << i;
    }
  }
}

TEST(Xliff, InlineMarkupKeepsItsTextAndStatesMeanWhatTheySay) {
  std::string x12 = R"(<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="t" source-language="en" target-language="es" datatype="plaintext"><body>
    <trans-unit id="s2.b1-00000001"><source>Point <g id="1">one</g></source><target state="needs-review-translation">Punto <g id="1">uno</g></target></trans-unit>
    <trans-unit id="s2.b2-00000002"><source>Two</source><target state="final">Dos</target></trans-unit></body></file></xliff>)";
  Catalog c = read_catalog(x12, "t.xlf");
  ASSERT_EQ(c.units.size(), 2u);
  EXPECT_EQ(c.units[0].target, "Punto uno");
  EXPECT_TRUE(c.units[0].fuzzy);
  EXPECT_FALSE(c.units[1].fuzzy);
  std::string x2 = R"(<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru"><file id="f">
    <unit id="s2.b1-00000001"><segment state="translated"><source>One</source><target>Один</target></segment></unit>
    <unit id="s2.b2-00000002"><segment state="initial"><source>Two</source></segment></unit></file></xliff>)";
  Catalog d = read_catalog(x2, "t.xlf");
  EXPECT_EQ(d.target_lang, "ru");
  EXPECT_EQ(d.units[0].target, "Один");
  EXPECT_EQ(d.units[1].target, "");
}

TEST(Files, MistakesNameTheFileAndLine) {
  try {
    read_catalog("msgid \"a\"\nmsgstr \"b\"\ngarbage\n", "bad.po");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Exit::translation);
    EXPECT_NE(e.line().find("bad.po:3: not valid gettext PO"), std::string::npos) << e.line();
  }
  EXPECT_THROW(read_catalog("<xliff version=\"3.0\"/>", "v3.xlf"), Error);
  EXPECT_THROW(read_catalog("just words", "w.txt"), Error);
}

TEST(Merge, TranslatesFallsBackAndReports) {
  Deck d = deck();
  Catalog c = units_of(d, "fr");
  c.units[2].target = "Pourquoi s’engager ?";   // s2 title
  c.units[3].target = "Premier point";           // s2.b1
  c.units[4].target = "Sous-point";
  c.units[4].fuzzy = true;                       // fuzzy: not used
  c.units[6].target = "Premier";                 // s4.b1, also shown on the overlay step s3
  Unit stale;
  stale.id = "s9.b1-00000000";
  stale.target = "x";
  c.units.push_back(stale);
  MergeReport r = merge(d, c, "fr");
  EXPECT_EQ(d.slides[1].title, "Pourquoi s’engager ?");
  EXPECT_EQ(d.slides[1].blocks[0].text, "Premier point");
  EXPECT_EQ(d.slides[1].blocks[1].text, "Sub-point");
  EXPECT_EQ(d.slides[2].blocks[0].text, "Premier");
  EXPECT_EQ(d.lang, "fr");
  EXPECT_EQ(r.translated, 3);
  EXPECT_EQ(r.unknown, (std::vector<std::string>{"s9.b1-00000000"}));
  EXPECT_EQ(r.missing.size(), 5u);
}

TEST(Update, UnchangedUnitsKeepTheirTranslationEvenWhenTheyMove) {
  Catalog old = units_of(deck(), "fr");
  for (auto& u : old.units) u.target = "FR " + u.source;
  Deck v2 = deck();
  v2.slides[1].blocks[0].text = "Point one, revised";
  // a new block inserted first: ids shift, texts do not
  Block nb;
  nb.id = "s4.b0";
  nb.text = "A new first step";
  v2.slides[3].blocks.insert(v2.slides[3].blocks.begin(), nb);
  Catalog c = update(old, v2);
  int kept = 0;
  for (const auto& u : c.units) {
    if (u.source == "Point one, revised" || u.source == "A new first step") EXPECT_EQ(u.target, "") << u.source;
    else { EXPECT_EQ(u.target, "FR " + u.source); ++kept; }
  }
  EXPECT_EQ(kept, 7);
}

TEST(Pseudo, AccentedExpandedBracketed) {
  std::string p = pseudo("Why engage in WSIS+20?", 0.4);
  EXPECT_EQ(p.rfind("[Ŵĥý éñĝáĝé íñ ŴŠÎŠ+20?", 0), 0u) << p;
  EXPECT_EQ(p.back(), ']');
  size_t n = unicode::decode(p).size();
  EXPECT_GE(n, static_cast<size_t>(22 * 1.4));
  EXPECT_LE(n, static_cast<size_t>(22 * 1.4) + 9);
}

// Issue 8, point 10: PO files are read by libgettextpo, as msgfmt reads them.
TEST(Issue8, point10_po_through_libgettextpo) {
  std::string po =
      "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Language: fr\\n\"\n\n"
      "msgctxt \"s2.b1-00000001\"\nmsgid \"Bell\"\nmsgstr \"a\\a|\\101\\102|\\x43|\\\\|\\\"\"\n\n"
      "#~ msgctxt \"s2.b2-00000002\"\n#~ msgid \"Old\"\n#~ msgstr \"Vieux\"\n";
  Catalog c = read_catalog(po, "esc.po");
  ASSERT_EQ(c.units.size(), 1u);  // the obsolete entry is not read
  EXPECT_EQ(c.target_lang, "fr");
  EXPECT_EQ(c.units[0].target, "a\a|AB|C|\\|\"");
}

TEST(L10n, PoWithByteOrderMarkIsRead) {
  // Windows editors save PO files with a UTF-8 byte-order mark; msgfmt reads them
  std::string po = "\xEF\xBB\xBFmsgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Language: fr\\n\"\n\n"
                   "msgctxt \"s1.title-00000001\"\nmsgid \"Hello\"\nmsgstr \"Bonjour\"\n";
  Catalog c = read_catalog(po, "bom.po");
  ASSERT_EQ(c.units.size(), 1u);
  EXPECT_EQ(c.units[0].target, "Bonjour");
  EXPECT_EQ(c.target_lang, "fr");
}

// Issue 7, rule 9: speaker notes are translation units ("s2.n1") in every format, merged
// back into the slide's notes and carried forward by update.
TEST(Rule9_NotesPages, NotesAreTranslationUnitsInEveryFormat) {
  Deck d = deck();
  d.slides[1].notes = {"Thank the hosts.", "Keep it short."};
  Catalog c = units_of(d, "fr");
  ASSERT_EQ(c.units.size(), 10u);
  std::vector<const Unit*> notes;
  for (const auto& u : c.units)
    if (u.role == "speaker notes") notes.push_back(&u);
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0]->key, "s2.n1");
  EXPECT_EQ(notes[1]->key, "s2.n2");
  EXPECT_EQ(notes[1]->source, "Keep it short.");
  EXPECT_EQ(notes[0]->id, unit_id("s2.n1", "Thank the hosts."));
  for (Format f : {Format::xliff12, Format::xliff2, Format::po}) {
    Catalog t = c;
    for (auto& u : t.units) u.target = u.source == "Keep it short." ? "Soyez bref." : "";
    Catalog back = read_catalog(write_catalog(t, f), "t");
    Deck m = d;
    MergeReport r = merge(m, back, "fr");
    EXPECT_EQ(m.slides[1].notes, (std::vector<std::string>{"Thank the hosts.", "Soyez bref."})) << to_string(f);
    EXPECT_EQ(r.translated, 1) << to_string(f);
  }
  // update carries the translation to a revised deck; pseudo covers notes too
  Catalog old = c;
  for (auto& u : old.units)
    if (u.key == "s2.n2") u.target = "Soyez bref.";
  Deck v2 = d;
  v2.slides[1].notes[0] = "Thank the hosts by name.";
  Catalog up = update(old, v2);
  bool carried = false;
  for (const auto& u : up.units) carried = carried || (u.key == "s2.n2" && u.target == "Soyez bref.");
  EXPECT_TRUE(carried);
  // a blank slide with notes still has its notes translated
  Deck b = d;
  b.slides[1].kind = SlideKind::blank;
  b.slides[1].title.clear();
  b.slides[1].blocks.clear();
  size_t n = 0;
  for (const auto& u : units_of(b, "fr").units) n += u.role == "speaker notes";
  EXPECT_EQ(n, 2u);
}

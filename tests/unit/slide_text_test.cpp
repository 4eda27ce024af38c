// The text layer of translated slides (layout/slide_text.hpp) on the sample deck with every
// unit pseudo-translated 80 % longer: each text stays on its slide and off the other
// blocks' boxes, none is smaller than the minimum size, and what does not fit is reported.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/io.hpp"
#include "l10n/strings.hpp"
#include "layout/definition.hpp"
#include "layout/engine.hpp"
#include "layout/slide_text.hpp"
#include "model/deck.hpp"

namespace fs = std::filesystem;
using namespace deckhand;

namespace {
const fs::path kRootDir = DECKHAND_SOURCE_DIR;

struct Layer {
  Deck deck;
  LaidOutDoc doc;
};

Layer make(double expand, double min_size) {
  Layer r;
  const Deck src = deck_from_text(read_file((kRootDir / "tests/golden/ietf-wsis20.deck.json").string()), "golden");
  r.deck = src;
  layout::SlideUnits units;
  for (auto& s : r.deck.slides) {
    if (!s.title.empty()) s.title = l10n::pseudo(s.title, expand), units.translated.insert(s.id + ".title");
    for (auto& b : s.blocks) b.text = l10n::pseudo(b.text, expand), units.translated.insert(b.id);
  }
  layout::LayoutDef def = layout::load_layout("notes-3", kRootDir.string());
  layout::FontSet fonts;
  layout::load_fonts(def, fonts);
  Diagnostics diag;
  layout::SlideTextOptions o;
  o.min_size = min_size;
  r.doc = layout::lay_out_slide_text(r.deck, units, fonts, o, diag);
  return r;
}
}  // namespace

TEST(SlideText, PseudoTranslationStaysOnItsSlideAndOffOtherBlocks) {
  Layer l = make(0.8, 8);
  ASSERT_EQ(l.doc.pages.size(), l.deck.slides.size());
  for (size_t i = 0; i < l.deck.slides.size(); ++i) {
    const Slide& s = l.deck.slides[i];
    const LaidOutPage& pg = l.doc.pages[i];
    EXPECT_DOUBLE_EQ(pg.width, s.size[0]);
    std::vector<std::pair<std::string, BBox>> boxes;
    if (!s.title.empty()) boxes.push_back({s.id + ".title", s.title_bbox});
    for (const auto& b : s.blocks) boxes.push_back({b.id, b.bbox});
    ASSERT_EQ(pg.frames.size(), boxes.size());  // one room a translated unit, in order
    for (size_t k = 0; k < pg.frames.size(); ++k) {
      const auto& [key, room] = pg.frames[k];
      EXPECT_EQ(key, boxes[k].first);
      EXPECT_GE(room[0], -0.01) << key;
      EXPECT_GE(room[1], -0.01) << key;
      EXPECT_LE(room[0] + room[2], pg.width + 0.01) << key;
      EXPECT_LE(room[1] + room[3], pg.height + 0.01) << key;
      for (const auto& [other, b] : boxes) {  // a room never crosses another block's box
        if (other == key) continue;
        double ox = std::min(room[0] + room[2], b[2]) - std::max(room[0], b[0]);
        double oy = std::min(room[1] + room[3], b[3]) - std::max(room[1], b[1]);
        EXPECT_FALSE(ox > 0.5 && oy > 0.5) << key << " crosses " << other << " on slide " << s.page;
      }
    }
    for (const auto& t : pg.texts) {  // every line inside the page and inside a room
      EXPECT_GE(t.x, -0.01);
      EXPECT_LE(t.x + t.width, pg.width + 0.01) << t.text;
      EXPECT_GE(t.y - t.ascent, -0.01);
      EXPECT_LE(t.y + t.descent, pg.height + 0.01) << t.text;
      EXPECT_GE(t.size, 8 - 1e-9) << t.text;
      bool inside = false;
      for (const auto& [key, room] : pg.frames)
        inside |= t.x >= room[0] - 0.01 && t.x + t.width <= room[0] + room[2] + 0.01 && t.y - t.ascent >= room[1] - 0.01 &&
                  t.y + t.descent <= room[1] + room[3] + 0.01;
      EXPECT_TRUE(inside) << t.text << " on slide " << s.page;
    }
  }
}

TEST(SlideText, WhatDoesNotFitAtTheMinimumSizeIsReported) {
  Layer small = make(0.8, 8), big = make(0.8, 18);
  EXPECT_GT(big.doc.overflows.size(), small.doc.overflows.size());
  ASSERT_FALSE(big.doc.overflows.empty());
  for (const auto& ov : big.doc.overflows) EXPECT_GT(ov.needed, 1.0) << ov.key;
  Layer same = make(0.0, 8);  // the source's own length: fits as it did
  EXPECT_TRUE(same.doc.overflows.empty());
}

// A left-to-right deck translated into Arabic (the merge makes every slide right to left):
// the source's level indent is mirrored, so the level-2 items of slide 6 all end at one
// right edge, the source's indent left of the level-1 items' edge, whatever the length of
// the English each source box held (it once came from the source boxes' right edges), and
// the level-1 edge mirrors the source's left margin (it was 4 % of the slide from its edge).
TEST(SlideText, RightToLeftLevelIndentIsTheSourcesMirrored) {
  Deck deck = deck_from_text(read_file((kRootDir / "tests/golden/ietf-wsis20.deck.json").string()), "golden");
  deck.translated_from = "en";
  deck.direction = "rtl";
  layout::SlideUnits units;
  for (auto& s : deck.slides) {
    s.direction = "rtl";
    for (auto& b : s.blocks) b.text = "نص مترجم قصير", units.translated.insert(b.id);
  }
  const Slide& s6 = deck.slides.at(5);
  layout::LayoutDef def = layout::load_layout("notes-3", kRootDir.string());
  layout::FontSet fonts;
  layout::load_fonts(def, fonts);
  Diagnostics diag;
  LaidOutDoc doc = layout::lay_out_slide_text(deck, units, fonts, layout::SlideTextOptions{}, diag);
  const LaidOutPage& pg = doc.pages.at(5);
  ASSERT_EQ(pg.frames.size(), s6.blocks.size());
  double lo1 = 1e9, lo2 = 1e9, right1 = -1, right2 = -1;
  int level2 = 0;
  for (size_t k = 0; k < s6.blocks.size(); ++k) {
    const auto& room = pg.frames[k].second;
    double right = room[0] + room[2];
    if (s6.blocks[k].level == 1) right1 = std::max(right1, right), lo1 = std::min(lo1, s6.blocks[k].bbox[0]);
    if (s6.blocks[k].level == 2) {
      if (level2++) EXPECT_NEAR(right, right2, 0.01) << s6.blocks[k].id;
      right2 = right, lo2 = std::min(lo2, s6.blocks[k].bbox[0]);
    }
  }
  ASSERT_EQ(level2, 3);
  EXPECT_NEAR(right1 - right2, lo2 - lo1, 0.01);  // the source's indent, mirrored
  EXPECT_GT(right1 - right2, 10);
  // and the body's left margin: the frame ends as far from the right edge as the source's
  // starts from the left one (its boxes' right edges are where the English ended)
  const double sw = s6.size[0] > 0 ? s6.size[0] : deck.source.page_size[0];
  EXPECT_NEAR(right1, sw - lo1, 0.01);
}

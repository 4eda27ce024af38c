#include <gtest/gtest.h>

#include "core/error.hpp"
#include "model/deck.hpp"

using namespace deckhand;

TEST(DeckJson, RoundTrip) {
  Deck d;
  d.source.file = "a.pdf";
  d.source.pages = 1;
  d.lang = "fr";
  d.title = "Titre";
  Slide s;
  s.page = 1;
  s.id = "s1";
  s.title = "Titre";
  Block b;
  b.id = "s1.b1";
  b.level = 2;
  b.text = "Texte « avec » espaces";
  b.marker = "–";
  s.blocks.push_back(b);
  b.id = "s1.b2";
  b.flow = {{400, 60, 700, 120}};  // a paragraph that flowed on into the next column
  s.blocks.push_back(b);
  d.slides.push_back(s);
  auto j = nlohmann::json::parse(dump_deck(d));
  EXPECT_EQ(j["schema"], "deckhand.deck/1");
  EXPECT_FALSE(j["slides"][0]["blocks"][0].contains("flow"));  // written only when there is one
  EXPECT_EQ(j["slides"][0]["blocks"][1]["flow"], nlohmann::json::parse("[[400, 60, 700, 120]]"));
  Deck e = deck_from_json(j, "x.json");
  EXPECT_EQ(dump_deck(e), dump_deck(d));
  ASSERT_EQ(e.slides[0].blocks[1].flow.size(), 1u);
  EXPECT_EQ(e.slides[0].blocks[1].flow[0][2], 700);
}

TEST(DeckJson, ErrorsNameTheFileAndThePlace) {
  auto j = nlohmann::json::parse(R"({"schema":"deckhand.deck/1","slides":[{"kind":"poster","blocks":[]}]})");
  try {
    deck_from_json(j, "edited.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Exit::bad_deck);
    EXPECT_NE(e.line().find("edited.json: invalid deck JSON at /slides/0/kind"), std::string::npos) << e.line();
  }
  auto k = nlohmann::json::parse(R"({"schema":"other/2","slides":[]})");
  EXPECT_THROW(deck_from_json(k, "x.json"), Error);
}

TEST(DeckJson, WrongTypesDeepInsideAreInvalidDeckErrorsNotCrashes) {
  for (const char* text : {R"({"schema":"deckhand.deck/1","slides":[{"size":["a","b"],"blocks":[]}]})",
                           R"({"schema":"deckhand.deck/1","source":{"page_size":[1,"x"]},"slides":[]})",
                           R"({"schema":"deckhand.deck/1","slides":[{"blocks":[{"text":5}]}]})",
                           R"({"schema":"deckhand.deck/1","slides":[{"blocks":[{"text":"a","flow":[[1,2,3]]}]}]})",
                           R"({"schema":"deckhand.deck/1","slides":[{"blocks":[{"text":"a","flow":{}}]}]})",
                           R"({"schema":"deckhand.deck/1","slides":{}})"}) {
    try {
      deck_from_json(nlohmann::json::parse(text), "odd.json");
      ADD_FAILURE() << "accepted " << text;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), Exit::bad_deck) << text;
    }
  }
}

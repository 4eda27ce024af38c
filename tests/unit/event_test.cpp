// Event manifests and the planning of an event build (src/job/event.hpp): no PDF work.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "job/event.hpp"

namespace fs = std::filesystem;
using namespace deckhand;
using namespace deckhand::event;

namespace {

const char* kManifest = R"(event: IGF 2026
date: 2026-03-14
decks: [talks/*.pdf, keynote.json]
languages: [ar, fr, zh]
translations: translations/{deck}.{lang}.xlf
outputs:
  - {handout: notes-3}
  - {handout: outline}
  - {slides: true}
  - {handout: leaflet-a5, print: true}
out: build/{lang}/{deck}-{output}.pdf
)";

// The Error a manifest's text gets: its code and "file:line".
Error error_of(const std::string& text) {
  try {
    parse_manifest(text, "ev.yaml");
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error for:\n" << text;
  return Error(Exit::ok, "", "", "");
}

struct TempDir {
  fs::path dir;
  TempDir() {
    char tmpl[] = "/tmp/deckhand-event-test-XXXXXX";
    dir = ::mkdtemp(tmpl);
  }
  ~TempDir() { fs::remove_all(dir); }
  void touch(const std::string& rel, const std::string& data = "x") {
    fs::create_directories((dir / rel).parent_path());
    std::ofstream(dir / rel) << data;
  }
};

}  // namespace

TEST(Event, ReadsEveryKey) {
  Manifest m = parse_manifest(kManifest, "ev/event.yaml");
  EXPECT_EQ(m.event, "IGF 2026");
  EXPECT_EQ(m.date, "2026-03-14");
  EXPECT_EQ(m.dir, "ev");
  EXPECT_EQ(m.decks, (std::vector<std::string>{"talks/*.pdf", "keynote.json"}));
  EXPECT_EQ(m.languages, (std::vector<std::string>{"ar", "fr", "zh"}));
  EXPECT_EQ(m.source_language, "en");
  ASSERT_EQ(m.outputs.size(), 4u);
  EXPECT_EQ(m.outputs[0].name, "notes-3");
  EXPECT_EQ(m.outputs[2].kind, Output::Kind::slides);
  EXPECT_EQ(m.outputs[2].name, "slides");
  EXPECT_TRUE(m.outputs[3].print);
  EXPECT_EQ(m.outputs[3].name, "leaflet-a5-print");
}

TEST(Event, LanguageTagsCanonical) {
  Manifest m = parse_manifest("decks: a.pdf\nlanguages: [fra, zh_CN, fr]\ntranslations: t/{deck}.{lang}.po\noutputs: [{slides: true}]\nout: o/{lang}/{deck}-{output}.pdf\n", "e.yaml");
  EXPECT_EQ(m.languages, (std::vector<std::string>{"fr", "zh-CN"}));  // fra and fr are one language
}

TEST(Event, ErrorsNameTheLine) {
  Error e = error_of("decks: a.pdf\noutputs: [{slides: true}]\nout: o/{deck}-{output}.pdf\nlangauges: [fr]\n");
  EXPECT_EQ(e.code(), Exit::manifest);
  EXPECT_EQ(e.file(), "ev.yaml:4");
  EXPECT_NE(std::string(e.what()).find("unknown key 'langauges'"), std::string::npos);

  e = error_of("decks: a.pdf\nlanguages: [French]\ntranslations: t/{deck}.{lang}.po\noutputs: [{slides: true}]\nout: o/{lang}/{deck}-{output}.pdf\n");
  EXPECT_EQ(e.code(), Exit::manifest);
  EXPECT_EQ(e.file(), "ev.yaml:2");

  e = error_of("decks: a.pdf\noutputs: [{slides: true}]\nout: o/all.pdf\n");  // every job the same file
  EXPECT_EQ(e.file(), "ev.yaml:3");
  e = error_of("decks: a.pdf\nlanguages: [fr]\ntranslations: t/{deck}.{lang}.po\noutputs: [{slides: true}]\nout: o/{deck}-{output}.pdf\n");
  EXPECT_NE(std::string(e.what()).find("{lang}"), std::string::npos);
  e = error_of("decks: a.pdf\nlanguages: [fr]\noutputs: [{slides: true}]\nout: o/{lang}/{deck}-{output}.pdf\n");
  EXPECT_NE(std::string(e.what()).find("'translations'"), std::string::npos);
  e = error_of("outputs: [{slides: true}]\nout: o/{deck}-{output}.pdf\n");
  EXPECT_NE(std::string(e.what()).find("'decks' is missing"), std::string::npos);
  e = error_of("decks: a.pdf\noutputs: [{handout: notes-3}, {handout: notes-3}]\nout: o/{deck}-{output}.pdf\n");
  EXPECT_NE(std::string(e.what()).find("given twice"), std::string::npos);
  e = error_of("decks: a.pdf\noutputs: [{slides: true, print: true}]\nout: o/{deck}-{output}.pdf\n");
  EXPECT_EQ(e.code(), Exit::manifest);
  e = error_of("decks: a.pdf\noutputs: [{slides: true}]\nout: o/{deck}-{outptu}.pdf\n");
  EXPECT_NE(std::string(e.what()).find("unknown placeholder {outptu}"), std::string::npos);
  e = error_of("decks: a.pdf\ndate: 14/03/2026\noutputs: [{slides: true}]\nout: o/{deck}-{output}.pdf\n");
  EXPECT_EQ(e.file(), "ev.yaml:2");
  e = error_of("decks: [a.pdf\n");
  EXPECT_EQ(e.code(), Exit::manifest);
  e = error_of("- just a list\n");
  EXPECT_EQ(e.code(), Exit::manifest);
  e = error_of("decks: " + std::string(5000, 'a') + "\noutputs: [{slides: true}]\nout: o/{deck}-{output}.pdf\n");
  EXPECT_NE(std::string(e.what()).find("over the limit"), std::string::npos);
}

TEST(Event, PlanExpandsDecksLanguagesOutputs) {
  TempDir t;
  t.touch("talks/b.pdf"), t.touch("talks/a.pdf"), t.touch("keynote.json"), t.touch("talks/notes.txt");
  t.touch("event.yaml", kManifest);
  const std::vector<Job> jobs = plan(read_manifest((t.dir / "event.yaml").string()));
  // 3 decks x (en + 3 languages) x 3 handouts, and translated slides in the 3 languages
  ASSERT_EQ(jobs.size(), 3u * (4u * 3u + 3u));
  EXPECT_EQ(jobs[0].id, "a/en/notes-3");
  EXPECT_EQ(jobs[0].deck, (t.dir / "talks/a.pdf").string());
  EXPECT_FALSE(jobs[0].translated);
  EXPECT_TRUE(jobs[0].translation.empty());
  EXPECT_EQ(jobs[0].out, (t.dir / "build/en/a-notes-3.pdf").string());
  EXPECT_EQ(jobs[2].id, "a/en/leaflet-a5-print");  // no slides in the source language: the PDF is they
  EXPECT_EQ(jobs[3].id, "a/ar/notes-3");
  EXPECT_EQ(jobs[3].translation, (t.dir / "translations/a.ar.xlf").string());
  EXPECT_EQ(jobs[5].id, "a/ar/slides");
  EXPECT_EQ(jobs[15].deck_name, "b");
  EXPECT_EQ(jobs.back().id, "keynote/zh/leaflet-a5-print");
  std::set<std::string> ids, outs;
  for (const auto& j : jobs) ids.insert(j.id), outs.insert(j.out);
  EXPECT_EQ(ids.size(), jobs.size());
  EXPECT_EQ(outs.size(), jobs.size());
}

TEST(Event, PlanRefusesWhatCannotBeBuilt) {
  TempDir t;
  t.touch("a/talk.pdf"), t.touch("b/talk.pdf");
  t.touch("e.yaml", "decks: ['*/talk.pdf']\noutputs: [{slides: true}]\nout: o/{deck}-{output}.pdf\n");
  try {
    plan(read_manifest((t.dir / "e.yaml").string()));
    ADD_FAILURE() << "two decks named talk";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Exit::manifest);
    EXPECT_NE(std::string(e.what()).find("are both the deck 'talk'"), std::string::npos);
  }
  t.touch("f.yaml", "decks: [nothing/*.pdf]\noutputs: [{slides: true}]\nout: o/{deck}-{output}.pdf\n");
  try {
    plan(read_manifest((t.dir / "f.yaml").string()));
    ADD_FAILURE() << "a pattern that matches nothing";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("matches no file"), std::string::npos);
  }
}

TEST(Event, ShardsSplitEveryJobOnce) {
  std::vector<Job> jobs;
  for (int d = 0; d < 20; ++d)
    for (const char* l : {"en", "ar", "fr", "zh"})
      for (const char* o : {"notes-3", "outline", "slides"}) {
        Job j;
        j.id = "deck" + std::to_string(d) + "/" + l + "/" + o;
        jobs.push_back(j);
      }
  for (int n : {1, 2, 3, 7}) {
    std::vector<int> count(jobs.size());
    std::vector<int> per(n);
    for (int i = 1; i <= n; ++i)
      for (size_t k = 0; k < jobs.size(); ++k)
        if (in_shard(jobs[k], i, n)) ++count[k], ++per[i - 1];
    for (int c : count) EXPECT_EQ(c, 1) << n << " shards";
    for (int p : per) EXPECT_GT(p, int(jobs.size()) / n / 3) << "a shard of " << n << " nearly empty";
  }
  EXPECT_EQ(parse_shard("2/3"), (std::pair<int, int>{2, 3}));
  for (const char* bad : {"0/2", "3/2", "1/0", "1", "a/b", "1/2/3", "-1/2", ""}) {
    try {
      parse_shard(bad);
      ADD_FAILURE() << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), Exit::usage) << bad;
    }
  }
}

TEST(Event, FingerprintFollowsInputsOptionsVersion) {
  TempDir t;
  t.touch("deck.pdf", "one");
  const std::string deck = (t.dir / "deck.pdf").string(), po = (t.dir / "deck.fr.po").string();
  const Fingerprint a = fingerprint({deck, po}, "notes-3", "1.0");
  EXPECT_EQ(a.all, fingerprint({deck, po}, "notes-3", "1.0").all);
  EXPECT_NE(a.all, fingerprint({deck, po}, "outline", "1.0").all);
  EXPECT_NE(a.all, fingerprint({deck, po}, "notes-3", "1.1").all);
  EXPECT_EQ(a.inputs[1].second, "absent");
  t.touch("deck.fr.po", "msgid");  // the translation appears
  const Fingerprint b = fingerprint({deck, po}, "notes-3", "1.0");
  EXPECT_NE(a.all, b.all);
  t.touch("deck.pdf", "two");
  EXPECT_NE(b.all, fingerprint({deck, po}, "notes-3", "1.0").all);
  std::map<std::string, std::string> cache;  // a run reads each file once
  const Fingerprint c = fingerprint({deck}, "x", "1", &cache);
  t.touch("deck.pdf", "three");
  EXPECT_EQ(c.all, fingerprint({deck}, "x", "1", &cache).all);
  EXPECT_NE(c.all, fingerprint({deck}, "x", "1").all);
}

TEST(Event, StateSaysWhyAJobRuns) {
  TempDir t;
  t.touch("deck.pdf", "one"), t.touch("out.pdf", "%PDF");
  const std::string deck = (t.dir / "deck.pdf").string(), po = (t.dir / "deck.fr.po").string(), out = (t.dir / "out.pdf").string();
  State s;
  EXPECT_EQ(why_stale(s, "d/fr/notes-3", fingerprint({deck, po}, "o", "1"), out), "never built");
  s.jobs["d/fr/notes-3"] = fingerprint({deck, po}, "o", "1");
  EXPECT_EQ(why_stale(s, "d/fr/notes-3", fingerprint({deck, po}, "o", "1"), out), "");
  t.touch("state.json", state_json(s));
  State r = read_state((t.dir / "state.json").string());
  EXPECT_EQ(why_stale(r, "d/fr/notes-3", fingerprint({deck, po}, "o", "1"), out), "");
  EXPECT_EQ(why_stale(r, "d/fr/notes-3", fingerprint({deck, po}, "o2", "1"), out), "deckhand's version or the job's options changed");
  t.touch("deck.fr.po", "msgid");
  EXPECT_EQ(why_stale(r, "d/fr/notes-3", fingerprint({deck, po}, "o", "1"), out), "appeared: " + po);
  t.touch("deck.pdf", "two");
  EXPECT_EQ(why_stale(r, "d/fr/notes-3", fingerprint({deck, po}, "o", "1"), out), "changed: " + deck);
  fs::remove(out);
  EXPECT_EQ(why_stale(r, "d/fr/notes-3", fingerprint({deck, po}, "o", "1"), out), "the output is missing");
  t.touch("bad.json", "{not json");
  EXPECT_TRUE(read_state((t.dir / "bad.json").string()).jobs.empty());
  EXPECT_TRUE(read_state((t.dir / "absent.json").string()).jobs.empty());
}

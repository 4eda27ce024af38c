// Issue 21, point 1: the job as a pipeline, without a command line: the options resolved and
// checked once (job/config.hpp: good and bad values of each typed option, with the exit code
// and the message the command line gives); the steps (job/pipeline.hpp) on a sample; one
// logger a job (core/log.hpp): two jobs at once, each with its own sink.
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>

#include "core/io.hpp"
#include "job/config.hpp"
#include "job/job.hpp"
#include "job/pipeline.hpp"
#include "l10n/strings.hpp"
#include "layout/engine.hpp"

using namespace deckhand;
namespace fs = std::filesystem;

namespace {
const fs::path kRoot = DECKHAND_SOURCE_DIR;

JobOptions handout(const std::function<void(JobOptions&)>& edit = {}) {
  JobOptions o;
  o.command = Command::handout;
  o.input = "talk.pdf";
  o.output = "handout.pdf";
  if (edit) edit(o);
  return o;
}

// check_configuration(o) throws a usage error (exit 2) whose line holds `what`.
void expect_usage(const JobOptions& o, const std::string& what) {
  try {
    check_configuration(o);
    ADD_FAILURE() << "no error; expected: " << what;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Exit::usage) << e.line();
    EXPECT_NE(e.line().find(what), std::string::npos) << e.line();
  }
}
}  // namespace

TEST(PipelineConfig, HandoutDefaults) {
  const Config c = check_configuration(handout());
  EXPECT_EQ(c.command, Command::handout);
  EXPECT_EQ(c.handout.layout, kDefaultLayout);
  EXPECT_FALSE(c.handout.print.on);
  EXPECT_FALSE(c.handout.print.bleed);
  EXPECT_FALSE(c.handout.print.crop_marks);
  EXPECT_EQ(c.handout.print.impose, Impose::none);
  EXPECT_EQ(c.handout.print.binding, Binding::automatic);
  EXPECT_EQ(c.handout.print.creep, 0);
  EXPECT_EQ(c.handout.dump, Dump::none);
  EXPECT_FALSE(c.handout.paper_size);
  EXPECT_TRUE(c.handout.pictures.empty());
}

TEST(PipelineConfig, HandoutPrintLengthsInPointsAndEnums) {
  const Config c = check_configuration(handout([](JobOptions& o) {
    o.bleed = "0.125in", o.marks = "crop", o.impose = "booklet", o.creep = "1mm", o.binding = "right", o.signature = 4;
  }));
  const PrintConfig& p = c.handout.print;
  EXPECT_TRUE(p.on);  // --bleed implies --print
  ASSERT_TRUE(p.bleed);
  EXPECT_DOUBLE_EQ(*p.bleed, 9);
  ASSERT_TRUE(p.crop_marks);
  EXPECT_TRUE(*p.crop_marks);
  EXPECT_EQ(p.impose, Impose::booklet);
  EXPECT_EQ(p.binding, Binding::right);
  EXPECT_NEAR(p.creep, 72 / 25.4, 1e-9);
  EXPECT_EQ(p.signature, 4);
  EXPECT_TRUE(check_configuration(handout([](JobOptions& o) { o.marks = "none"; })).handout.print.on);
  EXPECT_NEAR(*check_configuration(handout([](JobOptions& o) { o.bleed = "3"; })).handout.print.bleed, 3 * 72 / 25.4, 1e-9);  // mm
  EXPECT_DOUBLE_EQ(*check_configuration(handout([](JobOptions& o) { o.bleed = "9pt"; })).handout.print.bleed, 9);
}

TEST(PipelineConfig, HandoutBadPrintValues) {
  expect_usage(handout([](JobOptions& o) { o.bleed = "3 parsecs"; }), "deckhand: error: --bleed 3 parsecs: not a length (give it like 3mm, 0.125in or 9pt)");
  expect_usage(handout([](JobOptions& o) { o.bleed = "30mm"; }), "--bleed 30mm: out of range for a bleed (0 to 25.4 mm, 1 in)");
  expect_usage(handout([](JobOptions& o) { o.creep = "2mm"; }), "--creep, --signature and --binding need --impose booklet");
  expect_usage(handout([](JobOptions& o) { o.binding = "left"; }), "need --impose booklet");
  expect_usage(handout([](JobOptions& o) { o.signature = 2; }), "need --impose booklet");
  expect_usage(handout([](JobOptions& o) { o.impose = "booklet", o.creep = "x"; }), "--creep x: not a length");
  expect_usage(handout([](JobOptions& o) { o.impose = "booklet", o.creep = "2000mm"; }), "--creep 2000mm: too large");
  // values the command line's own checks keep out, from a program
  expect_usage(handout([](JobOptions& o) { o.impose = "perfect"; }), "--impose perfect: not one of booklet, none");
  expect_usage(handout([](JobOptions& o) { o.marks = "bleed"; }), "--marks bleed: not one of crop, none");
  expect_usage(handout([](JobOptions& o) { o.impose = "booklet", o.binding = "top"; }), "--binding top: not one of auto, left, right");
  expect_usage(handout([](JobOptions& o) { o.dump = "json"; }), "--dump json: not one of layout, layout-text");
}

TEST(PipelineConfig, HandoutPaperDatePicturesContact) {
  const Config c = check_configuration(handout([](JobOptions& o) {
    o.paper = "A5", o.date = "2024-02-29", o.pictures = "3,5,9", o.contact = "Ann\\nann@example.org", o.dump = "layout-text";
  }));
  ASSERT_TRUE(c.handout.paper_size);
  EXPECT_NEAR((*c.handout.paper_size)[0], 419.53, 0.01);
  EXPECT_NEAR((*c.handout.paper_size)[1], 595.28, 0.01);
  EXPECT_EQ(c.handout.paper, "A5");
  EXPECT_EQ(c.handout.date, "2024-02-29");
  EXPECT_EQ(c.handout.pictures, (std::vector<int>{3, 5, 9}));
  EXPECT_EQ(c.handout.contact, "Ann\nann@example.org");
  EXPECT_EQ(c.handout.dump, Dump::layout_text);
  EXPECT_EQ(check_configuration(handout([](JobOptions& o) { o.date = "March 2026"; })).handout.date, "March 2026");  // free text
  expect_usage(handout([](JobOptions& o) { o.paper = "B7"; }), "--paper B7: unknown paper (use A3, A4, A5, Letter or Legal)");
  expect_usage(handout([](JobOptions& o) { o.date = "2026-02-30"; }), "--date 2026-02-30: not a calendar day (use YYYY-MM-DD, e.g. --date 2026-03-14)");
  expect_usage(handout([](JobOptions& o) { o.date = "2025-02-29"; }), "not a calendar day");
  expect_usage(handout([](JobOptions& o) { o.pictures = "3,,5"; }), "--pictures 3,,5: not a list of slide numbers (e.g. --pictures 3,5,9)");
  expect_usage(handout([](JobOptions& o) { o.pictures = "two"; }), "not a list of slide numbers");
}

TEST(PipelineConfig, HandoutAndReviewNeedTheirFiles) {
  expect_usage(handout([](JobOptions& o) { o.input.clear(); }), "no input deck given");
  expect_usage(handout([](JobOptions& o) { o.output.clear(); }), "no output file given (add -o handout.pdf)");
  EXPECT_NO_THROW(check_configuration(handout([](JobOptions& o) { o.output.clear(), o.dump = "layout"; })));
  JobOptions r = handout([](JobOptions& o) { o.command = Command::review; });
  expect_usage(r, "no translation file given");
  r.translations = "talk.ar.xlf";
  EXPECT_EQ(check_configuration(r).handout.layout, "review");  // review's own --layout
  r.output.clear();
  expect_usage(r, "no output file given (add -o review.pdf)");
}

TEST(PipelineConfig, LanguageTagsCanonical) {
  JobOptions o = handout([](JobOptions& o) { o.lang = "fr_FR"; });
  EXPECT_EQ(check_configuration(o).lang, "fr-FR");
  o.lang = "ara";
  EXPECT_EQ(check_configuration(o).lang, "ar");
  o.lang = "no language";
  expect_usage(o, "--lang");
  o.lang.clear();
  o.command = Command::strings_export;
  o.target_lang = "zh_Hans";
  EXPECT_EQ(check_configuration(o).target_lang, "zh-Hans");
  o.target_lang = "x";
  expect_usage(o, "--target-lang");
}

TEST(PipelineConfig, StringsFormatAndExpand) {
  JobOptions o;
  o.command = Command::strings_pseudo;
  o.input = "talk.pdf";
  Config c = check_configuration(o);
  EXPECT_EQ(c.strings.format, CatalogFormat::xliff2);
  EXPECT_DOUBLE_EQ(c.strings.expand, 0.4);  // the default, 40%
  o.expand = "12.5%", o.format = "po";
  c = check_configuration(o);
  EXPECT_DOUBLE_EQ(c.strings.expand, 0.125);
  EXPECT_EQ(c.strings.format, CatalogFormat::po);
  o.expand = "100";
  EXPECT_DOUBLE_EQ(check_configuration(o).strings.expand, 1.0);
  for (const char* bad : {"nan%", "600%", "-5%", "forty"}) {
    o.expand = bad;
    expect_usage(o, std::string("--expand ") + bad + ": not a percentage from 0% to 500% (e.g. --expand 40%)");
  }
  o.expand = "40%";
  o.format = "xliff";
  EXPECT_EQ(check_configuration(o).strings.format, CatalogFormat::xliff2);
  o.format = "xliff12";
  EXPECT_EQ(check_configuration(o).strings.format, CatalogFormat::xliff12);
  o.format = "csv";
  expect_usage(o, "--format csv: not one of xliff2, xliff12, po");
  // no --format: the output's name says it (a fresh user's "-o talk.fr.po" got XLIFF)
  o.format.clear();
  for (const auto& [out, want] : std::vector<std::pair<std::string, CatalogFormat>>{
           {"talk.fr.po", CatalogFormat::po}, {"T.PO", CatalogFormat::po}, {"talk.pot", CatalogFormat::po},
           {"talk.fr.xlf", CatalogFormat::xliff2}, {"talk.xliff", CatalogFormat::xliff2}, {"-", CatalogFormat::xliff2}, {"", CatalogFormat::xliff2}}) {
    o.output = out;
    EXPECT_EQ(check_configuration(o).strings.format, want) << out;
  }
  o.output = "talk.fr.po", o.format = "xliff12";  // --format given: it wins
  EXPECT_EQ(check_configuration(o).strings.format, CatalogFormat::xliff12);
  o.output.clear();
  o.format = "po";
  o.command = Command::strings_update;
  o.expand = "forty";  // pseudo's alone
  EXPECT_FALSE(check_configuration(o).strings.update_format);  // as the old file
  o.update_format = "xliff12";
  EXPECT_EQ(check_configuration(o).strings.update_format, CatalogFormat::xliff12);
}

TEST(PipelineConfig, SlidesChecks) {
  JobOptions o;
  o.command = Command::slides;
  expect_usage(o, "no input deck given");
  o.input = "talk.pdf";
  expect_usage(o, "talk.pdf: no translation file given (add --translations talk.fr.po (XLIFF or PO))");
  o.translations = "talk.fr.po";
  expect_usage(o, "no output file given (add -o talk-fr.pdf)");
  o.output = "talk-fr.pdf";
  Config c = check_configuration(o);
  EXPECT_DOUBLE_EQ(c.slides.min_size, 8);
  EXPECT_FALSE(c.slides.translated_json);
  o.slides_check = true;
  expect_usage(o, "--check writes no PDF, so -o has nothing to write");
  o.output.clear();
  EXPECT_TRUE(check_configuration(o).slides.check);
  for (double bad : {0.0, -1.0, 601.0}) {
    o.min_size = bad;
    expect_usage(o, "out of range (more than 0, at most 600 points)");
  }
  o.min_size = 6;
  o.translations.clear();
  o.input = "talk.fr.json";  // made by `deckhand translate`: holds its translation
  EXPECT_TRUE(check_configuration(o).slides.translated_json);
}

TEST(PipelineConfig, PreflightAndImpose) {
  JobOptions o;
  o.command = Command::preflight;
  o.input = "x.pdf";
  EXPECT_NEAR(check_configuration(o).preflight.bleed, 3 * 72 / 25.4, 1e-9);  // 3mm, the default
  o.preflight_bleed = "2in";
  expect_usage(o, "--bleed 2in: out of range for a bleed");
  o.command = Command::impose;
  o.output = "y.pdf";
  Config c = check_configuration(o);
  EXPECT_EQ(c.impose.creep, 0);
  EXPECT_FALSE(c.impose.right_to_left);
  EXPECT_FALSE(c.impose.crop_marks);
  o.impose_binding = "right", o.impose_marks = "crop", o.creep = "0.5mm";
  c = check_configuration(o);
  EXPECT_TRUE(c.impose.right_to_left);
  EXPECT_TRUE(c.impose.crop_marks);
  EXPECT_NEAR(c.impose.creep, 0.5 * 72 / 25.4, 1e-9);
  o.creep = "lots";
  expect_usage(o, "--creep lots: not a length");
}

TEST(PipelineConfig, NoCommand) {
  expect_usage(JobOptions{}, "no command given");
}

// ---- the steps (job/pipeline.hpp) on samples/features.pdf, without a Job ----

TEST(PipelineSteps, DeckMergeLayOutPicturesWriteAndTheRunsInputs) {
  TempDir tmp;
  JobOptions o;
  o.input = (kRoot / "samples" / "features.pdf").string();
  o.threads = 2;
  Diagnostics diag;
  // open source -> deck
  pipeline::Opened opened = pipeline::open_deck(o, diag);
  ASSERT_TRUE(opened.source);
  ASSERT_FALSE(opened.deck.slides.empty());
  EXPECT_EQ(opened.deck.source.file, "features.pdf");
  // -> merge a PO file made with the l10n API (every unit pseudo-translated)
  l10n::Catalog cat = l10n::units_of(opened.deck, "fr");
  ASSERT_FALSE(cat.units.empty());
  for (auto& u : cat.units) u.target = l10n::pseudo(u.source, 0.2, u.markup);
  const std::string po = tmp.path() + "/features.fr.po";
  write_output(po, l10n::write_catalog(cat, l10n::Format::po), {});
  Deck deck = opened.deck;
  const int translated = pipeline::merge_translations(deck, po, "", diag, false);
  EXPECT_GT(translated, 0);
  EXPECT_NE(dump_deck(deck), dump_deck(opened.deck));
  // -> lay out: the layout's files join the inputs
  std::vector<std::string> inputs{o.input, po};
  pipeline::Layout lay = pipeline::load_layout("notes-3", &inputs);
  EXPECT_EQ(lay.def.name, "notes-3");
  EXPECT_NE(std::find(inputs.begin(), inputs.end(), lay.def.path), inputs.end());
  EXPECT_GT(inputs.size(), 3u);  // and its fonts
  for (const auto& [id, path] : lay.fonts.paths()) EXPECT_NE(std::find(inputs.begin(), inputs.end(), path), inputs.end()) << id;
  Diagnostics layout_diag;
  const LaidOutDoc doc = layout::lay_out(deck, lay.def, lay.fonts, {}, layout_diag);
  ASSERT_FALSE(doc.pages.empty());
  // -> pictures -> write
  render::WriteOptions wo;
  wo.workers = 1;
  wo.source = opened.source->path();
  const std::string out = tmp.path() + "/handout.pdf";
  pipeline::write_pdf(doc, pipeline::slide_pictures(opened.source.get()), wo, out, inputs);
  EXPECT_EQ(read_file(out).substr(0, 5), "%PDF-");
  // never over an input of the run (the translation file here): exit 10, the file kept
  const std::string po_text = read_file(po);
  try {
    pipeline::write_pdf(doc, pipeline::slide_pictures(opened.source.get()), wo, po, inputs);
    ADD_FAILURE() << "wrote over an input";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Exit::output) << e.line();
  }
  EXPECT_EQ(read_file(po), po_text);
}

TEST(PipelineSteps, TheDecksPdfFoundOneWayAndTheInputsOfADeckJson) {
  TempDir tmp;
  JobOptions o;
  o.input = (kRoot / "samples" / "features.pdf").string();
  Diagnostics diag;
  const Deck deck = pipeline::open_deck(o, diag).deck;
  // a PDF input is its own source
  EXPECT_EQ(pipeline::find_source_pdf(deck, o), o.input);
  EXPECT_EQ(pipeline::inputs_of({o.input}, deck, o.input), std::vector<std::string>{o.input});
  // a deck JSON: its PDF beside it, then as written (the current folder)
  fs::create_directories(tmp.path() + "/talk");
  const std::string json = tmp.path() + "/talk/features.json";
  write_output(json, dump_deck(deck), {});
  EXPECT_EQ(pipeline::source_pdf_places(json, "features.pdf"), (std::vector<std::string>{tmp.path() + "/talk/features.pdf", "features.pdf"}));
  EXPECT_TRUE(pipeline::source_pdf_places(json, "").empty());
  EXPECT_EQ(pipeline::inputs_of({json}, deck, json), (std::vector<std::string>{json, tmp.path() + "/talk/features.pdf", "features.pdf"}));
  JobOptions j;
  j.input = json;
  EXPECT_EQ(pipeline::find_source_pdf(deck, j), "");  // not there yet
  try {
    pipeline::need_source_pdf(deck, j);
    ADD_FAILURE() << "no error without the PDF";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Exit::input);
    EXPECT_NE(e.line().find("cannot find the deck's PDF 'features.pdf' (pass it with --source)"), std::string::npos) << e.line();
  }
  fs::copy_file(o.input, tmp.path() + "/talk/features.pdf");
  EXPECT_EQ(pipeline::need_source_pdf(deck, j), tmp.path() + "/talk/features.pdf");
  // the same PDF: no source-changed warning; opened once, hashed once
  Diagnostics d2;
  auto src = pipeline::open_source_of(deck, j, d2);
  EXPECT_EQ(src->path(), tmp.path() + "/talk/features.pdf");
  EXPECT_EQ(d2.count(), 0u);
  // another PDF: warned
  pipeline::check_source_hash(deck, j, (kRoot / "samples" / "zh.pdf").string(), d2);
  ASSERT_EQ(d2.count(), 1u);
  EXPECT_EQ(d2.warnings()[0].code, warn::source_changed);
  // --source wins, and one that is not there is an error (exit 4)
  j.source = tmp.path() + "/none.pdf";
  try {
    pipeline::find_source_pdf(deck, j);
    ADD_FAILURE() << "a missing --source was taken";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Exit::input);
    EXPECT_NE(e.line().find("no such file (check the path given with --source)"), std::string::npos) << e.line();
  }
}

// ---- one logger a job: the caller's sink ----

namespace {
struct Collected {
  std::ostringstream text;
  spdlog::sink_ptr sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(text);
};
}  // namespace

TEST(PipelineLog, TwoJobsAtOnceEachWithItsOwnSinkAndNothingOnStandardError) {
  JobOptions a;  // a check: steps (-v), warnings, its result line
  a.command = Command::check;
  a.input = (kRoot / "samples" / "features.pdf").string();
  a.verbose = 1;
  a.threads = 1;
  JobOptions b;  // an extract: steps (-v), written to a file
  TempDir tmp;
  b.command = Command::extract;
  b.input = (kRoot / "samples" / "ietf-wsis20.pdf").string();
  b.output = tmp.path() + "/ietf.json";
  b.verbose = 1;
  b.threads = 1;
  Collected ca, cb;
  int ra = -1, rb = -1;
  testing::internal::CaptureStderr();
  testing::internal::CaptureStdout();
  {
    std::thread ta([&] { ra = Job(a, ca.sink).run(); });
    std::thread tb([&] { rb = Job(b, cb.sink).run(); });
    ta.join();
    tb.join();
  }
  const std::string out = testing::internal::GetCapturedStdout();
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(err, "") << "on standard error: " << err;
  EXPECT_TRUE(ra == 0 || ra == static_cast<int>(Exit::check_failed)) << ra;
  EXPECT_EQ(rb, 0);
  const std::string ta = ca.text.str(), tb = cb.text.str();
  // each its own job's messages, whole lines as the command line prints them
  EXPECT_NE(ta.find("deckhand: info: " + a.input + ": extracted "), std::string::npos) << ta;
  EXPECT_TRUE(ta.find("units fit the notes-3 layout") != std::string::npos || ta.find("units do not fit") != std::string::npos) << ta;
  EXPECT_EQ(ta.find("ietf-wsis20"), std::string::npos) << ta;
  EXPECT_NE(tb.find("deckhand: info: " + b.input + ": "), std::string::npos) << tb;
  EXPECT_NE(tb.find(b.output + " written"), std::string::npos) << tb;
  EXPECT_EQ(tb.find("features.pdf"), std::string::npos) << tb;
  EXPECT_EQ(tb.find("units fit"), std::string::npos) << tb;
  EXPECT_EQ(read_file(b.output).substr(0, 1), "{");
}

TEST(PipelineLog, QuietLeavesTheResultAndTheDefaultIsStandardError) {
  JobOptions o;
  o.command = Command::check;
  o.input = (kRoot / "samples" / "features.pdf").string();
  o.quiet = true;
  o.verbose = 2;  // (-q wins)
  Collected c;
  testing::internal::CaptureStdout();
  const int rc = Job(o, c.sink).run();
  testing::internal::GetCapturedStdout();
  const std::string t = c.text.str();
  EXPECT_EQ(t.find("deckhand: info:"), std::string::npos) << t;
  EXPECT_EQ(t.find("deckhand: debug:"), std::string::npos) << t;
  EXPECT_EQ(t.find("deckhand: warning:"), std::string::npos) << t;
  EXPECT_NE(t.find(rc == 0 ? "deckhand: all " : "deckhand: error: "), std::string::npos) << t;
  // no sink: standard error, the same text
  o.quiet = false;
  o.verbose = 1;
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  Job(o).run();
  const std::string err = testing::internal::GetCapturedStderr();
  testing::internal::GetCapturedStdout();
  EXPECT_NE(err.find("deckhand: info: " + o.input + ": extracted "), std::string::npos) << err;
  EXPECT_NE(err.find(t.substr(t.rfind("deckhand: "))), std::string::npos) << err;  // the result line
}

// The event build (deckhand build) says what it does through its Job's Log too: its summary,
// the translation status and the jobs' warnings reach the caller's sink, nothing stderr.
TEST(PipelineLog, AnEventBuildSpeaksThroughItsJobsSink) {
  TempDir tmp;
  const std::string dir = tmp.path();
  std::filesystem::copy_file(kRoot / "samples" / "features.pdf", dir + "/features.pdf");
  {
    std::ofstream m(dir + "/event.yaml");
    m << "decks: [features.pdf]\noutputs: [{handout: outline}]\nout: o/{deck}-{output}.pdf\n";
  }
  JobOptions o;
  o.command = Command::build;
  o.input = dir + "/event.yaml";
  o.threads = 1;
  Collected c;
  testing::internal::CaptureStderr();
  testing::internal::CaptureStdout();
  const int rc = Job(o, c.sink).run();
  testing::internal::GetCapturedStdout();
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(err, "") << "on standard error: " << err;
  const std::string t = c.text.str();
  EXPECT_NE(t.find("deckhand: build: 1 job: 1 built"), std::string::npos) << t;
  EXPECT_TRUE(std::filesystem::exists(dir + "/o/features-outline.pdf"));
}

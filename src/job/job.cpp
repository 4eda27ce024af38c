#include "job/job.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include "core/io.hpp"
#include "core/language.hpp"
#include "core/limits.hpp"
#include "core/scan.hpp"
#include "core/parallel.hpp"
#include "core/sha256.hpp"
#include "job/internal.hpp"
#include "job/pipeline.hpp"
#include "core/unicode.hpp"
#include "deckhand/data_dir.hpp"
#include "extract/extract.hpp"
#include "extract/pdf_reader.hpp"
#include "extract/budget.hpp"
#include "extract/source.hpp"
#include "l10n/strings.hpp"
#include "layout/font_match.hpp"
#include "layout/hyphenate.hpp"
#include "layout/engine.hpp"
#include "render/pdf_writer.hpp"
#include "render/preflight.hpp"
#include "render/print.hpp"
#include "render/slide_translate.hpp"
#include "render/translated_slides.hpp"
#include "core/docs.hpp"

namespace deckhand {
using namespace pipeline;  // the steps of a run (job/pipeline.hpp)
namespace {

// "overlaps a picture by 14 pt", "runs past the slide's edge by 3 pt", "overlaps the
// translation of s3.b1-1a2b3c4d by 6 pt" (keys as unit ids)
// Where each unit goes in the deck -> the id a translation file holds it under ("s3.b2" ->
// "s3.b2-1a2b3c4d"); a build step's blocks (a slide that is an overlay of an earlier one
// has no units of its own) are named by the unit of the same source text.
std::map<std::string, std::string> unit_names(const Deck& deck) {
  std::map<std::string, std::string> ids, by_text;  // by_text: source text -> the first unit id with it
  for (const auto& u : l10n::units_of(deck, "").units) ids[u.key] = u.id, by_text.emplace(u.source, u.id);
  for (const auto& sl : deck.slides) {
    if (sl.overlay_of.empty()) continue;
    if (auto t = by_text.find(sl.title); !sl.title.empty() && t != by_text.end()) ids.emplace(sl.id + ".title", t->second);
    for (const auto& b : sl.blocks)
      if (auto t = by_text.find(b.text); t != by_text.end()) ids.emplace(b.id, t->second);
  }
  return ids;
}

// A translator's file is never replaced by another kind of output (a handout's PDF, a deck
// JSON): an existing `out` that reads as XLIFF or PO with a translated unit is refused
// (exit 10). The strings commands have their own rule (--force).
void keep_translation_file(const std::string& out) {
  std::error_code ec;
  if (writes_through(out) || !std::filesystem::is_regular_file(out, ec) || std::filesystem::file_size(out, ec) == 0) return;
  {  // an earlier run's PDF (the usual case) is told by its first bytes, not read whole
    std::ifstream f(out, std::ios::binary);
    char head[5] = {};
    if (!f.read(head, 5) || std::string(head, 5) == "%PDF-") return;
  }
  std::string text;
  try {
    text = read_file(out);
  } catch (const Error&) {
    return;  // unreadable: check_output_path and the writer say what is wrong
  }
  if (text.find("msgid") == std::string::npos && text.find("<xliff") == std::string::npos) return;
  size_t done = 0;
  try {
    const l10n::Catalog c = l10n::read_catalog(text, out, true);
    done = std::count_if(c.units.begin(), c.units.end(), [](const l10n::Unit& u) { return !u.target.empty(); });
  } catch (const Error&) {
    return;  // not a translation file deckhand reads
  }
  if (done > 0)
    throw Error(Exit::output, out, "is a translation file holding " + std::to_string(done) + " translated unit" + (done == 1 ? "" : "s") +
                ": this output would replace it", "name another output file");
}

// The unit ids of overlay steps' blocks (unit_names): "s30.b9" -> "s29.b3-1a2b3c4d", the unit
// the translator's file has; warnings about a step name it.
std::map<std::string, std::string> step_units_of(const Deck& deck) {
  std::map<std::string, std::string> out;
  const auto names = unit_names(deck);
  for (const auto& sl : deck.slides)
    if (!sl.overlay_of.empty())
      for (const auto& b : sl.blocks)
        if (auto it = names.find(b.id); it != names.end()) out[b.id] = it->second;
  return out;
}

std::string collision_text(const Collision& c, const std::map<std::string, std::string>& ids) {
  const long by = std::max(1L, std::lround(c.by));
  if (c.what == "the slide's edge") return "runs past the slide's edge by " + std::to_string(by) + " pt";
  std::string what = c.what;
  const std::string tr = "the translation of ";
  if (what.rfind(tr, 0) == 0) {
    auto id = ids.find(what.substr(tr.size()));
    if (id != ids.end()) what = tr + id->second;
  }
  return "overlaps " + what + " by " + std::to_string(by) + " pt";
}


namespace fs = std::filesystem;

// "1-3,7,9-12": `pages` as ranges (extract::ExtractOptions::pages).
std::string page_ranges(const std::set<int>& pages) {
  std::string out;
  for (auto it = pages.begin(); it != pages.end();) {
    const int a = *it;
    int b = a;
    for (++it; it != pages.end() && *it == b + 1; ++it) b = *it;
    if (!out.empty()) out += ',';
    out += std::to_string(a);
    if (b > a) out += '-' + std::to_string(b);
  }
  return out;
}

// The pages of `src` that the slides of `deck` show, extracted again (its warnings dropped):
// only those pages (extract_deck reads up to 40 others, so that each reads as in the whole
// deck's extraction). A 1-slide deck over a PDF of 20,000 pages reads 41 pages, not 20,000
// (issue 20: `slides` took 81 s there). Pages outside the PDF are reported elsewhere.
Deck extract_shown_pages(const Deck& deck, const extract::SourcePdf& src, const JobOptions& o) {
  std::set<int> shown;
  for (const auto& s : deck.slides)
    if (s.page >= 1 && s.page <= src.pages()) shown.insert(s.page);
  if (shown.empty()) return {};
  extract::ExtractOptions eo;
  eo.password = o.password;
  eo.threads = o.threads;
  if (static_cast<int>(shown.size()) < src.pages()) eo.pages = page_ranges(shown);
  Diagnostics quiet;
  return extract::extract_deck(src, eo, quiet);
}

// The source-language text of a translated deck JSON's slides: the PDF extracted again,
// each slide of `translated` replaced by the one extracted from its page (kept as it is where
// the PDF has no such page). The extraction's own warnings were given when the deck was made.
Deck source_text_of(const Deck& translated, const extract::SourcePdf& src, const JobOptions& o) {
  const Deck fresh = extract_shown_pages(translated, src, o);
  std::map<int, const Slide*> by_page;
  for (const auto& s : fresh.slides) by_page.emplace(s.page, &s);
  Deck out = translated;
  out.translated_from.clear();
  for (auto& s : out.slides)
    if (auto it = by_page.find(s.page); it != by_page.end()) {
      const std::string id = s.id;
      s = *it->second;
      s.id = id;
    }
  current_log().info("{}: a translation (from {}): the slide pictures show it set on the PDF's pages", o.input, translated.translated_from);
  return out;
}

// The blocks and titles of a deck JSON that its PDF's pages do not show (added or rewritten
// in the JSON): each is looked for, white space aside, in the text extracted again from its
// slide's page. Warns not-on-slide for each not found, except those in `skip` (translated
// units, which translate_slides reports itself). A translated deck JSON is not looked at
// (its text is another language's).
void report_not_on_pages(const Deck& deck, const extract::SourcePdf& src, const JobOptions& o, const std::set<std::string>& skip,
                         Diagnostics& diag) {
  if (!is_deck_json(o.input) || !deck.translated_from.empty()) return;
  const Deck fresh = extract_shown_pages(deck, src, o);
  auto squeeze = [](const std::string& t) {
    std::string out;
    for (char c : t)
      if (!std::isspace(static_cast<unsigned char>(c))) out += c;
    return out;
  };
  std::map<int, std::string> page_text;
  for (const auto& s : fresh.slides) {
    std::string& t = page_text[s.page];
    t += squeeze(s.title) + "\n";
    for (const auto& b : s.blocks) t += squeeze(b.text) + "\n";
    for (const auto& n : s.notes) t += squeeze(n) + "\n";
    if (s.dropped)
      for (const auto& d : *s.dropped) t += squeeze(d.text) + "\n";
  }
  auto check = [&](const Slide& s, const std::string& key, const std::string& text) {
    const std::string q = squeeze(text);
    if (q.empty() || skip.count(key) || page_text[s.page].find(q) != std::string::npos) return;
    diag.warn({warn::not_on_slide, o.input, s.page,
               "slide " + s.id + ": " + key + " is not on the slide's page (its text is not on page " + std::to_string(s.page) +
                   " of the PDF): the slide's picture does not show it (text layouts such as outline do)"});
  };
  for (const auto& s : deck.slides) {
    if (!s.overlay_of.empty()) continue;
    check(s, s.id + ".title", s.title);
    for (const auto& b : s.blocks) check(s, b.id, b.text);
  }
}

// A slide printed letterboxed on a sheet of another shape (PScript5 puts 16:9 slides on
// landscape Letter): when every page's ink lies in the centred box of a usual slide shape
// (16:9, 16:10, 4:3) and fills most of it, that box, as fractions of the page;
// {0, 0, 1, 1} otherwise (always when the page itself has a usual slide shape).

Crop letterbox(const extract::SourcePdf& src, const Deck& deck) {
  if (deck.slides.empty()) return kWholePage;
  const Slide& first = deck.slides.front();
  double A = (first.size[0] > 0 ? first.size[0] : deck.source.page_size[0]) /
             std::max(1.0, first.size[1] > 0 ? first.size[1] : deck.source.page_size[1]);
  for (double r : {16.0 / 9, 16.0 / 10, 4.0 / 3})
    if (std::abs(A - r) / r < 0.015) return kWholePage;  // the page is the slide: nothing to look at
  Crop all{1, 1, 0, 0};
  const int W = 160;
  for (const auto& s : deck.slides) {
    double sw = s.size[0] > 0 ? s.size[0] : deck.source.page_size[0], sh = s.size[1] > 0 ? s.size[1] : deck.source.page_size[1];
    if (sw <= 0 || sh <= 0) return kWholePage;
    int H = std::max(1, static_cast<int>(std::lround(W * sh / sw)));
    auto px = src.render(s.page, W, H, 0);
    for (int y = 0; y < H; ++y)
      for (int x = 0; x < W; ++x) {
        const unsigned char* p = &px[(static_cast<size_t>(y) * W + x) * 3];
        if (p[0] > 242 && p[1] > 242 && p[2] > 242) continue;
        all[0] = std::min(all[0], double(x) / W);
        all[1] = std::min(all[1], double(y) / H);
        all[2] = std::max(all[2], double(x + 1) / W);
        all[3] = std::max(all[3], double(y + 1) / H);
      }
  }
  current_log().debug("ink of all pages: {:.3f} {:.3f} {:.3f} {:.3f}", all[0], all[1], all[2], all[3]);
  if (!(all[2] > all[0] && all[3] > all[1])) return kWholePage;
  // a slide of a usual shape (16:9, 16:10, 4:3) centred on a sheet of another shape
  for (double r : {16.0 / 9, 16.0 / 10, 4.0 / 3}) {
    Crop box = r > A ? Crop{0, (1 - A / r) / 2, 1, (1 + A / r) / 2} : Crop{(1 - r / A) / 2, 0, (1 + r / A) / 2, 1};
    const double tol = 0.012;
    bool inside = all[0] >= box[0] - tol && all[1] >= box[1] - tol && all[2] <= box[2] + tol && all[3] <= box[3] + tol;
    bool fills = r > A ? all[3] - all[1] >= 0.8 * (box[3] - box[1]) : all[2] - all[0] >= 0.8 * (box[2] - box[0]);
    if (inside && fills) return box;
  }
  return kWholePage;
}

// The deck as if its pages were the letterbox: sizes and boxes moved into it.
void crop_deck(Deck& deck, const Crop& c) {
  for (auto& s : deck.slides) {
    double sw = s.size[0] > 0 ? s.size[0] : deck.source.page_size[0], sh = s.size[1] > 0 ? s.size[1] : deck.source.page_size[1];
    double dx = c[0] * sw, dy = c[1] * sh;
    auto move = [&](BBox& b) {
      if (b[2] <= b[0]) return;
      b = {b[0] - dx, b[1] - dy, b[2] - dx, b[3] - dy};
    };
    move(s.title_bbox);
    for (auto& b : s.blocks) move(b.bbox);
    s.size = {sw * (c[2] - c[0]), sh * (c[3] - c[1])};
  }
  deck.source.page_size = {deck.source.page_size[0] * (c[2] - c[0]), deck.source.page_size[1] * (c[3] - c[1])};
}

// Vector frames whose source page uses fonts the source does not embed become raster
// pictures (at the layout's dpi, sized by the engine), so that every font of the handout
// is embedded (what a print shop checks; pdfjam would carry the unembedded font over). One
// warning names the fonts and the pages. A picture past --max-pixels stays vector.
void rasterize_unembedded(LaidOutDoc& doc, const extract::SourcePdf& src, Diagnostics& diag) {
  std::map<int, std::vector<std::string>> fonts_of;  // source page -> its unembedded fonts
  std::map<std::string, std::set<int>> pages_of;     // font -> source pages placed as pictures
  for (auto& pg : doc.pages)
    for (auto& im : pg.images) {
      if (im.mode != PictureMode::vector) continue;
      auto it = fonts_of.find(im.page);
      if (it == fonts_of.end()) it = fonts_of.emplace(im.page, src.doc(0).unembedded_fonts(im.page - 1)).first;
      if (it->second.empty()) continue;
      if (!(static_cast<double>(im.px_w) * im.px_h <= static_cast<double>(limits().pixels))) continue;
      im.mode = PictureMode::raster;
      for (const auto& f : it->second) pages_of[f].insert(im.page);
    }
  if (pages_of.empty()) return;
  std::string what;
  std::set<int> pages;
  for (const auto& [f, ps] : pages_of) {
    what += (what.empty() ? "" : ", ") + f;
    pages.insert(ps.begin(), ps.end());
  }
  std::string list;  // "1-3, 5, 7-46"
  for (auto it = pages.begin(); it != pages.end();) {
    int first = *it, last = first;
    while (++it != pages.end() && *it == last + 1) last = *it;
    list.append(list.empty() ? "" : ", ").append(std::to_string(first));
    if (last > first) list.append("-").append(std::to_string(last));
  }
  diag.warn({warn::font_not_embedded, src.path(), 0,
             "the source does not embed " + count_of(pages_of.size(), "font") + " (" + what + "): " +
                 count_of(pages.size(), "slide") + " (" + list +
                 ") placed as pictures, so that the handout embeds every font (embed the fonts when exporting the deck to keep them as vector pages)"});
}

bool uses_pictures(const LaidOutDoc& doc) {
  return std::any_of(doc.pages.begin(), doc.pages.end(), [](const LaidOutPage& p) { return !p.images.empty(); });
}

// The deck's outline for a person (inspect).
std::string outline(const Deck& d) {
  std::ostringstream o;
  o << "deck: " << (d.title.empty() ? "(untitled)" : d.title) << "\n"
    << "source: " << d.source.file << ", " << count_of(d.source.pages, "page") << ", " << count_of(d.slides.size(), "slide") << ", lang "
    << d.lang.value_or("unknown") << ", " << d.direction << "\n";
  for (const auto& s : d.slides) {
    o << "\n" << s.page << ". [" << to_string(s.kind) << "] " << (s.title.empty() ? "(no title)" : s.title);
    if (!s.overlay_of.empty()) o << "  (overlay step of " << s.overlay_of << ")";
    o << "\n";
    for (const auto& b : s.blocks) {
      std::string indent(2 + 2 * static_cast<size_t>(std::max(0, b.level)), ' ');
      o << indent;
      if (b.level > 0) o << layout::marker_for(b.marker, b.level) << " ";
      // (a code block's lines stay under its first one)
      std::string text = b.text;
      for (size_t k = text.find('\n'); k != std::string::npos; k = text.find('\n', k + 1 + indent.size()))
        text.insert(k + 1, indent);
      o << text << "\n";
    }
  }
  return o.str();
}

}  // namespace

std::string data_dir() {
  if (const char* e = std::getenv("DECKHAND_DATA"); e && *e) return e;
  // installed: <prefix>/bin/deckhand (or <prefix>/libexec/deckhand/deckhand-full, which
  // runs the commands that need the data) and <prefix>/share/deckhand
  std::error_code ec;
  if (const std::string prefix = install_prefix(); !prefix.empty()) {
    fs::path installed = fs::path(prefix) / "share" / "deckhand";
    if (fs::is_directory(installed / "layouts", ec)) return installed.string();
  }
  return kSourceDataDir;  // the source tree, for a build that is not installed
}

int Job::run() {
  const InputRun input_run;  // the run's inputs are read once (core/io.hpp)
  LogScope scope(&log_);  // what the stages below say is this job's (core/log.hpp)
  // language tags of the command line, canonical: "fr_FR" is "fr-FR", "ara" is "ar"
  // (docs/translation.md, "Language tags"); one that is none is a usage error
  if (!o_.lang.empty()) o_.lang = language::read(o_.lang, "--lang", Exit::usage, "");
  if (!o_.target_lang.empty()) o_.target_lang = language::read(o_.target_lang, "--target-lang", Exit::usage, "");
  int rc = 0;
  refuse_output_folder(o_);  // before any work, with a file name for the command
  c_ = check_configuration(o_);  // every other option, resolved and checked once (job/config.hpp)
  switch (o_.command) {
    case Command::extract: rc = run_extract(); break;
    case Command::inspect: rc = run_inspect(); break;
    case Command::handout: rc = run_handout(); break;
    case Command::review: rc = run_review(); break;
    case Command::list_layouts: rc = run_list_layouts(); break;
    case Command::strings_export:
    case Command::strings_update:
    case Command::strings_pseudo: rc = run_strings(); break;
    case Command::translate: rc = run_translate(); break;
    case Command::check: rc = run_check(); break;
    case Command::fonts_check: rc = run_fonts_check(); break;
    case Command::slides: rc = run_slides(); break;
    case Command::preflight: rc = run_preflight(); break;
    case Command::impose: rc = run_impose(); break;
    case Command::build: rc = run_event_build(o_); break;
    case Command::none: throw Error(Exit::usage, "", "no command given", "run 'deckhand --help'");
  }
  debug_opens();
  return rc;
}

int Job::run_inspect() {
  Diagnostics diag;
  Opened l = open_deck(o_, diag);
  if (strict_fails(diag)) return finish(diag);
  write_output("-", outline(l.deck), {});
  return finish(diag);
}

int Job::run_list_layouts() {
  std::string dd = data_dir();
  std::ostringstream o;
  if (layout::builtin_layouts(dd).empty())
    throw Error(Exit::layout, dd, "no layouts found in " + dd + "/layouts",
                "reinstall deckhand, or set DECKHAND_DATA to the folder that holds layouts/ and fonts/");
  for (const auto& name : layout::builtin_layouts(dd)) {
    layout::LayoutDef def = layout::load_layout(name, dd);
    o << name << std::string(name.size() < 16 ? 16 - name.size() : 1, ' ') << def.description << "\n";
  }
  write_output("-", o.str(), {});
  return 0;
}

// deckhand review: a handout in a layout of mode review (layouts/review.yaml), with each
// unit's source, translation, state and fit (render/translated_slides.hpp) filled in.
int Job::run_review() {
  return run_handout();  // (its own layout: c_.handout.layout is --layout of review)
}

int Job::run_handout() {
  const JobOptions& h = o_;
  const HandoutConfig& hc = c_.handout;
  // every file this run reads; the output may replace none of them (docs/exit-codes.md)
  std::vector<std::string> inputs{h.input, h.source, h.translations};
  if (layout::is_layout_file(hc.layout)) inputs.push_back(hc.layout);
  if (!h.output.empty()) check_output_path(h.output, inputs);
  keep_translation_file(h.output);
  Diagnostics diag;
  // the layout and its fonts (their files join the inputs)
  Layout lay = load_layout(hc.layout, &inputs);
  layout::LayoutDef& def = lay.def;
  const layout::FontSet& fonts = lay.fonts;
  if (hc.paper_size) {
    const auto [w, hh] = *hc.paper_size;
    bool landscape = def.paper_w > def.paper_h;
    def.paper_w = landscape ? hh : w;
    def.paper_h = landscape ? w : hh;
    def.paper_name = hc.paper;
  }
  // print geometry (docs/printing.md)
  if (hc.print.on) def.print.on = true;
  if (hc.print.bleed) def.print.bleed = *hc.print.bleed;
  if (hc.print.crop_marks) def.print.marks = *hc.print.crop_marks;
  const std::vector<int>& picture_slides = hc.pictures;  // --pictures
  // source -> deck
  Opened l = open_deck(h, diag);
  Deck& deck = l.deck;
  if (deck.slides.empty())
    throw Error(Exit::bad_deck, h.input, "the deck has no slides: nothing to print", "extract the deck again, or check its \"slides\" list");
  const Deck source_deck = deck;
  // -> translations merged
  if (!h.translations.empty()) merge_translations(deck, h.translations, h.lang, diag, h.allow_mismatch, nullptr, !h.pages.empty() && !is_deck_json(h.input));
  const bool review = def.mode == layout::LayoutDef::Mode::review;
  if (review && h.translations.empty())
    throw Error(Exit::usage, "", "the " + def.name + " layout shows a translation: none given", "add --translations talk.fr.xlf");
  inputs = inputs_of(inputs, deck, h.input);  // the deck's own PDF too, even when --source names another
  if (!h.output.empty()) check_output_path(h.output, inputs);
  layout::HandoutOptions ho;
  ho.title = h.title;
  ho.event = h.event;
  ho.date = hc.date;
  ho.skip_overlays = !h.keep_overlays;
  ho.contact = hc.contact;
  for (int n : picture_slides)
    if (n < 1 || n > static_cast<int>(deck.slides.size()))
      throw Error(Exit::usage, "", "--pictures " + h.pictures + ": the deck has slides 1 to " + std::to_string(deck.slides.size()),
                  "give slide numbers of this deck, e.g. --pictures 2,4");
  if (!picture_slides.empty() && def.mode != layout::LayoutDef::Mode::leaflet)
    diag.warn({warn::option_ignored, h.input, 0, "--pictures is for leaflet layouts (leaflet-a5); the " + def.name + " layout does not use it"});
  ho.pictures = picture_slides;
  ho.file = h.input;
  ho.step_units = step_units_of(source_deck);
  if (review) {  // each unit as the file holds it (the deck above has what is printed)
    const l10n::Catalog cat = l10n::read_catalog(read_file(h.translations), h.translations, !h.lang.empty());
    ho.source_lang = source_deck.lang.value_or("");
    ho.target_lang = h.lang.empty() ? cat.target_lang : h.lang;
    for (auto& u : l10n::review(source_deck, cat, ho.target_lang))
      ho.review.push_back({u.key, u.id, u.source, u.target, u.state, u.used, ""});
  }
  // -> laid-out pages. The source PDF is needed only when they show pictures of slides
  // (an outline layout draws none: a deck JSON alone is enough).
  auto layout_diag = std::make_unique<Diagnostics>();
  LaidOutDoc doc = layout::lay_out(deck, def, fonts, ho, *layout_diag);
  std::unique_ptr<extract::SourcePdf>& src = l.source;
  Crop crop = kWholePage;
  if (uses_pictures(doc)) {
    if (!src || !h.source.empty()) src = open_source_of(deck, h, diag);
    // what the deck JSON has that the slide pictures do not show (translated units: see
    // translate_slides, which reports those it cannot set)
    report_not_on_pages(source_deck, *src, h, h.translations.empty() ? std::set<std::string>{} : render::translated_units(source_deck, deck).translated, diag);
    inputs.push_back(src->path());
    if (!h.output.empty()) check_output_path(h.output, inputs);
    // a letterboxed deck is laid out again as its slides
    crop = letterbox(*src, deck);
    if (crop != kWholePage) {
      current_log().info("{}: slides sit letterboxed on the sheet; cropped to {:.0f}% x {:.0f}%", src->path(), (crop[2] - crop[0]) * 100,
                   (crop[3] - crop[1]) * 100);
      crop_deck(deck, crop);
      layout_diag = std::make_unique<Diagnostics>();
      doc = layout::lay_out(deck, def, fonts, ho, *layout_diag);
      // the frames were laid out for the letterbox: the part of the sheet they show
      for (auto& pg : doc.pages)
        for (auto& im : pg.images) {
          double W = im.crop[2] / (crop[2] - crop[0]), H = im.crop[3] / (crop[3] - crop[1]);
          im.crop = {crop[0] * W, crop[1] * H, crop[2] * W, crop[3] * H};
        }
    }
  }
  for (const auto& w : layout_diag->warnings()) diag.warn(w);
  current_log().info("{} layout: {} laid out for {}", def.name, count_of(doc.pages.size(), "page"), count_of(deck.slides.size(), "slide"));
  if (src) rasterize_unembedded(doc, *src, diag);
  if (src) {
    size_t vec = 0, ras = 0;
    for (const auto& pg : doc.pages)
      for (const auto& im : pg.images) (im.mode == PictureMode::vector ? vec : ras) += 1;
    current_log().info("{}: {} placed from its pages as vector graphics, {} as pictures", src->path(), count_of(vec, "slide picture"), ras);
  }
  // frames that show pictures of a translated deck show the translated slides, slide by
  // slide (render/translated_slides.hpp): the source pages with the translation set in
  // place, written unencrypted to a scratch file that becomes the pictures' source
  // A translated deck JSON (`deckhand translate`) is printed the same way: its source text is
  // the PDF's own, extracted again (each slide from its page), and what differs is translated.
  std::string password = h.password;
  std::unique_ptr<TempDir> scratch;
  const bool translated_json = h.translations.empty() && !deck.translated_from.empty();
  Deck from = source_deck;
  if (src && translated_json && def.content == layout::LayoutDef::Content::automatic) from = source_text_of(deck, *src, h);
  if (src && (!h.translations.empty() || translated_json) && def.content == layout::LayoutDef::Content::automatic &&
      !render::translated_units(from, deck).translated.empty()) {
    scratch = std::make_unique<TempDir>();
    const std::string translated = scratch->path() + "/translated-slides.pdf";
    layout::SlideTextOptions so;
    so.file = h.input;
    so.threads = h.threads;
    so.progress = progress_printer(h, "translating the slide pictures", "slide");
    so.step_units = ho.step_units;
    const LaidOutDoc set = render::translate_slides(from, deck, src->path(), h.password, fonts, so, diag, translated, true);
    if (review) {  // what is wrong where each translation is set on its slide; laid out again with it
      std::map<std::string, std::string> problem;
      for (const auto& ov : set.overflows)
        problem[ov.key] = "does not fit its box on the slide: needs " + std::to_string(static_cast<int>(std::lround(ov.needed * 100))) +
                          "% of its room at the smallest size";
      for (const auto& c : set.collisions)
        if (!problem.count(c.key)) problem[c.key] = "on the slide, it " + collision_text(c, unit_names(source_deck));
      for (auto& u : ho.review)
        if (auto it = problem.find(u.key); it != problem.end()) u.problem = it->second;
      auto again = std::make_unique<Diagnostics>();
      doc = layout::lay_out(deck, def, fonts, ho, *again);
      rasterize_unembedded(doc, *src, *again);
    }
    current_log().info("{}: the slide pictures translated ({} units set on their pages)", src->path(), render::translated_units(from, deck).translated.size());
    src = std::make_unique<extract::SourcePdf>(translated, "", worker_count(h.threads));
    password.clear();
  }
  if (hc.dump != Dump::none) {  // the laid-out pages themselves: layout (JSON) or layout-text
    if (strict_fails(diag)) return finish(diag);
    write_output(h.output.empty() ? "-" : h.output, hc.dump == Dump::layout_text ? to_text(doc) : to_json(doc).dump(2) + "\n", inputs);
    return finish(diag);
  }
  if (strict_fails(diag)) return finish(diag);
  // -> pictures resolved for the frames the pages use: vector frames are placed from the
  // source by the writer (libqpdf); raster frames are rendered from the same pool of
  // documents, on the writer's workers, page by page (memory stays bounded).
  render::WriteOptions wo;
  wo.workers = worker_count(h.threads);
  if (src) {
    wo.source = src->path();
    wo.password = password;
  }
  wo.impose = hc.print.impose == Impose::booklet;
  wo.creep = hc.print.creep;
  wo.signature = hc.print.signature;
  wo.binding = hc.print.binding == Binding::left ? 1 : hc.print.binding == Binding::right ? 2 : 0;
  wo.progress = progress_printer(h, "writing the handout");
  const render::RasterFn pictures = slide_pictures(src.get(), crop);
  // -> written output
  write_pdf(doc, pictures, wo, h.output, inputs);
  current_log().info("{}: {} ({} layout)", h.output, count_of(doc.pages.size(), "page"), def.name);
  return finish(diag);
}

int Job::run_strings() {
  const JobOptions& s = o_;
  std::vector<std::string> inputs{s.input};
  if (o_.command == Command::strings_update) inputs.push_back(s.old_file);
  if (out() != "-") check_output_path(out(), inputs);
  const double ex = c_.strings.expand;
  Diagnostics diag;
  std::optional<l10n::Catalog> old;
  std::string old_text;
  if (o_.command == Command::strings_update) {
    old_text = read_file(s.old_file);
    old = l10n::read_catalog(old_text, s.old_file);
  }
  Opened l = open_deck(s, diag);
  // the deck's own PDF is an input too (a deck JSON names it): that says so first
  if (out() != "-") check_output_path(out(), inputs_of(inputs, l.deck, s.input));
  // A translator's work is never replaced: export, pseudo and update refuse an output file
  // that already holds translations (another language's, another deck's), unless --force.
  // A file it cannot read (a translator's stray quote) may hold work too: refused as well.
  if (!writes_through(out()) && !s.force && fs::is_regular_file(out()) && fs::file_size(out()) > 0) {
    const std::string cmd = o_.command == Command::strings_export ? "export" : o_.command == Command::strings_pseudo ? "pseudo" : "update";
    const std::string text = read_file(out());
    size_t done = 0;
    try {
      l10n::Catalog existing = l10n::read_catalog(text, out());
      done = std::count_if(existing.units.begin(), existing.units.end(), [](const l10n::Unit& u) { return !u.target.empty(); });
      // obsolete PO entries (#~) are a translator's memory too (msgmerge keeps them)
      // (a line scan, not a regular expression: a line can be any length; issue 20)
      for (size_t at = 0; at < text.size();) {
        size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + at, end - at);
        at = end + 1;
        if (line.rfind("#~", 0) != 0) continue;  // `(^|\n)#~[ \t]*msgstr[ \t]+"[^"\n]+`
        size_t i = 2;
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        if (line.compare(i, 6, "msgstr") != 0) continue;
        size_t j = i + 6;
        while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
        if (j > i + 6 && j + 1 < line.size() && line[j] == '"' && line[j + 1] != '"') ++done;
      }
    } catch (const Error& e) {
      // the reader names the line as "file:N"
      const std::string at = e.file().size() > out().size() + 1 && e.file().rfind(out() + ":", 0) == 0
                                 ? "line " + e.file().substr(out().size() + 1) + ": "
                                 : "";
      throw Error(Exit::output, out(), "exists and is not a translation file deckhand can read (" + at + e.message() + "); 'strings " + cmd +
                  "' would replace it", "fix it or name another output; to replace it, add --force");
    }
    if (done > 0)
      throw Error(Exit::output, out(), "already holds " + std::to_string(done) + " translated unit" + (done == 1 ? "" : "s") +
                  ", which 'strings " + cmd + "' would replace",
                  cmd == "update" ? "name another output; to replace the file, add --force"
                                  : "to carry them to the deck, run 'deckhand strings update " + out() + " " + s.input +
                                        " -o NEW'; to replace the file, add --force");
  }
  l10n::Catalog c;
  CatalogFormat fmt = c_.strings.format;
  size_t kept = 0;
  switch (o_.command) {
    case Command::strings_export: c = l10n::units_of(l.deck, s.target_lang); break;
    case Command::strings_pseudo:
      c = l10n::units_of(l.deck, "en-XA");
      for (auto& u : c.units)  // code stays as it is (unless --all: a layout stressed as if all were translated)
        if (!u.no_translate || s.pseudo_all) u.target = l10n::pseudo(u.source, ex, u.markup);
      break;
    default:
      c = l10n::update(*old, l.deck);
      kept = std::count_if(c.units.begin(), c.units.end(), [](const l10n::Unit& u) { return !u.target.empty(); });
      // (unset: as the old file: PO, XLIFF 2.x (its namespace), else XLIFF 1.x)
      fmt = c_.strings.update_format ? *c_.strings.update_format
            : old_text.find("<xliff") == std::string::npos ? CatalogFormat::po
            : old_text.find("urn:oasis:names:tc:xliff:document:2") != std::string::npos ? CatalogFormat::xliff2 : CatalogFormat::xliff12;
  }
  if (strict_fails(diag)) return finish(diag);  // nothing written
  write_output(out(), l10n::write_catalog(c, fmt), inputs_of(inputs, l.deck, s.input));
  if (o_.command == Command::strings_update) {
    // the old file's translations of text the revised deck no longer has are not carried: said
    std::set<std::string> carried;
    for (const auto& u : c.units)
      if (!u.target.empty()) carried.insert(u.target);
    const size_t left = std::count_if(old->units.begin(), old->units.end(),
                                      [&](const l10n::Unit& u) { return !u.target.empty() && !carried.count(u.target); });
    log_.note("deckhand: " + std::to_string(kept) + " of " + std::to_string(c.units.size()) + " units keep their translation" +
              (left ? "; " + std::to_string(left) + " translated unit" + (left == 1 ? "" : "s") + " of " + s.old_file +
                          " (text the revised deck no longer has) not carried: the old file keeps them"
                    : ""));
  }
  current_log().info("{}: {} written", out(), count_of(c.units.size(), "unit"));
  return finish(diag);
}

int Job::run_translate() {
  if (out() != "-") check_output_path(out(), {o_.input, o_.translations});
  keep_translation_file(out());
  Diagnostics diag;
  Opened l = open_deck(o_, diag);
  merge_translations(l.deck, o_.translations, o_.lang, diag, o_.allow_mismatch);
  if (strict_fails(diag)) return finish(diag);
  write_output(out(), dump_deck(l.deck), inputs_of({o_.input, o_.translations}, l.deck, o_.input));
  current_log().info("{}: the translated deck JSON written ({})", out(), count_of(l.deck.slides.size(), "slide"));
  return finish(diag);
}

int Job::run_check() {
  Diagnostics diag;
  Opened l = open_deck(o_, diag);
  Deck& deck = l.deck;
  std::map<std::string, std::string> ids;  // key -> unit id, from the source text
  for (const auto& u : l10n::units_of(deck, "").units) ids[u.key] = u.id;
  std::map<std::string, std::string> names = unit_names(deck);  // ids, and build steps' blocks
  int translated = -1;
  const Deck source_deck = deck;
  if (!o_.translations.empty()) translated = merge_translations(deck, o_.translations, o_.lang, diag, o_.allow_mismatch);
  const Layout lay = load_layout(o_.layout);
  const layout::LayoutDef& def = lay.def;
  const layout::FontSet& fonts = lay.fonts;
  Diagnostics layout_diag;
  LaidOutDoc doc = layout::lay_out(deck, def, fonts, {}, layout_diag);
  // as the handout will print it: frames of an `auto` layout show a translated deck's
  // slides translated (render/translated_slides.hpp), whose own overflows are listed; that
  // needs the deck's PDF, found as handout and slides find it (exit 4 when it is not
  // there: retypeset frames are not what the handout prints). An untranslated deck shows
  // its slide pictures, which cannot overflow; a layout without slide pictures needs no PDF.
  if (translated >= 0 && def.content == layout::LayoutDef::Content::automatic && uses_pictures(doc)) {
    const std::string pdf = need_source_pdf(deck, o_);
    check_source_hash(source_deck, o_, pdf, diag);
    layout::SlideTextOptions so;
    so.file = o_.input;
    so.threads = o_.threads;
    LaidOutDoc slides = render::translate_slides(source_deck, deck, pdf, o_.password, fonts, so, layout_diag, "");
    doc.overflows.insert(doc.overflows.end(), slides.overflows.begin(), slides.overflows.end());
    doc.collisions = slides.collisions;
  }
  if (strict_fails(diag)) return finish(diag);  // --strict: no report
  std::ostringstream o;
  for (const auto& ov : doc.overflows) {
    char pct[32];
    std::snprintf(pct, sizeof pct, "%d%%", static_cast<int>(std::lround(ov.needed * 100)));
    o << "slide " << ov.slide << "\t" << (names.count(ov.key) ? names[ov.key] : ov.key) << "\tneeds " << pct << " of its box ("
      << static_cast<int>(std::lround((ov.needed - 1) * 100)) << "% too long)\n";
  }
  for (const auto& c : doc.collisions)
    o << "slide " << c.slide << "\t" << (names.count(c.key) ? names[c.key] : c.key) << "\t" << collision_text(c, names) << "\n";
  // (the retypeset frames and the translated slides each list their missing characters:
  // one line for both)
  for (const auto& w : one_missing_glyph_warning(layout_diag.warnings()))
    if (w.code == warn::missing_glyph) o << "fonts\t" << w.message << "\n";
  write_output("-", o.str(), {});
  int rc = finish(diag);
  size_t units = ids.size();
  if (!doc.overflows.empty()) {
    log_.error("deckhand: error: " + o_.input + ": " + std::to_string(doc.overflows.size()) + " of " + std::to_string(units) +
               " units do not fit the " + def.name + " layout (shorten them, or use a layout with more room)");
    return static_cast<int>(Exit::check_failed);
  }
  if (!doc.collisions.empty()) {
    std::set<std::string> keys;
    for (const auto& c : doc.collisions) keys.insert(c.key);
    log_.error("deckhand: error: " + o_.input + ": " + std::to_string(keys.size()) + " of " + std::to_string(units) +
               " units run into a picture, a drawing, other text or the edge of their translated slide (shorten them)");
    return static_cast<int>(Exit::check_failed);
  }
  log_.say("deckhand: all " + std::to_string(units) + " units fit the " + def.name + " layout" +
           (translated >= 0 ? " (" + std::to_string(translated) + " of them translated)" : std::string()));
  return rc;
}

int Job::run_fonts_check() {
  Diagnostics diag;
  std::vector<std::pair<std::string, std::string>> texts;  // where, text
  auto ext = fs::path(o_.input).extension().string();
  if (ext == ".po" || ext == ".xlf" || ext == ".xliff" || ext == ".pot") {
    l10n::Catalog c = l10n::read_catalog(read_file(o_.input), o_.input);
    for (const auto& u : c.units) texts.push_back({u.id, l10n::plain_text(u, u.target.empty() ? u.source : u.target)});
  } else {
    Opened l = open_deck(o_, diag);
    for (const auto& u : l10n::units_of(l.deck, "").units) texts.push_back({u.key, u.source});
  }
  const Layout lay = load_layout(o_.layout);
  const layout::LayoutDef& def = lay.def;
  const layout::FontSet& fonts = lay.fonts;
  if (strict_fails(diag)) return finish(diag);  // --strict: no report
  std::map<char32_t, std::string> missing;  // code point -> first place
  size_t checked = 0;
  for (const auto& [where, t] : texts)
    for (char32_t c : unicode::decode(t)) {
      ++checked;
      if (!fonts.covers(c, false) || !fonts.covers(c, true)) missing.emplace(c, where);
    }
  std::ostringstream o;
  for (const auto& [c, where] : missing) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "U+%04X", unsigned(c));
    o << buf << "\t" << unicode::encode(c) << "\tfirst in " << where << "\n";
  }
  write_output("-", o.str(), {});
  int rc = finish(diag);
  if (!missing.empty()) {
    log_.error("deckhand: error: " + o_.input + ": " + std::to_string(missing.size()) + " character(s) no font of the " + def.name +
               " layout has (add a font that covers them to the layout's fonts.fallback)");
    return static_cast<int>(Exit::check_failed);
  }
  log_.say("deckhand: every character (" + std::to_string(checked) + ") has a font" + (o_.lang.empty() ? "" : " for " + o_.lang));
  return rc;
}

int Job::run_slides() {
  const JobOptions& o = o_;
  const SlidesConfig& sc = c_.slides;
  const bool translated_json = sc.translated_json;  // a deck JSON made by `deckhand translate`: no file needed
  if (!o.pages.empty() && is_deck_json(o.input))
    throw Error(Exit::usage, o.input, "--pages is for a PDF input; a deck JSON shows the slides it lists",
                "delete the slides you do not want from the deck JSON, or give the PDF");
  std::vector<std::string> inputs{o.input, o.source, o.translations};
  if (layout::is_layout_file(o.layout)) inputs.push_back(o.layout);
  if (!o.output.empty()) check_output_path(o.output, inputs);
  keep_translation_file(o.output);
  Diagnostics diag;
  // qpdf opens the PDF while Poppler extracts the deck (extraction leaves a core idle)
  std::future<std::unique_ptr<render::SlideRewriter>> opening;
  const std::string early_pdf = o.source.empty() ? o.input : o.source;
  const bool once = !sc.check && sc.dump == Dump::none && !o.strict;  // one translate_slides run
  // the translation's language, once its file is read: its hyphenation patterns are read
  // on the file's thread (else on open_slides' thread) while the PDF's budgets are checked
  // and the deck is extracted (the layout needs them)
  auto target = std::make_shared<std::promise<std::string>>();
  std::shared_future<std::string> target_lang = target->get_future().share();
  // fontconfig's configuration (the layout matches the deck's fonts with it), read on a
  // thread of its own from the start: the budget scan below leaves a core idle
  std::future<void> fonts_warm;
  try {
    fonts_warm = std::async(std::launch::async, [] { layout::family_installed(""); });
  } catch (const std::system_error&) {  // (no thread: open_slides' thread reads it)
  }
  // the translation file is read first, on a thread of its own: it needs nothing else, and
  // its reading fills the core the budget scan below leaves idle
  std::future<l10n::Catalog> catalog;
  if (!translated_json) try {
    catalog = std::async(std::launch::async, [file = o.translations, lang = o.lang, target, log = &log_] {
      LogScope scope(log);
      const auto t0 = std::chrono::steady_clock::now();
      try {
        l10n::Catalog c = l10n::read_catalog(read_file(file), file, !lang.empty());
        current_log().debug("slides: reading {} took {:.3f} s", file, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        const std::string t = lang.empty() ? c.target_lang : lang;
        target->set_value(t);
        if (!t.empty()) try {
            layout::Hyphenator::shared().dictionary(t);  // (open_slides' thread finds them read)
          } catch (...) {  // (read again, and reported, where the layout needs them)
          }
        return c;
      } catch (...) {
        target->set_value("");
        throw;
      }
    });
  } catch (const std::system_error&) {  // no thread to read it on: open_slides' thread waits for none
    target->set_value("");
    throw;
  }
  else
    target->set_value(o.lang);
  // the pages' content is read ahead for the text's removal (SlideRewriter::prescan) once
  // Poppler has read the pages: the deck's analysis then runs on one core, and this on the
  // other
  std::promise<void> pages_read;
  if (once && !is_deck_json(o.input)) {
    extract::check_pdf_budgets(early_pdf, o.password);  // before qpdf reads it (budget.hpp)
    opening = render::open_slides(
        early_pdf, o.password,
        [target_lang] {
          if (const std::string lang = target_lang.get(); !lang.empty()) layout::Hyphenator::shared().dictionary(lang);
        },
        [spec = o.pages](int n) { return extract::parse_page_ranges(spec, n); }, pages_read.get_future().share());
  }
  // (the slides record no source hash: the file is not read through to hash it)
  Opened l = open_deck(o, diag, [&pages_read] { pages_read.set_value(); }, false);
  if (l.deck.slides.empty())
    throw Error(Exit::bad_deck, o.input, "the deck has no slides: nothing to translate", "extract the deck again, or check its \"slides\" list");
  if (translated_json && l.deck.translated_from.empty())
    throw Error(Exit::usage, o.input, "a deck JSON in its source language, and no translation file given",
                "add --translations talk.fr.po, or give the deck JSON 'deckhand translate' made");
  // (the source PDF as Poppler read it: not needed once the deck is extracted)
  const FreeInBackground source_freed(std::move(l.source));
  // the overlay steps' unit names, found on another core while the translation is merged
  std::future<std::map<std::string, std::string>> step_units;
  if (!translated_json) try {
      step_units = std::async(std::launch::async, [&d = l.deck, log = &log_] {
        LogScope scope(log);
        return step_units_of(d);
      });
    } catch (const std::system_error&) {  // (no thread: found below, on this one)
    }
  Deck deck = l.deck;
  Deck from_pdf;  // a translated deck JSON: its source text, extracted again from its PDF
  if (!translated_json) merge_translations(deck, o.translations, o.lang, diag, o.allow_mismatch, &catalog, !o.pages.empty());
  const std::string pdf = need_source_pdf(deck, o);
  if (translated_json) from_pdf = source_text_of(l.deck, extract::SourcePdf(pdf, o.password, worker_count(o.threads)), o);
  const Deck& source_deck = translated_json ? from_pdf : l.deck;
  check_source_hash(l.deck, o, pdf, diag);
  if (is_deck_json(o.input) && !translated_json) {  // what the JSON has that the pages do not (translated units: see translate_slides)
    const extract::SourcePdf page_source(pdf, o.password, worker_count(o.threads));
    report_not_on_pages(source_deck, page_source, o, render::translated_units(source_deck, deck).translated, diag);
  }
  inputs.push_back(pdf);
  inputs = inputs_of(inputs, deck, o.input);
  const Layout lay = load_layout(o.layout, &inputs);
  const layout::FontSet& fonts = lay.fonts;
  if (!o.output.empty()) check_output_path(o.output, inputs);

  layout::SlideTextOptions so;
  so.min_size = sc.min_size;
  so.file = o.input;
  so.threads = o.threads;
  so.progress = progress_printer(o, "laying out the slides", "slide");
  so.step_units = step_units.valid() ? step_units.get() : step_units_of(source_deck);
  const size_t translated = render::translated_units(source_deck, deck).translated.size();
  if (sc.dump != Dump::none) {  // the translated text as laid out: each unit's room (a frame) and runs
    LaidOutDoc doc = render::translate_slides(source_deck, deck, pdf, o.password, fonts, so, diag, "");
    if (strict_fails(diag)) return finish(diag);
    write_output(o.output.empty() ? "-" : o.output, sc.dump == Dump::layout_text ? to_text(doc) : to_json(doc).dump(2) + "\n", inputs);
    return finish(diag);
  }
  if (sc.check) {
    LaidOutDoc doc = render::translate_slides(source_deck, deck, pdf, o.password, fonts, so, diag, "");
    std::map<std::string, std::string> ids;  // key -> unit id
    ids = unit_names(source_deck);
    std::ostringstream out;
    for (const auto& ov : doc.overflows)
      out << "slide " << ov.slide << "\t" << (ids.count(ov.key) ? ids[ov.key] : ov.key) << "\tneeds "
          << static_cast<int>(std::lround(ov.needed * 100)) << "% of its room at the minimum size\n";
    std::set<std::string> colliding;
    for (const auto& c : doc.collisions) {
      out << "slide " << c.slide << "\t" << (ids.count(c.key) ? ids[c.key] : c.key) << "\t"
          << collision_text(c, ids) << "\n";
      colliding.insert(c.key);
    }
    write_output("-", out.str(), {});
    Diagnostics rest;  // text-overflow is what the listing says
    for (const auto& w : diag.warnings())
      if (w.code != warn::text_overflow) rest.warn(w);
    int rc = finish(rest);
    if (!doc.overflows.empty() || !colliding.empty()) {
      std::ostringstream e;
      e << "deckhand: error: " << o.input << ": ";
      if (!doc.overflows.empty()) e << doc.overflows.size() << " of " << translated << " translated units do not fit their slide boxes even at the minimum size";
      if (!doc.overflows.empty() && !colliding.empty()) e << "; ";
      if (!colliding.empty())
        e << colliding.size() << " of " << translated << (doc.overflows.empty() ? " translated units" : "")
          << " run into a picture, a drawing, other text or the slide's edge";
      // (a unit that runs into something is not helped by a smaller minimum size)
      e << (doc.overflows.empty() ? " (shorten them: the lines above say what each runs into)"
                                  : " (shorten them, or lower --min-size; the lines above list them)");
      log_.error(e.str());
      return static_cast<int>(Exit::check_failed);
    }
    log_.say("deckhand: all " + std::to_string(translated) + " translated units fit their slide boxes, clear of pictures, drawings and other text");
    return rc;
  }
  // what runs into something, in one warning (--check lists each)
  auto warn_collisions = [&](const LaidOutDoc& doc, Diagnostics& to) {
    std::set<std::string> units;
    std::set<int> slides;
    for (const auto& c : doc.collisions) units.insert(c.key), slides.insert(c.slide);
    if (units.empty()) return;
    std::vector<std::string> numbers;
    for (int s : slides) numbers.push_back(std::to_string(s));
    const std::string list = first_of(numbers);
    to.warn({warn::text_collision, o.input, 0,
             std::to_string(units.size()) + " of " + std::to_string(translated) + " translated units run into a picture, a drawing, other text or the slide's edge, on slide(s) " + list +
                 " (run 'deckhand slides --check' with the same arguments to list them)"});
  };
  if (o.strict) {  // warnings found before writing: nothing is written
    Diagnostics dry;
    warn_collisions(render::translate_slides(source_deck, deck, pdf, o.password, fonts, so, dry, ""), dry);
    for (const auto& w : dry.warnings()) diag.warn(w);
    if (strict_fails(diag)) return finish(diag);
  }
  std::unique_ptr<render::SlideRewriter> opened;
  if (opening.valid()) {
    opened = opening.get();  // (rethrows qpdf's error)
    if (pdf != early_pdf) opened.reset();
  }
  std::unique_ptr<render::SlideRewriter> used;  // (the PDF as qpdf read it: freed while the run ends)
  write_output_via(o.output, inputs, [&](const std::string& tmp) {
    const LaidOutDoc doc = render::translate_slides(source_deck, deck, pdf, o.password, fonts, so, diag, tmp, false, std::move(opened), &used);
    warn_collisions(doc, diag);
  });
  leave_to_exit(used);  // (the process ends now: not freed; else freed in the background)
  const FreeInBackground rewriter_freed(std::move(used));
  current_log().info("{}: {} ({} units translated)", o.output, count_of(deck.slides.size(), "page"), translated);
  return finish(diag);
}

int Job::run_preflight() {
  render::PreflightOptions po;
  po.bleed = c_.preflight.bleed;
  po.min_dpi = c_.preflight.min_dpi;
  po.booklet = c_.preflight.booklet;
  po.password = o_.password;
  if (read_input(o_.input)->compare(0, 5, "%PDF-") != 0)
    throw Error(Exit::bad_pdf, o_.input, "not a PDF file: no %PDF- header", "give the PDF you mean to print");
  render::PreflightReport r = render::preflight(o_.input, po);
  std::ostringstream out;
  for (const auto& p : r.problems)
    out << "deckhand: preflight: " << o_.input << ": " << (p.page > 0 ? "page " + std::to_string(p.page) + ": " : "") << p.what << "\n";
  write_output("-", out.str(), {});
  {
    std::string cs;
    for (const auto& c : r.colour_spaces) cs += (cs.empty() ? "" : ", ") + c;
    std::ostringstream line;
    line << "deckhand: " << o_.input << ": " << count_of(static_cast<size_t>(r.pages), "page") << ", "
         << count_of(static_cast<size_t>(r.images), "image placement");
    if (r.images > 0) line << " (lowest " << static_cast<long>(std::lround(r.lowest_dpi)) << " dpi)";
    line << ", colour spaces: " << (cs.empty() ? "none" : cs);
    log_.note(line.str());
  }
  if (!r.problems.empty()) {
    log_.error("deckhand: error: " + o_.input + ": " + count_of(r.problems.size(), "preflight problem") + " (see the lines above; " +
               doc_path("printing.md") + ")");
    return static_cast<int>(Exit::check_failed);
  }
  log_.note("deckhand: " + o_.input + ": preflight passed");
  return 0;
}

int Job::run_impose() {
  // (the input is read by impose_booklet: core/io.hpp read_input, within --max-file-size)
  render::ImposeOptions io;
  io.creep = c_.impose.creep;
  io.signature = c_.impose.signature;
  io.rtl = c_.impose.right_to_left;
  io.marks = c_.impose.crop_marks;
  int blanks = 0;
  write_output_via(o_.output, {o_.input}, [&](const std::string& tmp) { blanks = render::impose_booklet(o_.input, o_.password, tmp, io); });
  if (blanks > 0) log_.note("deckhand: " + o_.output + ": " + count_of(static_cast<size_t>(blanks), "blank page") + " added before the back cover");
  current_log().info("{}: the booklet's sheets written (saddle-stitch order, two pages a side)", o_.output);
  return 0;
}

}  // namespace deckhand

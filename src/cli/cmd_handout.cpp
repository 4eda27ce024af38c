#include <chrono>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <algorithm>
#include <array>
#include <memory>
#include <cmath>
#include <iostream>
#include <map>
#include <sstream>

#include "core/io.hpp"
#include "core/parallel.hpp"
#include "core/sha256.hpp"
#include "core/unicode.hpp"
#include "extract/extract.hpp"
#include "extract/rasterizer.hpp"
#include "l10n/strings.hpp"
#include "layout/engine.hpp"
#include "model/deck.hpp"
#include "render/pdf_writer.hpp"

#include "cli/common.hpp"

namespace deckhand::cli {
namespace {
// ---- handout
struct HandoutOpts {
  std::string in, out, layout = kDefaultLayout, title, event, date, paper, source, password, dump, translations, lang;
  bool list = false, keep_overlays = false;
  // print (docs/printing.md)
  bool print = false;
  std::string bleed, marks, impose = "none", creep = "0", binding = "auto", contact, pictures;
  int signature = 0;
};


// The PDF a deck JSON came from: --source, else source.file next to the JSON, else in
// the current folder.
std::string find_source(const Deck& d, const std::string& json_path, const std::string& given, Diagnostics& diag) {
  namespace fs = std::filesystem;
  std::string path = given;
  if (path.empty()) {
    for (fs::path cand : {fs::path(json_path).parent_path() / d.source.file, fs::path(d.source.file)})
      if (!d.source.file.empty() && fs::exists(cand)) { path = cand.string(); break; }
  }
  if (path.empty())
    throw Error(Exit::input, json_path, "cannot find the deck's PDF '" + d.source.file + "' for the slide pictures",
                "pass it with --source");
  if (!d.source.sha256.empty() && sha256_hex(read_file(path)) != d.source.sha256)
    diag.warn({"source-changed", path, 0, "this PDF differs from the one the deck was extracted from (sha256); pictures may not match the text"});
  return path;
}


// A slide printed letterboxed on a sheet of another shape (PScript5 puts 16:9 slides on
// landscape Letter): when every page's ink lies in the centred box of a usual slide shape
// (16:9, 16:10, 4:3) and fills most of it, that box, as fractions of the page;
// {0, 0, 1, 1} otherwise (always when the page itself has a usual slide shape).
std::array<double, 4> letterbox(const extract::Rasterizer& raster, const Deck& deck) {
  if (deck.slides.empty()) return {0, 0, 1, 1};
  const Slide& first = deck.slides.front();
  double A = (first.size[0] > 0 ? first.size[0] : deck.source.page_size[0]) /
             std::max(1.0, first.size[1] > 0 ? first.size[1] : deck.source.page_size[1]);
  for (double r : {16.0 / 9, 16.0 / 10, 4.0 / 3})
    if (std::abs(A - r) / r < 0.015) return {0, 0, 1, 1};  // the page is the slide: nothing to look at
  std::array<double, 4> all{1, 1, 0, 0};
  const int W = 160;
  for (const auto& s : deck.slides) {
    double sw = s.size[0] > 0 ? s.size[0] : deck.source.page_size[0], sh = s.size[1] > 0 ? s.size[1] : deck.source.page_size[1];
    if (sw <= 0 || sh <= 0) return {0, 0, 1, 1};
    int H = std::max(1, static_cast<int>(std::lround(W * sh / sw)));
    auto px = raster.render(s.page, W, H, 0);
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
  spdlog::debug("ink of all pages: {:.3f} {:.3f} {:.3f} {:.3f}", all[0], all[1], all[2], all[3]);
  if (!(all[2] > all[0] && all[3] > all[1])) return {0, 0, 1, 1};
  // a slide of a usual shape (16:9, 16:10, 4:3) centred on a sheet of another shape
  for (double r : {16.0 / 9, 16.0 / 10, 4.0 / 3}) {
    if (std::abs(A - r) / r < 0.015) return {0, 0, 1, 1};  // the page is the slide
    std::array<double, 4> box = r > A ? std::array<double, 4>{0, (1 - A / r) / 2, 1, (1 + A / r) / 2}
                                      : std::array<double, 4>{(1 - r / A) / 2, 0, (1 + r / A) / 2, 1};
    const double tol = 0.012;
    bool inside = all[0] >= box[0] - tol && all[1] >= box[1] - tol && all[2] <= box[2] + tol && all[3] <= box[3] + tol;
    bool fills = r > A ? all[3] - all[1] >= 0.8 * (box[3] - box[1]) : all[2] - all[0] >= 0.8 * (box[2] - box[0]);
    if (inside && fills) return box;
  }
  return {0, 0, 1, 1};
}

// The deck as if its pages were the letterbox: sizes and boxes moved into it.
void crop_deck(Deck& deck, const std::array<double, 4>& c) {
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

int run_handout(const Global& g, const HandoutOpts& h) {
  namespace fs = std::filesystem;
  std::string dd = data_dir();
  if (h.list) {
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
  if (h.in.empty()) throw Error(Exit::usage, "", "no input deck given", "deckhand handout talk.pdf --layout notes-3 -o handout.pdf");
  if (h.out.empty() && h.dump.empty()) throw Error(Exit::usage, "", "no output file given", "add -o handout.pdf");
  // every file this run reads; the output may replace none of them (docs/exit-codes.md)
  std::vector<std::string> inputs{h.in, h.source, h.translations};
  if (layout::is_layout_file(h.layout)) inputs.push_back(h.layout);
  if (!h.out.empty()) check_output_path(h.out, inputs);
  Diagnostics diag;
  layout::LayoutDef def = layout::load_layout(h.layout, dd);
  inputs.push_back(def.path);
  if (!h.paper.empty()) {
    double w, hh;
    if (!layout::paper_size(h.paper, &w, &hh))
      throw Error(Exit::usage, "", "--paper " + h.paper + ": unknown paper", "use A3, A4, A5, Letter or Legal");
    bool landscape = def.paper_w > def.paper_h;
    def.paper_w = landscape ? hh : w;
    def.paper_h = landscape ? w : hh;
    def.paper_name = h.paper;
  }
  if (h.print || !h.bleed.empty() || !h.marks.empty()) def.print.on = true;
  if (!h.bleed.empty()) def.print.bleed = parse_length_mm(h.bleed, "--bleed");
  if (!h.marks.empty()) def.print.marks = h.marks == "crop";
  if (h.impose != "booklet" && (h.creep != "0" || h.signature != 0 || h.binding != "auto"))
    throw Error(Exit::usage, "", "--creep, --signature and --binding need --impose booklet", "add --impose booklet, or leave them out");
  std::vector<int> pictures;
  if (!h.pictures.empty()) {
    std::stringstream ps(h.pictures);
    for (std::string item; std::getline(ps, item, ',');) {
      if (item.empty() || item.size() > 6 || item.find_first_not_of("0123456789") != std::string::npos)
        throw Error(Exit::usage, "", "--pictures " + h.pictures + ": not a list of slide numbers", "e.g. --pictures 3,5,9");
      pictures.push_back(std::stoi(item));
    }
  }
  Deck deck = load_deck(h.in, h.password, g, diag);
  if (deck.slides.empty())
    throw Error(Exit::bad_deck, h.in, "the deck has no slides: nothing to print", "extract the deck again, or check its \"slides\" list");
  if (!h.translations.empty()) apply_translations(deck, h.translations, h.lang, diag, g.strict);
  std::string pdf = looks_like_json(h.in) ? find_source(deck, h.in, h.source, diag) : (h.source.empty() ? h.in : h.source);
  layout::FontSet fonts;
  layout::load_fonts(def, fonts);
  inputs.push_back(pdf);
  inputs = run_inputs(inputs, deck, h.in);  // the deck's own PDF too, even when --source names another
  for (const auto& [id, path] : fonts.paths()) inputs.push_back(path);
  if (!h.out.empty()) check_output_path(h.out, inputs);
  layout::HandoutOptions ho;
  ho.title = h.title;
  ho.event = h.event;
  if (h.date.size() == 10 && h.date[4] == '-' && h.date[7] == '-' &&
      std::all_of(h.date.begin(), h.date.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); })) {
    // YYYY-MM-DD also becomes the PDF's creation date: it must be a real calendar day
    const int y = std::stoi(h.date.substr(0, 4));
    const unsigned m = static_cast<unsigned>(std::stoi(h.date.substr(5, 2))), dd = static_cast<unsigned>(std::stoi(h.date.substr(8, 2)));
    if (y < 1000 || !std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{dd}}.ok())
      throw Error(Exit::usage, "", "--date " + h.date + ": not a calendar day", "use YYYY-MM-DD, e.g. --date 2026-03-14");
  }
  ho.date = h.date;
  ho.skip_overlays = !h.keep_overlays;
  ho.contact = h.contact;
  for (size_t at = ho.contact.find("\\n"); at != std::string::npos; at = ho.contact.find("\\n", at + 1)) ho.contact.replace(at, 2, "\n");
  ho.pictures = pictures;
  ho.file = h.in;
  // the raster is opened before laying out: a letterboxed deck is laid out as its slides
  std::unique_ptr<extract::Rasterizer> raster;
  std::array<double, 4> crop{0, 0, 1, 1};
  raster = std::make_unique<extract::Rasterizer>(pdf, h.password, worker_count(g.threads));
  crop = letterbox(*raster, deck);
  if (crop != std::array<double, 4>{0, 0, 1, 1}) {
    spdlog::info("{}: slides sit letterboxed on the sheet; cropped to {:.0f}% x {:.0f}%", pdf, (crop[2] - crop[0]) * 100, (crop[3] - crop[1]) * 100);
    crop_deck(deck, crop);
  }
  LaidOutDoc doc = layout::lay_out(deck, def, fonts, ho, diag);
  if (crop != std::array<double, 4>{0, 0, 1, 1}) {
    // the frames were laid out for the letterbox: the part of the sheet they show
    for (auto& pg : doc.pages)
      for (auto& im : pg.images) {
        double W = im.crop[2] / (crop[2] - crop[0]), H = im.crop[3] / (crop[3] - crop[1]);
        im.crop = {crop[0] * W, crop[1] * H, crop[2] * W, crop[3] * H};
      }
  }
  if (h.dump == "layout") {
    write_output(h.out.empty() ? "-" : h.out, to_json(doc).dump(2) + "\n", inputs);
    return finish(g, diag);
  }
  if (g.strict && diag.count() > 0) return finish(g, diag);
  unsigned workers = worker_count(g.threads);
  render::WriteOptions wo;
  wo.workers = workers;
  wo.source = pdf;
  wo.password = h.password;
  wo.impose = h.impose == "booklet";
  wo.creep = parse_length_mm(h.creep, "--creep");
  wo.signature = h.signature;
  wo.binding = h.binding == "left" ? 1 : h.binding == "right" ? 2 : 0;
  wo.progress = [&g](int done, int total) {
    if (g.quiet || !::isatty(2) || total < 10) return;
    std::cerr << "\rhandout: page " << done << "/" << total << (done == total ? "\n" : "") << std::flush;
  };
  auto raster_fn = [&raster, crop](int page, int w, int hh, unsigned worker) {
    render::Raster r;
    r.w = w;
    r.h = hh;
    if (crop == std::array<double, 4>{0, 0, 1, 1}) {
      r.rgb = raster->render(page, w, hh, worker);
      return r;
    }
    // render the whole sheet so that the letterbox comes out w x hh, and cut it out
    int W = static_cast<int>(std::lround(w / (crop[2] - crop[0]))), H = static_cast<int>(std::lround(hh / (crop[3] - crop[1])));
    auto full = raster->render(page, W, H, worker);
    int ox = std::min(W - w, static_cast<int>(std::lround(crop[0] * W))), oy = std::min(H - hh, static_cast<int>(std::lround(crop[1] * H)));
    r.rgb.resize(static_cast<size_t>(w) * hh * 3);
    for (int y = 0; y < hh; ++y)
      std::copy_n(&full[(static_cast<size_t>(y + oy) * W + ox) * 3], static_cast<size_t>(w) * 3, &r.rgb[static_cast<size_t>(y) * w * 3]);
    return r;
  };
  write_output_via(h.out, inputs, [&](const std::string& tmp) { render::write_pdf(doc, raster_fn, wo, tmp); });
  spdlog::info("{}: {} ({} layout)", h.out, count_of(doc.pages.size(), "page"), def.name);
  return finish(g, diag);
}
}  // namespace

void setup_handout(CLI::App& app, Global& g, std::function<int()>& run) {
  auto ho = std::make_shared<HandoutOpts>();
  auto* hc = app.add_subcommand(
      "handout",
      "Make a handout PDF from a deck (a PDF, or a deck JSON you edited) and a layout definition.\n"
      "Examples:\n"
      "  deckhand handout talk.pdf --layout notes-3 -o talk-notes.pdf\n"
      "  deckhand handout talk.json --layout outline --event 'IGF 2026' --date 2026-03-14 -o outline.pdf\n"
      "  deckhand handout talk.pdf --layout my-layout.yaml -o custom.pdf     # your own layout file\n"
      "  deckhand handout talk.pdf --layout leaflet-a5 --event 'IGF 2026' --print -o leaflet.pdf  # for a print shop\n"
      "  deckhand handout talk.pdf --layout leaflet-a5 --impose booklet -o sheets.pdf  # office printer, duplex\n"
      "  deckhand handout --list-layouts");
  hc->add_option("input", ho->in, "The deck: a PDF, or a deck JSON (its PDF is found through 'source' or --source)");
  hc->add_option("-o,--output", ho->out, "The handout PDF to write");
  hc->add_option("-l,--layout", ho->layout, "A built-in layout name (see --list-layouts) or a layout file (.yaml)")->capture_default_str();
  hc->add_flag("--list-layouts", ho->list, "List the built-in layouts and exit");
  hc->add_option("--title", ho->title, "Title for headers and the PDF's metadata (default: the deck's title)");
  hc->add_option("--event", ho->event, "Event name for the {event} field of headers and footers");
  hc->add_option("--date", ho->date, "Date for the {date} field; YYYY-MM-DD also sets the PDF's creation date");
  hc->add_option("--paper", ho->paper, "Paper size instead of the layout's: A3, A4, A5, Letter, Legal");
  hc->add_flag("--keep-overlays", ho->keep_overlays,
               "Keep every step of an overlay (a build); by default only each frame's last page is printed");
  hc->add_flag_callback("--skip-overlays", [ho] { ho->keep_overlays = false; },
                        "Leave out the earlier steps of overlays (builds), keeping each frame's last page (the default)");
  hc->add_option("--source", ho->source, "The deck's PDF, when the input is a deck JSON");
  hc->add_option("--translations", ho->translations, "A translation file (XLIFF 1.2, XLIFF 2.x or PO) to merge into the deck");
  hc->add_option("--lang", ho->lang, "Target language (BCP 47) when the translation file does not say it");
  hc->add_option("--password", ho->password, "Password of an encrypted PDF");
  hc->add_flag("--print", ho->print,
               "Print-ready pages (docs/printing.md): TrimBox, BleedBox, 3 mm bleed, text 5 mm inside the trim, crop marks");
  hc->add_option("--bleed", ho->bleed, "Bleed on every side (mm unless a unit is given: 3mm, 0.125in); implies --print");
  hc->add_option("--marks", ho->marks, "crop: crop marks outside the bleed; none: no marks (some shops ask for none); implies --print")
      ->check(CLI::IsMember({"crop", "none"}));
  hc->add_option("--impose", ho->impose, "booklet: pages two to a sheet in saddle-stitch order, for duplex printing; none (default)")
      ->check(CLI::IsMember({"booklet", "none"}))->capture_default_str();
  hc->add_option("--creep", ho->creep, "With --impose booklet: total shift of the innermost pages toward the spine (mm unless a unit is given)")
      ->capture_default_str();
  hc->add_option("--signature", ho->signature, "With --impose booklet: sheets a signature (folded together); 0: one")->check(CLI::Range(0, 1000));
  hc->add_option("--binding", ho->binding, "With --impose booklet: auto (right edge for a right-to-left deck), left or right")
      ->check(CLI::IsMember({"auto", "left", "right"}))->capture_default_str();
  hc->add_option("--contact", ho->contact, "Leaflet layouts: the back page's text ('\\n' between lines; default: the last slide)");
  hc->add_option("--pictures", ho->pictures, "Leaflet layouts: slides shown as pictures inside, e.g. 3,5,9 (default: the layout's)");
  hc->add_option("--dump", ho->dump, "Write the laid-out pages as JSON instead of a PDF (for debugging and tests)")
      ->check(CLI::IsMember({"layout"}));
  hc->callback([&g, ho, &run] { run = [&g, ho] { return run_handout(g, *ho); }; });
}

}  // namespace deckhand::cli

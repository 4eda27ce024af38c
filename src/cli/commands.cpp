#include "cli/commands.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <algorithm>
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

namespace deckhand::cli {
namespace {

// Progress on stderr for long work, only when a person watches (stderr is a terminal).
std::function<void(int, int)> progress_printer(const Global& g, const char* what) {
  if (g.quiet || !::isatty(2)) return {};
  return [what](int done, int total) {
    if (total < 20) return;
    if (done == total || done % 10 == 0) {
      std::cerr << "\r" << what << ": page " << done << "/" << total << (done == total ? "\n" : "") << std::flush;
    }
  };
}

int finish(const Global& g, const Diagnostics& diag) {
  auto ws = diag.warnings();
  if (!g.quiet)
    for (const auto& w : ws) std::cerr << w.line() << "\n";
  if (g.strict && !ws.empty()) {
    std::cerr << "deckhand: error: " << ws.size() << " warning(s) and --strict is set (fix the input or drop --strict)\n";
    return static_cast<int>(Exit::warnings);
  }
  return 0;
}

bool looks_like_json(const std::string& path) {
  auto ext = std::filesystem::path(path).extension().string();
  return ext == ".json";
}

// A deck from a PDF (extracted) or from a deck JSON (loaded).
Deck load_deck(const std::string& in, const std::string& password, const Global& g, Diagnostics& diag) {
  if (looks_like_json(in)) {
    std::string text = read_file(in);
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
      throw Error(Exit::bad_deck, in, std::string("not valid JSON: ") + e.what(), "fix the file, or extract the deck again");
    }
    return deck_from_json(j, in);
  }
  extract::ExtractOptions eo;
  eo.password = password;
  eo.threads = g.threads;
  eo.progress = progress_printer(g, "extract");
  return extract::extract_deck(in, eo, diag);
}

// ---- extract
struct ExtractOpts {
  std::string in, out = "-", pages, password;
};

// ---- inspect
struct InspectOpts {
  std::string in, password;
};

// ---- handout
struct HandoutOpts {
  std::string in, out, layout = "notes-3", title, event, date, paper, source, password, dump, translations, lang;
  bool list = false, keep_overlays = false;
};

std::string data_dir() {
  if (const char* e = std::getenv("DECKHAND_DATA"); e && *e) return e;
  return DECKHAND_DATA_DIR;
}

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

// Merges a translation file into the deck; one warning lists what stays in the source
// language, another the ids the deck does not have.
void apply_translations(Deck& deck, const std::string& file, const std::string& lang_opt, Diagnostics& diag) {
  l10n::Catalog cat = l10n::read_catalog(read_file(file), file);
  std::string lang = lang_opt.empty() ? cat.target_lang : lang_opt;
  if (lang.empty())
    throw Error(Exit::translation, file, "the file does not say its target language", "pass it with --lang, e.g. --lang fr");
  l10n::MergeReport r = l10n::merge(deck, cat, lang);
  auto list = [](const std::vector<std::string>& ids) {
    std::string s;
    for (size_t i = 0; i < ids.size() && i < 12; ++i) s += (i ? ", " : "") + ids[i];
    if (ids.size() > 12) s += ", ... (" + std::to_string(ids.size() - 12) + " more)";
    return s;
  };
  if (!r.missing.empty())
    diag.warn({"untranslated", file, 0, std::to_string(r.missing.size()) + " unit(s) missing, empty or fuzzy, kept in the source language: " + list(r.missing)});
  if (!r.unknown.empty())
    diag.warn({"unknown-units", file, 0, std::to_string(r.unknown.size()) + " unit(s) not in this deck (changed or removed since the export): " + list(r.unknown)});
  spdlog::info("{}: {} units translated into {}", file, r.translated, lang);
}

int run_handout(const Global& g, const HandoutOpts& h) {
  namespace fs = std::filesystem;
  std::string dd = data_dir();
  if (h.list) {
    std::ostringstream o;
    for (const auto& name : layout::builtin_layouts(dd)) {
      layout::LayoutDef def = layout::load_layout(name, dd);
      o << name << std::string(name.size() < 16 ? 16 - name.size() : 1, ' ') << def.description << "\n";
    }
    write_output("-", o.str(), {});
    return 0;
  }
  if (h.in.empty()) throw Error(Exit::usage, "", "no input deck given", "deckhand handout talk.pdf --layout notes-3 -o handout.pdf");
  if (h.out.empty() && h.dump.empty()) throw Error(Exit::usage, "", "no output file given", "add -o handout.pdf");
  std::vector<std::string> inputs{h.in};
  if (!h.source.empty()) inputs.push_back(h.source);
  if (!h.out.empty()) check_output_path(h.out, inputs);
  Diagnostics diag;
  layout::LayoutDef def = layout::load_layout(h.layout, dd);
  if (!h.paper.empty()) {
    double w, hh;
    if (!layout::paper_size(h.paper, &w, &hh))
      throw Error(Exit::usage, "", "--paper " + h.paper + ": unknown paper", "use A3, A4, A5, Letter or Legal");
    bool landscape = def.paper_w > def.paper_h;
    def.paper_w = landscape ? hh : w;
    def.paper_h = landscape ? w : hh;
    def.paper_name = h.paper;
  }
  Deck deck = load_deck(h.in, h.password, g, diag);
  if (!h.translations.empty()) apply_translations(deck, h.translations, h.lang, diag);
  std::string pdf = looks_like_json(h.in) ? find_source(deck, h.in, h.source, diag) : (h.source.empty() ? h.in : h.source);
  layout::FontSet fonts;
  layout::load_fonts(def, fonts);
  layout::HandoutOptions ho;
  ho.title = h.title;
  ho.event = h.event;
  ho.date = h.date;
  ho.skip_overlays = !h.keep_overlays;
  ho.file = h.in;
  LaidOutDoc doc = layout::lay_out(deck, def, fonts, ho, diag);
  if (h.dump == "layout") {
    write_output(h.out.empty() ? "-" : h.out, to_json(doc).dump(2) + "\n", inputs);
    return finish(g, diag);
  }
  if (g.strict && diag.count() > 0) return finish(g, diag);
  unsigned workers = worker_count(g.threads);
  extract::Rasterizer raster(pdf, h.password, workers);
  render::WriteOptions wo;
  wo.workers = workers;
  wo.progress = [&g](int done, int total) {
    if (g.quiet || !::isatty(2) || total < 10) return;
    std::cerr << "\rhandout: page " << done << "/" << total << (done == total ? "\n" : "") << std::flush;
  };
  auto raster_fn = [&raster](int page, int w, int hh, unsigned worker) {
    render::Raster r;
    r.w = w;
    r.h = hh;
    r.rgb = raster.render(page, w, hh, worker);
    return r;
  };
  write_output_via(h.out, inputs, [&](const std::string& tmp) { render::write_pdf(doc, raster_fn, wo, tmp); });
  spdlog::info("{}: {} pages ({} layout)", h.out, doc.pages.size(), def.name);
  return finish(g, diag);
}

std::string outline(const Deck& d) {
  std::ostringstream o;
  o << "deck: " << (d.title.empty() ? "(untitled)" : d.title) << "\n"
    << "source: " << d.source.file << ", " << d.source.pages << " pages, " << d.slides.size() << " slides, lang "
    << d.lang.value_or("unknown") << ", " << d.direction << "\n";
  for (const auto& s : d.slides) {
    o << "\n" << s.page << ". [" << to_string(s.kind) << "] " << (s.title.empty() ? "(no title)" : s.title);
    if (!s.overlay_of.empty()) o << "  (overlay step of " << s.overlay_of << ")";
    o << "\n";
    for (const auto& b : s.blocks) {
      o << std::string(2 + 2 * static_cast<size_t>(std::max(0, b.level)), ' ');
      if (b.level > 0) o << (b.level == 1 ? "• " : b.level == 2 ? "– " : "▪ ");
      o << b.text << "\n";
    }
  }
  return o.str();
}

}  // namespace

void setup_commands(CLI::App& app, Global& g, std::function<int()>& run) {
  app.add_flag("-v,--verbose", g.verbose, "Say more: -v for steps, -vv for debug detail (incl. Poppler's messages)");
  app.add_flag("-q,--quiet", g.quiet, "Print errors only (no warnings, no progress)");
  app.add_flag("--strict", g.strict, "Treat warnings as errors: exit 3 and write no output");
  app.add_option("-j,--jobs", g.threads, "Worker threads (default: all cores)")->check(CLI::Range(0, 256));

  auto eo = std::make_shared<ExtractOpts>();
  auto* ex = app.add_subcommand("extract",
                                "Recover the deck's structure (titles, bullets with levels, reading order; page\n"
                                "furniture removed) as deck JSON. Example: deckhand extract talk.pdf -o talk.json");
  ex->add_option("input", eo->in, "The slide deck, a PDF")->required();
  ex->add_option("-o,--output", eo->out, "Where to write the deck JSON ('-' = standard output, the default)");
  ex->add_option("--pages", eo->pages, "Only these pages, e.g. 1-3,7,10- (slide ids keep the page numbers)");
  ex->add_option("--password", eo->password, "Password of an encrypted PDF");
  ex->callback([&g, eo, &run] {
    run = [&g, eo] {
      check_output_path(eo->out, {eo->in});
      Diagnostics diag;
      extract::ExtractOptions o;
      o.password = eo->password;
      o.pages = eo->pages;
      o.threads = g.threads;
      o.progress = progress_printer(g, "extract");
      Deck d = extract::extract_deck(eo->in, o, diag);
      if (g.strict && diag.count() > 0) return finish(g, diag);
      write_output(eo->out, dump_deck(d), {eo->in});
      spdlog::info("{}: {} slides", eo->in, d.slides.size());
      return finish(g, diag);
    };
  });

  auto ho = std::make_shared<HandoutOpts>();
  auto* hc = app.add_subcommand(
      "handout",
      "Make a handout PDF from a deck (a PDF, or a deck JSON you edited) and a layout definition.\n"
      "Examples:\n"
      "  deckhand handout talk.pdf --layout notes-3 -o talk-notes.pdf\n"
      "  deckhand handout talk.json --layout outline --event 'IGF 2026' --date 2026-03-14 -o outline.pdf\n"
      "  deckhand handout talk.pdf --layout my-layout.yaml -o custom.pdf     # your own layout file\n"
      "  deckhand handout --list-layouts");
  hc->add_option("input", ho->in, "The deck: a PDF, or a deck JSON (its PDF is found through 'source' or --source)");
  hc->add_option("-o,--output", ho->out, "The handout PDF to write");
  hc->add_option("-l,--layout", ho->layout, "A built-in layout name (see --list-layouts) or a layout file (.yaml)")->capture_default_str();
  hc->add_flag("--list-layouts", ho->list, "List the built-in layouts and exit");
  hc->add_option("--title", ho->title, "Title for headers and the PDF's metadata (default: the deck's title)");
  hc->add_option("--event", ho->event, "Event name for the {event} field of headers and footers");
  hc->add_option("--date", ho->date, "Date for the {date} field; YYYY-MM-DD also sets the PDF's creation date");
  hc->add_option("--paper", ho->paper, "Paper size instead of the layout's: A3, A4, A5, Letter, Legal");
  hc->add_flag("!--skip-overlays,--keep-overlays", ho->keep_overlays,
               "Leave out the earlier steps of Beamer overlays, keeping each frame's last page (the default),\n"
               "or keep every step");
  hc->add_option("--source", ho->source, "The deck's PDF, when the input is a deck JSON");
  hc->add_option("--translations", ho->translations, "A translation file (XLIFF 1.2, XLIFF 2.x or PO) to merge into the deck");
  hc->add_option("--lang", ho->lang, "Target language (BCP 47) when the translation file does not say it");
  hc->add_option("--password", ho->password, "Password of an encrypted PDF");
  hc->add_option("--dump", ho->dump, "Write the laid-out pages as JSON instead of a PDF (for debugging and tests)")
      ->check(CLI::IsMember({"layout"}));
  hc->callback([&g, ho, &run] { run = [&g, ho] { return run_handout(g, *ho); }; });

  // ---- strings: export, update, pseudo
  struct StringsOpts {
    std::string in, out = "-", format = "xliff2", update_format, target_lang, password, old_file, expand = "40%";
  };
  auto so = std::make_shared<StringsOpts>();
  auto* st = app.add_subcommand("strings", "Strings for translators: export a deck's strings, carry translations to a revised\n"
                                           "deck, or make a pseudo-translation to test layouts.");
  st->require_subcommand(1);
  auto* sx = st->add_subcommand("export",
                                "One unit per slide title and block, with a stable id, its slide and role, and a size limit.\n"
                                "Example: deckhand strings export talk.pdf --format po --target-lang fr -o talk.fr.po");
  sx->add_option("input", so->in, "A PDF or a deck JSON")->required();
  sx->add_option("--format", so->format, "xliff2 (XLIFF 2.0 with size restrictions), xliff12 (XLIFF 1.2) or po (gettext)")
      ->check(CLI::IsMember({"xliff2", "xliff12", "po"}))->capture_default_str();
  sx->add_option("--target-lang", so->target_lang, "Target language (BCP 47), e.g. fr, zh, ar");
  sx->add_option("-o,--output", so->out, "Where to write ('-' = standard output, the default)");
  sx->add_option("--password", so->password, "Password of an encrypted PDF");
  sx->callback([&g, so, &run] {
    run = [&g, so] {
      if (so->out != "-") check_output_path(so->out, {so->in});
      Diagnostics diag;
      Deck d = load_deck(so->in, so->password, g, diag);
      l10n::Catalog c = l10n::units_of(d, so->target_lang);
      write_output(so->out, l10n::write_catalog(c, *l10n::format_from(so->format)), {so->in});
      spdlog::info("{} units", c.units.size());
      return finish(g, diag);
    };
  });
  auto* su = st->add_subcommand("update",
                                "Carry translations forward to a revised deck: units whose text did not change keep their\n"
                                "translation. Example: deckhand strings update talk.fr.po talk-v2.json -o talk-v2.fr.po");
  su->add_option("old", so->old_file, "The translation file of the earlier deck (XLIFF or PO)")->required();
  su->add_option("input", so->in, "The revised deck: a PDF or a deck JSON")->required();
  su->add_option("--format", so->update_format, "Format to write: xliff2, xliff12 or po (default: as the old file)")
      ->check(CLI::IsMember({"xliff2", "xliff12", "po"}));
  su->add_option("-o,--output", so->out, "Where to write ('-' = standard output)");
  su->callback([&g, so, &run] {
    run = [&g, so] {
      if (so->out != "-") check_output_path(so->out, {so->in, so->old_file});
      Diagnostics diag;
      std::string text = read_file(so->old_file);
      l10n::Catalog old = l10n::read_catalog(text, so->old_file);
      Deck d = load_deck(so->in, so->password, g, diag);
      l10n::Catalog c = l10n::update(old, d);
      size_t kept = std::count_if(c.units.begin(), c.units.end(), [](const l10n::Unit& u) { return !u.target.empty(); });
      std::string fmt = so->update_format;
      if (fmt.empty()) fmt = text.find("<xliff") == std::string::npos ? "po" : text.find("version=\"1.2\"") != std::string::npos ? "xliff12" : "xliff2";
      write_output(so->out, l10n::write_catalog(c, *l10n::format_from(fmt)), {so->in, so->old_file});
      std::cerr << "deckhand: " << kept << " of " << c.units.size() << " units keep their translation\n";
      return finish(g, diag);
    };
  });
  auto* sp = st->add_subcommand("pseudo",
                                "A pseudo-translation (accented, expanded, bracketed) to test a layout before translations\n"
                                "arrive. Example: deckhand strings pseudo talk.pdf --expand 40% --format po -o pseudo.po");
  sp->add_option("input", so->in, "A PDF or a deck JSON")->required();
  sp->add_option("--expand", so->expand, "How much longer than the source, e.g. 40%")->capture_default_str();
  sp->add_option("--format", so->format, "xliff2, xliff12 or po")->check(CLI::IsMember({"xliff2", "xliff12", "po"}));
  sp->add_option("-o,--output", so->out, "Where to write ('-' = standard output)");
  sp->callback([&g, so, &run] {
    run = [&g, so] {
      if (so->out != "-") check_output_path(so->out, {so->in});
      std::string e = so->expand;
      if (!e.empty() && e.back() == '%') e.pop_back();
      double ex = 0;
      try { ex = std::stod(e) / 100.0; } catch (...) { ex = -1; }
      if (ex < 0 || ex > 5) throw Error(Exit::usage, "", "--expand " + so->expand + ": not a percentage from 0% to 500%", "e.g. --expand 40%");
      Diagnostics diag;
      Deck d = load_deck(so->in, so->password, g, diag);
      l10n::Catalog c = l10n::units_of(d, "en-XA");
      for (auto& u : c.units) u.target = l10n::pseudo(u.source, ex);
      write_output(so->out, l10n::write_catalog(c, *l10n::format_from(so->format)), {so->in});
      return finish(g, diag);
    };
  });

  // ---- translate
  struct TranslateOpts {
    std::string in, file, out = "-", lang, password;
  };
  auto to = std::make_shared<TranslateOpts>();
  auto* tr = app.add_subcommand("translate",
                                "Merge a translation file into a deck and write the translated deck JSON. Missing, empty or\n"
                                "fuzzy units stay in the source language (one warning lists them).\n"
                                "Example: deckhand translate talk.json talk.fr.po -o talk.fr.json");
  tr->add_option("input", to->in, "A deck JSON (or a PDF)")->required();
  tr->add_option("translations", to->file, "XLIFF 1.2, XLIFF 2.x or PO")->required();
  tr->add_option("-o,--output", to->out, "Where to write ('-' = standard output)");
  tr->add_option("--lang", to->lang, "Target language when the file does not say it");
  tr->callback([&g, to, &run] {
    run = [&g, to] {
      if (to->out != "-") check_output_path(to->out, {to->in, to->file});
      Diagnostics diag;
      Deck d = load_deck(to->in, to->password, g, diag);
      apply_translations(d, to->file, to->lang, diag);
      if (g.strict && diag.count() > 0) return finish(g, diag);
      write_output(to->out, dump_deck(d), {to->in, to->file});
      return finish(g, diag);
    };
  });

  // ---- check
  struct CheckOpts {
    std::string in, layout = "grid-6", translations, lang, source, password, text;
  };
  auto co = std::make_shared<CheckOpts>();
  auto* ck = app.add_subcommand("check",
                                "Before printing: lay the (translated) deck out and list every unit that does not fit its\n"
                                "box even at the smallest size the layout allows. Writes no PDF; exits 12 when any does not fit.\n"
                                "Example: deckhand check talk.json --layout grid-6 --translations talk.fr.xlf");
  ck->add_option("input", co->in, "A deck JSON or a PDF")->required();
  ck->add_option("-l,--layout", co->layout, "Layout name or file")->capture_default_str();
  ck->add_option("--translations", co->translations, "XLIFF or PO file to merge first");
  ck->add_option("--lang", co->lang, "Target language when the file does not say it");
  ck->callback([&g, co, &run] {
    run = [&g, co] {
      Diagnostics diag;
      Deck deck = load_deck(co->in, co->password, g, diag);
      std::map<std::string, std::string> ids;  // key -> unit id, from the source text
      for (const auto& u : l10n::units_of(deck, "").units) ids[u.key] = u.id;
      if (!co->translations.empty()) apply_translations(deck, co->translations, co->lang, diag);
      std::string dd = data_dir();
      layout::LayoutDef def = layout::load_layout(co->layout, dd);
      if (def.content == layout::LayoutDef::Content::automatic) def.content = layout::LayoutDef::Content::text;
      layout::FontSet fonts;
      layout::load_fonts(def, fonts);
      Diagnostics layout_diag;
      LaidOutDoc doc = layout::lay_out(deck, def, fonts, {}, layout_diag);
      std::ostringstream o;
      for (const auto& ov : doc.overflows) {
        char pct[32];
        std::snprintf(pct, sizeof pct, "%d%%", static_cast<int>(std::lround(ov.needed * 100)));
        o << "slide " << ov.slide << "\t" << (ids.count(ov.key) ? ids[ov.key] : ov.key) << "\tneeds " << pct
          << " of its box (" << static_cast<int>(std::lround((ov.needed - 1) * 100)) << "% too long)\n";
      }
      for (const auto& w : layout_diag.warnings())
        if (w.code == "missing-glyph") o << "fonts\t" << w.message << "\n";
      write_output("-", o.str(), {});
      finish(g, diag);
      size_t units = ids.size();
      if (!doc.overflows.empty()) {
        std::cerr << "deckhand: error: " << co->in << ": " << doc.overflows.size() << " of " << units << " units do not fit the "
                  << def.name << " layout (shorten them, or use a layout with more room)\n";
        return static_cast<int>(Exit::check_failed);
      }
      std::cerr << "deckhand: all " << units << " units fit the " << def.name << " layout\n";
      return 0;
    };
  });

  // ---- fonts check
  struct FontsOpts {
    std::string in, lang, layout = "notes-3", password;
  };
  auto fo = std::make_shared<FontsOpts>();
  auto* fc = app.add_subcommand("fonts", "Fonts: 'deckhand fonts check' lists characters no font of a layout can draw.");
  fc->require_subcommand(1);
  auto* fck = fc->add_subcommand("check",
                                 "List every code point of a deck (or a translation file's targets) that no font in the layout's\n"
                                 "fallback chain covers; exits 12 when there is one.\n"
                                 "Example: deckhand fonts check talk.zh.po --lang zh");
  fck->add_option("input", fo->in, "A deck JSON, a PDF, or a translation file (XLIFF or PO)")->required();
  fck->add_option("--lang", fo->lang, "The language the text is in (for the report)");
  fck->add_option("-l,--layout", fo->layout, "Layout whose fonts to check")->capture_default_str();
  fck->callback([&g, fo, &run] {
    run = [&g, fo] {
      Diagnostics diag;
      std::vector<std::pair<std::string, std::string>> texts;  // where, text
      auto ext = std::filesystem::path(fo->in).extension().string();
      if (ext == ".po" || ext == ".xlf" || ext == ".xliff" || ext == ".pot") {
        l10n::Catalog c = l10n::read_catalog(read_file(fo->in), fo->in);
        for (const auto& u : c.units) texts.push_back({u.id, u.target.empty() ? u.source : u.target});
      } else {
        Deck d = load_deck(fo->in, fo->password, g, diag);
        for (const auto& s : d.slides) {
          texts.push_back({s.id + ".title", s.title});
          for (const auto& b : s.blocks) texts.push_back({b.id, b.text});
        }
      }
      layout::LayoutDef def = layout::load_layout(fo->layout, data_dir());
      layout::FontSet fonts;
      layout::load_fonts(def, fonts);
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
      if (!missing.empty()) {
        std::cerr << "deckhand: error: " << fo->in << ": " << missing.size() << " character(s) no font of the " << def.name
                  << " layout has (add a font that covers them to the layout's fonts.fallback)\n";
        return static_cast<int>(Exit::check_failed);
      }
      std::cerr << "deckhand: every character (" << checked << ") has a font" << (fo->lang.empty() ? "" : " for " + fo->lang) << "\n";
      return finish(g, diag);
    };
  });

  auto io = std::make_shared<InspectOpts>();
  auto* in = app.add_subcommand("inspect",
                                "Print a deck's outline for a person: slide number, kind, title and indented\n"
                                "bullets. Reads a PDF or a deck JSON. Example: deckhand inspect talk.pdf");
  in->add_option("input", io->in, "A PDF or a deck JSON (.json)")->required();
  in->add_option("--password", io->password, "Password of an encrypted PDF");
  in->callback([&g, io, &run] {
    run = [&g, io] {
      Diagnostics diag;
      Deck d = load_deck(io->in, io->password, g, diag);
      if (g.strict && diag.count() > 0) return finish(g, diag);
      write_output("-", outline(d), {});
      return finish(g, diag);
    };
  });
}

}  // namespace deckhand::cli

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
#include "render/translated_slides.hpp"

#include "cli/common.hpp"

namespace deckhand::cli {
void setup_check(CLI::App& app, Global& g, std::function<int()>& run) {
  // ---- check
  struct CheckOpts {
    std::string in, layout = kDefaultLayout, translations, lang, source, password, text;
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
      const Deck source_deck = deck;
      std::map<std::string, std::string> ids;  // key -> unit id, from the source text
      for (const auto& u : l10n::units_of(deck, "").units) ids[u.key] = u.id;
      int translated = -1;
      if (!co->translations.empty()) translated = apply_translations(deck, co->translations, co->lang, diag, true);
      std::string dd = data_dir();
      layout::LayoutDef def = layout::load_layout(co->layout, dd);
      // as the handout will print it: `auto` frames are retypeset only for a translated deck
      // (an untranslated one shows its slide pictures, which cannot overflow)
      // the PDF of the deck, for `auto` frames, which print the translated slides
      std::string pdf = looks_like_json(co->in) ? "" : co->in;
      if (pdf.empty() && !deck.source.file.empty())
        for (auto cand : {std::filesystem::path(co->in).parent_path() / deck.source.file, std::filesystem::path(deck.source.file)})
          if (std::filesystem::exists(cand)) { pdf = cand.string(); break; }
      const bool slide_frames = def.content == layout::LayoutDef::Content::automatic && translated >= 0 && !pdf.empty();
      if (def.content == layout::LayoutDef::Content::automatic && translated >= 0 && !slide_frames) def.content = layout::LayoutDef::Content::text;
      layout::FontSet fonts;
      layout::load_fonts(def, fonts);
      Diagnostics layout_diag;
      LaidOutDoc doc = layout::lay_out(deck, def, fonts, {}, layout_diag);
      if (slide_frames) {  // the translated slides' own overflows (docs/translation.md)
        layout::SlideTextOptions so;
        so.file = co->in;
        LaidOutDoc slides = render::translate_slides(source_deck, deck, pdf, co->password, fonts, so, layout_diag, "");
        doc.overflows.insert(doc.overflows.end(), slides.overflows.begin(), slides.overflows.end());
      }
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
      std::cerr << "deckhand: all " << units << " units fit the " << def.name << " layout";
      if (translated >= 0) std::cerr << " (" << translated << " of them translated)";
      std::cerr << "\n";
      return 0;
    };
  });
}

void setup_fonts(CLI::App& app, Global& g, std::function<int()>& run) {
  // ---- fonts check
  struct FontsOpts {
    std::string in, lang, layout = kDefaultLayout, password;
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
        for (const auto& u : l10n::units_of(d, "").units) texts.push_back({u.key, u.source});
      }
      layout::LayoutDef def = layout::load_layout(fo->layout, data_dir());
      layout::FontSet fonts;
      layout::load_fonts(def, fonts);
      std::map<char32_t, std::string> missing;  // code point -> first place
      size_t checked = 0;
      for (const auto& [where, t] : texts)
        for (char32_t c : unicode::decode(t)) {
          ++checked;
          if (c > 0xFFFF || !fonts.covers(c, false) || !fonts.covers(c, true)) missing.emplace(c, where);  // > U+FFFF: libharu cannot write it
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
}

}  // namespace deckhand::cli

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

#include "cli/common.hpp"

namespace deckhand::cli {
void setup_strings(CLI::App& app, Global& g, std::function<int()>& run) {
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
  sx->add_option("--format", so->format, "xliff2 (XLIFF 2.0 with size restrictions; xliff means the same), xliff12 (XLIFF 1.2) or po (gettext)")
      ->check(CLI::IsMember({"xliff2", "xliff", "xliff12", "po"}))->capture_default_str();
  sx->add_option("--target-lang", so->target_lang, "Target language (BCP 47), e.g. fr, zh, ar");
  sx->add_option("-o,--output", so->out, "Where to write ('-' = standard output, the default)");
  sx->add_option("--password", so->password, "Password of an encrypted PDF");
  sx->callback([&g, so, &run] {
    run = [&g, so] {
      if (so->out != "-") check_output_path(so->out, {so->in});
      Diagnostics diag;
      Deck d = load_deck(so->in, so->password, g, diag);
      l10n::Catalog c = l10n::units_of(d, so->target_lang);
      write_output(so->out, l10n::write_catalog(c, *l10n::format_from(so->format)), run_inputs({so->in}, d, so->in));
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
      ->check(CLI::IsMember({"xliff2", "xliff", "xliff12", "po"}));
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
      if (fmt.empty())  // as the old file: PO, XLIFF 2.x (its namespace), else XLIFF 1.x
        fmt = text.find("<xliff") == std::string::npos ? "po"
              : text.find("urn:oasis:names:tc:xliff:document:2") != std::string::npos ? "xliff2" : "xliff12";
      write_output(so->out, l10n::write_catalog(c, *l10n::format_from(fmt)), run_inputs({so->in, so->old_file}, d, so->in));
      std::cerr << "deckhand: " << kept << " of " << c.units.size() << " units keep their translation\n";
      return finish(g, diag);
    };
  });
  auto* sp = st->add_subcommand("pseudo",
                                "A pseudo-translation (accented, expanded, bracketed) to test a layout before translations\n"
                                "arrive. Example: deckhand strings pseudo talk.pdf --expand 40% --format po -o pseudo.po");
  sp->add_option("input", so->in, "A PDF or a deck JSON")->required();
  sp->add_option("--expand", so->expand, "How much longer than the source, e.g. 40%")->capture_default_str();
  sp->add_option("--format", so->format, "xliff2, xliff12 or po")->check(CLI::IsMember({"xliff2", "xliff", "xliff12", "po"}));
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
      write_output(so->out, l10n::write_catalog(c, *l10n::format_from(so->format)), run_inputs({so->in}, d, so->in));
      return finish(g, diag);
    };
  });
}

void setup_translate(CLI::App& app, Global& g, std::function<int()>& run) {
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
      apply_translations(d, to->file, to->lang, diag, g.strict);
      if (g.strict && diag.count() > 0) return finish(g, diag);
      write_output(to->out, dump_deck(d), run_inputs({to->in, to->file}, d, to->in));
      return finish(g, diag);
    };
  });
}

}  // namespace deckhand::cli

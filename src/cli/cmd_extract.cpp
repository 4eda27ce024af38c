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
namespace {
// ---- extract
struct ExtractOpts {
  std::string in, out = "-", pages, password;
};
}  // namespace

void setup_extract(CLI::App& app, Global& g, std::function<int()>& run) {
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
      spdlog::info("{}: {}", eo->in, count_of(d.slides.size(), "slide"));
      return finish(g, diag);
    };
  });
}

}  // namespace deckhand::cli

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
// ---- inspect
struct InspectOpts {
  std::string in, password;
};

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
      o << std::string(2 + 2 * static_cast<size_t>(std::max(0, b.level)), ' ');
      if (b.level > 0) o << layout::marker_for(b.marker, b.level) << " ";
      o << b.text << "\n";
    }
  }
  return o.str();
}
}  // namespace

void setup_inspect(CLI::App& app, Global& g, std::function<int()>& run) {
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

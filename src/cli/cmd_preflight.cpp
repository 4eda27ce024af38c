// deckhand preflight FILE.pdf: checks a PDF against what print shops ask for; deckhand
// impose IN.pdf -o OUT.pdf: any PDF as a saddle-stitched booklet (docs/printing.md).
#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>
#include <regex>
#include <sstream>

#include "cli/common.hpp"
#include "core/io.hpp"
#include "render/preflight.hpp"
#include "render/print.hpp"

namespace deckhand::cli {

double parse_length_mm(const std::string& s, const std::string& option) {
  static const std::regex re(R"(^\s*([0-9]*\.?[0-9]+)\s*(mm|cm|in|pt)?\s*$)");
  std::smatch m;
  if (s.size() > 32 || !std::regex_match(s, m, re))
    throw Error(Exit::usage, "", option + " " + s + ": not a length", "give it like 3mm, 0.125in or 9pt");
  double v = std::strtod(m[1].str().c_str(), nullptr);
  std::string u = m[2].str();
  if (u.empty() || u == "mm") v *= 72.0 / 25.4;
  else if (u == "cm") v *= 72.0 / 2.54;
  else if (u == "in") v *= 72.0;
  if (!(v >= 0 && v <= 1000)) throw Error(Exit::usage, "", option + " " + s + ": too large", "give a length under 350mm");
  return v;
}

namespace {
void check_input_file(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw Error(Exit::input, path, std::filesystem::exists(path, ec) ? "not a regular file" : "no such file", "check the path");
}

struct PreflightOpts {
  std::string in, bleed = "3mm", password;
  double min_dpi = 300;
  bool booklet = false;
};
struct ImposeOpts {
  std::string in, out, password, creep = "0", binding = "left", marks = "none";
  int signature = 0;
};
}  // namespace

void setup_preflight(CLI::App& app, Global& g, std::function<int()>& run) {
  auto po = std::make_shared<PreflightOpts>();
  auto* pc = app.add_subcommand(
      "preflight",
      "Check a PDF (any, not only deckhand's) for a print shop: TrimBox and BleedBox on every page and nested,\n"
      "the bleed's size, fonts embedded, every image's effective resolution, colour spaces, and (--booklet) a page\n"
      "count that is a multiple of 4. One line a problem on standard output; exit 12 when there is any.\n"
      "Examples:\n"
      "  deckhand preflight leaflet.pdf\n"
      "  deckhand preflight leaflet.pdf --bleed 0.125in --min-dpi 250 --booklet");
  pc->add_option("input", po->in, "The PDF to check")->required();
  pc->add_option("--bleed", po->bleed, "Bleed needed on every side (mm unless a unit is given: 3mm, 0.125in)")->capture_default_str();
  pc->add_option("--min-dpi", po->min_dpi, "Lowest effective resolution of an image, as printed")->capture_default_str()->check(CLI::Range(1.0, 10000.0));
  pc->add_flag("--booklet", po->booklet, "A saddle-stitched booklet: the page count must be a multiple of 4");
  pc->add_option("--password", po->password, "Password of an encrypted PDF");
  pc->callback([&g, po, &run] {
    run = [&g, po] {
      render::PreflightOptions o;
      o.bleed = parse_length_mm(po->bleed, "--bleed");
      o.min_dpi = po->min_dpi;
      o.booklet = po->booklet;
      o.password = po->password;
      check_input_file(po->in);
      render::PreflightReport r = render::preflight(po->in, o);
      std::ostringstream out;
      for (const auto& p : r.problems)
        out << "deckhand: preflight: " << po->in << ": " << (p.page > 0 ? "page " + std::to_string(p.page) + ": " : "") << p.what << "\n";
      write_output("-", out.str(), {});
      if (!g.quiet) {
        std::string cs;
        for (const auto& c : r.colour_spaces) cs += (cs.empty() ? "" : ", ") + c;
        std::cerr << "deckhand: " << po->in << ": " << count_of(static_cast<size_t>(r.pages), "page") << ", "
                  << count_of(static_cast<size_t>(r.images), "image placement");
        if (r.images > 0) std::cerr << " (lowest " << static_cast<long>(std::lround(r.lowest_dpi)) << " dpi)";
        std::cerr << ", colour spaces: " << (cs.empty() ? "none" : cs) << "\n";
      }
      if (!r.problems.empty()) {
        std::cerr << "deckhand: error: " << po->in << ": " << count_of(r.problems.size(), "preflight problem")
                  << " (see the lines above; docs/printing.md)\n";
        return static_cast<int>(Exit::check_failed);
      }
      if (!g.quiet) std::cerr << "deckhand: " << po->in << ": preflight passed\n";
      return 0;
    };
  });

  auto io = std::make_shared<ImposeOpts>();
  auto* ic = app.add_subcommand(
      "impose",
      "Impose any PDF as a saddle-stitched booklet: two pages a sheet, in the order that, printed duplex\n"
      "(flip on the short edge), folded and stapled, reads 1, 2, 3...; blank pages before the back cover\n"
      "up to a multiple of 4. 'deckhand handout --impose booklet' does the same for a handout.\n"
      "Examples:\n"
      "  deckhand impose leaflet.pdf -o leaflet-sheets.pdf\n"
      "  deckhand impose thick.pdf --signature 4 --creep 0.8 -o sheets.pdf\n"
      "  deckhand impose arabic.pdf --binding right -o sheets.pdf");
  ic->add_option("input", io->in, "The PDF, its pages in reading order")->required();
  ic->add_option("-o,--output", io->out, "The imposed PDF to write")->required();
  ic->add_option("--creep", io->creep, "Total shift of the innermost pages toward the spine (mm unless a unit is given)")->capture_default_str();
  ic->add_option("--signature", io->signature, "Sheets a signature (folded together); 0: one signature")->check(CLI::Range(0, 1000));
  ic->add_option("--binding", io->binding, "left (left-to-right reading) or right (Arabic, Hebrew: mirrored)")
      ->check(CLI::IsMember({"left", "right"}))->capture_default_str();
  ic->add_option("--marks", io->marks, "crop: trim and fold marks on each sheet; none")->check(CLI::IsMember({"crop", "none"}))->capture_default_str();
  ic->add_option("--password", io->password, "Password of an encrypted PDF");
  ic->callback([&g, io, &run] {
    run = [&g, io] {
      check_input_file(io->in);
      render::ImposeOptions o;
      o.creep = parse_length_mm(io->creep, "--creep");
      o.signature = io->signature;
      o.rtl = io->binding == "right";
      o.marks = io->marks == "crop";
      int blanks = 0;
      write_output_via(io->out, {io->in}, [&](const std::string& tmp) { blanks = render::impose_booklet(io->in, io->password, tmp, o); });
      if (!g.quiet && blanks > 0) std::cerr << "deckhand: " << io->out << ": " << count_of(static_cast<size_t>(blanks), "blank page") << " added before the back cover\n";
      return 0;
    };
  });
}

}  // namespace deckhand::cli

#include "job/config.hpp"

#include <cctype>

#include <spdlog/fmt/fmt.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "core/language.hpp"
#include "core/limits.hpp"
#include "core/scan.hpp"
#include "layout/definition.hpp"

namespace deckhand {
namespace {

// A value the command line restricts (CLI11 IsMember) given otherwise by a program that fills
// JobOptions itself.
[[noreturn]] void not_one_of(const std::string& option, const std::string& value, const std::string& choices) {
  throw Error(Exit::usage, "", option + " " + scan::for_message(value, 40) + ": not one of " + choices, "use one of " + choices);
}

Dump dump_of(const std::string& s) {
  if (s.empty()) return Dump::none;
  if (s == "layout") return Dump::layout;
  if (s == "layout-text") return Dump::layout_text;
  not_one_of("--dump", s, "layout, layout-text");
}

bool is_json(const std::string& path) { return std::filesystem::path(path).extension().string() == ".json"; }

HandoutConfig handout_config(const JobOptions& h, bool review) {
  HandoutConfig c;
  if (review) {
    if (h.translations.empty())
      throw Error(Exit::usage, "", "no translation file given", "deckhand review talk.json --translations talk.ar.xlf -o review.pdf");
    if (h.output.empty() && h.dump.empty()) throw Error(Exit::usage, "", "no output file given", "add -o review.pdf");
  }
  c.layout = review ? h.review_layout : h.layout;
  if (h.input.empty()) throw Error(Exit::usage, "", "no input deck given", "deckhand handout talk.pdf --layout notes-3 -o handout.pdf");
  if (h.output.empty() && h.dump.empty()) throw Error(Exit::usage, "", "no output file given", "add -o handout.pdf");
  c.dump = dump_of(h.dump);
  check_date(h.date);
  c.date = h.date;
  if (!h.paper.empty()) {
    double w = 0, hh = 0;
    if (!layout::paper_size(h.paper, &w, &hh))
      throw Error(Exit::usage, "", "--paper " + h.paper + ": unknown paper", "use A3, A4, A5, Letter or Legal");
    c.paper = h.paper;
    c.paper_size = std::array<double, 2>{w, hh};
  }
  // print geometry (docs/printing.md)
  PrintConfig& p = c.print;
  p.on = h.print || !h.bleed.empty() || !h.marks.empty();
  if (!h.bleed.empty()) p.bleed = parse_bleed(h.bleed);
  if (!h.marks.empty()) {
    if (h.marks != "crop" && h.marks != "none") not_one_of("--marks", h.marks, "crop, none");
    p.crop_marks = h.marks == "crop";
  }
  if (h.impose == "booklet") p.impose = Impose::booklet;
  else if (h.impose != "none") not_one_of("--impose", h.impose, "booklet, none");
  if (h.binding == "left") p.binding = Binding::left;
  else if (h.binding == "right") p.binding = Binding::right;
  else if (h.binding != "auto") not_one_of("--binding", h.binding, "auto, left, right");
  if (p.impose != Impose::booklet && (h.creep != "0" || h.signature != 0 || h.binding != "auto"))
    throw Error(Exit::usage, "", "--creep, --signature and --binding need --impose booklet", "add --impose booklet, or leave them out");
  p.creep = parse_length_mm(h.creep, "--creep");
  p.signature = h.signature;
  if (!h.pictures.empty()) {
    std::stringstream ps(h.pictures);
    for (std::string item; std::getline(ps, item, ',');) {
      if (item.empty() || item.size() > 6 || item.find_first_not_of("0123456789") != std::string::npos)
        throw Error(Exit::usage, "", "--pictures " + h.pictures + ": not a list of slide numbers", "e.g. --pictures 3,5,9");
      c.pictures.push_back(std::stoi(item));
    }
  }
  c.contact = h.contact;
  for (size_t at = c.contact.find("\\n"); at != std::string::npos; at = c.contact.find("\\n", at + 1)) c.contact.replace(at, 2, 1, '\n');
  return c;
}

SlidesConfig slides_config(const JobOptions& o) {
  SlidesConfig c;
  if (o.input.empty()) throw Error(Exit::usage, "", "no input deck given", "deckhand slides talk.pdf --translations talk.fr.po -o talk-fr.pdf");
  // a deck JSON made by `deckhand translate` holds its translation: no file needed
  c.translated_json = o.translations.empty() && is_json(o.input);
  if (o.translations.empty() && !c.translated_json)
    throw Error(Exit::usage, o.input, "no translation file given", "add --translations talk.fr.po (XLIFF or PO)");
  if (o.output.empty() && !o.slides_check && o.dump.empty()) throw Error(Exit::usage, "", "no output file given", "add -o talk-fr.pdf");
  if (o.slides_check && !o.output.empty())
    throw Error(Exit::usage, o.output, "--check writes no PDF, so -o has nothing to write", "leave out -o to check, or --check to write the slides");
  if (!(o.min_size > 0 && o.min_size <= 600))
    throw Error(Exit::usage, "", "--min-size " + fmt::format("{:g}", o.min_size) + ": out of range (more than 0, at most 600 points)", "give a size in points, e.g. --min-size 8");
  c.min_size = o.min_size;
  c.check = o.slides_check;
  c.dump = dump_of(o.dump);
  return c;
}

StringsConfig strings_config(const JobOptions& s) {
  StringsConfig c;
  if (s.command == Command::strings_pseudo) {
    // digits only (`40%`, `40`, `12.5%`): never NaN or infinite (`--expand nan%` made a
    // pseudo-translation that never ended; issue 20)
    auto m = s.expand.size() > 32 ? std::nullopt : scan::number_unit(s.expand, {"%"});
    const double ex = m ? std::strtod(m->number.c_str(), nullptr) / 100.0 : -1;
    if (!in_range(ex, 0, 5))
      throw Error(Exit::usage, "", "--expand " + scan::for_message(s.expand, 40) + ": not a percentage from 0% to 500%", "e.g. --expand 40%");
    c.expand = ex;
  }
  auto format = [](const std::string& f) {
    auto r = catalog_format(f);
    if (!r) not_one_of("--format", f, "xliff2, xliff12, po");
    return *r;
  };
  // (no --format: the output's name says it, as a translator names the file: talk.fr.po is
  // PO, talk.fr.xlf XLIFF 2.0; XLIFF 2.0 when it says neither)
  std::string f = s.format;
  if (f.empty()) {
    std::string ext = std::filesystem::path(s.output).extension().string();
    for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    f = ext == ".po" || ext == ".pot" ? "po" : "xliff2";
  }
  c.format = format(f);
  if (!s.update_format.empty()) c.update_format = format(s.update_format);
  return c;
}

}  // namespace

std::optional<CatalogFormat> catalog_format(const std::string& n) { return l10n::format_from(n); }

double parse_length_mm(const std::string& s, const std::string& option) {
  auto m = s.size() > 32 ? std::nullopt : scan::number_unit(s, {"mm", "cm", "in", "pt"});
  if (!m) throw Error(Exit::usage, "", option + " " + scan::for_message(s) + ": not a length", "give it like 3mm, 0.125in or 9pt");
  double v = std::strtod(m->number.c_str(), nullptr);
  std::string u = m->unit;
  if (u.empty() || u == "mm") v *= 72.0 / 25.4;
  else if (u == "cm") v *= 72.0 / 2.54;
  else if (u == "in") v *= 72.0;
  if (!(v >= 0 && v <= 1000)) throw Error(Exit::usage, "", option + " " + s + ": too large", "give a length under 350mm");
  return v;
}

// A bleed: 0 to 1 in (25.4 mm), as a layout's print.bleed (docs/printing.md); shops ask
// for 3 mm, or 0.125 in.
double parse_bleed(const std::string& s) {
  const double v = parse_length_mm(s, "--bleed");
  if (v > 72 + 1e-9)
    throw Error(Exit::usage, "", "--bleed " + s + ": out of range for a bleed (0 to 25.4 mm, 1 in)", "print shops ask for 3mm or 0.125in");
  return v;
}

void check_date(const std::string& date) {
  if (date.size() == 10 && date[4] == '-' && date[7] == '-' &&
      std::all_of(date.begin(), date.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); })) {
    // YYYY-MM-DD also becomes the PDF's creation date: it must be a real calendar day
    const int y = std::stoi(date.substr(0, 4));
    const unsigned m = static_cast<unsigned>(std::stoi(date.substr(5, 2))), d = static_cast<unsigned>(std::stoi(date.substr(8, 2)));
    if (y < 1000 || !std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}}.ok())
      throw Error(Exit::usage, "", "--date " + date + ": not a calendar day", "use YYYY-MM-DD, e.g. --date 2026-03-14");
  }
}

Config check_configuration(const JobOptions& o) {
  Config c;
  c.command = o.command;
  // language tags of the command line, canonical: "fr_FR" is "fr-FR", "ara" is "ar"
  // (docs/translation.md, "Language tags"); one that is none is a usage error
  if (!o.lang.empty()) c.lang = language::read(o.lang, "--lang", Exit::usage, "");
  if (!o.target_lang.empty()) c.target_lang = language::read(o.target_lang, "--target-lang", Exit::usage, "");
  switch (o.command) {
    case Command::handout: c.handout = handout_config(o, false); break;
    case Command::review: c.handout = handout_config(o, true); break;
    case Command::slides: c.slides = slides_config(o); break;
    case Command::preflight:
      c.preflight.bleed = parse_bleed(o.preflight_bleed);
      c.preflight.min_dpi = o.min_dpi;
      c.preflight.booklet = o.booklet;
      break;
    case Command::impose:
      c.impose.creep = parse_length_mm(o.creep, "--creep");
      c.impose.signature = o.signature;
      if (o.impose_binding != "left" && o.impose_binding != "right") not_one_of("--binding", o.impose_binding, "left, right");
      if (o.impose_marks != "crop" && o.impose_marks != "none") not_one_of("--marks", o.impose_marks, "crop, none");
      c.impose.right_to_left = o.impose_binding == "right";
      c.impose.crop_marks = o.impose_marks == "crop";
      break;
    case Command::strings_export:
    case Command::strings_update:
    case Command::strings_pseudo: c.strings = strings_config(o); break;
    case Command::none: throw Error(Exit::usage, "", "no command given", "run 'deckhand --help'");
    default: break;
  }
  return c;
}

}  // namespace deckhand

#include "cli/common.hpp"

#include "core/limits.hpp"
#include "core/docs.hpp"
#include "core/scan.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace deckhand::cli {

CLI::Validator number_in(double lo, double hi, bool whole) {
  const std::string what = std::string(whole ? "a whole number " : "a number ") + range_text(lo, hi);
  return CLI::Validator(
      [=](std::string& s) -> std::string {
        const char* b = s.c_str();
        char* e = nullptr;
        errno = 0;
        double v = std::strtod(b, &e);
        bool ok = e != b && *e == '\0' && errno != ERANGE && in_range(v, lo, hi) && (!whole || v == std::floor(v));
        // (no hexadecimal or other spellings strtod accepts beyond the decimal forms)
        for (const char* c = b; ok && *c; ++c) ok = std::strchr(whole ? "0123456789+-" : "0123456789+-.eE", *c) != nullptr;
        return ok ? std::string() : "must be " + what + ", not '" + scan::for_message(s, 40) + "'";
      },
      (whole ? "INT " : "NUMBER ") + range_text(lo, hi), "number_in");
}

void add_limit_options(CLI::App& app) {
  Limits& l = limits();
  const std::string grp = "Limits (see " + doc_path("limits.md") + ")";
  app.add_option("--max-file-size", l.file_bytes, "Largest input file, in bytes")->group(grp)->capture_default_str()->check(number_in(1, 1e18, true));
  app.add_option("--max-string", l.string_bytes, "Longest single text (title, block, unit), in bytes")->group(grp)->capture_default_str()->check(number_in(1, 1e18, true));
  app.add_option("--max-depth", l.depth, "Deepest nesting of XML, JSON or YAML")->group(grp)->capture_default_str()->check(number_in(2, 10000000, true));
  app.add_option("--max-slides", l.slides, "Most slides in a deck JSON")->group(grp)->capture_default_str()->check(number_in(1, 100000000, true));
  app.add_option("--max-pages", l.pages, "Most pages read from a PDF")->group(grp)->capture_default_str()->check(number_in(1, 100000000, true));
  app.add_option("--max-page-size", l.page_size, "Largest page or slide width or height, in points")->group(grp)->capture_default_str()->check(number_in(1, 1e9, false));
  app.add_option("--max-pixels", l.pixels, "Most pixels in one rendered slide picture")->group(grp)->capture_default_str()->check(number_in(1, 1e18, true));
  app.add_option("--max-output-pages", l.output_pages, "Most pages in one handout")->group(grp)->capture_default_str()->check(number_in(1, 100000000, true));
  app.add_option("--max-operators", l.operators, "Most PDF operators drawing one page takes (forms and Type3 glyphs each time drawn)")->group(grp)->capture_default_str()->check(number_in(1, 1e18, true));
  app.add_option("--max-stream-size", l.stream_bytes, "Most bytes one PDF stream inflates to")->group(grp)->capture_default_str()->check(number_in(1, 1e18, true));
  app.add_option("--max-inflated", l.inflated_bytes, "Most bytes all the streams of a PDF inflate to")->group(grp)->capture_default_str()->check(number_in(1, 1e18, true));
}

void add_pages_option(CLI::App* cmd, JobOptions& o, const std::string& help) {
  cmd->add_option("--pages", o.pages, help)
      ->check(CLI::Validator(
          [](std::string& s) {
            return s.find_first_not_of(" \t") == std::string::npos ? std::string("an empty page list (write ranges like 1-3,7,10-)")
                                                                     : std::string();
          },
          "PAGES"));
}

void add_password_option(CLI::App* cmd, JobOptions& o) {
  cmd->add_option("--password", o.password, "Password of an encrypted PDF (the user or the owner password)");
}

void runs(CLI::App* cmd, JobOptions& o, Command c) {
  cmd->callback([&o, c] { o.command = c; });
}

}  // namespace deckhand::cli

#include "cli/common.hpp"

#include "core/limits.hpp"
#include "core/docs.hpp"

namespace deckhand::cli {

void add_limit_options(CLI::App& app) {
  Limits& l = limits();
  const std::string grp = "Limits (see " + doc_path("limits.md") + ")";
  app.add_option("--max-file-size", l.file_bytes, "Largest input file, in bytes")->group(grp)->capture_default_str()->check(CLI::PositiveNumber);
  app.add_option("--max-string", l.string_bytes, "Longest single text (title, block, unit), in bytes")->group(grp)->capture_default_str()->check(CLI::PositiveNumber);
  app.add_option("--max-depth", l.depth, "Deepest nesting of XML, JSON or YAML")->group(grp)->capture_default_str()->check(CLI::Range(2, 10000000));
  app.add_option("--max-slides", l.slides, "Most slides in a deck JSON")->group(grp)->capture_default_str()->check(CLI::Range(1, 100000000));
  app.add_option("--max-pages", l.pages, "Most pages read from a PDF")->group(grp)->capture_default_str()->check(CLI::Range(1, 100000000));
  app.add_option("--max-page-size", l.page_size, "Largest page or slide width or height, in points")->group(grp)->capture_default_str()->check(CLI::Range(1.0, 1e9));
  app.add_option("--max-pixels", l.pixels, "Most pixels in one rendered slide picture")->group(grp)->capture_default_str()->check(CLI::PositiveNumber);
  app.add_option("--max-output-pages", l.output_pages, "Most pages in one handout")->group(grp)->capture_default_str()->check(CLI::Range(1, 100000000));
  app.add_option("--max-operators", l.operators, "Most PDF operators drawing one page takes (forms and Type3 glyphs each time drawn)")->group(grp)->capture_default_str()->check(CLI::PositiveNumber);
  app.add_option("--max-stream-size", l.stream_bytes, "Most bytes one PDF stream inflates to")->group(grp)->capture_default_str()->check(CLI::PositiveNumber);
  app.add_option("--max-inflated", l.inflated_bytes, "Most bytes all the streams of a PDF inflate to")->group(grp)->capture_default_str()->check(CLI::PositiveNumber);
}

void add_password_option(CLI::App* cmd, JobOptions& o) {
  cmd->add_option("--password", o.password, "Password of an encrypted PDF (the user or the owner password)");
}

void runs(CLI::App* cmd, JobOptions& o, Command c) {
  cmd->callback([&o, c] { o.command = c; });
}

}  // namespace deckhand::cli

// The commands the small executable runs itself (Job::light): extract. Nothing here may
// use layout/, l10n/ or render/, so that `deckhand extract` loads none of libqpdf,
// libharu, HarfBuzz, libgettextpo or yaml-cpp (docs/architecture.md, "Two executables").
#include <algorithm>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <regex>
#include <iostream>

#include "core/io.hpp"
#include "core/step_timer.hpp"
#include "core/parallel.hpp"
#include "extract/extract.hpp"
#include "extract/source.hpp"
#include "job/internal.hpp"
#include "job/job.hpp"

namespace deckhand {

std::function<void(int, int)> progress_printer(const JobOptions& o, const char* what, int min_total) {
  if (o.quiet || !::isatty(2)) return {};
  return [what, min_total](int done, int total) {
    if (total < min_total) return;
    if (done == total || done % 10 == 0)
      std::cerr << "\r" << what << ": page " << done << "/" << total << (done == total ? "\n" : "") << std::flush;
  };
}

std::string count_of(size_t n, const std::string& singular, const std::string& plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural.empty() ? singular + "s" : plural);
}

namespace {
// "fr" for talk.fr.po, "zh-Hans" for talk.zh-Hans.xlf: the language a file's name carries
// before its extension; empty when there is none.
std::string lang_in_name(const std::string& file) {
  static const std::regex tag(R"(^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?$)");
  const std::string l = std::filesystem::path(file).stem().extension().string();
  return l.size() > 1 && std::regex_match(l.substr(1), tag) ? l.substr(1) : "";
}
}  // namespace

std::string output_name(const JobOptions& o) {
  namespace fs = std::filesystem;
  std::string stem = o.input.empty() || o.input == "-" ? "deck" : fs::path(o.input).stem().string();
  auto ext_of = [](const std::string& format) { return format == "po" ? ".po" : ".xlf"; };
  auto with = [](const std::string& l) { return l.empty() ? std::string() : "." + l; };
  const std::string dump = o.dump == "layout" ? ".json" : o.dump == "layout-text" ? ".txt" : "";
  switch (o.command) {
    case Command::extract: return stem + ".json";
    case Command::translate: {
      const std::string l = lang_in_name(o.translations);
      return stem + with(l.empty() ? o.lang : l) + ".json";
    }
    case Command::strings_export: return stem + with(o.target_lang) + ext_of(o.format);
    case Command::strings_pseudo: return stem + ".pseudo" + ext_of(o.format);
    case Command::strings_update: {
      std::string f = o.update_format;
      if (f.empty()) f = fs::path(o.old_file).extension() == ".po" ? "po" : "xliff";
      return stem + with(lang_in_name(o.old_file)) + ext_of(f);
    }
    case Command::handout: {
      // (a layout file: its name without folder and extension; job_light uses no layout/)
      const bool file = o.layout.find('/') != std::string::npos || fs::path(o.layout).extension() == ".yaml" ||
                        fs::path(o.layout).extension() == ".yml";
      return stem + "-" + (file ? fs::path(o.layout).stem().string() : o.layout) + (dump.empty() ? ".pdf" : dump);
    }
    case Command::slides: {
      std::string l = lang_in_name(o.translations);
      if (l.empty()) l = o.lang.empty() ? "translated" : o.lang;
      return stem + "-" + l + (dump.empty() ? ".pdf" : dump);
    }
    case Command::impose: return stem + "-booklet.pdf";
    default: return stem + ".out";
  }
}

void refuse_output_folder(const JobOptions& o) {
  std::error_code ec;
  if (o.output.empty() || o.output == "-" || !std::filesystem::is_directory(o.output, ec)) return;
  throw Error(Exit::output, o.output, "is a folder, not a file",
              "name a file in it with -o, e.g. " + (std::filesystem::path(o.output) / output_name(o)).string());
}

int Job::source_opens() { return extract::SourcePdf::opens(); }

int Job::finish(const Diagnostics& diag) const {
  auto ws = diag.warnings();
  if (!o_.quiet)
    for (const auto& w : ws) std::cerr << w.line() << "\n";
  if (o_.strict && !ws.empty()) {
    // (which warnings, by code, so that -q --strict still says what stopped it)
    std::vector<std::string> codes;
    for (const auto& w : ws)
      if (std::find(codes.begin(), codes.end(), w.code) == codes.end()) codes.push_back(w.code);
    std::string list;
    for (const auto& c : codes) list += (list.empty() ? "" : ", ") + c;
    std::cerr << "deckhand: error: " << (o_.input.empty() ? std::string("deckhand") : o_.input) << ": " << ws.size()
              << " warning(s) [" << list << "] and --strict is set (fix the input or drop --strict)\n";
    return static_cast<int>(Exit::warnings);
  }
  return 0;
}

void Job::debug_opens() const {
  if (const char* e = std::getenv("DECKHAND_DEBUG_OPENS"); e && *e == '1')
    std::cerr << "deckhand: debug: source PDF opened " << source_opens() << " time(s), " << worker_count(o_.threads)
              << " worker(s)\n";
}

int Job::run_light() {
  if (!light(o_.command)) throw Error(Exit::failure, "", "internal: not a command of the small executable", "please report this");
  refuse_output_folder(o_);
  int rc = run_extract();
  debug_opens();
  return rc;
}

int Job::run_extract() {
  // for developers: DECKHAND_DEBUG_TIME=1 prints the time of each step (extract.cpp: its phases)
  StepTimer timer;
  auto lap = [&](const char* what) { timer.lap(what); };
  check_output_path(out(), {o_.input});
  Diagnostics diag;
  extract::SourcePdf src(o_.input, o_.password, worker_count(o_.threads));
  lap("source");
  extract::ExtractOptions eo;
  eo.password = o_.password;
  eo.pages = o_.pages;
  eo.threads = o_.threads;
  eo.progress = progress_printer(o_, "extract", 20);
  Deck d = extract::extract_deck(src, eo, diag);
  lap("extract");
  if (strict_fails(diag)) return finish(diag);
  std::string json = dump_deck(d);
  lap("json");
  write_output(out(), json, {o_.input});
  lap("write");
  spdlog::info("{}: {}", o_.input, count_of(d.slides.size(), "slide"));
  return finish(diag);
}

}  // namespace deckhand

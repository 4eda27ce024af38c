// The commands the small executable runs itself (Job::light): extract. Nothing here may
// use layout/, l10n/ or render/, so that `deckhand extract` loads none of libqpdf,
// libharu, HarfBuzz, libgettextpo or yaml-cpp (docs/architecture.md, "Two executables").
#include <algorithm>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>

#include "core/io.hpp"
#include "core/step_timer.hpp"
#include "core/parallel.hpp"
#include "extract/extract.hpp"
#include "extract/source.hpp"
#include "job/internal.hpp"
#include "job/job.hpp"

namespace deckhand {

std::function<void(int, int)> progress_printer(const JobOptions& o, const char* what, const char* unit) {
  if (o.quiet || !::isatty(2)) return {};
  // shown once the work has taken about two seconds (DECKHAND_PROGRESS_AFTER seconds: the
  // tests set 0), then at most ten times a second, and ended with a newline; workers call it
  struct State {
    std::mutex mu;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now(), last{};
    bool shown = false;
  };
  auto st = std::make_shared<State>();
  Log* log = &current_log();  // the job's (workers call it)
  double after = 2.0;
  if (const char* e = std::getenv("DECKHAND_PROGRESS_AFTER")) after = std::clamp(std::atof(e), 0.0, 3600.0);
  return [st, what, unit, after, log](int done, int total) {
    std::lock_guard<std::mutex> lock(st->mu);
    const auto now = std::chrono::steady_clock::now();
    if (!st->shown && (std::chrono::duration<double>(now - st->start).count() < after || done >= total)) return;
    if (st->shown && done < total && now - st->last < std::chrono::milliseconds(100)) return;
    st->shown = true;
    st->last = now;
    std::string line = "\r";  // (appended, not "\r" + ...: GCC 12's -Wrestrict false alarm on operator+(const char*, string&&))
    line.append(what).append(": ").append(unit).append(" ").append(std::to_string(done)).append("/").append(std::to_string(total));
    log->progress(line);
    if (done >= total) log->progress("\r\033[K");  // done: the line erased, the screen left as it was
  };
}

std::string count_of(size_t n, const std::string& singular, const std::string& plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural.empty() ? singular + "s" : plural);
}

namespace {
// "fr" for talk.fr.po, "zh-Hans" for talk.zh-Hans.xlf: the language a file's name carries
// before its extension; empty when there is none.
std::string lang_in_name(const std::string& file) {
  // `^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?$`, scanned (no regular expression; issue 20)
  const std::string l = std::filesystem::path(file).stem().extension().string();
  auto alpha = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  auto alnum = [&](char c) { return alpha(c) || (c >= '0' && c <= '9'); };
  const std::string t = l.size() > 1 ? l.substr(1) : "";
  size_t i = 0;
  while (i < t.size() && alpha(t[i])) ++i;
  if (i < 2 || i > 3) return "";
  if (i == t.size()) return t;
  if (t[i] != '-' && t[i] != '_') return "";
  size_t n = t.size() - i - 1;
  if (n < 2 || n > 8) return "";
  for (size_t k = i + 1; k < t.size(); ++k)
    if (!alnum(t[k])) return "";
  return t;
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

std::vector<Warning> one_missing_glyph_warning(std::vector<Warning> ws) {
  std::vector<Warning> out;
  size_t first = ws.size();  // the missing-glyph warning kept, in out
  std::set<unsigned long> chars;
  for (auto& w : ws) {
    const size_t colon = w.message.rfind(": ");
    if (w.code != warn::missing_glyph || colon == std::string::npos) { out.push_back(std::move(w)); continue; }
    std::istringstream list(w.message.substr(colon + 2));
    for (std::string u; list >> u;)
      if (u.rfind("U+", 0) == 0) chars.insert(std::stoul(u.substr(2), nullptr, 16));
    if (first == ws.size()) {
      first = out.size();
      out.push_back(std::move(w));
    } else if (out[first].file.empty()) {
      out[first].file = w.file;
    }
  }
  if (first < out.size()) {
    std::string list;
    for (unsigned long c : chars) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "U+%04lX", c);
      if (!list.empty()) list += ' ';
      list += buf;
    }
    std::string& m = out[first].message;
    m = m.substr(0, m.rfind(": ") + 2) + list;
  }
  return out;
}

int Job::finish(const Diagnostics& diag) const {
  auto ws = one_missing_glyph_warning(diag.warnings());
  for (const auto& w : ws) log_.warning(w);  // (not with -q)
  if (o_.strict && !ws.empty()) {
    // (which warnings, by code, so that -q --strict still says what stopped it)
    std::vector<WarningId> codes;
    for (const auto& w : ws)
      if (std::find(codes.begin(), codes.end(), w.code) == codes.end()) codes.push_back(w.code);
    std::string list;
    for (const auto& c : codes) list += (list.empty() ? "" : ", ") + std::string(c.str());
    log_.error("deckhand: error: " + (o_.input.empty() ? std::string("deckhand") : o_.input) + ": " + std::to_string(ws.size()) +
               " warning(s) [" + list + "] and --strict is set (fix the input or drop --strict)");
    return static_cast<int>(Exit::warnings);
  }
  return 0;
}

void Job::debug_opens() const {
  if (const char* e = std::getenv("DECKHAND_DEBUG_OPENS"); e && *e == '1')
    log_.say("deckhand: debug: source PDF opened " + std::to_string(source_opens()) + " time(s), " + std::to_string(worker_count(o_.threads)) +
             " worker(s)");
}

Job::Job(JobOptions o, spdlog::sink_ptr sink) : o_(std::move(o)), log_(std::move(sink), o_.verbose, o_.quiet) {}

int Job::run_light() {
  const InputRun input_run;  // the run's inputs are read once (core/io.hpp)
  LogScope scope(&log_);
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
  eo.progress = progress_printer(o_, "reading the PDF");
  Deck d = extract::extract_deck(src, eo, diag);
  lap("extract");
  if (strict_fails(diag)) return finish(diag);
  std::string json = dump_deck(d);
  lap("json");
  write_output(out(), json, {o_.input});
  lap("write");
  current_log().info("{}: {}; {} written", o_.input, count_of(d.slides.size(), "slide"), out());
  return finish(diag);
}

}  // namespace deckhand

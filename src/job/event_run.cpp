// deckhand build: runs the jobs of an event manifest (docs/events.md).
//
// Each job runs through the library (deckhand::Job) in a child process of its own (fork,
// without exec): its messages are its own (its standard error is a pipe the build reads),
// a job that fails or hits a limit cannot take the others down, and -j N children run at
// once. The build itself starts no thread, so forking is safe.
//
// Phases: (1) each PDF deck is extracted once to a deck JSON kept in the state folder (the
// outputs of that deck are made from it, with the PDF as its source); (2) a translation
// file that is missing is exported for the translators; (3) the outputs. A job runs only
// when it is stale (event.hpp, why_stale); the state is saved after each job.
#include <fcntl.h>
#include <fnmatch.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/docs.hpp"
#include "core/io.hpp"
#include "core/log.hpp"
#include "deckhand/version.hpp"
#include "job/event.hpp"
#include "job/job.hpp"
#include "job/pipeline.hpp"
#include "l10n/strings.hpp"
#include "model/deck.hpp"

namespace deckhand {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// One unit of work for a child process.
struct Task {
  std::string id;        // the job's id, or "extract/<deck>", "export/<deck>/<lang>"
  JobOptions options;    // what the child runs
  event::Fingerprint fp; // saved in the state when it succeeds
  std::string out;
  std::string why;       // why it runs
  // results
  enum class Status { pending, built, up_to_date, failed, waiting, skipped } status = Status::pending;
  int rc = 0;
  double seconds = 0;
  std::string messages;  // the child's standard error
  int warnings = 0, overflow = 0;
};

const char* status_name(Task::Status s) {
  switch (s) {
    case Task::Status::pending: return "pending";
    case Task::Status::built: return "built";
    case Task::Status::up_to_date: return "up to date";
    case Task::Status::failed: return "failed";
    case Task::Status::waiting: return "waiting for translation";
    case Task::Status::skipped: return "not run";
  }
  return "";
}

int child(JobOptions o) {
  try {
    return Job(std::move(o)).run();
  } catch (const Error& e) {
    std::cerr << e.line() << "\n";
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::cerr << "deckhand: error: internal error: " << e.what() << " (please report this with the input file)\n";
    return static_cast<int>(Exit::failure);
  }
}

void count_messages(Task& t) {
  std::istringstream in(t.messages);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("deckhand: warning:", 0) == 0) {
      ++t.warnings;
      if (line.find("[text-overflow]") != std::string::npos) ++t.overflow;
    }
}

// Runs `tasks` (indices into `all`) on `workers` child processes. on_done is called in the
// parent after each. Stops starting new ones after a failure unless keep_going.
class Runner {
 public:
  Runner(int workers, bool keep_going, bool progress, size_t total) : workers_(workers), keep_going_(keep_going), progress_(progress), total_(total) {}
  bool failed() const { return failed_; }
  void run(std::vector<Task*> tasks, const std::function<void(Task&)>& on_done) {
    struct Running {
      pid_t pid;
      int fd;
      Task* task;
      Clock::time_point start;
    };
    std::vector<Running> running;
    size_t next = 0;
    while (next < tasks.size() || !running.empty()) {
      while (running.size() < static_cast<size_t>(workers_) && next < tasks.size() && (keep_going_ || !failed_)) {
        Task* t = tasks[next++];
        int fds[2];
        if (::pipe(fds) != 0) throw Error(Exit::output, "", "cannot start a job: no pipe", "too many open files?");
        std::cout.flush(), std::cerr.flush();
        const pid_t pid = ::fork();
        if (pid < 0) throw Error(Exit::output, "", "cannot start a job: fork failed", "too many processes, or out of memory");
        if (pid == 0) {
          ::close(fds[0]);
          ::dup2(fds[1], 2);
          const int devnull = ::open("/dev/null", O_WRONLY);
          if (devnull >= 0) ::dup2(devnull, 1);
          const int rc = child(t->options);
          std::cerr.flush();
          std::fflush(nullptr);
          ::_exit(rc);
        }
        ::close(fds[1]);
        running.push_back({pid, fds[0], t, Clock::now()});
      }
      if (running.empty()) break;  // a failure stopped the rest
      std::vector<pollfd> p;
      for (const auto& r : running) p.push_back({r.fd, POLLIN, 0});
      ::poll(p.data(), p.size(), 1000);
      for (size_t k = 0; k < p.size(); ++k) {
        if (!(p[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
        char buf[4096];
        const ssize_t n = ::read(p[k].fd, buf, sizeof buf);
        if (n > 0) {
          if (running[k].task->messages.size() < (1u << 20)) running[k].task->messages.append(buf, static_cast<size_t>(n));
          continue;
        }
        if (n < 0 && errno == EINTR) continue;
        // end of the child's messages: it has ended (or closed its standard error)
        int status = 0;
        ::waitpid(running[k].pid, &status, 0);
        ::close(running[k].fd);
        Task& t = *running[k].task;
        t.seconds = std::chrono::duration<double>(Clock::now() - running[k].start).count();
        t.rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        count_messages(t);
        if (t.rc == 0) {
          t.status = Task::Status::built;
        } else if (t.rc == static_cast<int>(Exit::warnings) && t.options.strict) {
          t.status = Task::Status::failed;  // warnings under --strict: nothing written; the build goes on
        } else {
          t.status = Task::Status::failed;
          failed_ = true;
        }
        ++done_;
        on_done(t);
        if (progress_) current_log().progress("\r\033[Kdeckhand: build: " + std::to_string(done_) + " of " + std::to_string(total_) + " jobs");
        running[k].fd = -1;
      }
      running.erase(std::remove_if(running.begin(), running.end(), [](const Running& r) { return r.fd < 0; }), running.end());
    }
    if (progress_) current_log().progress("\r\033[K");
  }
  void count_done() { ++done_; }

 private:
  int workers_;
  bool keep_going_, progress_;
  size_t total_, done_ = 0;
  bool failed_ = false;
};

// A job's message as the user knows its files: the deck JSON a PDF deck was extracted to
// (in the state folder) is named by the PDF itself.
std::string own_names(const Task& t, std::string line) {
  const std::string& json = t.options.input;
  if (!t.options.source.empty() && !json.empty())
    for (size_t at = line.find(json); at != std::string::npos; at = line.find(json, at + t.options.source.size()))
      line.replace(at, json.size(), t.options.source);
  return line;
}

// Creates a folder the build writes into. A file in the way, or no permission: exit 10
// naming the folder (not an internal error).
void make_folder(const fs::path& dir, const std::string& what) {
  std::error_code ec;
  fs::create_directories(dir.empty() ? fs::path(".") : dir, ec);
  if (ec)
    throw Error(Exit::output, dir.string(), "cannot create the folder " + what + ": " + ec.message(),
                "a file of that name may be in the way, or the folder is not writable: check the manifest's paths");
}

// The folder the state lives in: the part of the out pattern before its first
// placeholder, up to its last '/' (build/{lang}/... -> build), joined to the manifest's.
std::string state_folder(const event::Manifest& m) {
  const std::string prefix = m.out.substr(0, m.out.find('{'));
  const size_t slash = prefix.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : prefix.substr(0, slash);
  if (!dir.empty() && dir[0] == '/') return dir;
  return dir.empty() ? m.dir : (m.dir == "." ? dir : m.dir + "/" + dir);
}

bool is_pdf(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  return ext == ".pdf";
}

std::string format_of(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  if (ext == ".po" || ext == ".pot") return "po";
  if (ext == ".xlf" || ext == ".xliff") return "xliff2";
  return "";
}

// The layout file a job uses: a manifest-relative file, or an installed layout by name.
std::string layout_file(const event::Manifest& m, const std::string& layout) {
  if (layout.find('/') != std::string::npos || fs::path(layout).extension() == ".yaml") return m.dir == "." ? layout : m.dir + "/" + layout;
  return data_dir() + "/layouts/" + layout + ".yaml";
}

// The PDF a deck JSON's `source.file` names, where the job looks first: beside the JSON
// (pipeline::source_pdf_places; "" when it names none).
std::string json_source_pdf(const std::string& json) {
  try {
    const nlohmann::json j = nlohmann::json::parse(read_file(json));
    if (!j.contains("source") || !j["source"].is_object() || !j["source"].contains("file") || !j["source"]["file"].is_string()) return "";
    const auto places = pipeline::source_pdf_places(json, j["source"]["file"].get<std::string>());
    return places.empty() ? "" : places.front();
  } catch (const std::exception&) {
    return "";  // the job reads it and says what is wrong
  }
}

// Units of a deck in a translation file, by how far they are.
struct Status {
  std::string deck, lang, file;
  size_t units = 0, present = 0, translated = 0, reviewed = 0, final_ = 0, not_fitting = 0;
  bool exists = false, readable = true;
  std::string error;
  std::string wrong_lang;  // the file's own target language, when it is not this language
};

// Whether a file's target language `file` fits the language `want` the manifest builds it
// as: the same tag, or one more specific than the other on a subtag boundary (fr, fr-CA;
// zh, zh-Hans). A pseudo-translation (en-XA) or a French file in the Chinese slot does not.
bool same_language(const std::string& file, const std::string& want) {
  auto lower = [](std::string x) {
    for (char& c : x) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return x;
  };
  const std::string a = lower(file), b = lower(want);
  auto prefix = [](const std::string& p, const std::string& x) { return x.size() > p.size() && x.compare(0, p.size(), p) == 0 && x[p.size()] == '-'; };
  return a == b || prefix(a, b) || prefix(b, a);
}

}  // namespace

// build --init: a manifest listing the decks of its folder, with the usual outputs.
int init_manifest(const JobOptions& o) {
  const fs::path file = o.input;
  const fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  std::error_code ec;
  if (fs::exists(file, ec))
    throw Error(Exit::output, o.input, "already exists; --init never replaces a manifest", "edit it, or give --init another file name");
  if (!fs::is_directory(dir, ec)) throw Error(Exit::input, dir.string(), "no such folder", "--init writes the manifest into the folder of its decks");
  std::vector<std::string> decks;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string ext = e.path().extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
    if (e.is_regular_file() && (ext == ".pdf" || ext == ".json")) decks.push_back(e.path().filename().string());
  }
  std::sort(decks.begin(), decks.end());
  if (decks.empty()) throw Error(Exit::input, dir.string(), "holds no PDF or deck JSON", "put the event's decks there, or --init a manifest in their folder");
  std::string y = "# deckhand build " + file.filename().string() + " (" + doc_path("events.md") + "). Edit: the event, its languages, the outputs.\n";
  y += "event: \"\"\n";
  y += "# date: 2026-03-14\n";
  y += "decks:\n";
  for (const auto& d : decks) {
    std::string escaped;  // a name is a glob pattern in `decks`: its *, ?, [ and \ stand for themselves
    for (char ch : d) {
      if (ch == '*' || ch == '?' || ch == '[' || ch == ']' || ch == '\\') escaped += '\\';
      escaped += ch;
    }
    y += "  - " + nlohmann::json(escaped).dump() + "\n";
  }
  y += "# the languages to translate into (BCP 47 tags); the source language is built too\n";
  y += "languages: [fr, es]\n";
  y += "# each translator's file; missing ones are exported for the translators (.xlf or .po)\n";
  y += "translations: translations/{deck}.{lang}.xlf\n";
  y += "outputs:\n  - {handout: notes-3}\n  - {handout: outline}\n  - {slides: true}\n  # - {handout: leaflet-a5, print: true}\n";
  y += "out: build/{lang}/{deck}-{output}.pdf\n";
  event::parse_manifest(y, o.input);  // it must read back
  write_output(o.input, y, {});
  current_log().note("deckhand: build: wrote " + o.input + " for " + count_of(decks.size(), "deck") + "; edit it, then run 'deckhand build " + o.input + "'");
  return 0;
}

int run_event_build(const JobOptions& o) {
  if (o.init) return init_manifest(o);
  const event::Manifest m = event::read_manifest(o.input);
  std::vector<event::Job> jobs = event::plan(m);
  // a layout that does not exist fails every job that uses it: say it once, now
  for (const auto& out : m.outputs)
    if (out.kind == event::Output::Kind::handout && !fs::exists(layout_file(m, out.layout)))
      throw Error(Exit::manifest, m.file, "key 'outputs': no layout '" + out.layout + "' (" + layout_file(m, out.layout) + " does not exist)",
                  "'deckhand handout --list-layouts' lists the installed ones; a layout file is named by its path, relative to the manifest");
  if (jobs.empty())
    throw Error(Exit::manifest, m.file, "the manifest makes no job: its only output is slides, which are made in the target languages, and it has none",
                "add languages, or a handout output");
  // the run's inputs: the manifest, every deck and translation file (--report never replaces one)
  std::vector<std::string> run_inputs{o.input};
  for (const auto& j : jobs) {
    run_inputs.push_back(j.deck);
    if (!j.translation.empty()) run_inputs.push_back(j.translation);
  }
  if (o.report_given && o.report.empty()) throw Error(Exit::usage, "--report", "an empty file name", "name the JSON report to write, such as --report build/report.json");
  if (!o.report.empty()) check_output_path(o.report, run_inputs);
  std::pair<int, int> shard{1, 1};
  if (!o.shard.empty()) shard = event::parse_shard(o.shard);
  // a glob of --only that matches no job of the event is a typo, not "nothing to do"
  for (const auto& g : o.only)
    if (std::none_of(jobs.begin(), jobs.end(), [&](const event::Job& j) { return ::fnmatch(g.c_str(), j.id.c_str(), 0) == 0; }))
      throw Error(Exit::usage, "--only", "'" + g.substr(0, 200) + "' matches none of the event's " + std::to_string(jobs.size()) + " jobs",
                  "job ids are deck/lang/output, such as " + (jobs.empty() ? std::string("talk/fr/notes-3") : jobs.front().id) +
                      "; run with --dry-run to list them");
  std::vector<event::Job> selected;
  for (auto& j : jobs) {
    if (!event::in_shard(j, shard.first, shard.second)) continue;
    if (!o.only.empty() && std::none_of(o.only.begin(), o.only.end(), [&](const std::string& g) { return ::fnmatch(g.c_str(), j.id.c_str(), 0) == 0; })) continue;
    selected.push_back(j);
  }
  const std::string folder = state_folder(m);
  const std::string private_dir = folder + "/.deckhand-build";
  const std::string state_path = private_dir + "/state.json";
  event::State state = event::read_state(state_path);
  std::map<std::string, std::string> hashes;
  const int cores = std::max(1u, std::thread::hardware_concurrency());
  const int workers = o.threads > 0 ? o.threads : cores;
  const int per_job = std::max(1, cores / workers);
  const bool quiet = o.quiet;
  const bool progress = !quiet && !o.dry_run && ::isatty(2);
  auto say = [&](const std::string& s) {
    if (!quiet) current_log().note("deckhand: build: " + s);
  };

  // decks: the deck JSON each output is made from
  std::map<std::string, std::string> deck_json, deck_pdf;  // deck file -> JSON / PDF
  std::vector<Task> extracts;
  {
    std::set<std::string> seen;
    for (const auto& j : selected) {
      if (!seen.insert(j.deck).second) continue;
      if (!is_pdf(j.deck)) {
        deck_json[j.deck] = j.deck;
        continue;
      }
      const std::string json = private_dir + "/decks/" + j.deck_name + ".json";
      deck_json[j.deck] = json, deck_pdf[j.deck] = j.deck;
      Task t;
      t.id = "extract/" + j.deck_name;
      t.out = json;
      t.fp = event::fingerprint({j.deck}, "extract " + o.password, kVersion, &hashes);
      t.why = event::why_stale(state, t.id, t.fp, json);
      t.options.command = Command::extract;
      t.options.input = j.deck, t.options.output = json, t.options.password = o.password;
      t.options.threads = per_job, t.options.quiet = true;
      extracts.push_back(std::move(t));
    }
  }
  size_t total = 0;
  for (const auto& t : extracts)
    if (!t.why.empty()) ++total;

  // the outputs
  std::vector<Task> outputs;
  for (const auto& j : selected) {
    Task t;
    t.id = j.id, t.out = j.out;
    JobOptions& jo = t.options;
    jo.command = j.output.kind == event::Output::Kind::slides ? Command::slides : Command::handout;
    jo.input = deck_json[j.deck];
    if (deck_pdf.count(j.deck)) jo.source = j.deck;
    jo.output = j.out, jo.password = o.password, jo.threads = per_job, jo.strict = o.strict;
    jo.event = m.event, jo.date = m.date;
    std::vector<std::string> inputs{j.deck};
    if (!deck_pdf.count(j.deck)) {
      const std::string pdf = json_source_pdf(j.deck);  // its slide pictures come from there
      if (!pdf.empty()) inputs.push_back(pdf);
    }
    std::string opts = j.output.kind == event::Output::Kind::slides ? "slides" : "handout";
    if (o.strict) opts += " strict";  // a build under --strict reruns the jobs a build without it let pass with warnings
    if (j.output.kind == event::Output::Kind::handout) {
      jo.layout = j.output.layout.find('/') != std::string::npos || fs::path(j.output.layout).extension() == ".yaml"
                      ? layout_file(m, j.output.layout) : j.output.layout;
      jo.print = j.output.print;
      inputs.push_back(layout_file(m, j.output.layout));
      opts += " " + j.output.layout + (j.output.print ? " print" : "") + " event=" + m.event + " date=" + m.date;
    }
    if (j.translated) {
      jo.translations = j.translation;
      inputs.push_back(j.translation);
      opts += " lang=" + j.lang;
    }
    t.fp = event::fingerprint(inputs, opts, kVersion, &hashes);
    t.why = event::why_stale(state, t.id, t.fp, j.out);
    outputs.push_back(std::move(t));
  }

  if (o.dry_run) {
    for (const auto& t : extracts)
      if (!t.why.empty()) std::cout << "would extract " << t.options.input << " (" << t.why << ")\n";
    size_t up = 0, would = 0, waits = 0;
    std::set<std::string> exported;
    for (size_t k = 0; k < outputs.size(); ++k) {
      const Task& t = outputs[k];
      const event::Job& j = selected[k];
      if (j.translated && !fs::exists(j.translation)) {
        if (exported.insert(j.translation).second) std::cout << "would export " << j.translation << " for the translators\n";
        std::cout << t.id << " waits for it\n";
        ++waits;
        continue;
      }
      if (j.translated) {
        // as the build decides (below): a file that translates nothing yet makes the job wait
        // (read here without the deck, which a dry run does not extract: a unit counts when
        // it has a target the file does not withhold)
        bool any = true;
        try {
          const l10n::Catalog c = l10n::read_catalog(read_file(j.translation), j.translation);
          any = std::any_of(c.units.begin(), c.units.end(), [](const l10n::Unit& u) { return !u.target.empty() && !u.fuzzy; });
          any = any || c.units.empty();  // (no unit at all: made for another deck; the job runs and says so)
        } catch (const Error&) {
          // unreadable: the job runs and fails with the file's own message
        }
        if (!any) {
          std::cout << t.id << " waits for its translation: " << j.translation << " translates nothing yet\n";
          ++waits;
          continue;
        }
      }
      if (!t.why.empty())
        std::cout << "would build " << t.id << " -> " << t.out << " (" << t.why << ")\n", ++would;
      else
        ++up;
    }
    std::cout << count_of(selected.size(), "job") << ": " << would << " would be built, " << up << " up to date, " << waits << " waiting for translation\n";
    return 0;
  }

  make_folder(private_dir + "/decks", "of the build's state (the folder of the manifest's out pattern)");
  auto save_state = [&] { write_output(state_path, event::state_json(state), {}); };
  Runner extract_runner(workers, o.keep_going, progress, total);
  std::vector<Task*> todo;
  for (auto& t : extracts)
    if (!t.why.empty()) todo.push_back(&t);
    else t.status = Task::Status::up_to_date;
  if (!todo.empty()) say("extracting " + std::to_string(todo.size()) + " deck(s)");
  extract_runner.run(todo, [&](Task& t) {
    if (t.status == Task::Status::built) {
      state.jobs[t.id] = t.fp;
      save_state();
    } else {
      state.jobs.erase(t.id);
    }
  });
  std::set<std::string> bad_decks;
  std::map<std::string, int> deck_rc;  // a deck that could not be extracted -> its exit code
  for (const auto& t : extracts)
    if (t.status == Task::Status::failed || t.status == Task::Status::pending) bad_decks.insert(t.options.input), deck_rc[t.options.input] = t.rc;

  // translation files: export the missing ones, then their status
  std::map<std::pair<std::string, std::string>, Status> status;  // (deck name, lang)
  std::vector<Task> exports;
  for (const auto& j : selected) {
    if (!j.translated || bad_decks.count(j.deck)) continue;
    auto key = std::make_pair(j.deck_name, j.lang);
    if (status.count(key)) continue;
    Status& s = status[key];
    s.deck = j.deck_name, s.lang = j.lang, s.file = j.translation;
    s.exists = fs::exists(j.translation);
    if (!s.exists) {
      const std::string fmt = format_of(j.translation);
      if (fmt.empty()) continue;
      Task t;
      t.id = "export/" + j.deck_name + "/" + j.lang;
      t.out = j.translation;
      t.options.command = Command::strings_export;
      t.options.input = deck_json[j.deck], t.options.output = j.translation, t.options.format = fmt, t.options.target_lang = j.lang;
      t.options.quiet = true, t.options.threads = 1;
      exports.push_back(std::move(t));
      make_folder(fs::path(j.translation).parent_path(), "of the translation files (the manifest's translations pattern)");
    }
  }
  {
    Runner r(workers, true, false, exports.size());
    std::vector<Task*> ex;
    for (auto& t : exports) ex.push_back(&t);
    r.run(ex, [&](Task& t) {
      if (t.status == Task::Status::built) say("exported " + t.out + " for the translators");
    });
  }
  for (auto& [key, s] : status) {
    s.exists = fs::exists(s.file);  // (exported just now, or written by a translator)
    std::string file_for_deck;
    for (const auto& j : selected)
      if (j.deck_name == key.first) file_for_deck = deck_json[j.deck];
    try {
      const Deck deck = deck_from_text(read_file(file_for_deck), file_for_deck);
      if (!fs::exists(s.file)) {
        s.units = l10n::units_of(deck, s.lang).units.size();
        continue;
      }
      const l10n::Catalog c = l10n::read_catalog(read_file(s.file), s.file);
      if (!c.target_lang.empty() && !same_language(c.target_lang, s.lang)) s.wrong_lang = c.target_lang;
      for (const auto& u : l10n::review(deck, c, s.lang)) {
        ++s.units;
        if (u.state != "missing") ++s.present;
        if (!u.used) continue;
        ++s.translated;
        if (u.state == "reviewed" || u.state == "signed-off") ++s.reviewed;
        if (u.state == "final") ++s.final_;
      }
    } catch (const Error& e) {
      s.readable = false, s.error = e.line();
    }
  }

  // the outputs
  size_t up_to_date = 0, waiting = 0;
  todo.clear();
  for (size_t k = 0; k < outputs.size(); ++k) {
    Task& t = outputs[k];
    const event::Job& j = selected[k];
    if (bad_decks.count(j.deck)) {  // failed with its deck (its error line is printed once, as the deck's)
      t.status = Task::Status::failed, t.messages = "its deck could not be extracted", t.rc = deck_rc[j.deck];
      state.jobs.erase(t.id);
      continue;
    }
    if (extract_runner.failed() && !o.keep_going && !t.why.empty()) {  // no new job after a failure without --keep-going
      t.status = Task::Status::skipped, t.messages = "not run: another deck could not be extracted (--keep-going builds the others)";
      continue;
    }
    if (j.translated) {
      const Status& s = status[{j.deck_name, j.lang}];
      // (a file that holds none of the deck's units was made for another deck: the job runs,
      // and says so, exit 11)
      if (!s.wrong_lang.empty()) {  // a file in another language: never built as this one
        const Error e(Exit::translation, s.file,
                      "the file translates into '" + s.wrong_lang + "', and the manifest builds it as '" + j.lang + "'",
                      "put the " + j.lang + " translation there, or fix the file's target language (PO: Language:, XLIFF: trgLang)");
        t.status = Task::Status::failed, t.rc = static_cast<int>(e.code()), t.messages = e.line();
        state.jobs.erase(t.id);
        if (!quiet) current_log().note("deckhand: error: " + t.id + ": " + e.line().substr(17));
        continue;
      }
      if (!s.exists || (s.readable && s.translated == 0 && s.present > 0)) {
        t.status = Task::Status::waiting, ++waiting;
        continue;
      }
      // the translation's status is part of the job: a file that changed makes it stale
    }
    if (t.why.empty()) {
      t.status = Task::Status::up_to_date, ++up_to_date;
      continue;
    }
    try {
      make_folder(fs::path(t.out).parent_path(), "of the output");
    } catch (const Error& e) {  // this job fails; the others are built
      t.status = Task::Status::failed, t.rc = static_cast<int>(e.code()), t.messages = e.line();
      state.jobs.erase(t.id);
      if (!quiet) current_log().note("deckhand: error: " + t.id + ": " + e.line().substr(17));
      continue;
    }
    todo.push_back(&t);
  }
  // the longest jobs first (LPT scheduling), so that no long job starts last while the
  // other workers idle: estimated by the deck's PDF size and the kind of output (translated
  // slide pictures are set in slides and in translated picture handouts; outline is text)
  {
    std::map<std::string, double> size;
    auto cost = [&](const Task* t) {
      const std::string& f = t->options.source.empty() ? t->options.input : t->options.source;
      if (!size.count(f)) {
        std::error_code ec;
        const auto n = fs::file_size(f, ec);
        size[f] = ec ? 0.0 : static_cast<double>(n);
      }
      const bool text = t->options.command == Command::handout && t->options.layout == "outline";
      const bool translated = !t->options.translations.empty();
      return size[f] * (text ? 0.15 : translated ? 1.0 : 0.5);
    };
    std::stable_sort(todo.begin(), todo.end(), [&](const Task* a, const Task* b) { return cost(a) > cost(b); });
  }
  Runner runner(workers, o.keep_going, progress, todo.size());
  if (!todo.empty()) say("building " + std::to_string(todo.size()) + " of " + count_of(outputs.size(), "output") + " on " + count_of(std::min<size_t>(workers, todo.size()), "worker"));
  runner.run(todo, [&](Task& t) {
    if (t.status == Task::Status::built) {
      state.jobs[t.id] = t.fp;
      if (o.verbose) say(t.id + ": built in " + std::to_string(t.seconds).substr(0, 4) + " s");
      if (!quiet && t.warnings) {  // the job's warnings, each naming the job
        std::istringstream in(t.messages);
        for (std::string line; std::getline(in, line);)
          if (line.rfind("deckhand: warning: ", 0) == 0) current_log().note("deckhand: warning: " + t.id + ": " + own_names(t, line.substr(19)));
      }
    } else {
      state.jobs.erase(t.id);
      std::string first = t.messages.substr(0, t.messages.find('\n'));
      if (!quiet) current_log().note("deckhand: error: " + t.id + ": " + own_names(t, first.rfind("deckhand: error: ", 0) == 0 ? first.substr(17) : first));
    }
    save_state();
  });
  for (auto& t : outputs)
    if (t.status == Task::Status::pending) t.status = Task::Status::skipped;
  for (const auto& t : extracts)
    if (t.status == Task::Status::failed && !quiet) {
      std::string first = t.messages.substr(0, t.messages.find('\n'));
      current_log().say("deckhand: error: " + t.id + ": " + (first.rfind("deckhand: error: ", 0) == 0 ? first.substr(17) : first));
    }
  // overflow counts per deck and language
  for (size_t k = 0; k < outputs.size(); ++k)
    if (selected[k].translated && status.count({selected[k].deck_name, selected[k].lang}))
      status[{selected[k].deck_name, selected[k].lang}].not_fitting += outputs[k].overflow;

  // the summary
  size_t built = 0, failed = 0, warned = 0, skipped = 0, strict_failed = 0;
  for (const auto& t : outputs) {
    built += t.status == Task::Status::built;
    failed += t.status == Task::Status::failed;
    strict_failed += t.status == Task::Status::failed && t.rc == static_cast<int>(Exit::warnings);
    skipped += t.status == Task::Status::skipped;
    warned += t.status == Task::Status::built && t.warnings > 0;
  }
  size_t bad_extracts = 0;
  for (const auto& t : extracts) bad_extracts += t.status == Task::Status::failed;
  if (!quiet) {
    const Log& log = current_log();
    log.note("deckhand: build: " + count_of(outputs.size(), "job") + ": " + std::to_string(built) + " built (" + std::to_string(warned) + " with warnings), " +
             std::to_string(up_to_date) + " up to date, " + std::to_string(waiting) + " waiting for translation, " + std::to_string(failed) + " failed" +
             (skipped ? ", " + std::to_string(skipped) + " not run" : "") + (bad_extracts ? "; " + count_of(bad_extracts, "deck") + " could not be extracted" : "") +
             (skipped && !o.keep_going ? " (--keep-going builds the others after a failure)" : ""));
    if (o.strict && waiting) log.note("deckhand: error: " + std::to_string(waiting) + " job(s) wait for their translation and --strict is set");
    if (built == 0 && failed == 0 && skipped == 0 && !bad_extracts)
      log.note(std::string("deckhand: build: nothing to do: every output is up to date") + (waiting ? " or waiting for its translation" : ""));
    if (!status.empty()) {
      log.note("translations (units translated of the deck's, reviewed, final, not fitting):");
      for (const auto& [key, s] : status) {
        std::string l = "  " + s.deck + " " + s.lang + ": ";
        if (!s.exists) l += "no file yet (" + s.file + ")";
        else if (!s.readable) l += s.error.rfind("deckhand: error: ", 0) == 0 ? s.error.substr(17) : s.error;
        else if (!s.wrong_lang.empty()) l += "in another language ('" + s.wrong_lang + "'): not used (" + s.file + ")";
        else l += std::to_string(s.translated) + " of " + std::to_string(s.units) + ", " + std::to_string(s.reviewed) + " reviewed, " + std::to_string(s.final_) + " final, " + std::to_string(s.not_fitting) + " not fitting";
        log.note(l);
      }
    }
  }
  if (!o.report.empty()) {
    nlohmann::ordered_json r;
    r["event"] = m.event, r["date"] = m.date, r["manifest"] = m.file;
    r["shard"] = std::to_string(shard.first) + "/" + std::to_string(shard.second);
    r["jobs"] = nlohmann::ordered_json::array();
    for (size_t k = 0; k < outputs.size(); ++k) {
      const Task& t = outputs[k];
      const event::Job& j = selected[k];
      r["jobs"].push_back({{"id", t.id}, {"deck", j.deck}, {"lang", j.lang}, {"output", j.output.name}, {"file", t.out},
                           {"status", status_name(t.status)}, {"exit", t.rc}, {"seconds", t.seconds}, {"warnings", t.warnings},
                           {"reason", t.why}, {"messages", t.messages}});
    }
    r["extractions"] = nlohmann::ordered_json::array();
    for (const auto& t : extracts) r["extractions"].push_back({{"deck", t.options.input}, {"status", status_name(t.status)}, {"exit", t.rc}, {"messages", t.messages}});
    r["translations"] = nlohmann::ordered_json::array();
    for (const auto& [key, s] : status)
      r["translations"].push_back({{"deck", s.deck}, {"lang", s.lang}, {"file", s.file}, {"exists", s.exists}, {"units", s.units}, {"translated", s.translated},
                                   {"reviewed", s.reviewed}, {"final", s.final_}, {"not_fitting", s.not_fitting}, {"error", s.error}});
    write_output(o.report, r.dump(1) + "\n", run_inputs);
  }
  if (failed > strict_failed || bad_extracts) return static_cast<int>(Exit::jobs_failed);
  if (strict_failed) return static_cast<int>(Exit::warnings);
  if (o.strict && (warned || waiting)) return static_cast<int>(Exit::warnings);
  return 0;
}

}  // namespace deckhand

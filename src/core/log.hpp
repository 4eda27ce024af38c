#pragma once
// The messages of a run, through one logger the caller can redirect (issue 21): every line a
// job says (warnings, steps of -v, debug of -vv, result lines such as "deckhand: all 27 units
// fit ...", a check's error lines, progress on a terminal) goes through the Log of its job,
// an spdlog::logger over a sink the caller gives (default: standard error, the same text as
// ever). A program linking deckhand_core can run many jobs at once, each with its own sink.
//
// Each message reaches the sink whole, with its own "\n" (progress lines carry "\r" and no
// newline), at a level a sink may sort by: debug, info (steps and result lines), warn
// (warnings), err (error lines). What -q / -v / -vv let through is decided here, not by the
// sink: -q shows error lines and the results a check prints even then, nothing else.
//
// Code below the job (extract, l10n, layout, render) logs to current_log(): the Log of the
// job running on this thread (LogScope; parallel_for hands it to its workers), else one that
// forwards to spdlog's default logger (the command line sets it up in src/cli/main.cpp).
#include <spdlog/logger.h>

#include <memory>
#include <string>

#include "core/error.hpp"

namespace deckhand {

class Log {
 public:
  // Messages to `sink` (null: standard error). verbose: 0 warnings, 1 steps, 2 debug;
  // quiet: errors only.
  Log(spdlog::sink_ptr sink, int verbose, bool quiet);
  // A Log forwarding to spdlog's default logger (its pattern and level decide): what
  // current_log() gives on a thread that runs no job.
  Log();

  template <typename... A>
  void debug(spdlog::format_string_t<A...> f, A&&... a) const {
    if (shows(2)) emit(spdlog::level::debug, fmt::format(f, std::forward<A>(a)...));
  }
  template <typename... A>
  void info(spdlog::format_string_t<A...> f, A&&... a) const {
    if (shows(1)) emit(spdlog::level::info, fmt::format(f, std::forward<A>(a)...));
  }
  bool debugging() const { return shows(2); }

  // "deckhand: warning: <file>: ... [code]", unless -q.
  void warning(const Warning& w) const;
  // A line of the run's result ("deckhand: talk.pdf: preflight passed"), unless -q.
  void note(const std::string& line) const;
  // A line shown even with -q: the result of a check, a count a debugging variable asked for.
  void say(const std::string& line) const;
  // "deckhand: error: ..." of a run that ends with an exit code and no exception (a check
  // that finds problems, --strict): shown even with -q.
  void error(const std::string& line) const;
  // Progress on a terminal: written as it is ("\r...", no newline added).
  void progress(const std::string& text) const;

  bool quiet() const { return quiet_; }
  // The spdlog logger itself (its sinks are the caller's).
  const std::shared_ptr<spdlog::logger>& logger() const { return logger_; }

 private:
  bool shows(int level) const;
  void emit(spdlog::level::level_enum level, const std::string& message) const;  // a debug/info message
  void line(spdlog::level::level_enum level, const std::string& text) const;      // text as it is, + "\n"

  std::shared_ptr<spdlog::logger> logger_;  // null: spdlog's default logger
  int verbose_ = 0;
  bool quiet_ = false;
};

// The Log of the job running on this thread, else a Log over spdlog's default logger.
Log& current_log();
// What current_log() gives on this thread while it lives (a job's run; a worker of it).
class LogScope {
 public:
  explicit LogScope(Log* log);
  ~LogScope();
  LogScope(const LogScope&) = delete;
  LogScope& operator=(const LogScope&) = delete;

 private:
  Log* previous_;
};
// The Log set on this thread by a LogScope (null when none), for handing to another thread.
Log* scoped_log();

}  // namespace deckhand

#include "core/log.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace deckhand {
namespace {
thread_local Log* t_current = nullptr;

const char* prefix(spdlog::level::level_enum level) { return level == spdlog::level::debug ? "deckhand: debug: " : "deckhand: info: "; }
}  // namespace

Log::Log(spdlog::sink_ptr sink, int verbose, bool quiet) : verbose_(verbose), quiet_(quiet) {
  if (!sink) sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  logger_ = std::make_shared<spdlog::logger>("deckhand-job", std::move(sink));
  // every message is its whole text, newline included (progress lines have none)
  logger_->set_formatter(std::make_unique<spdlog::pattern_formatter>("%v", spdlog::pattern_time_type::local, ""));
  logger_->set_level(spdlog::level::trace);  // (shows() decides)
  logger_->flush_on(spdlog::level::trace);
}

Log::Log() = default;

bool Log::shows(int level) const {
  if (!logger_) return spdlog::should_log(level >= 2 ? spdlog::level::debug : spdlog::level::info);
  return !quiet_ && verbose_ >= level;
}

void Log::emit(spdlog::level::level_enum level, const std::string& message) const {
  if (!logger_) return spdlog::default_logger_raw()->log(level, message);  // (its pattern adds "deckhand: info: ")
  logger_->log(level, prefix(level) + message + "\n");
}

void Log::line(spdlog::level::level_enum level, const std::string& text) const {
  if (!logger_) {
    // no job on this thread: standard error, as the command line's own lines
    std::fputs((text + "\n").c_str(), stderr);
    return;
  }
  logger_->log(level, text + "\n");
}

void Log::warning(const Warning& w) const {
  if (!quiet_) line(spdlog::level::warn, w.line());
}
void Log::note(const std::string& text) const {
  if (!quiet_) line(spdlog::level::info, text);
}
void Log::say(const std::string& text) const { line(spdlog::level::info, text); }
void Log::error(const std::string& text) const { line(spdlog::level::err, text); }
void Log::progress(const std::string& text) const {
  if (!logger_) {
    std::fputs(text.c_str(), stderr);
    std::fflush(stderr);
    return;
  }
  logger_->log(spdlog::level::info, text);
}

Log& current_log() {
  static Log fallback;
  return t_current ? *t_current : fallback;
}

Log* scoped_log() { return t_current; }

LogScope::LogScope(Log* log) : previous_(t_current) { t_current = log; }
LogScope::~LogScope() { t_current = previous_; }

}  // namespace deckhand

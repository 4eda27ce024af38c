#pragma once
// Errors and warnings shared by every stage.
//
// One error type (deckhand::Error) carries an exit code, the file it is about, what went
// wrong and what to do. Only main() catches it and prints it, as one line:
//   deckhand: error: <file>: <what went wrong> (<what to do>)
// Warnings are collected in a Diagnostics sink next to the result, never thrown.
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace deckhand {

// Exit codes, documented in docs/exit-codes.md. Keep both in step.
enum class Exit : int {
  ok = 0,
  failure = 1,       // an internal error (a bug): please report it
  usage = 2,         // bad command line
  warnings = 3,      // --strict and at least one warning
  input = 4,         // input file missing or unreadable
  bad_pdf = 5,       // not a PDF, truncated or damaged, or zero pages
  encrypted = 6,     // needs a password, or the password is wrong
  no_text = 7,       // no page has a text layer (a scan)
  bad_deck = 8,      // a deck JSON that is not valid
  layout = 9,        // a layout definition that is not valid, or a font it names
  translation = 11,  // a translation file that cannot be read
  check_failed = 12, // check / fonts check found text that does not fit or characters no font has; preflight found problems
  output = 10,       // the output cannot be written
  jobs_failed = 13,  // deckhand build: some jobs of the event failed (the others were built)
  manifest = 14,     // deckhand build: an event manifest that is not valid
};

class Error : public std::runtime_error {
 public:
  Error(Exit code, std::string file, std::string what, std::string hint);
  Exit code() const { return code_; }
  const std::string& file() const { return file_; }
  const std::string& message() const { return what_; }
  const std::string& hint() const { return hint_; }
  // "deckhand: error: <file>: <what> (<hint>)"
  std::string line() const;

 private:
  Exit code_;
  std::string file_, what_, hint_;
};

struct Warning {
  std::string code;     // stable, e.g. "page-no-text"
  std::string file;
  int page = 0;         // 1-based, 0 when not about a page
  std::string message;
  std::string line() const;  // "deckhand: warning: <file>: page N: <message> [code]"
};

// Thread-safe sink for warnings.
class Diagnostics {
 public:
  void warn(Warning w);
  std::vector<Warning> warnings() const;
  size_t count() const;

 private:
  mutable std::mutex mu_;
  std::vector<Warning> items_;
};

}  // namespace deckhand

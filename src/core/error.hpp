#pragma once
// Errors and warnings shared by every stage.
//
// One error type (deckhand::Error) carries an exit code, the file it is about, what went
// wrong and what to do. Only main() catches it and prints it, as one line:
//   deckhand: error: <file>: <what went wrong> (<what to do>)
// Warnings are collected in a Diagnostics sink next to the result, never thrown.
// Exit codes and warning codes are defined once, in core/codes.hpp.
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/codes.hpp"  // Exit, the warning codes (warn::...)

namespace deckhand {

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
  WarningId code;       // a registry constant (core/codes.hpp), e.g. warn::page_no_text
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

#include "core/error.hpp"

namespace deckhand {

Error::Error(Exit code, std::string file, std::string what, std::string hint)
    : std::runtime_error(what), code_(code), file_(std::move(file)), what_(std::move(what)), hint_(std::move(hint)) {}

std::string Error::line() const {
  std::string s = "deckhand: error: ";
  if (!file_.empty()) s += file_ + ": ";
  s += what_;
  if (!hint_.empty()) s += " (" + hint_ + ")";
  return s;
}

std::string Warning::line() const {
  std::string s = "deckhand: warning: ";
  if (!file.empty()) s += file + ": ";
  if (page > 0) s += "page " + std::to_string(page) + ": ";
  s += message;
  s += " [" + std::string(code.str()) + "]";
  return s;
}

void Diagnostics::warn(Warning w) {
  std::lock_guard<std::mutex> lock(mu_);
  items_.push_back(std::move(w));
}

std::vector<Warning> Diagnostics::warnings() const {
  std::lock_guard<std::mutex> lock(mu_);
  return items_;
}

size_t Diagnostics::count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return items_.size();
}

}  // namespace deckhand

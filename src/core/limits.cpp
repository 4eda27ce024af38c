#include "core/limits.hpp"

#include <cmath>
#include <cstdio>

#include "core/error.hpp"
#include "core/docs.hpp"

namespace deckhand {

Limits& limits() {
  static Limits l;
  return l;
}

void over_limit(int exit_code, const std::string& file, const std::string& what, const std::string& value,
                const std::string& limit, const char* option) {
  throw Error(static_cast<Exit>(exit_code), file, what + " is " + value + ", over the limit of " + limit + " (" + option + ")",
              std::string("raise it with ") + option + " if the input is genuine; see " + doc_path("limits.md"));
}

bool in_range(double v, double lo, double hi) { return std::isfinite(v) && v >= lo && v <= hi; }

std::string range_text(double lo, double hi) {
  auto f = [](double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.10g", v);
    return std::string(b);
  };
  return "from " + f(lo) + " to " + f(hi);
}

}  // namespace deckhand

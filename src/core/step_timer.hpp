#pragma once
// For developers: with DECKHAND_DEBUG_TIME set, each lap() prints on stderr how long the
// step since the last lap (or since construction) took, in milliseconds. Silent otherwise.
#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace deckhand {

class StepTimer {
 public:
  StepTimer() : on_(std::getenv("DECKHAND_DEBUG_TIME") != nullptr), t0_(std::chrono::steady_clock::now()) {}
  void lap(const char* what) {
    if (!on_) return;
    auto t = std::chrono::steady_clock::now();
    std::fprintf(stderr, "time: %-10s %7.1f ms\n", what, std::chrono::duration<double, std::milli>(t - t0_).count());
    t0_ = t;
  }

 private:
  bool on_;
  std::chrono::steady_clock::time_point t0_;
};

}  // namespace deckhand

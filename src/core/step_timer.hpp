#pragma once
// For developers: with DECKHAND_DEBUG_TIME set, each lap() prints on stderr how long the
// step since the last lap (or since construction) took, in milliseconds. Silent otherwise.
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace deckhand {

// The CPU time the calling thread has used so far, in milliseconds (POSIX
// CLOCK_THREAD_CPUTIME_ID): with wall time, what -vv reports of a step's threads.
inline double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

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

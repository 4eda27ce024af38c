#pragma once
#include <functional>

namespace deckhand {
// Number of worker threads to use: `requested` if > 0, else the machine's cores.
unsigned worker_count(int requested);

// Runs fn(i, worker) for i in [0, n) on `workers` threads; worker is in [0, workers).
// Items are handed out in order; the first exception is rethrown after all threads stop.
void parallel_for(int n, unsigned workers, const std::function<void(int, unsigned)>& fn);
}  // namespace deckhand

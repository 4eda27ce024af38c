#include "core/parallel.hpp"

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace deckhand {

unsigned worker_count(int requested) {
  if (requested > 0) return static_cast<unsigned>(requested);
  unsigned hc = std::thread::hardware_concurrency();
  return hc == 0 ? 1 : hc;
}

void parallel_for(int n, unsigned workers, const std::function<void(int, unsigned)>& fn) {
  if (n <= 0) return;
  if (workers <= 1 || n == 1) {
    for (int i = 0; i < n; ++i) fn(i, 0);
    return;
  }
  if (workers > static_cast<unsigned>(n)) workers = static_cast<unsigned>(n);
  std::atomic<int> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex mu;
  std::vector<std::thread> threads;
  for (unsigned w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      for (;;) {
        int i = next.fetch_add(1);
        if (i >= n || failed.load()) return;
        try {
          fn(i, w);
        } catch (...) {
          std::lock_guard<std::mutex> lock(mu);
          if (!error) error = std::current_exception();
          failed = true;
          return;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace deckhand

#include "core/parallel.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "core/log.hpp"

namespace deckhand {

namespace {
// Bytes this process may still use: the memory the system has available (MemAvailable of
// /proc/meminfo) or the address-space limit (ulimit -v), the smaller; 0 when neither is known.
unsigned long long memory_budget() {
  unsigned long long budget = 0;
  if (std::FILE* f = std::fopen("/proc/meminfo", "r")) {
    char line[256];
    unsigned long long kb = 0;
    while (std::fgets(line, sizeof line, f))
      if (std::sscanf(line, "MemAvailable: %llu kB", &kb) == 1) {
        budget = kb * 1024;
        break;
      }
    std::fclose(f);
  }
  struct rlimit rl {};
  if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && (budget == 0 || rl.rlim_cur < budget)) budget = rl.rlim_cur;
  return budget;
}
}  // namespace

unsigned worker_count(int requested) {
  unsigned hc = std::thread::hardware_concurrency();
  if (hc == 0) hc = 1;
  // never more workers than cores (more only add memory: each opens its own copy of the
  // source PDF), nor than the memory allows at worker_bytes each (issue 20: -j 256 on a
  // 20,000-page PDF took 9 GB; docs/limits.md)
  unsigned n = requested > 0 ? std::min(static_cast<unsigned>(requested), hc) : hc;
  if (unsigned long long budget = memory_budget(); budget > 0)
    n = static_cast<unsigned>(std::min<unsigned long long>(n, std::max<unsigned long long>(1, budget / worker_bytes)));
  return std::max(n, 1u);
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
  Log* log = scoped_log();  // the workers log to the job of the caller (core/log.hpp)
  for (unsigned w = 0; w < workers; ++w) {
    threads.emplace_back([&, w, log] {
      LogScope scope(log);
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

namespace {
std::atomic<bool> g_ends_after_command{false};
}  // namespace

void set_process_ends_after_command(bool ends) { g_ends_after_command = ends; }
bool process_ends_after_command() { return g_ends_after_command; }

void keep_until_exit(std::shared_ptr<void> p) {
  static std::mutex mu;
  static auto* kept = new std::vector<std::shared_ptr<void>>;  // (never destroyed: what it holds is not freed)
  std::lock_guard<std::mutex> lock(mu);
  try {
    kept->push_back(std::move(p));
  } catch (const std::bad_alloc&) {  // (no room to keep it: it is freed as it goes out of scope)
  }
}

}  // namespace deckhand

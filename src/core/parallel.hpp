#pragma once
#include <functional>
#include <memory>
#include <system_error>
#include <thread>

namespace deckhand {
// Memory counted for one worker thread (its own copy of the source PDF open in Poppler,
// a page's text and pictures): worker_count() uses no more workers than the memory the
// process may use (MemAvailable, ulimit -v) holds at this much each.
constexpr unsigned long long worker_bytes = 256ull << 20;
// Number of worker threads to use: `requested` (-j) if > 0, else the machine's cores;
// never more than the cores, nor than the memory allows (see worker_bytes); at least 1.
unsigned worker_count(int requested);

// Runs fn(i, worker) for i in [0, n) on `workers` threads; worker is in [0, workers).
// Items are handed out in order; the first exception is rethrown after all threads stop.
// The workers log where the caller does (core/log.hpp, current_log()).
void parallel_for(int n, unsigned workers, const std::function<void(int, unsigned)>& fn);

// Frees what it is given on a thread of its own: something a run no longer needs (the
// source PDF as Poppler read it, once the deck is extracted) is freed in the time the run's
// single-threaded steps leave idle. The destructor waits until it is freed. (At the run's
// priority, not the lowest: on a busy machine a nice 19 thread waits for the CPU as long as
// anything else wants it, and the run would wait with it.) Without a thread to run on, it
// is freed at once.
class FreeInBackground {
 public:
  template <class T>
  explicit FreeInBackground(std::unique_ptr<T> p) {
    if (!p) return;
    auto job = [p = std::shared_ptr<T>(std::move(p))]() mutable { p.reset(); };
    try {
      thread_ = std::thread(std::move(job));
    } catch (const std::system_error&) {  // (no thread: `job`, and what it holds, goes here)
    }
  }
  FreeInBackground(const FreeInBackground&) = delete;
  FreeInBackground& operator=(const FreeInBackground&) = delete;
  ~FreeInBackground() {
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::thread thread_;
};

// A process that ends when its command returns (the command-line tool: main says so with
// set_process_ends_after_command) need not free what the command built piece by piece: the
// operating system takes the whole address space back at once when it exits. leave_to_exit
// takes such an object from `p` and keeps it unfreed, and reachable (a leak checker does
// not count it), until the process ends: qpdf's objects of a 234-page deck took 10 ms to
// free after the file was written. In a process that goes on (a caller of the library, the
// unit tests), it leaves `p` as it is, for the caller to free (FreeInBackground).
void set_process_ends_after_command(bool ends);
bool process_ends_after_command();
void keep_until_exit(std::shared_ptr<void> p);
template <class T>
void leave_to_exit(std::unique_ptr<T>& p) {
  if (p && process_ends_after_command()) keep_until_exit(std::shared_ptr<T>(std::move(p)));
}
}  // namespace deckhand

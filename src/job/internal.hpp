#pragma once
// Shared by job.cpp and job_light.cpp; not part of the library's interface.
#include <functional>

#include "job/job.hpp"

namespace deckhand {

// Progress on stderr for long work, only when a person watches (stderr is a terminal):
// "WHAT: page DONE/TOTAL", for runs of at least min_total pages.
std::function<void(int, int)> progress_printer(const JobOptions& o, const char* what, int min_total);

}  // namespace deckhand

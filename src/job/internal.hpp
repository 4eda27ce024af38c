#pragma once
// Shared by job.cpp and job_light.cpp; not part of the library's interface.
#include <functional>

#include "job/job.hpp"

namespace deckhand {

// Progress on stderr for long work, only when a person watches (stderr is a terminal):
// "WHAT: page DONE/TOTAL", for runs of at least min_total pages.
// Progress on standard error (a terminal only, never with -q): "what: unit done/total",
// shown once the work has taken about two seconds, ended with a newline.
std::function<void(int, int)> progress_printer(const JobOptions& o, const char* what, const char* unit = "page");

}  // namespace deckhand

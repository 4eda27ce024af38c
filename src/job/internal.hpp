#pragma once
// Shared by job.cpp and job_light.cpp; not part of the library's interface.
#include <functional>

#include "job/job.hpp"

namespace deckhand {

// Progress on stderr for long work, only when a person watches (stderr is a terminal):
// "WHAT: page DONE/TOTAL", for runs of at least min_total pages.
std::function<void(int, int)> progress_printer(const JobOptions& o, const char* what, int min_total);

// The file a run would write in a folder given with -o, for the hint of the error that
// refuses the folder: the input's name and the output's extension ("talk.json" for
// extract, "talk-grid-6.pdf" for handout, "talk.fr.po" for strings export --target-lang fr).
std::string output_name(const JobOptions& o);
// -o names a folder: Error(Exit::output) naming a file in it for the command.
void refuse_output_folder(const JobOptions& o);

}  // namespace deckhand

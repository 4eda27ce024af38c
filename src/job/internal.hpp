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

// The warnings with every missing-glyph warning made one, listing the characters of all
// (the layout and the translated slides each warn about the text they set).
std::vector<Warning> one_missing_glyph_warning(std::vector<Warning> ws);

// The file a run would write in a folder given with -o, for the hint of the error that
// refuses the folder: the input's name and the output's extension ("talk.json" for
// extract, "talk-grid-6.pdf" for handout, "talk.fr.po" for strings export --target-lang fr).
std::string output_name(const JobOptions& o);
// -o names a folder: Error(Exit::output) naming a file in it for the command.
void refuse_output_folder(const JobOptions& o);

}  // namespace deckhand

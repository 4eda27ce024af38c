#pragma once
// Where a person reads the documentation that messages cite: the installed tool has no
// source tree, so a hint names the copy `cmake --install` put in share/doc/deckhand.
#include <string>

namespace deckhand {

// The installation prefix of the running deckhand: <prefix>/bin/deckhand, or
// <prefix>/libexec/deckhand/deckhand-full. Empty when /proc/self/exe cannot be read.
std::string install_prefix();

// The file a message cites for docs/NAME ("layouts.md"): the installed copy
// (<prefix>/share/doc/deckhand/NAME) when there is one, else the source tree's
// docs/NAME (a build that is not installed), else "docs/NAME".
std::string doc_path(const std::string& name);

}  // namespace deckhand

#pragma once
// Slides placed as vector pages: the final step of writing a handout. libharu cannot
// import pages, so write_pdf has libharu write everything else, and this step (the only
// code in deckhand that uses libqpdf) opens that file and the source PDF, turns each source
// page a frame shows into a Form XObject (its fonts, images and text carried over
// untouched), and draws it beneath what libharu drew, clipped to the frame.
#include <string>

#include "model/pages.hpp"

namespace deckhand::render {

bool has_vector_frames(const LaidOutDoc& doc);

// `haru_pdf` has one page per doc.pages, in order. Writes `out` deterministically (the
// same input gives the same bytes): a new /ID computed from the content, no timestamps.
// The output is never encrypted, whatever the source.
// Also draws the pages' text (render/text_layer.hpp), above the rest. `source` is read only
// when a frame shows a vector page.
void finish_pages(const LaidOutDoc& doc, const std::string& haru_pdf, const std::string& source, const std::string& password,
                  const std::string& out);

}  // namespace deckhand::render

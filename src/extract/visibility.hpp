#pragma once
// Which characters of a page a reader can see. Like pdf_reader.*, this file and
// visibility.cpp include Poppler (its private API, libpoppler-private-dev: poppler-cpp
// tells neither the text render mode nor colours).
#include <memory>
#include <string_view>
#include <vector>

#include "extract/words.hpp"

namespace deckhand::extract {


class VisibilityProbe {
 public:
  // `data` must outlive the probe. Throws nothing: an unreadable document gives no marks.
  VisibilityProbe(std::string_view data, const std::string& password);
  ~VisibilityProbe();
  // One pass over page `index`'s content (0-based): every character and every filled
  // shape or picture, in drawing order (see hidden_chars in words.hpp).
  void scan(int index, std::vector<DrawnChar>& chars, std::vector<DrawnShape>& shapes);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace deckhand::extract

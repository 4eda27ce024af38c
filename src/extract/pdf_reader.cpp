#include "extract/pdf_reader.hpp"

#include <unistd.h>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>

#include <poppler-document.h>
#include <poppler-font.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstring>
#include <cmath>
#include <map>
#include <mutex>
#include <set>
#include <string_view>

#include "core/log.hpp"
#include "core/error.hpp"
#include "core/limits.hpp"
#include "core/unicode.hpp"
#include "extract/ink.hpp"
#include "extract/page_scan.hpp"
#include "extract/visibility.hpp"

namespace deckhand::extract {

namespace {
std::string ustr(const poppler::ustring& u) {
  auto b = u.to_utf8();
  return std::string(b.begin(), b.end());
}

void poppler_log(const std::string& msg, void*) { poppler_message(msg); }

thread_local PopplerErrors* t_poppler_errors = nullptr;

// Poppler's allocator (goo/gmem.h, inline in libpoppler) writes its own lines to the C
// `stderr` with fputs, outside the error callback: "Bogus memory allocation size" for a
// size that overflows (an image 2^30 pixels wide, a sampled function of 10^9 samples), then
// either returns null, which Poppler handles as a damaged object, or aborts. Those two lines
// go to the debug log like Poppler's other messages; everything else is written to file
// descriptor 2 unchanged. (`stderr` is a variable of the C library; std::cerr and spdlog's
// sinks keep writing to descriptor 2 themselves.)
ssize_t stderr_write(void*, const char* buf, size_t n) {
  const std::string_view s(buf, n);
  if (s == "Bogus memory allocation size\n" || s == "Out of memory\n") {
    current_log().debug("poppler: {}", s.substr(0, s.size() - 1));
    return static_cast<ssize_t>(n);
  }
  size_t done = 0;
  while (done < n) {
    const ssize_t w = ::write(2, buf + done, n - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return done > 0 ? static_cast<ssize_t>(done) : -1;
    done += static_cast<size_t>(w);
  }
  return static_cast<ssize_t>(n);
}
}  // namespace

void poppler_message(const std::string& msg) {
  current_log().debug("poppler: {}", msg);
  if (PopplerErrors* e = t_poppler_errors) {
    if (e->count++ == 0) e->first = msg.substr(0, 200);
  }
}

CollectPopplerErrors::CollectPopplerErrors(PopplerErrors& e) : prev_(t_poppler_errors) { t_poppler_errors = &e; }
CollectPopplerErrors::~CollectPopplerErrors() { t_poppler_errors = prev_; }

void quiet_poppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function(poppler_log, nullptr);
    // unbuffered: each fputs reaches stderr_write whole, at once
    cookie_io_functions_t io{nullptr, stderr_write, nullptr, nullptr};
    if (FILE* f = fopencookie(nullptr, "w", io)) {
      std::setvbuf(f, nullptr, _IONBF, 0);
      std::fflush(stderr);
      stderr = f;
    }
  });
}

struct PdfDocument::Impl {
  std::unique_ptr<poppler::document> doc;
  std::string_view data;
  std::string password, file;
  std::unique_ptr<PageScanner> scanner;  // the one pass over each page's content (opened on first use:
                                         // a Rasterizer never needs it)
  PageScan scan;                         // what it found on the last page read (marks kept for ink())
};

PdfDocument::PdfDocument(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PdfDocument::~PdfDocument() = default;

std::unique_ptr<PdfDocument> PdfDocument::open(std::string_view data, const std::string& file, const std::string& password) {
  quiet_poppler();
  auto impl = std::make_unique<Impl>();
  impl->doc.reset(poppler::document::load_from_raw_data(data.data(), static_cast<int>(data.size()), password, password));
  if (!impl->doc)
    throw Error(Exit::bad_pdf, file, "damaged or truncated PDF: Poppler cannot read it",
                "get a complete copy of the file, or repair it with 'qpdf in.pdf out.pdf'");
  if (impl->doc->is_locked()) {
    if (password.empty())
      throw Error(Exit::encrypted, file, "the PDF is encrypted and needs a password", "pass it with --password");
    throw Error(Exit::encrypted, file, "the password does not open this PDF", "check the password given with --password");
  }
  impl->data = data;
  impl->password = password;
  impl->file = file;
  return std::unique_ptr<PdfDocument>(new PdfDocument(std::move(impl)));
}

std::vector<std::string> PdfDocument::unembedded_fonts(int index) const {
  // a fresh iterator for the page: Poppler's scanner lists a font only on the first page
  // it meets it on
  std::unique_ptr<poppler::font_iterator> it(impl_->doc->create_font_iterator(index));
  std::set<std::string> names;
  if (it && it->has_next())
    for (const poppler::font_info& f : it->next()) {
      if (f.is_embedded()) continue;
      std::string n = f.name();
      if (n.size() > 7 && n[6] == '+') n = n.substr(7);  // ABCDEF+Name
      names.insert(n.empty() ? "(unnamed)" : n);
    }
  return {names.begin(), names.end()};
}

PdfInfo PdfDocument::info() const {
  PdfInfo i;
  i.pages = impl_->doc->pages();
  i.producer = ustr(impl_->doc->info_key("Producer"));
  i.creator = ustr(impl_->doc->info_key("Creator"));
  i.title = ustr(impl_->doc->info_key("Title"));
  return i;
}

PageWords PdfDocument::words(int index) const {
  PageWords pw;
  pw.page = index + 1;
  std::unique_ptr<poppler::page> page(impl_->doc->create_page(index));
  if (!page) return pw;
  poppler::rectf r = page->page_rect(poppler::crop_box);
  auto o = page->orientation();
  bool swap = o == poppler::page::landscape || o == poppler::page::seascape;
  pw.width = swap ? r.height() : r.width();
  pw.height = swap ? r.width() : r.height();
  pw.label = ustr(page->label());
  // One pass over the content: words, what hides text, and the ink of drawn bullets.
  if (!impl_->scanner) impl_->scanner = std::make_unique<PageScanner>(impl_->data, impl_->password, impl_->file);
  PageScan& scan = impl_->scan;
  impl_->scanner->scan(index, scan);
  pw.words = std::move(scan.words);
  pw.spaces = std::move(scan.spaces);
  pw.rules = horizontal_rules(scan.marks);
  pw.damage_count = scan.damage_count;
  pw.damage = std::move(scan.damage);
  // Text nobody can see: a word whose characters are all hidden is left out. Both it and
  // what Poppler itself leaves out of its words (text off the page, the second copy of
  // text drawn twice) go into the page's record of dropped text.
  if (!scan.chars.empty()) {
    std::vector<Hidden> why = hidden_chars(scan.chars, scan.shapes, pw.width, pw.height);
    pw.dropped = drop_hidden_words(pw.words, scan.ranges, scan.chars, why);
    pw.hidden_words = static_cast<int>(pw.dropped.size());
    for (auto& d : unworded_chars(scan.chars, scan.ranges, why)) pw.dropped.push_back(std::move(d));
    // boxes of text far off the page, kept within what a deck JSON may hold
    const double lim = limits().page_size;
    for (auto& d : pw.dropped)
      for (double& v : d.bbox) v = std::clamp(v, -lim, 2 * lim);
  }
  scan.chars.clear();
  scan.shapes.clear();
  scan.ranges.clear();
  if (std::getenv("DECKHAND_DEBUG_WORDS"))  // for developers: the words as the PDF layer found them
    for (const auto& w : pw.words)
      std::fprintf(stderr, "p%d [%7.2f %7.2f %7.2f %7.2f] %5.1f rot%d sp%d @%d-%d g%zu %s%s |%s|\n", pw.page, w.x0, w.y0, w.x1, w.y1,
                   w.size, w.rot, w.space_after ? 1 : 0, w.order,
                   w.order_end, w.char_glyph.size(), w.font.c_str(), w.mono ? " mono" : "", w.text.c_str());
  if (std::getenv("DECKHAND_DEBUG_WORDS"))
    for (const auto& w : pw.words)
      if (!w.char_x.empty()) {
        std::fprintf(stderr, "  |%s| x:", w.text.c_str());
        for (double x : w.char_x) std::fprintf(stderr, " %.2f", x);
        std::fprintf(stderr, " g:");
        for (int g : w.char_glyph) std::fprintf(stderr, " %d", g);
        std::fprintf(stderr, "\n");
      }
  return pw;
}

std::vector<std::optional<double>> PdfDocument::ink(const std::vector<std::array<double, 4>>& rects) const {
  std::vector<std::optional<double>> out;
  out.reserve(rects.size());
  // the marks each window can see, in drawing order: those whose rows (of 24 pt) meet it
  const auto& marks = impl_->scan.marks;
  constexpr double kRow = 24;
  std::map<long, std::vector<size_t>> rows;
  if (marks.size() > 64)
    for (size_t k = 0; k < marks.size(); ++k) {
      long a = static_cast<long>(std::floor(marks[k].y0 / kRow)), b = static_cast<long>(std::floor(marks[k].y1 / kRow));
      if (b - a > 64) a = b = LONG_MIN;  // a page-sized fill: in the row of everything
      for (long r = a; r <= b; ++r) rows[r].push_back(k);
    }
  std::vector<InkMark> near;
  for (const auto& r : rects) {
    if (marks.size() <= 64) {
      out.push_back(drawn_mark(marks, r));
    } else {
      std::vector<size_t> idx;
      if (auto it = rows.find(LONG_MIN); it != rows.end()) idx = it->second;
      for (long k = static_cast<long>(std::floor(r[1] / kRow)); k <= static_cast<long>(std::floor(r[3] / kRow)); ++k)
        if (auto it = rows.find(k); it != rows.end()) idx.insert(idx.end(), it->second.begin(), it->second.end());
      std::sort(idx.begin(), idx.end());
      idx.erase(std::unique(idx.begin(), idx.end()), idx.end());
      near.clear();
      for (size_t k : idx)
        if (marks[k].x1 > r[0] && marks[k].x0 < r[2]) near.push_back(marks[k]);
      out.push_back(drawn_mark(near, r));
    }
    if (current_log().debugging()) {
      current_log().debug("ink: rect {:.1f} {:.1f} {:.1f} {:.1f} -> {}", r[0], r[1], r[2], r[3], out.back() ? *out.back() : -1.0);
      for (const auto& m : impl_->scan.marks)
        if (m.x1 > r[0] && m.x0 < r[2] && m.y1 > r[1] && m.y0 < r[3])
          current_log().debug("ink:   mark {:.1f} {:.1f} {:.1f} {:.1f} rgb {:.2f} {:.2f} {:.2f} kind {} picture {} glyph {}", m.x0, m.y0, m.x1,
                        m.y1, m.rgb[0], m.rgb[1], m.rgb[2], static_cast<int>(m.kind), m.picture, m.glyph);
    }
  }
  return out;
}

std::vector<unsigned char> PdfDocument::render(int index, int w, int h) const {
  std::vector<unsigned char> out(static_cast<size_t>(w) * h * 3, 255);
  std::unique_ptr<poppler::page> page(impl_->doc->create_page(index));
  if (!page || w <= 0 || h <= 0) return out;
  poppler::rectf r = page->page_rect(poppler::crop_box);
  auto o = page->orientation();
  bool swap = o == poppler::page::landscape || o == poppler::page::seascape;
  double pw = swap ? r.height() : r.width(), ph = swap ? r.width() : r.height();
  if (pw <= 0 || ph <= 0) return out;
  poppler::page_renderer pr;
  pr.set_image_format(poppler::image::format_rgb24);
  pr.set_render_hint(poppler::page_renderer::antialiasing, true);
  pr.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  pr.set_render_hint(poppler::page_renderer::text_hinting, true);
  poppler::image img = pr.render_page(page.get(), 72.0 * w / pw, 72.0 * h / ph, 0, 0, w, h);
  if (!img.is_valid()) return out;
  int cw = std::min(w, img.width()), chh = std::min(h, img.height());
  for (int y = 0; y < chh; ++y)
    std::memcpy(&out[static_cast<size_t>(y) * w * 3], img.const_data() + static_cast<size_t>(y) * img.bytes_per_row(),
                static_cast<size_t>(cw) * 3);
  return out;
}

}  // namespace deckhand::extract

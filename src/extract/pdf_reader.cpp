#include "extract/pdf_reader.hpp"

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

#include "core/error.hpp"
#include "core/unicode.hpp"
#include "extract/visibility.hpp"

namespace deckhand::extract {

namespace {
std::string ustr(const poppler::ustring& u) {
  auto b = u.to_utf8();
  return std::string(b.begin(), b.end());
}

std::string strip_subset(const std::string& name) {
  if (name.size() > 7 && name[6] == '+' &&
      std::all_of(name.begin(), name.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; }))
    return name.substr(7);
  return name;
}

bool contains_ci(const std::string& s, const char* needle) {
  std::string a = s, b = needle;
  std::transform(a.begin(), a.end(), a.begin(), ::tolower);
  std::transform(b.begin(), b.end(), b.begin(), ::tolower);
  return a.find(b) != std::string::npos;
}

void poppler_log(const std::string& msg, void*) { spdlog::debug("poppler: {}", msg); }
}  // namespace

void quiet_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(poppler_log, nullptr); });
}

struct PdfDocument::Impl {
  std::unique_ptr<poppler::document> doc;
  std::unique_ptr<VisibilityProbe> vis;  // render modes, colours, shapes: hidden text
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
  impl->vis = std::make_unique<VisibilityProbe>(data, password);
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
  auto boxes = page->text_list(poppler::page::text_list_include_font);
  pw.words.reserve(boxes.size());
  std::map<std::string, std::pair<bool, bool>> styles;
  for (auto& b : boxes) {
    Word w;
    w.text = ustr(b.text());
    auto bb = b.bbox();
    w.x0 = bb.left(); w.y0 = bb.top(); w.x1 = bb.right(); w.y1 = bb.bottom();
    w.space_after = b.has_space_after();
    w.rot = b.rotation();
    bool rtl = false;
    for (unsigned char c : w.text)  // lead bytes of U+0580..U+07FF and U+F000..U+FFFF: decode to be sure
      if (c >= 0xD6 && c <= 0xDF) { rtl = true; break; }
      else if (c == 0xEF) {
        for (char32_t cp : unicode::decode(w.text)) rtl = rtl || unicode::is_rtl(cp);
        break;
      }
    if (rtl) {
      size_t n = b.text().size();
      for (size_t i = 0; i < n; ++i) w.char_x.push_back(b.char_bbox(i).left());
      w.char_x.push_back(bb.right());
    }
    if (b.has_font_info()) {
      w.size = b.get_font_size();
      w.font = strip_subset(b.get_font_name());
    }
    auto it = styles.find(w.font);
    if (it == styles.end()) {
      bool bold = contains_ci(w.font, "bold") || contains_ci(w.font, "black") || contains_ci(w.font, "heavy") ||
                  contains_ci(w.font, "semibold") || contains_ci(w.font, "demi") || contains_ci(w.font, ",bd") ||
                  contains_ci(w.font, "-bd") || contains_ci(w.font, "cmbx") || contains_ci(w.font, "cmssbx") ||
                  contains_ci(w.font, "lmsans10-bold");
      bool italic = contains_ci(w.font, "italic") || contains_ci(w.font, "oblique") || contains_ci(w.font, "cmti") ||
                    contains_ci(w.font, "-it") || contains_ci(w.font, ",it") || contains_ci(w.font, "cmssi");
      it = styles.emplace(w.font, std::make_pair(bold, italic)).first;
    }
    w.bold = it->second.first;
    w.italic = it->second.second;
    pw.words.push_back(std::move(w));
  }
  // Text nobody can see: a word whose characters are all hidden is left out.
  if (impl_->vis && !pw.words.empty()) {
    std::vector<DrawnChar> chars;
    std::vector<DrawnShape> shapes;
    impl_->vis->scan(index, chars, shapes);
    pw.hidden_words = drop_hidden_words(pw.words, chars, hidden_chars(chars, shapes));
  }
  return pw;
}

std::vector<std::optional<double>> PdfDocument::ink(int index, const std::vector<std::array<double, 4>>& rects) const {
  std::vector<std::optional<double>> out(rects.size());
  if (rects.empty()) return out;
  std::unique_ptr<poppler::page> page(impl_->doc->create_page(index));
  if (!page) return out;
  // Render only the union of the rectangles (usually a narrow strip left of the text).
  const double dpi = 96, k = dpi / 72.0;
  double ux0 = 1e18, uy0 = 1e18, ux1 = -1e18, uy1 = -1e18;
  for (const auto& r : rects) {
    ux0 = std::min(ux0, r[0]); uy0 = std::min(uy0, r[1]);
    ux1 = std::max(ux1, r[2]); uy1 = std::max(uy1, r[3]);
  }
  int ox = std::max(0, static_cast<int>(std::floor(ux0 * k)));
  int oy = std::max(0, static_cast<int>(std::floor(uy0 * k)));
  int ow = static_cast<int>(std::ceil(ux1 * k)) - ox;
  int oh = static_cast<int>(std::ceil(uy1 * k)) - oy;
  if (ow < 2 || oh < 2) return out;
  poppler::page_renderer pr;
  pr.set_image_format(poppler::image::format_rgb24);
  pr.set_render_hint(poppler::page_renderer::antialiasing, false);
  pr.set_render_hint(poppler::page_renderer::text_antialiasing, false);
  poppler::image img = pr.render_page(page.get(), dpi, dpi, ox, oy, ow, oh);
  if (!img.is_valid()) return out;
  const char* data = img.const_data();
  const int bpr = img.bytes_per_row(), iw = img.width(), ih = img.height();
  auto px = [&](int xx, int yy) {
    const unsigned char* p = reinterpret_cast<const unsigned char*>(data + yy * bpr + xx * 3);
    return (uint32_t(p[0]) << 16) | (uint32_t(p[1]) << 8) | p[2];
  };
  for (size_t r = 0; r < rects.size(); ++r) {
    int x0 = std::clamp(static_cast<int>(std::floor(rects[r][0] * k)) - ox, 0, iw);
    int y0 = std::clamp(static_cast<int>(std::floor(rects[r][1] * k)) - oy, 0, ih);
    int x1 = std::clamp(static_cast<int>(std::ceil(rects[r][2] * k)) - ox, 0, iw);
    int y1 = std::clamp(static_cast<int>(std::ceil(rects[r][3] * k)) - oy, 0, ih);
    if (x1 - x0 < 2 || y1 - y0 < 2) continue;
    std::map<uint32_t, int> hist;
    for (int yy = y0; yy < y1; ++yy)
      for (int xx = x0; xx < x1; ++xx) hist[px(xx, yy)]++;
    uint32_t bg = std::max_element(hist.begin(), hist.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
    int diff = 0, minx = 1 << 30, maxx = -1, miny = 1 << 30, maxy = -1;
    for (int yy = y0; yy < y1; ++yy)
      for (int xx = x0; xx < x1; ++xx) {
        uint32_t c = px(xx, yy);
        int d = std::abs(int(c >> 16) - int(bg >> 16)) + std::abs(int((c >> 8) & 255) - int((bg >> 8) & 255)) +
                std::abs(int(c & 255) - int(bg & 255));
        if (d > 90) {
          ++diff;
          minx = std::min(minx, xx); maxx = std::max(maxx, xx);
          miny = std::min(miny, yy); maxy = std::max(maxy, yy);
        }
      }
    int area = (x1 - x0) * (y1 - y0);
    // a compact blob: a bullet, not a rule, a box edge or a background
    bool narrow = (maxx - minx) < (x1 - x0) * 0.8;
    // a box edge or a rule runs through the whole window and is thin: not a mark
    bool rule = miny <= y0 && maxy >= y1 - 1 && (maxx - minx + 1) <= std::max(3.0, 0.3 * (y1 - y0));
    // a bullet stands free: it does not run into the window's left edge (a box border does)
    bool free_left = minx > x0;
    if (diff >= 3 && diff * 10 < area * 7 && narrow && !rule && free_left) out[r] = (ox + minx) / k;
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

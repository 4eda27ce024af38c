#include "extract/ink.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>

namespace deckhand::extract {

namespace {

// Is (x, y) inside the filled subpaths (closed), by the nonzero or even-odd rule?
bool inside_fill(const InkMark& m, double x, double y) {
  int winding = 0, crossings = 0;
  for (const auto& path : m.paths) {
    size_t n = path.size();
    if (n < 3) continue;
    for (size_t i = 0; i < n; ++i) {
      const auto& a = path[i];
      const auto& b = path[(i + 1) % n];
      if ((a[1] <= y) != (b[1] <= y)) {
        double t = (y - a[1]) / (b[1] - a[1]);
        if (a[0] + t * (b[0] - a[0]) > x) {
          ++crossings;
          winding += b[1] > a[1] ? 1 : -1;
        }
      }
    }
  }
  return m.even_odd ? (crossings % 2) == 1 : winding != 0;
}

// Is (x, y) within half the line width of a stroked segment?
bool on_stroke(const InkMark& m, double x, double y) {
  double w2 = m.half_width * m.half_width;
  for (const auto& path : m.paths) {
    if (path.size() == 1) {
      double dx = x - path[0][0], dy = y - path[0][1];
      if (dx * dx + dy * dy <= w2) return true;
    }
    for (size_t i = 1; i < path.size(); ++i) {
      const auto& a = path[i - 1];
      const auto& b = path[i];
      double vx = b[0] - a[0], vy = b[1] - a[1], len2 = vx * vx + vy * vy;
      double t = len2 > 0 ? std::clamp(((x - a[0]) * vx + (y - a[1]) * vy) / len2, 0.0, 1.0) : 0.0;
      double dx = x - (a[0] + t * vx), dy = y - (a[1] + t * vy);
      if (dx * dx + dy * dy <= w2) return true;
    }
  }
  return false;
}

uint32_t pack(const std::array<double, 3>& c) {
  auto ch = [](double v) { return static_cast<uint32_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  return (ch(c[0]) << 16) | (ch(c[1]) << 8) | ch(c[2]);
}

}  // namespace

std::optional<double> drawn_mark(const std::vector<InkMark>& marks, const std::array<double, 4>& r) {
  constexpr double k = 96.0 / 72.0;  // pixels per point
  const int ox = std::max(0, static_cast<int>(std::floor(r[0] * k)));
  const int oy = std::max(0, static_cast<int>(std::floor(r[1] * k)));
  const int w = static_cast<int>(std::ceil(r[2] * k)) - ox, h = static_cast<int>(std::ceil(r[3] * k)) - oy;
  if (w < 2 || h < 2 || w > 4096 || h > 4096) return std::nullopt;
  std::vector<uint32_t> px(static_cast<size_t>(w) * h, 0xFFFFFFu);
  const double rh = r[3] - r[1];
  for (const InkMark& m : marks) {
    if (m.x1 <= r[0] || m.x0 >= r[2] || m.y1 <= r[1] || m.y0 >= r[3]) continue;
    if (m.glyph && m.y1 - m.y0 > 2 * rh) continue;  // a big brace: a thin stroke here
    // a picture reaching in from the left of the window, or wider than it, is a figure,
    // not a picture bullet: what it shows at its edge is not known (a screenshot's white
    // margin), so it paints nothing
    if (m.picture && (m.x0 < r[0] - 0.75 || m.x1 - m.x0 > r[2] - r[0])) continue;
    const uint32_t c = m.picture ? 0x808080u : pack(m.rgb);
    int i0 = std::max(0, static_cast<int>(std::floor(m.x0 * k)) - ox), i1 = std::min(w, static_cast<int>(std::ceil(m.x1 * k)) - ox);
    int j0 = std::max(0, static_cast<int>(std::floor(m.y0 * k)) - oy), j1 = std::min(h, static_cast<int>(std::ceil(m.y1 * k)) - oy);
    for (int j = j0; j < j1; ++j) {
      double y = (oy + j + 0.5) / k;
      if (y < m.y0 || y > m.y1) continue;
      for (int i = i0; i < i1; ++i) {
        double x = (ox + i + 0.5) / k;
        if (x < m.x0 || x > m.x1) continue;
        bool in = m.kind == InkMark::box || (m.kind == InkMark::fill ? inside_fill(m, x, y) : on_stroke(m, x, y));
        if (in) px[static_cast<size_t>(j) * w + i] = c;
      }
    }
  }
  // the window's own pixels (the rectangle within the painted grid), as the render test read them
  const int x0 = std::clamp(static_cast<int>(std::floor(r[0] * k)) - ox, 0, w), y0 = std::clamp(static_cast<int>(std::floor(r[1] * k)) - oy, 0, h);
  const int x1 = std::clamp(static_cast<int>(std::ceil(r[2] * k)) - ox, 0, w), y1 = std::clamp(static_cast<int>(std::ceil(r[3] * k)) - oy, 0, h);
  if (x1 - x0 < 2 || y1 - y0 < 2) return std::nullopt;
  std::map<uint32_t, int> hist;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) hist[px[static_cast<size_t>(y) * w + x]]++;
  uint32_t bg = std::max_element(hist.begin(), hist.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
  int diff = 0, minx = 1 << 30, maxx = -1, miny = 1 << 30, maxy = -1;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      uint32_t c = px[static_cast<size_t>(y) * w + x];
      int d = std::abs(int(c >> 16) - int(bg >> 16)) + std::abs(int((c >> 8) & 255) - int((bg >> 8) & 255)) +
              std::abs(int(c & 255) - int(bg & 255));
      if (d > 90) {
        ++diff;
        minx = std::min(minx, x); maxx = std::max(maxx, x);
        miny = std::min(miny, y); maxy = std::max(maxy, y);
      }
    }
  int area = (x1 - x0) * (y1 - y0);
  bool narrow = (maxx - minx) < (x1 - x0) * 0.8;
  bool rule = miny <= y0 && maxy >= y1 - 1 && (maxx - minx + 1) <= std::max(3.0, 0.3 * (y1 - y0));
  bool free_left = minx > x0;
  // ink through the window's whole height up to its right edge is the edge of a box or
  // a cell's fill that runs on under the text, not a bullet standing before it
  bool box_edge = miny <= y0 && maxy >= y1 - 1 && maxx >= x1 - 1;
  if (diff >= 3 && diff * 10 < area * 7 && narrow && !rule && free_left && !box_edge) return (ox + minx) / k;
  return std::nullopt;
}

std::vector<HRule> horizontal_rules(const std::vector<InkMark>& marks, size_t limit) {
  constexpr double kMin = 6;             // points: shorter edges are no rules
  const double slope = std::tan(M_PI / 180);  // 1 degree
  std::vector<HRule> out;
  auto add = [&](double xa, double xb, double y) {
    if (out.size() >= limit || !std::isfinite(xa) || !std::isfinite(xb) || !std::isfinite(y)) return;
    if (xb < xa) std::swap(xa, xb);
    if (xb - xa >= kMin) out.push_back({xa, xb, y});
  };
  for (const InkMark& m : marks) {
    if (out.size() >= limit) break;
    if (m.glyph || m.picture) continue;
    if (m.kind == InkMark::box || (m.kind == InkMark::fill && m.y1 - m.y0 < 3)) {
      if (m.y1 - m.y0 < 3) {
        add(m.x0, m.x1, (m.y0 + m.y1) / 2);
      } else {
        add(m.x0, m.x1, m.y0);
        add(m.x0, m.x1, m.y1);
      }
      continue;
    }
    for (const auto& path : m.paths) {
      size_t n = path.size();
      // a filled subpath is closed: its last point joins its first
      size_t segs = m.kind == InkMark::fill && n > 2 ? n : (n > 0 ? n - 1 : 0);
      for (size_t i = 0; i < segs; ++i) {
        const auto& a = path[i];
        const auto& b = path[(i + 1) % n];
        double dx = std::abs(b[0] - a[0]), dy = std::abs(b[1] - a[1]);
        if (dx == 0 || dy > slope * dx) continue;
        // (clipped to what can be seen of the mark)
        double lo = std::max(std::min(a[0], b[0]), m.x0), hi = std::min(std::max(a[0], b[0]), m.x1), y = (a[1] + b[1]) / 2;
        if (hi > lo && y >= m.y0 && y <= m.y1) add(lo, hi, y);
      }
    }
  }
  return out;
}

}  // namespace deckhand::extract

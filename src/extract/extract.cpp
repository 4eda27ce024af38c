#include "extract/extract.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <cmath>
#include <map>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <thread>

#include <unicode/uchar.h>

#include "core/step_timer.hpp"
#include "core/io.hpp"
#include "core/unicode.hpp"
#include "core/limits.hpp"
#include "core/parallel.hpp"
#include "core/scan.hpp"
#include "core/sha256.hpp"
#include "extract/analysis.hpp"
#include "extract/pdf_reader.hpp"
#include "extract/spelling.hpp"

namespace deckhand::extract {

std::vector<std::pair<int, int>> page_ranges(const std::string& spec, int npages) {
  std::vector<std::pair<int, int>> ranges;
  if (spec.empty()) {
    if (npages >= 1) ranges.push_back({1, npages});
    return ranges;
  }
  const std::string shown = scan::for_message(spec, 60);
  auto bad = [&](const std::string& why) {
    throw Error(Exit::usage, "", "--pages \"" + shown + "\": " + why, "write ranges like 1-3,5,8- within 1-" + std::to_string(npages));
  };
  if (spec.size() > max_pages_spec)
    bad("is " + std::to_string(spec.size()) + " bytes long, over the limit of " + std::to_string(max_pages_spec));
  size_t pos = 0;
  while (pos <= spec.size()) {
    size_t comma = spec.find(',', pos);
    std::string part = spec.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    pos = comma == std::string::npos ? spec.size() + 1 : comma + 1;
    if (part.empty()) bad("empty range");
    if (ranges.size() == max_page_ranges)
      bad("has more than " + std::to_string(max_page_ranges) + " ranges (join them: 1-3,4-9 is 1-9)");
    size_t dash = part.find('-');
    auto num = [&](const std::string& s, int def) {
      if (s.empty()) return def;
      if (!std::all_of(s.begin(), s.end(), ::isdigit) || s.size() > 6) bad("\"" + scan::for_message(s, 20) + "\" is not a page number");
      return std::stoi(s);
    };
    int a, b;
    if (dash == std::string::npos) a = b = num(part, 0);
    else { a = num(part.substr(0, dash), 1); b = num(part.substr(dash + 1), npages); }
    if (a > b && a >= 1 && b >= 1)
      throw Error(Exit::usage, "", "--pages \"" + shown + "\": range " + part + " is reversed",
                  "write it as " + std::to_string(b) + "-" + std::to_string(a));
    if (a < 1 || b > npages || a > b) bad("range " + scan::for_message(part, 30) + " is outside the document");
    ranges.push_back({a, b});
  }
  std::sort(ranges.begin(), ranges.end());
  std::vector<std::pair<int, int>> merged;
  for (const auto& r : ranges)
    if (!merged.empty() && r.first <= merged.back().second + 1) merged.back().second = std::max(merged.back().second, r.second);
    else merged.push_back(r);
  return merged;
}

long long page_count(const std::vector<std::pair<int, int>>& ranges) {
  long long n = 0;
  for (const auto& r : ranges) n += r.second - r.first + 1;
  return n;
}

std::vector<int> parse_page_ranges(const std::string& spec, int npages) {
  std::vector<int> out;
  for (const auto& r : page_ranges(spec, npages))
    for (int i = r.first; i <= r.second; ++i) out.push_back(i);
  return out;
}

void probe_drawn_bullets(PageLines& page, const InkFn& ink) {
  std::vector<size_t> cand = needs_ink_probe(page);
  std::vector<std::array<double, 4>> rects;
  for (size_t k : cand) rects.push_back(ink_probe_rect(page.lines[k], page.width));
  auto res = cand.empty() ? std::vector<std::optional<double>>{} : ink(rects);
  for (size_t r = 0; r < cand.size() && r < res.size(); ++r) {
    Line& l = page.lines[cand[r]];
    l.ink_before = res[r].has_value();
    if (res[r]) l.ink_x = l.rtl ? page.width - *res[r] : *res[r];
    // (a drawn bullet tells the paragraph's side, as a glyph does: the deck's vote)
    if (res[r] && l.rtl) l.marker_side = 1;
  }
  // Centred lines (each a list item centred on its own), and right-to-left lines with no
  // mark on their right: a mark before two of them or more, at one distance from their
  // text (within 0.3 em of the median), on one side (a list of Hebrew or Arabic items in
  // left-to-right paragraphs, as cairo and PPTX exports set them, has its bullets on the
  // left). A lone centred line with ink beside it (a title by an icon) stays text.
  std::vector<size_t> mid = centred_ink_candidates(page);
  const size_t centred = mid.size();  // (the right-to-left lines after them were probed on their own side above)
  for (size_t k : cand)
    if (!page.lines[k].ink_before.value_or(false) && page.lines[k].rtl && std::find(mid.begin(), mid.end(), k) == mid.end())
      mid.push_back(k);
  if (mid.size() < 2) return;
  for (int side = 0; side < 2; ++side) {  // 0: before the text as its direction has it; 1: the other side
    rects.clear();
    for (size_t k = 0; k < (side == 0 ? centred : mid.size()); ++k) {
      Line l = page.lines[mid[k]];
      if (side == 1) l.rtl = !l.rtl;
      rects.push_back(ink_probe_rect(l, page.width));
    }
    res = rects.empty() ? std::vector<std::optional<double>>{} : ink(rects);
    std::vector<std::pair<size_t, double>> hit;  // candidate, distance of its mark from its text (em)
    for (size_t r = 0; r < mid.size() && r < res.size(); ++r) {
      if (!res[r]) continue;
      const Line& l = page.lines[mid[r]];
      bool right = l.rtl != (side == 1);
      hit.push_back({r, (right ? *res[r] - l.x1 : l.x0 - *res[r]) / std::max(l.size, 1.0)});
    }
    if (hit.size() < 2) continue;
    std::vector<double> ds;
    for (auto& h : hit) ds.push_back(h.second);
    std::sort(ds.begin(), ds.end());
    double med = ds[ds.size() / 2];
    std::vector<size_t> keep;
    for (auto& [r, d] : hit)
      if (std::abs(d - med) <= 0.3) keep.push_back(r);
    if (keep.size() < 2) continue;
    for (size_t r : keep) {
      Line& l = page.lines[mid[r]];
      l.ink_before = true;
      // (from the page's right edge where the mark stands right of right-to-left text,
      // as indents of right-to-left lists are measured; else from its left)
      l.ink_x = l.rtl && side == 0 ? page.width - *res[r] : *res[r];
      if (l.rtl) l.marker_side = side == 0 ? 1 : -1;
    }
    return;
  }
}

Deck extract_deck(const std::string& path, const ExtractOptions& opts, Diagnostics& diag) {
  SourcePdf src(path, opts.password, worker_count(opts.threads));
  return extract_deck(src, opts, diag);
}

Deck extract_deck(const SourcePdf& src, const ExtractOptions& opts, Diagnostics& diag) {
  // for developers: DECKHAND_DEBUG_TIME=1 prints the time each step took
  StepTimer timer;
  auto lap = [&](const char* what) { timer.lap(what); };
  const std::string& path = src.path();
  PdfDocument& main_doc = src.doc(0);
  PdfInfo info = main_doc.info();
  if (info.pages <= 0) throw Error(Exit::bad_pdf, path, "the PDF has no pages", "check the file with 'qpdf --check'");
  // (counted before the pages are listed one by one: --pages 1-,1-,1-... is no more work)
  const auto ranges = page_ranges(opts.pages, info.pages);
  if (long long count = page_count(ranges); count > limits().pages)
    over_limit(static_cast<int>(Exit::bad_pdf), path, "the number of pages to read", std::to_string(count), std::to_string(limits().pages),
               "--max-pages");
  std::vector<int> pages;
  for (const auto& r : ranges)
    for (int i = r.first; i <= r.second; ++i) pages.push_back(i);
  int n = static_cast<int>(pages.size());
  // Some pages only (--pages): what a page's text is (a footer, a page number, a watermark,
  // the deck's list levels and line pitch) is told by what the deck repeats, so the other
  // pages are read too, up to 40 of them spread over the deck, and only the slides asked
  // for are kept: a page reads the same as in the whole deck's extraction.
  const std::set<int> wanted(pages.begin(), pages.end());
  if (n < info.pages) {
    std::set<int> read = wanted;
    int others = info.pages - n, more = std::min(others, 40);
    double step = static_cast<double>(info.pages) / more;
    for (double at = 1; at <= info.pages && static_cast<int>(read.size()) < n + more; at += step) {
      int pg = static_cast<int>(at);
      while (pg <= info.pages && read.count(pg)) ++pg;
      if (pg <= info.pages) read.insert(pg);
    }
    pages.assign(read.begin(), read.end());
    n = static_cast<int>(pages.size());
  }

  lap("open");
  // the source's pool: one document per worker, opened on the worker's first page
  unsigned workers = std::min<unsigned>(std::min(worker_count(opts.threads), src.workers()), static_cast<unsigned>(n));

  // One pass per page, all cores: words, hidden text and ink in one walk over the page's
  // content (page_scan.hpp), then lines, and bullets drawn as graphics (Beamer's balls,
  // picture bullets) from that page's ink. Nothing of a page but its lines is kept.
  std::vector<PageLines> lines(pages.size());
  std::atomic<int> done{0};
  parallel_for(n, workers, [&](int i, unsigned w) {
    lines[i] = build_lines(src.doc(w).words(pages[i] - 1));
    probe_drawn_bullets(lines[i], [&](const std::vector<std::array<double, 4>>& rects) { return src.doc(w).ink(rects); });
    int d = ++done;
    if (opts.progress) opts.progress(d, n);
  });
  lap("pages");
  if (opts.pages_read) opts.pages_read();
  // A page of a right-to-left deck with as many Latin letters as Arabic ones (a title
  // slide "رسالة IETF إلى WSIS+20") reads its mixed lines right to left, as the deck does:
  // such pages are read again knowing the deck's direction.
  // The deck's paragraphs with right-to-left letters run left to right when most of
  // their bullets stand at the left end (a PPTX whose Arabic paragraphs kept rtl="0",
  // exported by Impress): lines without a bullet (wrapped lines, titles) are then read as
  // such paragraphs too, and their pages read again.
  size_t rtl_all = 0, ltr_all = 0, marked_left = 0, marked_right = 0;
  for (const auto& pl : lines) {
    rtl_all += pl.rtl_chars, ltr_all += pl.ltr_chars;
    for (const auto& l : pl.lines) {
      if (l.marker_side < 0) ++marked_left;
      if (l.marker_side > 0) ++marked_right;
    }
  }
  std::optional<bool> rtl_paragraphs;
  if (marked_left > marked_right) rtl_paragraphs = false;
  bool rtl_deck = rtl_all > ltr_all;
  // Watermarks: a faint word (see-through, or light grey) at the same place on many pages
  // ("DRAFT" behind the body) is furniture; taken out before lines are built, so that it
  // never joins a title or a cell. Where most of the deck's text is light (white on dark
  // slides), only see-through words count as faint.
  std::vector<FaintWord> watermarks;
  {
    size_t faint_chars = 0, all_chars = 0;
    for (const auto& pl : lines) faint_chars += pl.faint_chars, all_chars += pl.all_chars;
    bool light_deck = faint_chars * 2 > all_chars;
    std::map<std::string, std::vector<std::pair<int, FaintWord>>> by_text;
    for (int i = 0; i < n; ++i)
      for (const auto& f : lines[i].faint) by_text[f.text].push_back({i, f});
    size_t need = std::max<size_t>(n <= 3 ? static_cast<size_t>(n) : 3, (static_cast<size_t>(n) * 4 + 9) / 10);
    for (auto& [text, seen] : by_text) {
      if (seen.size() < need || need < 2 || light_deck) continue;
      for (const auto& [i, f] : seen) {
        std::set<int> on;
        for (const auto& [j, g] : seen)
          if (g.same_place(f)) on.insert(j);
        if (on.size() >= need) {
          watermarks.push_back(f);
          break;
        }
      }
    }
  }
  if (rtl_deck || rtl_paragraphs || !watermarks.empty()) {
    std::vector<int> again;
    for (int i = 0; i < n; ++i) {
      bool marked = std::any_of(lines[i].faint.begin(), lines[i].faint.end(), [&](const FaintWord& f) {
        return std::any_of(watermarks.begin(), watermarks.end(), [&](const FaintWord& m) {
          return m.same(f);
        });
      });
      if (marked || (lines[i].rtl_chars > 0 && (rtl_paragraphs || (rtl_deck && lines[i].rtl_chars <= lines[i].ltr_chars))))
        again.push_back(i);
    }
    if (!again.empty())
      parallel_for(static_cast<int>(again.size()), workers, [&](int k, unsigned w) {
      int i = again[k];
      lines[i] = build_lines(src.doc(w).words(pages[i] - 1), rtl_deck, rtl_paragraphs, &watermarks);
      probe_drawn_bullets(lines[i], [&](const std::vector<std::array<double, 4>>& rects) { return src.doc(w).ink(rects); });
    });
  }
  lap("again");
  if (std::getenv("DECKHAND_DEBUG_LINES"))  // for developers: the lines the analysis is given
    for (const auto& pl : lines)
      for (const auto& l : pl.lines)
        std::fprintf(stderr, "p%d [%7.2f %7.2f %7.2f %7.2f] b%7.2f %5.1f%s%s%s |%s|%s|\n", pl.page, l.x0, l.y0, l.x1, l.y1, l.baseline(), l.size,
                     l.mono ? " mono" : "", l.rtl ? " rtl" : "", l.ink_before.value_or(false) ? " ink" : "", l.marker.c_str(),
                     l.text.c_str());
  for (const auto& pl : lines)  // sizes reach the deck's arithmetic: finite and within the limit
    if (!(pl.width <= limits().page_size && pl.height <= limits().page_size))
      over_limit(static_cast<int>(Exit::bad_pdf), path, "the size of page " + std::to_string(pl.page),
                 std::to_string(pl.width) + " x " + std::to_string(pl.height) + " pt", std::to_string(limits().page_size) + " pt",
                 "--max-page-size");

  bool any_text = std::any_of(lines.begin(), lines.end(), [](const PageLines& p) { return p.has_text; });
  if (!any_text)
    throw Error(Exit::no_text, path, "no page has a text layer (a scanned or image-only PDF)",
                "run OCR first, for example 'ocrmypdf in.pdf out.pdf', then extract again");

  // The spelling dictionary (line-end hyphens) takes about as long to load as a 50-page
  // deck takes to read: when a line ends with a hyphen, it is loaded on the other core
  // while the analysis runs, for the language the analysis will guess from the same text
  // (the analysis asks shared_speller() for it, which waits for this load).
  std::thread prefetch;
  // (only where a question will come: a line ending in a letter and a hyphen, with a line
  // under it that starts in lower case; loading a dictionary costs more than reading most
  // decks)
  auto asks = [](const PageLines& p) {
    for (const Line& l : p.lines) {
      if (l.mono || !hyphen_question(l.text, "a")) continue;  // code is joined line by line, never asked about
      for (const Line& m : p.lines) {
        if (&m == &l || m.mono || m.y0 < l.y1 - 0.5 * l.height() || m.y0 > l.y1 + 1.5 * l.height()) continue;
        if (std::min(m.x1, l.x1) - std::max(m.x0, l.x0) <= 0) continue;
        if (hyphen_question(l.text, m.text)) return true;
      }
    }
    return false;
  };
  if (std::any_of(lines.begin(), lines.end(), asks)) {
    std::string text;
    for (const auto& p : lines)
      for (const auto& l : p.lines) text += l.text + "\n";
    if (auto lang = guess_lang(text)) prefetch = std::thread([l = *lang] {
      try {
        shared_speller(l);
      } catch (...) {  // the analysis will meet the same failure itself, on its own thread
      }
    });
  }
  struct Join {
    std::thread& t;
    ~Join() { if (t.joinable()) t.join(); }
  } join{prefetch};
  AnalysisOptions ao;
  ao.file = path;
  ao.source_title = info.title;
  ao.speller = [](const std::string& lang) { return shared_speller(lang); };
  lap("prepare");
  Diagnostics all_diag;
  Deck deck = analyze(lines, ao, wanted.size() == pages.size() ? diag : all_diag);
  lap("analysis");
  if (wanted.size() != pages.size()) {
    // the slides asked for, and the warnings about them (or about no page)
    std::erase_if(deck.slides, [&](const Slide& sl) { return !wanted.count(sl.page); });
    for (const Warning& w : all_diag.warnings())
      if (w.page == 0 || wanted.count(w.page)) diag.warn(w);
  }
  deck.source.file = std::filesystem::path(path).filename().string();
  if (opts.source_hash) deck.source.sha256 = src.sha256();
  deck.source.pages = info.pages;
  if (!lines.empty()) deck.source.page_size = {lines[0].width, lines[0].height};
  deck.source.producer = info.producer;
  deck.source.creator = info.creator;
  deck.source.title = info.title;
  // not for translation: code listings, text without a letter (docs/deck-json.md)
  for (auto& s : deck.slides)
    for (auto& b : s.blocks) b.translate = default_translate(b);
  return deck;
}

}  // namespace deckhand::extract

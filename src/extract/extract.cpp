#include "extract/extract.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <cmath>
#include <map>
#include <set>

#include "core/io.hpp"
#include "core/limits.hpp"
#include "core/parallel.hpp"
#include "core/sha256.hpp"
#include "extract/analysis.hpp"
#include "extract/pdf_reader.hpp"
#include "extract/spelling.hpp"

namespace deckhand::extract {

std::vector<int> parse_page_ranges(const std::string& spec, int npages) {
  std::vector<int> out;
  if (spec.empty()) {
    for (int i = 1; i <= npages; ++i) out.push_back(i);
    return out;
  }
  std::set<int> pages;
  size_t pos = 0;
  auto bad = [&](const std::string& why) {
    throw Error(Exit::usage, "", "--pages \"" + spec + "\": " + why, "write ranges like 1-3,5,8- within 1-" + std::to_string(npages));
  };
  while (pos <= spec.size()) {
    size_t comma = spec.find(',', pos);
    std::string part = spec.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    pos = comma == std::string::npos ? spec.size() + 1 : comma + 1;
    if (part.empty()) bad("empty range");
    size_t dash = part.find('-');
    auto num = [&](const std::string& s, int def) {
      if (s.empty()) return def;
      if (!std::all_of(s.begin(), s.end(), ::isdigit) || s.size() > 6) bad("\"" + s + "\" is not a page number");
      return std::stoi(s);
    };
    int a, b;
    if (dash == std::string::npos) a = b = num(part, 0);
    else { a = num(part.substr(0, dash), 1); b = num(part.substr(dash + 1), npages); }
    if (a > b && a >= 1 && b >= 1) bad("range " + part + " is reversed (write it as " + std::to_string(b) + "-" + std::to_string(a) + ")");
    if (a < 1 || b > npages || a > b) bad("range " + part + " is outside the document");
    for (int i = a; i <= b; ++i) pages.insert(i);
  }
  return {pages.begin(), pages.end()};
}

namespace {

// Could line k be a wrapped continuation of the line above it? (Same start, and the line
// above reaches the right edge, so the first word of line k might not have fitted.)
bool may_continue(const PageLines& pl, size_t k, double right_edge) {
  const Line& l = pl.lines[k];
  const Line* prev = nullptr;
  for (size_t j = 0; j < pl.lines.size(); ++j) {
    const Line& c = pl.lines[j];
    if (j == k || c.y1 > l.y0 + 0.5 * l.height() || l.y0 - c.y1 > 1.5 * l.height()) continue;
    if (std::min(c.x1, l.x1) - std::max(c.x0, l.x0) <= 0) continue;
    if (!prev || c.y0 > prev->y0) prev = &c;
  }
  if (!prev || std::abs(prev->text_start - l.text_start) > 1.0) return false;
  double first = l.words.empty() ? 0 : l.words[0].x1 - l.words[0].x0;
  return prev->x1 + 0.3 * l.size + first > right_edge - 0.3 * l.size;
}

struct InkMemo {
  int ink = 0, none = 0;
  double offset = 0;  // text start - mark start, summed over `ink`
};

}  // namespace

void probe_drawn_bullets(std::vector<PageLines>& lines, const InkFn& ink, unsigned workers) {
  const int n = static_cast<int>(lines.size());
  constexpr int kLearnPages = 8;
  std::vector<std::vector<size_t>> cand(n);
  std::vector<std::vector<bool>> ambiguous(n);
  int learn_left = kLearnPages;
  std::vector<bool> learn_page(n, false);
  for (int i = 0; i < n; ++i) {
    cand[i] = needs_ink_probe(lines[i]);
    double right = 0;
    for (const auto& l : lines[i].lines) right = std::max(right, l.x1);
    for (size_t k : cand[i]) ambiguous[i].push_back(may_continue(lines[i], k, right));
    if (!cand[i].empty() && learn_left > 0) { learn_page[i] = true; --learn_left; }
  }
  auto key = [&](int i, size_t k) {
    return std::make_pair(static_cast<long>(std::lround(lines[i].width)), static_cast<long>(std::lround(lines[i].lines[k].text_start * 2)));
  };
  auto apply = [&](int i, size_t k, const std::optional<double>& x) {
    Line& l = lines[i].lines[k];
    l.ink_before = x.has_value();
    if (x) l.ink_x = l.rtl ? lines[i].width - *x : *x;
  };
  // Round 1: every candidate of the first pages, and every line that may be a wrapped
  // continuation, anywhere (only a render can tell those apart from a new item).
  auto round = [&](const std::function<bool(int, size_t, bool)>& want) {
    std::vector<int> todo;
    std::vector<std::vector<size_t>> sel(n);
    for (int i = 0; i < n; ++i) {
      for (size_t c = 0; c < cand[i].size(); ++c)
        if (want(i, c, ambiguous[i][c])) sel[i].push_back(cand[i][c]);
      if (!sel[i].empty()) todo.push_back(i);
    }
    parallel_for(static_cast<int>(todo.size()), workers, [&](int t, unsigned w) {
      int i = todo[t];
      std::vector<std::array<double, 4>> rects;
      for (size_t k : sel[i]) rects.push_back(ink_probe_rect(lines[i].lines[k], lines[i].width));
      auto res = ink(i, rects, w);
      for (size_t r = 0; r < sel[i].size(); ++r) apply(i, sel[i][r], res[r]);
    });
  };
  round([&](int i, size_t, bool amb) { return learn_page[i] || amb; });
  // What the first pages taught, for lines that start a new block.
  std::map<std::pair<long, long>, InkMemo> memo;
  for (int i = 0; i < n; ++i)
    if (learn_page[i])
      for (size_t c = 0; c < cand[i].size(); ++c) {
        if (ambiguous[i][c]) continue;
        const Line& l = lines[i].lines[cand[i][c]];
        InkMemo& m = memo[key(i, cand[i][c])];
        if (l.ink_before.value_or(false)) { ++m.ink; m.offset += l.text_start - l.ink_x; }
        else ++m.none;
      }
  auto settled = [&](int i, size_t k) -> std::optional<bool> {
    auto it = memo.find(key(i, k));
    if (it == memo.end()) return std::nullopt;
    if (it->second.ink >= 2 && it->second.none == 0) return true;
    if (it->second.none >= 2 && it->second.ink == 0) return false;
    return std::nullopt;
  };
  // Round 2: the rest, from memory where it is settled, rendered where it is not.
  for (int i = 0; i < n; ++i)
    if (!learn_page[i])
      for (size_t c = 0; c < cand[i].size(); ++c) {
        if (ambiguous[i][c]) continue;
        size_t k = cand[i][c];
        if (auto s = settled(i, k)) {
          Line& l = lines[i].lines[k];
          l.ink_before = *s;
          if (*s) {
            const InkMemo& m = memo[key(i, k)];
            l.ink_x = l.text_start - m.offset / m.ink;
          }
        }
      }
  round([&](int i, size_t c, bool amb) { return !learn_page[i] && !amb && !lines[i].lines[cand[i][c]].ink_before.has_value(); });
}

Deck extract_deck(const std::string& path, const ExtractOptions& opts, Diagnostics& diag) {
  std::string data = read_file(path);
  if (data.empty()) throw Error(Exit::bad_pdf, path, "the file is empty", "check that the download or copy finished");
  if (data.substr(0, 1024).find("%PDF-") == std::string::npos)
    throw Error(Exit::bad_pdf, path, "not a PDF file (no %PDF- header)", "give deckhand the deck exported as PDF");
  auto main_doc = PdfDocument::open(data, path, opts.password);
  PdfInfo info = main_doc->info();
  if (info.pages <= 0) throw Error(Exit::bad_pdf, path, "the PDF has no pages", "check the file with 'qpdf --check'");
  std::vector<int> pages = parse_page_ranges(opts.pages, info.pages);
  int n = static_cast<int>(pages.size());
  if (n > limits().pages)
    over_limit(static_cast<int>(Exit::bad_pdf), path, "the number of pages to read", std::to_string(n), std::to_string(limits().pages),
               "--max-pages");

  unsigned workers = std::min<unsigned>(worker_count(opts.threads), static_cast<unsigned>(n));
  std::vector<std::unique_ptr<PdfDocument>> docs;
  docs.push_back(std::move(main_doc));
  for (unsigned w = 1; w < workers; ++w) docs.push_back(PdfDocument::open(data, path, opts.password));

  // Pass 1, all cores: words and lines of every page.
  std::vector<PageLines> lines(pages.size());
  std::atomic<int> done{0};
  parallel_for(n, workers, [&](int i, unsigned w) {
    lines[i] = build_lines(docs[w]->words(pages[i] - 1));
    int d = ++done;
    if (opts.progress) opts.progress(d, n);
  });
  for (const auto& pl : lines)  // sizes reach the deck's arithmetic: finite and within the limit
    if (!(pl.width <= limits().page_size && pl.height <= limits().page_size))
      over_limit(static_cast<int>(Exit::bad_pdf), path, "the size of page " + std::to_string(pl.page),
                 std::to_string(pl.width) + " x " + std::to_string(pl.height) + " pt", std::to_string(limits().page_size) + " pt",
                 "--max-page-size");
  // Pass 2: bullets drawn as graphics (Beamer's balls, picture bullets). Rendering is
  // the costly part, so what the first pages teach is reused: a line that starts a new
  // block at an indent where a mark was always found before gets one without a render.
  probe_drawn_bullets(lines, [&](int i, const std::vector<std::array<double, 4>>& rects, unsigned w) {
    return docs[w]->ink(pages[i] - 1, rects);
  }, workers);

  bool any_text = std::any_of(lines.begin(), lines.end(), [](const PageLines& p) { return p.has_text; });
  if (!any_text)
    throw Error(Exit::no_text, path, "no page has a text layer (a scanned or image-only PDF)",
                "run OCR first, for example 'ocrmypdf in.pdf out.pdf', then extract again");

  AnalysisOptions ao;
  ao.file = path;
  ao.source_title = info.title;
  std::map<std::string, std::unique_ptr<Speller>> spellers;  // analyze() asks once a language
  ao.speller = [&](const std::string& lang) {
    auto& s = spellers[lang];
    if (!s) s = system_speller(lang);
    return s.get();
  };
  Deck deck = analyze(lines, ao, diag);
  deck.source.file = std::filesystem::path(path).filename().string();
  deck.source.sha256 = sha256_hex(data);
  deck.source.pages = info.pages;
  if (!lines.empty()) deck.source.page_size = {lines[0].width, lines[0].height};
  deck.source.producer = info.producer;
  deck.source.creator = info.creator;
  deck.source.title = info.title;
  return deck;
}

}  // namespace deckhand::extract

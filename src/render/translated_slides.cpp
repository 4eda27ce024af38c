#include "render/translated_slides.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <spdlog/spdlog.h>

#include "core/log.hpp"
#include "core/parallel.hpp"
#include "core/step_timer.hpp"
#include "layout/font_match.hpp"
#include "render/slide_translate.hpp"

namespace deckhand::render {

layout::SlideUnits translated_units(const Deck& source, const Deck& translated) {
  layout::SlideUnits units;
  for (size_t i = 0; i < translated.slides.size() && i < source.slides.size(); ++i) {
    const Slide& a = source.slides[i];
    const Slide& b = translated.slides[i];
    if (a.title != b.title) units.translated.insert(b.id + ".title");
    for (size_t k = 0; k < b.blocks.size() && k < a.blocks.size(); ++k)
      if (a.blocks[k].text != b.blocks[k].text) units.translated.insert(b.blocks[k].id);
  }
  return units;
}

namespace {

// The boxes a unit's source text is taken out of on its page: the layout's box for it
// (layout::removal_box: the item's box, clamped to the slide), and the boxes of the lines a
// paragraph flowed into in the next column (Block::flow), each reaching past the slide's
// edge where the source's box does (a line cut by the page's edge: the glyph across the edge
// is the unit's too, and what lies beyond the edge is not seen).
std::vector<BBox> removal_boxes(const Slide& s, const std::string& key, const Block* b) {
  const BBox& src = b ? b->bbox : s.title_bbox;
  auto past_edges = [&](BBox box, const BBox& from) {
    if (s.size[0] > 0 && s.size[1] > 0) {
      box[0] = std::clamp(box[0], 0.0, s.size[0]), box[2] = std::clamp(box[2], 0.0, s.size[0]);
      box[1] = std::clamp(box[1], 0.0, s.size[1]), box[3] = std::clamp(box[3], 0.0, s.size[1]);
      if (box[0] <= 0) box[0] = std::min(box[0], from[0]);
      if (box[1] <= 0) box[1] = std::min(box[1], from[1]);
      if (box[2] >= s.size[0]) box[2] = std::max(box[2], from[2]);
      if (box[3] >= s.size[1]) box[3] = std::max(box[3], from[3]);
    }
    return box;
  };
  std::vector<BBox> out{past_edges(layout::removal_box(s, key), src)};
  if (b)
    for (const auto& f : b->flow) out.push_back(past_edges(f, f));
  return out;
}

double area(const BBox& b) { return std::max(0.0, b[2] - b[0]) * std::max(0.0, b[3] - b[1]); }

}  // namespace

LaidOutDoc translate_slides(const Deck& source, const Deck& deck, const std::string& pdf, const std::string& password,
                            const layout::FontSet& fonts, const layout::SlideTextOptions& opts, Diagnostics& diag,
                            const std::string& out, bool all_pages, std::unique_ptr<SlideRewriter> opened,
                            std::unique_ptr<SlideRewriter>* used_rewriter) {
  using clock = std::chrono::steady_clock;
  auto t0 = clock::now();
  auto lap = [&](const char* step) {  // -vv: how long each step took
    auto t = clock::now();
    current_log().debug("slides: {} took {:.3f} s", step, std::chrono::duration<double>(t - t0).count());
    t0 = t;
  };
  const layout::SlideUnits all = translated_units(source, deck);
  std::unique_ptr<SlideRewriter> own = std::move(opened);
  if (!own) {
    own = std::make_unique<SlideRewriter>(pdf, password);
    lap("reading the PDF with qpdf");
  }
  SlideRewriter& rw = *own;
  // the output's pages, in the deck's order (a deck JSON may move slides); a slide the deck
  // lists twice is shown twice, each time from a page object of its own (its text taken out
  // and its text layer drawn once each)
  std::vector<int> pages, layer;
  std::set<int> used;
  for (const auto& s : deck.slides) {
    if (s.page < 1 || s.page > rw.page_count())
      throw Error(Exit::bad_deck, opts.file, "the deck has page " + std::to_string(s.page) + " but the PDF has " + std::to_string(rw.page_count()),
                  "pass the deck's own PDF with --source");
    pages.push_back(used.insert(s.page).second || all_pages ? s.page : rw.copy_page(s.page));
    layer.push_back(static_cast<int>(layer.size()));
  }
  // slide i's units: its translated units whose text was found, their colours, starts and
  // lines, and the ink its page keeps
  std::vector<layout::SlideUnits> per(deck.slides.size());
  std::vector<std::vector<std::string>> not_found(deck.slides.size());  // units none of whose text was found
  std::map<int, size_t> first_on_page;  // (all_pages: a slide listed twice is its page's, done once)
  auto take_out = [&](size_t i) {
    const Slide& s = deck.slides[i];
    layout::SlideUnits& units = per[i];
    if (all_pages) {
      auto [at, fresh] = first_on_page.emplace(pages[i], i);
      if (!fresh) {
        units = per[at->second];
        return;
      }
    }
    // regions, the tightest first: a glyph inside two boxes (a table's row read as one block
    // across cells read as others) goes to the smaller one, which holds it more surely
    std::vector<TextRegion> regions;
    std::vector<bool> primary;  // the unit's own box (not a column it flowed into)
    auto add = [&](const std::string& key, const Block* b) {
      units.translated.insert(key);
      std::vector<BBox> boxes = removal_boxes(s, key, b);
      for (size_t k = 0; k < boxes.size(); ++k) regions.push_back({key, boxes[k]}), primary.push_back(k == 0);
    };
    if (!s.title.empty() && all.translated.count(s.id + ".title")) add(s.id + ".title", nullptr);
    for (const auto& b : s.blocks)
      if (all.translated.count(b.id)) add(b.id, &b);
    std::vector<size_t> order(regions.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return area(regions[x].box) < area(regions[y].box); });
    std::vector<TextRegion> sorted;
    for (size_t k : order) sorted.push_back(regions[k]);
    std::vector<layout::Ink> ink;
    std::vector<RemovedText> removed = rw.remove_text(pages[i], sorted, &ink);
    // per unit: the glyphs removed from its boxes; the colour and the starts of its own box
    // (else of the box it flowed into that held most)
    std::map<std::string, int> count;
    std::map<std::string, std::pair<const RemovedText*, bool>> best;  // region, its own box
    auto rank = [](const RemovedText* r, bool own) { return std::pair{own && r->glyphs > 0, r->glyphs}; };
    for (size_t k = 0; k < removed.size() && k < order.size(); ++k) {
      const RemovedText& r = removed[k];
      const bool own = primary[order[k]];
      count[r.key] += r.glyphs;
      auto& lines = units.lines[r.key];
      lines.insert(lines.end(), r.lines.begin(), r.lines.end());
      auto it = best.find(r.key);
      if (it == best.end()) best[r.key] = {&r, own};
      else if (rank(&r, own) > rank(it->second.first, it->second.second)) it->second = {&r, own};
    }
    for (const auto& [key, got] : best) {
      units.colors[key] = got.first->color;
      units.starts[key] = got.first->starts;
      // a unit is set on a page only where its source text was taken out of it: where none
      // was found in its boxes (a build step that does not show it, text that draws nothing),
      // its translation would stand where the source shows nothing, or over text that stays
      if (count[key] == 0) {
        units.translated.erase(key);
        not_found[i].push_back(key);
      }
    }
    if (!regions.empty()) units.ink[s.id] = std::move(ink);
  };
  // the text is taken out of the pages on threads of their own (remove_text reads qpdf's
  // objects under its lock and tokenizes without it), the pages in order, while the
  // layout's workers lay out the slides already done; with all_pages (handout frames), on
  // one thread: a slide listed twice takes what its page's first slide found
  std::mutex mu;
  std::condition_variable cv;
  std::vector<char> done(deck.slides.size(), 0);  // (under mu)
  std::atomic<size_t> next{0};
  std::exception_ptr failed;
  std::atomic<bool> stop{false};  // the layout failed, or a page: the rest is not needed
  const unsigned removers = all_pages ? 1u : std::clamp<unsigned>(worker_count(opts.threads), 1u, std::max<unsigned>(1u, static_cast<unsigned>(deck.slides.size() / 8)));
  std::atomic<long> cpu_us{0};
  const auto p0 = clock::now();
  std::atomic<long long> last_ns{0};  // when the last page was done (after p0)
  auto remover = [&, log = scoped_log()] {
    LogScope scope(log);
    const double c0 = thread_cpu_ms();
    for (size_t i; !stop && (i = next++) < deck.slides.size();) {
      try {
        take_out(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mu);
        if (!failed) failed = std::current_exception();
        stop = true;
        cv.notify_all();
        return;
      }
      std::lock_guard<std::mutex> lock(mu);
      done[i] = 1;
      cv.notify_all();
    }
    cpu_us += static_cast<long>((thread_cpu_ms() - c0) * 1000);
    const long long t = std::chrono::duration_cast<std::chrono::nanoseconds>(clock::now() - p0).count();
    for (long long seen = last_ns; t > seen && !last_ns.compare_exchange_weak(seen, t);) {
    }
  };
  std::vector<std::thread> producers;
  auto join_all = [&] {
    for (auto& t : producers) t.join();
    producers.clear();
  };
  try {
    for (unsigned w = 0; w < removers; ++w) producers.emplace_back(remover);
  } catch (...) {
    stop = true;
    join_all();
    throw;
  }
  auto units_of = [&](size_t i) -> const layout::SlideUnits& {
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return done[i] || failed; });
      if (!done[i]) std::rethrow_exception(failed);
    }
    // the page's new content compressed here, on the layout's workers, not on the one
    // thread that writes the file (when there is one to write)
    if (!out.empty()) rw.compress(pages[i]);
    return per[i];
  };
  LaidOutDoc doc;
  try {
    doc = layout::lay_out_slide_text(deck, units_of, fonts, opts, diag);
  } catch (...) {
    stop = true;
    join_all();
    throw;
  }
  join_all();
  if (failed) std::rethrow_exception(failed);
  current_log().debug("slides: taking the source text out took {:.3f} s ({:.3f} s of CPU time on {} thread(s))",
                      static_cast<double>(last_ns) / 1e9, static_cast<double>(cpu_us) / 1e6, removers);
  // a unit none of whose text is in its box on its page is not drawn there: a block added to a
  // deck JSON (the page does not have it), text that draws nothing, a box that missed its text
  for (size_t i = 0; i < deck.slides.size(); ++i)
    for (const auto& key : not_found[i])
      diag.warn({warn::not_on_slide, opts.file, deck.slides[i].page,
                 "slide " + deck.slides[i].id + ": " + key + " is not on the slide's page (no text of it was found in its box): its translation is not drawn there, and the page shows what it had (a block added to a deck JSON is shown by text layouts such as outline)"});
  lap("laying out the translations");
  if (out.empty()) return doc;
  if (all_pages) {
    std::vector<int> l(static_cast<size_t>(rw.page_count()), -1);
    for (size_t i = 0; i < pages.size(); ++i) l[static_cast<size_t>(pages[i] - 1)] = layer[i];
    pages.clear();
    for (int p = 1; p <= rw.page_count(); ++p) pages.push_back(p);
    layer = l;
  }
  if (!all_pages) rw.set_document(deck.lang.value_or(""), source.title, deck.title);  // (handout frames: a scratch file)
  rw.write(pages, doc, layer, out, opts.threads);
  lap("writing the slides (the text layer included)");
  if (used_rewriter) *used_rewriter = std::move(own);
  return doc;
}

std::future<std::unique_ptr<SlideRewriter>> open_slides(const std::string& pdf, const std::string& password, std::function<void()> then,
                                                        std::function<std::vector<int>(int pages)> read_ahead, std::shared_future<void> gate) {
  return std::async(std::launch::async, [pdf, password, then = std::move(then), read_ahead = std::move(read_ahead), gate = std::move(gate),
                                         log = scoped_log()] {
    LogScope scope(log);
    // (at the run's own priority: what it reads is needed as soon as the deck is
    // extracted; at nice 19 it waited for the CPU as long as anything else on the machine
    // wanted it, and the whole run with it: 14 times as long as `extract` on a busy machine)
    const auto t0 = std::chrono::steady_clock::now();
    layout::family_installed("");  // fontconfig's configuration, read once
    auto rw = std::make_unique<SlideRewriter>(pdf, password);
    rw->read_all();  // (the writer needs every object; read while the deck is extracted)
    if (then) then();
    if (read_ahead) {
      std::vector<int> pages;
      try {
        pages = read_ahead(rw->page_count());
      } catch (const Error&) {  // (a bad --pages: the extraction says so)
      }
      rw->prescan(std::move(pages), gate);
    }
    current_log().debug("slides: reading the PDF with qpdf took {:.3f} s (while the deck was extracted)",
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    return rw;
  });
}

}  // namespace deckhand::render

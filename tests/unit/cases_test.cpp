// The extraction cases in ../shared/cases/extract/ (skipped when the folder is absent) and
// the project's own in tests/cases/extract/ (scripts/make-cases.py):
// each NAME.pdf against NAME.expected.json with the acceptance metrics of issue 7:
// every title exact, block F1 >= 0.95 (text compared after folding white space), level
// accuracy >= 0.95 on the matched blocks, matched blocks in reading order, no furniture
// text in any title or block, speaker notes (paragraph by paragraph) where expected.
// Blocks listed under "optional" do not count either way. An own case may also name blocks
// that must come out exactly ("must_have") and their inline styles ("spans").
// Every run prints one table row per case (the figures reported in issue 7).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "core/io.hpp"
#include "core/unicode.hpp"
#include "extract/extract.hpp"

using namespace deckhand;
namespace fs = std::filesystem;

namespace {
const fs::path kCases = fs::path(DECKHAND_SOURCE_DIR) / ".." / "shared" / "cases" / "extract";
// The project's own cases (made by scripts/make-cases.py, committed): named "own-NAME".
const fs::path kOwnCases = fs::path(DECKHAND_SOURCE_DIR) / "tests" / "cases" / "extract";

std::vector<std::string> case_names() {
  std::vector<std::string> out;
  std::error_code ec;
  if (fs::is_directory(kCases, ec))
    for (const auto& e : fs::directory_iterator(kCases))
      if (e.path().extension() == ".pdf") out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  if (out.empty()) out.push_back("absent");
  std::vector<std::string> own;
  if (fs::is_directory(kOwnCases, ec))
    for (const auto& e : fs::directory_iterator(kOwnCases))
      if (e.path().extension() == ".pdf") own.push_back("own-" + e.path().stem().string());
  std::sort(own.begin(), own.end());
  out.insert(out.end(), own.begin(), own.end());
  return out;
}

// The folder and file name of a case.
fs::path case_path(const std::string& name, const std::string& ext) {
  if (name.rfind("own-", 0) == 0) return kOwnCases / (name.substr(4) + ext);
  return kCases / (name + ext);
}

std::string fold(const std::string& s) { return unicode::collapse_spaces(s); }

struct Score {
  size_t titles_ok = 0, titles = 0;
  double f1 = 0, level_acc = 0;
  bool order_ok = true, no_furniture = true, notes_ok = true, slides_ok = true;
  std::string why;
};

Score score(const Deck& d, const nlohmann::json& exp) {
  Score sc;
  std::set<std::string> optional;
  if (exp.contains("optional"))
    for (const auto& o : exp["optional"]) optional.insert(fold(o.get<std::string>()));
  const auto& es = exp["slides"];
  if (d.slides.size() != es.size()) {
    sc.slides_ok = false;
    sc.why += "slides " + std::to_string(d.slides.size()) + " != " + std::to_string(es.size()) + "; ";
  }
  size_t matched = 0, got_n = 0, exp_n = 0, level_ok = 0;
  for (size_t i = 0; i < es.size(); ++i) {
    ++sc.titles;
    if (i >= d.slides.size()) continue;
    const Slide& s = d.slides[i];
    std::string et = fold(es[i].value("title", ""));
    if (fold(s.title) == et) ++sc.titles_ok;
    else sc.why += "p" + std::to_string(i + 1) + " title \"" + s.title + "\" != \"" + et + "\"; ";
    std::vector<std::pair<int, std::string>> want;
    for (const auto& it : es[i]["items"]) want.push_back({it[0].get<int>(), fold(it[1].get<std::string>())});
    std::vector<const Block*> got;
    for (const auto& b : s.blocks)
      if (!optional.count(fold(b.text))) got.push_back(&b);
    got_n += got.size();
    exp_n += want.size();
    // Match each expected item to the first unused block with the same text; the blocks'
    // positions must increase along the expected order.
    std::vector<bool> used(got.size(), false);
    long last_pos = -1;
    for (const auto& [lvl, text] : want) {
      for (size_t k = 0; k < got.size(); ++k) {
        if (used[k] || fold(got[k]->text) != text) continue;
        used[k] = true;
        ++matched;
        if (got[k]->level == lvl) ++level_ok;
        else sc.why += "p" + std::to_string(i + 1) + " level " + std::to_string(got[k]->level) + " \"" + text + "\"; ";
        if (static_cast<long>(k) < last_pos) { sc.order_ok = false; sc.why += "order \"" + text + "\"; "; }
        last_pos = static_cast<long>(k);
        break;
      }
    }
    for (size_t k = 0; k < got.size(); ++k)
      if (!used[k]) sc.why += "p" + std::to_string(i + 1) + " extra \"" + got[k]->text + "\"; ";
    if (es[i].contains("notes")) {
      // paragraph by paragraph, each compared after folding white space
      std::vector<std::string> en, gn;
      for (const auto& n : es[i]["notes"]) en.push_back(fold(n.get<std::string>()));
      for (const auto& n : s.notes) gn.push_back(fold(n));
      if (gn != en) {
        std::string all;
        for (const auto& n : s.notes) all += (all.empty() ? "" : " | ") + n;
        sc.notes_ok = false;
        sc.why += "p" + std::to_string(i + 1) + " notes \"" + all + "\"; ";
      }
    }
  }
  double p = got_n ? static_cast<double>(matched) / got_n : (exp_n ? 0 : 1);
  double r = exp_n ? static_cast<double>(matched) / exp_n : 1;
  sc.f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  sc.level_acc = matched ? static_cast<double>(level_ok) / matched : (exp_n ? 0 : 1);
  if (exp.contains("furniture"))
    for (const auto& f : exp["furniture"]) {
      std::string ft = fold(f.get<std::string>());
      for (const auto& s : d.slides) {
        bool hit = s.title.find(ft) != std::string::npos;
        for (const auto& b : s.blocks) hit = hit || b.text.find(ft) != std::string::npos;
        if (hit) { sc.no_furniture = false; sc.why += "furniture \"" + ft + "\" on p" + std::to_string(s.page) + "; "; }
      }
    }
  return sc;
}

// Cases known not to pass yet, with the reason, from tests/cases/known-open.tsv (NAME<TAB>why;
// '#' starts a comment): reported as skipped (figures printed); a known-open case that
// passes fails, so that it leaves the list.
std::map<std::string, std::string> known_open() {
  std::map<std::string, std::string> out;
  const fs::path f = fs::path(DECKHAND_SOURCE_DIR) / "tests" / "cases" / "known-open.tsv";
  std::error_code ec;
  if (!fs::exists(f, ec)) return out;
  std::istringstream in(read_file(f.string()));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto tab = line.find('\t');
    out[line.substr(0, tab)] = tab == std::string::npos ? "" : line.substr(tab + 1);
  }
  return out;
}
const std::map<std::string, std::string> kKnownOpen = known_open();

class Case : public ::testing::TestWithParam<std::string> {};
}  // namespace

TEST_P(Case, MeetsAcceptanceMetrics) {
  const std::string name = GetParam();
  if (name == "absent") GTEST_SKIP() << kCases << " not found";
  auto exp = nlohmann::json::parse(read_file(case_path(name, ".expected.json").string()));
  extract::ExtractOptions o;
  o.threads = 1;
  Diagnostics diag;
  Deck d = extract::extract_deck(case_path(name, ".pdf").string(), o, diag);
  Score sc = score(d, exp);
  std::printf("CASE %-24s titles %zu/%zu  F1 %.3f  levels %.3f  order %s  furniture %s  notes %s\n", name.c_str(),
              sc.titles_ok, sc.titles, sc.f1, sc.level_acc, sc.order_ok ? "ok" : "NO", sc.no_furniture ? "none" : "FOUND",
              sc.notes_ok ? "ok" : "NO");
  if (!sc.why.empty()) std::printf("  %s\n", sc.why.c_str());
  bool pass = sc.slides_ok && sc.titles_ok == sc.titles && sc.f1 >= 0.95 && sc.level_acc >= 0.95 && sc.order_ok &&
              sc.no_furniture && sc.notes_ok;
  if (auto k = kKnownOpen.find(name); k != kKnownOpen.end()) {
    if (pass) FAIL() << name << " passes now: take it off kKnownOpen";
    GTEST_SKIP() << "known open: " << k->second;
  }
  EXPECT_TRUE(sc.slides_ok);
  EXPECT_EQ(sc.titles_ok, sc.titles);
  EXPECT_GE(sc.f1, 0.95);
  EXPECT_GE(sc.level_acc, 0.95);
  EXPECT_TRUE(sc.order_ok);
  EXPECT_TRUE(sc.no_furniture);
  EXPECT_TRUE(sc.notes_ok);
  // an own case may name texts that must come out exactly, each as one block of its
  // slide ("must_have": [[page, text], ...]): what the case was made for, which the
  // thresholds above would let one wrong block through
  if (exp.contains("must_have"))
    for (const auto& m : exp["must_have"]) {
      size_t page = m.at(0).get<size_t>();
      std::string text = m.at(1).get<std::string>();
      bool found = false;
      for (const auto& s : d.slides)
        if (static_cast<size_t>(s.page) == page)
          for (const auto& b : s.blocks) found = found || b.text == text;
      EXPECT_TRUE(found) << name << ": page " << page << " has no block \"" << text << "\"";
    }
  // and the inline styles of some blocks ("spans": [[page, text, [{"begin": 8, "end": 12,
  // "bold": true}, ...]], ...], as the deck JSON writes them; [] for a block that must
  // have none)
  if (exp.contains("spans"))
    for (const auto& m : exp["spans"]) {
      size_t page = m.at(0).get<size_t>();
      std::string text = m.at(1).get<std::string>();
      const Block* block = nullptr;
      for (const auto& s : d.slides)
        if (static_cast<size_t>(s.page) == page)
          for (const auto& b : s.blocks)
            if (b.text == text && !block) block = &b;
      if (!block) {
        ADD_FAILURE() << name << ": page " << page << " has no block \"" << text << "\" (spans)";
        continue;
      }
      nlohmann::json got = nlohmann::json::array();
      for (const auto& sp : block->spans) {
        nlohmann::json j = {{"begin", sp.begin}, {"end", sp.end}};
        if (sp.bold) j["bold"] = true;
        if (sp.italic) j["italic"] = true;
        if (!sp.color.empty()) j["color"] = sp.color;
        got.push_back(j);
      }
      EXPECT_EQ(got, m.at(2)) << name << ": spans of \"" << text << "\": " << got.dump();
    }
}

INSTANTIATE_TEST_SUITE_P(Extract, Case, ::testing::ValuesIn(case_names()), [](const auto& info) {
  std::string n = info.param;
  for (auto& c : n)
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
});

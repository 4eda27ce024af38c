#include "job/event.hpp"

#include <fnmatch.h>
#include <glob.h>
#include <sys/stat.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/docs.hpp"
#include "core/io.hpp"
#include "core/language.hpp"
#include "core/sha256.hpp"

namespace deckhand::event {
namespace {

constexpr size_t kMaxManifest = 1 << 20;  // bytes
constexpr size_t kMaxValue = 4096;        // bytes of one value
std::string hint() { return "see " + doc_path("events.md"); }

struct Ctx {
  std::string file;
  std::string at(const YAML::Node& n) const {
    return n.Mark().is_null() ? file : file + ":" + std::to_string(n.Mark().line + 1);
  }
  [[noreturn]] void fail(const YAML::Node& n, const std::string& what) const {
    throw Error(Exit::manifest, at(n), what, hint());
  }
  std::string str(const YAML::Node& n, const std::string& key) const {
    if (!n.IsScalar()) fail(n, "key '" + key + "': must be a text, not a list or a map");
    const std::string& s = n.Scalar();
    if (s.size() > kMaxValue) fail(n, "key '" + key + "': " + std::to_string(s.size()) + " bytes, over the limit of " + std::to_string(kMaxValue));
    if (s.find('\0') != std::string::npos) fail(n, "key '" + key + "': holds a NUL byte");
    return s;
  }
  bool boolean(const YAML::Node& n, const std::string& key) const {
    const std::string s = str(n, key);
    if (s == "true" || s == "yes" || s == "on") return true;
    if (s == "false" || s == "no" || s == "off") return false;
    fail(n, "key '" + key + "': must be true or false, not '" + s + "'");
  }
  std::vector<std::string> list(const YAML::Node& n, const std::string& key) const {
    std::vector<std::string> out;
    if (n.IsScalar()) {
      out.push_back(str(n, key));
    } else if (n.IsSequence()) {
      for (const auto& e : n) out.push_back(str(e, key));
    } else {
      fail(n, "key '" + key + "': must be a list");
    }
    if (out.empty()) fail(n, "key '" + key + "': the list is empty");
    return out;
  }
};

bool is_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  const int mo = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

bool has(const std::string& pattern, const std::string& ph) { return pattern.find("{" + ph + "}") != std::string::npos; }

std::string join(const std::string& dir, const std::string& p) {
  if (p.empty() || p[0] == '/' || dir.empty() || dir == ".") return p;
  return dir + "/" + p;
}

std::string stem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

}  // namespace

std::string expand(const std::string& pattern, const std::string& deck, const std::string& lang,
                   const std::string& output, const std::string& file, const std::string& key) {
  std::string out;
  out.reserve(pattern.size() + 32);
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') {
      out += pattern[i];
      continue;
    }
    const size_t e = pattern.find('}', i);
    if (e == std::string::npos)
      throw Error(Exit::manifest, file, "key '" + key + "': a '{' without its '}' in '" + pattern + "'", "placeholders are {deck}, {lang} and {output}; " + hint());
    const std::string name = pattern.substr(i + 1, e - i - 1);
    if (name == "deck") out += deck;
    else if (name == "lang") out += lang;
    else if (name == "output") out += output;
    else
      throw Error(Exit::manifest, file, "key '" + key + "': unknown placeholder {" + name + "}", "placeholders are {deck}, {lang} and {output}; " + hint());
    i = e;
  }
  return out;
}

Manifest parse_manifest(const std::string& text, const std::string& file) {
  Ctx c{file};
  if (text.size() > kMaxManifest)
    throw Error(Exit::manifest, file, "the manifest is " + std::to_string(text.size()) + " bytes, over the limit of " + std::to_string(kMaxManifest), hint());
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw Error(Exit::manifest, file + ":" + std::to_string(e.mark.line + 1), "not valid YAML: " + e.msg, hint());
  }
  if (!root.IsMap()) throw Error(Exit::manifest, file, "a manifest is a map of keys (event, decks, languages, translations, outputs, out)", hint());
  Manifest m;
  m.file = file;
  m.dir = std::filesystem::path(file).parent_path().string();
  if (m.dir.empty()) m.dir = ".";
  static const std::set<std::string> known{"event", "date", "decks", "languages", "source_language", "translations", "outputs", "out"};
  std::set<std::string> seen;
  for (const auto& kv : root) {
    const std::string k = kv.first.IsScalar() ? kv.first.Scalar() : "";
    if (!known.count(k)) c.fail(kv.first, "unknown key '" + k.substr(0, 64) + "' (keys: event, date, decks, languages, source_language, translations, outputs, out)");
    // (YAML forbids it; yaml-cpp keeps both and reads the first: the second would be ignored)
    if (!seen.insert(k).second) c.fail(kv.first, "key '" + k + "' is given twice (the second would be ignored; keep one)");
  }
  try {
    if (root["event"]) m.event = c.str(root["event"], "event");
    if (root["date"]) {
      m.date = c.str(root["date"], "date");
      if (!is_date(m.date)) c.fail(root["date"], "key 'date': must be a date as YYYY-MM-DD, not '" + m.date.substr(0, 64) + "'");
    }
    if (!root["decks"]) throw Error(Exit::manifest, file, "the key 'decks' is missing: which decks does the event have?", hint());
    m.decks = c.list(root["decks"], "decks");
    if (root["source_language"]) {
      const YAML::Node& n = root["source_language"];
      m.source_language = language::read(c.str(n, "source_language"), c.at(n), Exit::manifest, "key 'source_language'");
    }
    if (root["languages"]) {
      const YAML::Node& n = root["languages"];
      for (const std::string& l : c.list(n, "languages")) {
        std::string tag = language::read(l, c.at(n), Exit::manifest, "key 'languages'");
        if (tag == m.source_language) c.fail(n, "key 'languages': '" + tag + "' is the source language (source_language), which is always built");
        if (std::find(m.languages.begin(), m.languages.end(), tag) == m.languages.end()) m.languages.push_back(tag);
      }
    }
    if (root["translations"]) {
      m.translations = c.str(root["translations"], "translations");
      expand(m.translations, "d", "l", "o", c.at(root["translations"]), "translations");
      if (!has(m.translations, "lang") || !has(m.translations, "deck"))
        c.fail(root["translations"], "key 'translations': needs {deck} and {lang}, so that each deck and language has its own file");
      std::string ext = std::filesystem::path(m.translations).extension().string();
      std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
      if (ext != ".po" && ext != ".xlf" && ext != ".xliff")
        c.fail(root["translations"], "key 'translations': the files end in .xlf, .xliff (XLIFF) or .po (gettext PO), which says their format, not '" + ext.substr(0, 16) + "'");
    } else if (!m.languages.empty()) {
      c.fail(root["languages"], "languages are given but the key 'translations' (where each translator's file is, such as translations/{deck}.{lang}.xlf) is missing");
    }
    if (!root["outputs"]) throw Error(Exit::manifest, file, "the key 'outputs' is missing: what to make of each deck ({handout: notes-3}, {slides: true})?", hint());
    const YAML::Node& outs = root["outputs"];
    if (!outs.IsSequence() || outs.size() == 0) c.fail(outs, "key 'outputs': must be a list such as [{handout: notes-3}, {slides: true}]");
    std::set<std::string> names;
    for (const auto& o : outs) {
      if (!o.IsMap()) c.fail(o, "key 'outputs': each output is a map such as {handout: notes-3} or {slides: true}");
      Output out;
      bool kind = false;
      for (const auto& kv : o) {
        const std::string k = kv.first.IsScalar() ? kv.first.Scalar() : "";
        if (k == "handout") {
          out.kind = Output::Kind::handout, out.layout = c.str(kv.second, "outputs.handout"), kind = true;
          if (out.layout.empty()) c.fail(kv.second, "key 'outputs.handout': names a layout (notes-3, outline, leaflet-a5...)");
        } else if (k == "slides") {
          if (!c.boolean(kv.second, "outputs.slides")) c.fail(kv.second, "key 'outputs.slides': write it as {slides: true}, or leave the output out");
          out.kind = Output::Kind::slides, kind = true;
        } else if (k == "print") {
          out.print = c.boolean(kv.second, "outputs.print");
        } else {
          c.fail(kv.first, "key 'outputs." + k.substr(0, 64) + "': unknown (an output has handout or slides, and print)");
        }
      }
      if (!kind) c.fail(o, "key 'outputs': an output needs 'handout: LAYOUT' or 'slides: true'");
      if (o["handout"] && o["slides"]) c.fail(o, "key 'outputs': one output is a handout or slides, not both");
      if (out.kind == Output::Kind::slides && out.print) c.fail(o, "key 'outputs.print': applies to handouts only");
      if (out.kind == Output::Kind::slides) out.name = "slides";
      else out.name = stem(out.layout) + (out.print ? "-print" : "");
      if (!names.insert(out.name).second) c.fail(o, "key 'outputs': '" + out.name + "' is given twice");
      m.outputs.push_back(out);
    }
    if (!root["out"]) throw Error(Exit::manifest, file, "the key 'out' is missing: where the outputs go (such as build/{lang}/{deck}-{output}.pdf)", hint());
    m.out = c.str(root["out"], "out");
    if (m.out.empty() || m.out.back() == '/') c.fail(root["out"], "key 'out': names files (such as build/{lang}/{deck}-{output}.pdf), not a folder");
    expand(m.out, "d", "l", "o", c.at(root["out"]), "out");
    if (!has(m.out, "deck") || !has(m.out, "output") || (!m.languages.empty() && !has(m.out, "lang")))
      c.fail(root["out"], std::string("key 'out': needs {deck} and {output}") + (m.languages.empty() ? "" : " and {lang}") + ", so that each job writes its own file");
  } catch (const YAML::Exception& e) {
    throw Error(Exit::manifest, file + ":" + std::to_string(e.mark.line + 1), "cannot read this YAML: " + e.msg, hint());
  }
  return m;
}

Manifest read_manifest(const std::string& file) { return parse_manifest(read_file(file), file); }

std::vector<Job> plan(const Manifest& m) {
  std::vector<std::string> decks;
  for (const std::string& pattern : m.decks) {
    const std::string p = join(m.dir, pattern);
    glob_t g{};
    const int rc = ::glob(p.c_str(), GLOB_NOSORT, nullptr, &g);
    std::vector<std::string> found;
    if (rc == 0)
      for (size_t i = 0; i < g.gl_pathc; ++i) {
        struct stat st{};
        if (::stat(g.gl_pathv[i], &st) == 0 && S_ISREG(st.st_mode)) found.emplace_back(g.gl_pathv[i]);
      }
    globfree(&g);
    if (found.empty())
      throw Error(Exit::manifest, m.file, "key 'decks': '" + pattern + "' matches no file", "paths are relative to the manifest's folder; " + hint());
    std::sort(found.begin(), found.end());
    for (auto& f : found)
      if (std::find(decks.begin(), decks.end(), f) == decks.end()) decks.push_back(std::move(f));
  }
  std::map<std::string, std::string> by_name;
  for (const auto& d : decks) {
    auto [it, fresh] = by_name.emplace(stem(d), d);
    if (!fresh)
      throw Error(Exit::manifest, m.file, "key 'decks': '" + it->second + "' and '" + d + "' are both the deck '" + stem(d) + "' ({deck} in paths)",
                  "rename one of them, or list only one; " + hint());
  }
  std::vector<Job> jobs;
  std::map<std::string, std::string> outs;  // output file -> job id
  for (const auto& d : decks) {
    const std::string name = stem(d);
    std::vector<std::pair<std::string, bool>> langs{{m.source_language, false}};
    for (const auto& l : m.languages) langs.emplace_back(l, true);
    for (const auto& [lang, translated] : langs)
      for (const auto& o : m.outputs) {
        if (o.kind == Output::Kind::slides && !translated) continue;  // the source's slides are its PDF
        Job j;
        j.deck = d, j.deck_name = name, j.lang = lang, j.translated = translated, j.output = o;
        j.id = name + "/" + lang + "/" + o.name;
        if (translated) j.translation = join(m.dir, expand(m.translations, name, lang, o.name, m.file, "translations"));
        j.out = join(m.dir, expand(m.out, name, lang, o.name, m.file, "out"));
        const std::string norm = std::filesystem::path(j.out).lexically_normal().string();
        for (const auto& pattern : m.decks)
          if (::fnmatch(std::filesystem::path(join(m.dir, pattern)).lexically_normal().c_str(), norm.c_str(), FNM_PATHNAME) == 0)
            throw Error(Exit::manifest, m.file, "key 'out': the job " + j.id + " would write '" + j.out + "', which the decks' pattern '" + pattern + "' takes as a deck",
                        "put the outputs in another folder than the decks (such as build/{lang}/{deck}-{output}.pdf); " + hint());
        auto [it, fresh] = outs.emplace(norm, j.id);
        if (!fresh)
          throw Error(Exit::manifest, m.file, "key 'out': the jobs " + it->second + " and " + j.id + " would both write '" + j.out + "'",
                      "use {deck}, {lang} and {output} in 'out'; " + hint());
        jobs.push_back(std::move(j));
      }
  }
  return jobs;
}

bool in_shard(const Job& j, int i, int n) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a, 64 bits
  for (unsigned char ch : j.id) h = (h ^ ch) * 1099511628211ull;
  return static_cast<int>(h % static_cast<uint64_t>(n)) == i - 1;
}

std::pair<int, int> parse_shard(const std::string& s) {
  const size_t slash = s.find('/');
  auto whole = [](const std::string& t, int& v) {
    if (t.empty() || t.size() > 6 || !std::all_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) return false;
    v = std::stoi(t);
    return true;
  };
  int i = 0, n = 0;
  if (slash == std::string::npos || !whole(s.substr(0, slash), i) || !whole(s.substr(slash + 1), n) || n < 1 || i < 1 || i > n)
    throw Error(Exit::usage, "--shard", "'" + s.substr(0, 64) + "' is not a shard I/N with 1 <= I <= N", "such as --shard 1/2 and --shard 2/2 on two machines");
  return {i, n};
}

Fingerprint fingerprint(const std::vector<std::string>& inputs, const std::string& options, const std::string& version,
                        std::map<std::string, std::string>* hashes) {
  Fingerprint f;
  f.options = "deckhand " + version + "\n" + options;
  std::string all = f.options + "\n";
  for (const auto& path : inputs) {
    std::string h;
    if (hashes && hashes->count(path)) {
      h = hashes->at(path);
    } else {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        h = "absent";
      } else {
        std::ostringstream ss;
        ss << in.rdbuf();
        h = sha256_hex(ss.str());
      }
      if (hashes) (*hashes)[path] = h;
    }
    f.inputs.emplace_back(path, h);
    all += path + " " + h + "\n";
  }
  f.all = sha256_hex(all);
  return f;
}

State read_state(const std::string& path) {
  State s;
  std::ifstream in(path, std::ios::binary);
  if (!in) return s;
  try {
    nlohmann::json j = nlohmann::json::parse(in);
    if (j.value("format", "") != "deckhand-build-state-1") return s;
    for (const auto& [id, v] : j.at("jobs").items()) {
      Fingerprint f;
      f.all = v.at("fingerprint").get<std::string>();
      f.options = v.value("options", "");
      for (const auto& i : v.value("inputs", nlohmann::json::array())) f.inputs.emplace_back(i.at(0).get<std::string>(), i.at(1).get<std::string>());
      s.jobs[id] = std::move(f);
    }
  } catch (const std::exception&) {
    return State{};  // a state that cannot be read: everything rebuilds
  }
  return s;
}

std::string state_json(const State& s) {
  nlohmann::ordered_json j;
  j["format"] = "deckhand-build-state-1";
  j["jobs"] = nlohmann::ordered_json::object();
  for (const auto& [id, f] : s.jobs) {
    nlohmann::ordered_json in = nlohmann::ordered_json::array();
    for (const auto& [p, h] : f.inputs) in.push_back({p, h});
    j["jobs"][id] = {{"fingerprint", f.all}, {"options", f.options}, {"inputs", in}};
  }
  return j.dump(1) + "\n";
}

std::string why_stale(const State& s, const std::string& id, const Fingerprint& now, const std::string& out) {
  auto it = s.jobs.find(id);
  if (it == s.jobs.end()) return "never built";
  struct stat st{};
  if (!out.empty() && ::stat(out.c_str(), &st) != 0) return "the output is missing";
  const Fingerprint& old = it->second;
  if (old.all == now.all) return "";
  if (old.options != now.options) return "deckhand's version or the job's options changed";
  for (const auto& input : now.inputs) {
    const std::string& p = input.first;
    const std::string& h = input.second;
    auto o = std::find_if(old.inputs.begin(), old.inputs.end(), [&](const auto& x) { return x.first == input.first; });
    if (o == old.inputs.end()) return "new input: " + p;
    if (o->second != h) return h == "absent" ? "removed: " + p : o->second == "absent" ? "appeared: " + p : "changed: " + p;
  }
  return "its inputs changed";
}

}  // namespace deckhand::event

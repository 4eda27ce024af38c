// The PDF budget scan: see budget.hpp. Poppler's private API reads the objects and
// decodes the streams (each stream read as a stream, a chunk at a time); our own small
// lexer reads content streams, counting operators and operands and following `Do`, `Tf`
// and the text-showing operators into forms and Type3 glyph procedures.
#include "extract/budget.hpp"

#include "core/step_timer.hpp"
#include "extract/pdf_reader.hpp"

#include <PDFDoc.h>
#include <Dict.h>
#include <Error.h>
#include <GlobalParams.h>
#include <Object.h>
#include <Stream.h>
#include <XRef.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <time.h>
#include <zlib.h>

#include <array>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <tuple>
#include <vector>

#include "core/log.hpp"
#include "core/docs.hpp"
#include "core/error.hpp"
#include "core/io.hpp"
#include "core/limits.hpp"

namespace deckhand::extract {

namespace {

std::string ref_text(Ref r) { return std::to_string(r.num) + " " + std::to_string(r.gen) + " R"; }
std::string hint(const char* option) {
  return std::string("raise it with ") + option + " if the input is genuine; see " + doc_path("limits.md");
}
// (a function: doc_path reads /proc/self/exe, not to be done while statics are made)
std::string damaged() { return "the file is damaged, or made to exhaust PDF readers: export the deck again; see " + doc_path("limits.md"); }

bool is_white(unsigned char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0; }
bool is_delim(unsigned char c) {
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '/' || c == '%';
}
int hex_val(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The page's operators are past --max-operators (thrown from deep in the counting, caught
// where the page is known).
struct OpsOver {};

inline std::uint64_t sat_add(std::uint64_t a, std::uint64_t b) { return a > UINT64_MAX - b ? UINT64_MAX : a + b; }
inline std::uint64_t sat_mul(std::uint64_t a, std::uint64_t b) { return b != 0 && a > UINT64_MAX / b ? UINT64_MAX : a * b; }

constexpr std::uint64_t kNoOwner = 1ull << 62;  // (owner 0 is the memo's "drawn the same with any resources")

struct Resources {
  Object dict;                    // a dictionary, or null
  std::uint64_t owner = kNoOwner;  // who holds it: the object it came from, for the memo
};

struct Type3 {
  std::array<Ref, 256> procs;  // the glyph procedure of each code (num < 0: none)
  Resources res;               // the font's own /Resources (owner kNoOwner: the caller's)
  // the cost of each glyph once known, drawn with the resources of `known_for` (its own, or
  // those of what shows it: then known again when those change)
  mutable std::array<std::uint64_t, 256> cost;
  mutable std::array<bool, 256> known{};
  mutable std::uint64_t known_for = 0;
};

class Scanner;

// Counts one content stream (or a page's /Contents parts, one after another).
class Content {
 public:
  Content(Scanner& s, const Resources& res) : s_(s), res_(res) {}
  void feed(const unsigned char* p, int n);
  void finish();
  std::uint64_t ops() const { return ops_; }
  // whether it looked a name up in its resources (a form or a font): if not, what it
  // costs is the same whatever resources it is drawn with
  bool looked_up() const { return looked_up_; }

 private:
  enum class St { normal, comment, str, str_esc, str_oct, hex, name, name_hex, word, lt, gt, image, image_end };
  void token();  // an operand
  void word_done();
  void op(std::string_view kw);
  void add(std::uint64_t n);
  void glyph(unsigned char code);

  Scanner& s_;
  const Resources& res_;
  St st_ = St::normal;
  int str_depth_ = 0, oct_ = 0, oct_n_ = 0, hex_hi_ = -1, name_hex_ = 0, name_hex_n_ = 0;
  std::string word_, name_, last_name_;
  bool word_long_ = false;
  int array_ = 0, dict_ = 0;
  bool image_dict_ = false;
  unsigned char prev1_ = 0, prev2_ = 0;
  std::uint64_t pending_ = 0, ops_ = 0, glyphs_ = 0;
  // text state: the font of each saved graphics state (q/Q), the current one last
  std::vector<const Type3*> fonts_{nullptr};
  int q_over_ = 0;  // saves past the stack kept (a page saving 10^6 times keeps no more)
  bool looked_up_ = false;
};

class Scanner {
 public:
  Scanner(PDFDoc& doc, const std::string& file)
      : doc_(doc), xref_(doc.getXRef()), file_(file), lim_(limits()), encrypted_(doc.isEncrypted()) {}
  BudgetScan run();

  // --- used by Content
  // a form XObject (or, `kind` "Pattern", a tiling pattern's cell) drawn by name
  std::uint64_t form_cost(const std::string& name, const Resources& res, const char* kind = "XObject");
  const Type3* font(const std::string& name, const Resources& res);
  std::uint64_t glyph_cost(const Type3& f, unsigned char code, const Resources& caller);
  [[noreturn]] void too_many_operands() {
    throw Error(Exit::bad_pdf, file_, where() + "a content stream holds over " + std::to_string(kMaxOperands) +
                                          " operands with no operator, over the limit of " + std::to_string(kMaxOperands),
                damaged());
  }
  std::uint64_t op_limit() const { return lim_.operators; }

 private:
  std::string where() const { return page_ > 0 ? "page " + std::to_string(page_) + ": " : ""; }
  template <class Sink> void read_stream(const Object& stream, Ref ref, Sink&& sink);
  void count_stream(const Object& maybe_ref);  // a stream read whole by Poppler: its bytes only
  void scan_resources(const Resources& res);
  std::uint64_t stream_cost(Ref ref, const Object& stream, const Resources& res);
  std::uint64_t page_cost(const Object& page, Ref ref, const Resources& res);
  static std::uint64_t owner_of(Ref r) { return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(r.num)) << 20 | (r.gen & 0xFFFFF)) + 1; }

  PDFDoc& doc_;
  XRef* xref_;
  std::string file_;
  const Limits& lim_;
  bool encrypted_;
  BudgetScan out_;
  int page_ = 0;
  int nesting_ = 0;
  std::uint64_t direct_owner_ = 1ull << 63;  // ids for resources of direct objects
  std::set<Ref> counted_;                      // streams whose bytes are counted
  std::set<Ref> fonts_seen_, spaces_seen_;
  std::set<Ref> drawing_;                      // forms and glyphs being drawn (a cycle is refused)
  std::map<std::pair<Ref, std::uint64_t>, std::uint64_t> memo_;  // (stream, resources' owner) -> operators
  std::map<Ref, std::unique_ptr<Type3>> type3_;
  std::vector<std::unique_ptr<Type3>> direct_type3_;
  std::vector<unsigned char> buf_;
};

// ---- the lexer (PDF 32000-1:2008, 7.2 and 7.8.2): a state machine over bytes, so that a
// stream is read a chunk at a time and a token may span chunks

void Content::add(std::uint64_t n) {
  ops_ = sat_add(ops_, n);
  if (ops_ > s_.op_limit()) throw OpsOver{};
}

void Content::token() {
  if (++pending_ > kMaxOperands) s_.too_many_operands();
}

void Content::glyph(unsigned char code) {
  const Type3* f = fonts_.back();
  if (f) glyphs_ = sat_add(glyphs_, s_.glyph_cost(*f, code, res_));
}

void Content::word_done() {
  const std::string& w = word_;
  const bool number = !w.empty() && (std::isdigit(static_cast<unsigned char>(w[0])) || w[0] == '+' || w[0] == '-' || w[0] == '.');
  if (number || w == "true" || w == "false" || w == "null" || word_long_ || array_ > 0 || (dict_ > 0 && !image_dict_)) {
    token();
  } else if (image_dict_) {
    if (w == "ID") {
      image_dict_ = false;
      st_ = St::image;  // the one white-space byte after ID is the one that ended the word
      prev1_ = prev2_ = ' ';
      return;
    }
    token();
  } else {
    op(w);
  }
  word_.clear();
  word_long_ = false;
}

void Content::op(std::string_view kw) {
  add(1);
  if (kw == "q") {
    if (fonts_.size() < 4096) fonts_.push_back(fonts_.back());
    else ++q_over_;
  } else if (kw == "Q") {
    if (q_over_ > 0) --q_over_;
    else if (fonts_.size() > 1) fonts_.pop_back();
  } else if (kw == "Tf") {
    looked_up_ = true;
    fonts_.back() = last_name_.empty() ? nullptr : s_.font(last_name_, res_);
  } else if (kw == "Do") {
    looked_up_ = true;
    if (!last_name_.empty()) add(s_.form_cost(last_name_, res_));
  } else if (kw == "scn" || kw == "SCN") {
    looked_up_ = true;
    if (!last_name_.empty()) add(s_.form_cost(last_name_, res_, "Pattern"));  // a tiling pattern's cell
  } else if (kw == "Tj" || kw == "TJ" || kw == "'" || kw == "\"") {
    add(glyphs_);
  } else if (kw == "BI") {
    image_dict_ = true;
  }
  pending_ = 0;
  glyphs_ = 0;
  last_name_.clear();
}

void Content::feed(const unsigned char* p, int n) {
  for (int i = 0; i < n; ++i) {
    const unsigned char c = p[i];
  again:
    switch (st_) {
      case St::normal:
        if (is_white(c)) break;
        switch (c) {
          case '%': st_ = St::comment; break;
          case '(': st_ = St::str, str_depth_ = 1; break;
          case '<': st_ = St::lt; break;
          case '>': st_ = St::gt; break;
          case '[': ++array_, token(); break;
          case ']': if (array_ > 0) --array_; break;
          case '{': case '}': token(); break;
          case ')': break;
          case '/': st_ = St::name, name_.clear(); break;
          default: st_ = St::word, word_.assign(1, static_cast<char>(c));
        }
        break;
      case St::comment:
        if (c == '\n' || c == '\r') st_ = St::normal;
        break;
      case St::str:
        if (c == '\\') st_ = St::str_esc;
        else if (c == '(') ++str_depth_, glyph(c);
        else if (c == ')') {
          if (--str_depth_ == 0) st_ = St::normal, token();
          else glyph(c);
        } else glyph(c);
        break;
      case St::str_esc:
        if (c >= '0' && c <= '7') { st_ = St::str_oct, oct_ = c - '0', oct_n_ = 1; break; }
        st_ = St::str;
        switch (c) {
          case 'n': glyph('\n'); break;
          case 'r': glyph('\r'); break;
          case 't': glyph('\t'); break;
          case 'b': glyph('\b'); break;
          case 'f': glyph('\f'); break;
          case '\r': case '\n': break;  // a line continued
          default: glyph(c);
        }
        break;
      case St::str_oct:
        if (c >= '0' && c <= '7' && oct_n_ < 3) { oct_ = oct_ * 8 + (c - '0'), ++oct_n_; break; }
        glyph(static_cast<unsigned char>(oct_ & 0xFF));
        st_ = St::str;
        goto again;
      case St::lt:
        if (c == '<') { ++dict_, st_ = St::normal; break; }
        st_ = St::hex, hex_hi_ = -1;
        goto again;
      case St::gt:
        st_ = St::normal;
        if (c == '>') { if (dict_ > 0) --dict_; token(); break; }
        goto again;
      case St::hex: {
        if (c == '>') {
          if (hex_hi_ >= 0) glyph(static_cast<unsigned char>(hex_hi_ << 4));
          st_ = St::normal, token();
          break;
        }
        const int v = hex_val(c);
        if (v < 0) break;
        if (hex_hi_ < 0) hex_hi_ = v;
        else glyph(static_cast<unsigned char>(hex_hi_ << 4 | v)), hex_hi_ = -1;
        break;
      }
      case St::name:
        if (c == '#') { st_ = St::name_hex, name_hex_ = 0, name_hex_n_ = 0; break; }
        if (is_white(c) || is_delim(c)) {
          st_ = St::normal;
          last_name_ = name_;
          token();
          goto again;
        }
        if (name_.size() < 256) name_ += static_cast<char>(c);
        break;
      case St::name_hex: {
        const int v = hex_val(c);
        if (v < 0) { st_ = St::name; goto again; }
        name_hex_ = name_hex_ * 16 + v;
        if (++name_hex_n_ == 2) {
          if (name_.size() < 256) name_ += static_cast<char>(name_hex_);
          st_ = St::name;
        }
        break;
      }
      case St::word:
        if (is_white(c) || is_delim(c)) {
          st_ = St::normal;
          word_done();
          if (st_ == St::image) break;  // (this byte was the white space after ID)
          goto again;
        }
        if (word_.size() < 32) word_ += static_cast<char>(c);
        else word_long_ = true;
        break;
      case St::image:  // inline image data, up to white space, EI, white space (as Poppler reads it)
        if (c == 'I' && prev1_ == 'E' && is_white(prev2_)) st_ = St::image_end;
        prev2_ = prev1_, prev1_ = c;
        break;
      case St::image_end:
        if (is_white(c) || is_delim(c)) {
          st_ = St::normal;
          op("EI");
          goto again;
        }
        st_ = St::image;
        prev2_ = prev1_, prev1_ = c;
        break;
    }
  }
}

void Content::finish() {
  // a token the stream ends in: an operator or operand ends there (the next part of a
  // page's /Contents starts with a white space)
  const unsigned char nl = '\n';
  if (st_ == St::word || st_ == St::name || st_ == St::image_end) feed(&nl, 1);
  if (st_ == St::comment) st_ = St::normal;
}

// ---- the scanner

// zlib's inflate as a pull stream: next() fills `out` with up to `size` bytes, asking
// `more` for compressed bytes as it needs them; 0 at the end or on an error.
class Inflater {
 public:
  explicit Inflater(bool on) : on_(on) {
    if (on_) on_ = inflateInit(&z_) == Z_OK;
  }
  ~Inflater() {
    if (on_) inflateEnd(&z_);
  }
  template <class More>
  int next(unsigned char* out, int size, More&& more) {
    if (!on_ || done_) return 0;
    z_.next_out = out;
    z_.avail_out = static_cast<uInt>(size);
    while (z_.avail_out > 0) {
      if (z_.avail_in == 0) {
        unsigned char* p = nullptr;
        int len = 0;
        more(p, len);
        if (len <= 0) break;
        z_.next_in = p, z_.avail_in = static_cast<uInt>(len);
      }
      const int rc = inflate(&z_, Z_NO_FLUSH);
      if (rc != Z_OK) {
        done_ = true;  // the end, or data Poppler would not inflate further either
        break;
      }
    }
    return size - static_cast<int>(z_.avail_out);
  }

 private:
  z_stream z_{};
  bool on_, done_ = false;
};

template <class Sink>
void Scanner::read_stream(const Object& stream, Ref ref, Sink&& sink) {
  Stream* str = stream.getStream();
  if (!str) return;
  const bool count = counted_.insert(ref).second;
  if (count) ++out_.streams;
  if (buf_.empty()) buf_.resize(64 * 1024);
  std::vector<unsigned char> local;  // a nested read (a form inside a form) has its own buffer
  std::vector<unsigned char>& buf = nesting_ == 0 ? buf_ : (local.resize(16 * 1024), local);
  std::uint64_t mine = 0;
  // /FlateDecode without parameters (once, or several times over) in a file that is not
  // encrypted, nearly every stream, is inflated by zlib, several times faster than
  // Poppler's own inflate; other filters by Poppler.
  Dict* d = stream.streamGetDict();
  Object filter = d ? d->lookup("Filter") : Object(objNull);
  Object parms = d ? d->lookup("DecodeParms") : Object(objNull);
  int flates = filter.isName("FlateDecode") ? 1 : 0;
  if (filter.isArray() && filter.arrayGetLength() <= 8) {
    flates = filter.arrayGetLength();
    for (int i = 0; i < filter.arrayGetLength(); ++i)
      if (!filter.arrayGetNF(i).isName("FlateDecode")) flates = 0;
  }
  Stream* raw = flates > 0 && parms.isNull() && !encrypted_ ? str->getUndecodedStream() : nullptr;
  Stream* from = raw ? raw : str;
  from->reset();
  struct Close {
    Stream* s;
    ~Close() { s->close(); }
  } close{from};
  // stage k inflates what stage k-1 gives (stage 0: the raw bytes)
  std::vector<std::unique_ptr<Inflater>> stages;
  std::vector<std::vector<unsigned char>> ins;
  if (raw)
    for (int k = 0; k < flates; ++k) stages.push_back(std::make_unique<Inflater>(true)), ins.emplace_back(16 * 1024);
  std::function<int(int, unsigned char*, int)> pull = [&](int k, unsigned char* out, int size) -> int {
    return stages[static_cast<size_t>(k)]->next(out, size, [&](unsigned char*& p, int& len) {
      std::vector<unsigned char>& in = ins[static_cast<size_t>(k)];
      len = k == 0 ? raw->doGetChars(static_cast<int>(in.size()), in.data()) : pull(k - 1, in.data(), static_cast<int>(in.size()));
      p = in.data();
    });
  };
  for (;;) {
    const int n = raw ? pull(flates - 1, buf.data(), static_cast<int>(buf.size()))
                      : str->doGetChars(static_cast<int>(buf.size()), buf.data());
    if (n <= 0) break;
    mine += static_cast<std::uint64_t>(n);
    if (mine > lim_.stream_bytes)
      throw Error(Exit::bad_pdf, file_,
                  where() + "a stream (object " + ref_text(ref) + ") inflates to over " + std::to_string(lim_.stream_bytes) +
                      " bytes, over the limit of " + std::to_string(lim_.stream_bytes) + " bytes (--max-stream-size)",
                  hint("--max-stream-size"));
    if (count) {
      out_.inflated += static_cast<std::uint64_t>(n);
      if (out_.inflated > lim_.inflated_bytes)
        throw Error(Exit::bad_pdf, file_,
                    where() + "the PDF's streams inflate to over " + std::to_string(lim_.inflated_bytes) + " bytes, over the limit of " +
                        std::to_string(lim_.inflated_bytes) + " bytes (--max-inflated)",
                    hint("--max-inflated"));
    }
    sink(buf.data(), n);
  }
}

void Scanner::count_stream(const Object& o) {
  if (!o.isRef() || counted_.count(o.getRef())) return;
  Object s = o.fetch(xref_);
  if (s.isStream()) read_stream(s, o.getRef(), [](const unsigned char*, int) {});
}

// Streams a resource dictionary leads to that Poppler reads whole: fonts (ToUnicode,
// embedded font files, CMaps) and ICC profiles.
void Scanner::scan_resources(const Resources& res) {
  if (!res.dict.isDict()) return;
  Object fonts = res.dict.dictLookup("Font");
  if (fonts.isDict())
    for (int i = 0; i < fonts.dictGetLength(); ++i) {
      const Object& fr = fonts.dictGetValNF(i);
      if (fr.isRef() && !fonts_seen_.insert(fr.getRef()).second) continue;
      Object f = fr.fetch(xref_);
      if (!f.isDict()) continue;
      count_stream(f.dictLookupNF("ToUnicode"));
      count_stream(f.dictLookupNF("Encoding"));  // a Type0 font's embedded CMap
      std::vector<Object> with_files;
      with_files.push_back(f.dictLookup("FontDescriptor"));
      Object desc = f.dictLookup("DescendantFonts");
      if (desc.isArray() && desc.arrayGetLength() > 0) {
        Object cid = desc.arrayGet(0, 0);
        if (cid.isDict()) {
          with_files.push_back(cid.dictLookup("FontDescriptor"));
          count_stream(cid.dictLookupNF("CIDToGIDMap"));
        }
      }
      for (const Object& fd : with_files)
        if (fd.isDict())
          for (const char* k : {"FontFile", "FontFile2", "FontFile3"}) count_stream(fd.dictLookupNF(k));
    }
  Object spaces = res.dict.dictLookup("ColorSpace");
  if (spaces.isDict())
    for (int i = 0; i < spaces.dictGetLength(); ++i) {
      const Object& cr = spaces.dictGetValNF(i);
      if (cr.isRef() && !spaces_seen_.insert(cr.getRef()).second) continue;
      Object cs = cr.fetch(xref_);
      if (cs.isArray() && cs.arrayGetLength() >= 2) {
        Object kind = cs.arrayGet(0, 0);
        if (kind.isName("ICCBased")) count_stream(cs.arrayGetNF(1));
      }
    }
}

// Operators of one stream drawn with `res` (its own /Resources, else these), counting the
// forms and glyphs it draws; memoized by the stream and the owner of the resources.
std::uint64_t Scanner::stream_cost(Ref ref, const Object& stream, const Resources& res) {
  const auto key = std::make_pair(ref, res.owner);
  if (auto it = memo_.find({ref, 0}); it != memo_.end()) return it->second;
  if (auto it = memo_.find(key); it != memo_.end()) return it->second;
  if (drawing_.count(ref))
    throw Error(Exit::bad_pdf, file_, where() + "object " + ref_text(ref) + " draws itself (a form or Type3 glyph inside itself)", damaged());
  if (nesting_ >= kMaxDrawNesting)
    throw Error(Exit::bad_pdf, file_,
                where() + "forms and Type3 glyphs are drawn inside each other over " + std::to_string(kMaxDrawNesting) +
                    " deep, over the limit of " + std::to_string(kMaxDrawNesting),
                damaged());
  drawing_.insert(ref);
  ++nesting_;
  Content c(*this, res);
  read_stream(stream, ref, [&](const unsigned char* p, int n) { c.feed(p, n); });
  c.finish();
  --nesting_;
  drawing_.erase(ref);
  memo_[c.looked_up() ? key : std::make_pair(ref, std::uint64_t{0})] = c.ops();
  return c.ops();
}

std::uint64_t Scanner::form_cost(const std::string& name, const Resources& res, const char* kind) {
  if (!res.dict.isDict()) return 0;
  Object xo = res.dict.dictLookup(kind);
  if (!xo.isDict()) return 0;
  const Object& r = xo.dictLookupNF(name.c_str());
  if (!r.isRef()) return 0;  // (a stream is always an indirect object)
  Object s = r.fetch(xref_);
  if (!s.isStream()) return 0;
  Dict* d = s.streamGetDict();
  Object sub = d->lookup("Subtype");
  Object pattern_type = d->lookup("PatternType");
  if (!sub.isName("Form") && !pattern_type.isInt()) {
    Object cs = d->lookup("ColorSpace");  // an image: its ICC profile is read whole
    if (cs.isArray() && cs.arrayGetLength() >= 2) {
      Object kind = cs.arrayGet(0, 0);
      if (kind.isName("ICCBased")) count_stream(cs.arrayGetNF(1));
    }
    return 0;
  }
  Object own = d->lookup("Resources");
  if (!own.isDict()) return stream_cost(r.getRef(), s, res);  // drawn with the resources of what draws it
  Resources use{std::move(own), owner_of(r.getRef())};
  if (!memo_.count({r.getRef(), use.owner})) scan_resources(use);
  return stream_cost(r.getRef(), s, use);
}

const Type3* Scanner::font(const std::string& name, const Resources& res) {
  if (!res.dict.isDict()) return nullptr;
  Object fonts = res.dict.dictLookup("Font");
  if (!fonts.isDict()) return nullptr;
  const Object& fr = fonts.dictLookupNF(name.c_str());
  if (fr.isRef())
    if (auto it = type3_.find(fr.getRef()); it != type3_.end()) return it->second.get();
  Object f = fr.fetch(xref_);
  std::unique_ptr<Type3> t;
  if (f.isDict() && f.dictLookup("Subtype").isName("Type3")) {
    t = std::make_unique<Type3>();
    for (Ref& p : t->procs) p = Ref::INVALID();
    Object procs = f.dictLookup("CharProcs");
    Object enc = f.dictLookup("Encoding");
    std::array<std::string, 256> names;
    for (int c = 0; c < 256; ++c)
      if (std::isalpha(c)) names[c] = std::string(1, static_cast<char>(c));  // StandardEncoding's letters
    Object diffs = enc.isDict() ? enc.dictLookup("Differences") : Object(objNull);
    if (diffs.isArray()) {
      int code = 0;
      for (int i = 0; i < diffs.arrayGetLength(); ++i) {
        const Object& e = diffs.arrayGetNF(i);
        if (e.isInt()) code = e.getInt();
        else if (e.isName()) {
          if (code >= 0 && code < 256) names[code] = e.getName();
          ++code;
        }
      }
    }
    if (procs.isDict())
      for (int c = 0; c < 256; ++c)
        if (!names[c].empty()) {
          const Object& p = procs.dictLookupNF(names[c].c_str());
          if (p.isRef()) t->procs[c] = p.getRef();
        }
    Object r = f.dictLookup("Resources");
    if (r.isDict()) {
      t->res = {std::move(r), fr.isRef() ? owner_of(fr.getRef()) : direct_owner_++};
      scan_resources(t->res);
    }
  }
  const Type3* out = t.get();
  if (fr.isRef()) type3_[fr.getRef()] = std::move(t);
  else if (t) direct_type3_.push_back(std::move(t));
  return out;
}

std::uint64_t Scanner::glyph_cost(const Type3& f, unsigned char code, const Resources& caller) {
  const Resources& use = f.res.dict.isDict() ? f.res : caller;
  if (use.owner != f.known_for) f.known.fill(false), f.known_for = use.owner;
  if (f.known[code]) return f.cost[code];
  const Ref r = f.procs[code];
  std::uint64_t c = 1;
  if (r.num >= 0) {
    if (auto it = memo_.find({r, 0}); it != memo_.end()) {
      c = sat_add(it->second, 1);
    } else if (auto it2 = memo_.find({r, use.owner}); it2 != memo_.end()) {
      c = sat_add(it2->second, 1);
    } else {
      Object s = xref_->fetch(r);
      if (s.isStream()) c = sat_add(stream_cost(r, s, use), 1);
    }
  }
  f.known[code] = true, f.cost[code] = c;
  return c;
}

std::uint64_t Scanner::page_cost(const Object& page, Ref ref, const Resources& res) {
  scan_resources(res);
  Content c(*this, res);
  Object contents = page.dictLookup("Contents");
  const unsigned char nl = '\n';
  auto part = [&](const Object& o) {
    if (!o.isRef()) return;
    Object s = o.fetch(xref_);
    if (!s.isStream()) return;
    if (drawing_.count(o.getRef())) return;
    read_stream(s, o.getRef(), [&](const unsigned char* p, int n) { c.feed(p, n); });
    c.finish();
    c.feed(&nl, 1);
  };
  if (contents.isArray()) {
    for (int i = 0; i < contents.arrayGetLength(); ++i) part(contents.arrayGetNF(i));
  } else {
    part(page.dictLookupNF("Contents"));
  }
  std::uint64_t ops = c.ops();
  // annotations: Poppler draws each appearance stream (and reads no page with over 10,000)
  Object annots = page.dictLookup("Annots");
  if (annots.isArray()) {
    const int n = annots.arrayGetLength();
    if (n > kMaxAnnotations)
      throw Error(Exit::bad_pdf, file_,
                  where() + "the page has " + std::to_string(n) + " annotations, over the limit of " + std::to_string(kMaxAnnotations) +
                      " (Poppler reads no page with more)",
                  damaged());
    for (int i = 0; i < n; ++i) {
      Object a = annots.arrayGet(i, 0);
      ops = sat_add(ops, 1);
      if (!a.isDict()) continue;
      Object ap = a.dictLookup("AP");
      if (!ap.isDict()) continue;
      Object nrm = ap.dictLookup("N");
      const Object* sr = &ap.dictLookupNF("N");
      Object state;
      if (nrm.isDict()) {
        Object as = a.dictLookup("AS");
        if (!as.isName()) continue;
        sr = &nrm.dictLookupNF(as.getName());
      }
      if (!sr->isRef()) continue;
      Object s = sr->fetch(xref_);
      if (!s.isStream()) continue;
      Object r = s.streamGetDict()->lookup("Resources");
      Resources own = r.isDict() ? Resources{std::move(r), owner_of(sr->getRef())} : Resources{Object(objNull), owner_of(sr->getRef())};
      scan_resources(own);
      ops = sat_add(ops, stream_cost(sr->getRef(), s, own));
      if (ops > lim_.operators) throw OpsOver{};
    }
  }
  (void)ref;
  return ops;
}

BudgetScan Scanner::run() {
  out_.scanned = true;
  Object catalog = xref_->getCatalog();
  if (!catalog.isDict()) return out_;
  const int max_depth = std::min(limits().depth, kMaxPageTreeDepth);
  struct Node {
    Object kids;
    int next = 0;
    Resources res;
  };
  std::vector<Node> stack;
  std::set<Ref> seen;
  // kids of the tree that are no dictionary (an object lost to damage): their place among
  // the pages, and their object
  std::vector<std::pair<int, Ref>> lost;
  // visits one node of the page tree: a page is scanned, a node of pages pushed
  auto visit = [&](const Object& nf, const Resources& inherited) {
    if (nf.isRef() && !seen.insert(nf.getRef()).second) return;  // a loop in the tree (Poppler skips it too)
    Object node = nf.fetch(xref_);
    if (!node.isDict()) {
      if (!stack.empty()) lost.emplace_back(out_.pages + static_cast<int>(lost.size()) + 1, nf.isRef() ? nf.getRef() : Ref::INVALID());
      return;
    }
    Object kids = node.dictLookup("Kids");
    Object r = node.dictLookup("Resources");
    Resources res = r.isDict() ? Resources{std::move(r), nf.isRef() ? owner_of(nf.getRef()) : direct_owner_++}
                               : Resources{inherited.dict.copy(), inherited.owner};
    if (kids.isArray() && !node.dictLookup("Type").isName("Page")) {
      if (static_cast<int>(stack.size()) + 1 > max_depth)
        throw Error(Exit::bad_pdf, file_,
                    "the page tree is over " + std::to_string(max_depth) + " levels deep, over the limit of " + std::to_string(max_depth) +
                        (max_depth < limits().depth ? " (the most deckhand reads, whatever --max-depth says)" : " (--max-depth)"),
                    max_depth < limits().depth ? damaged() : hint("--max-depth"));
      stack.push_back({std::move(kids), 0, std::move(res)});
      out_.tree_depth = std::max(out_.tree_depth, static_cast<int>(stack.size()));
      return;
    }
    page_ = ++out_.pages;
    try {
      const std::uint64_t ops = page_cost(node, nf.isRef() ? nf.getRef() : Ref::INVALID(), res);
      if (ops > out_.max_operators) out_.max_operators = ops, out_.max_operators_page = page_;
    } catch (const OpsOver&) {
      throw Error(Exit::bad_pdf, file_,
                  where() + "drawing the page takes over " + std::to_string(lim_.operators) +
                      " operators (forms or Type3 glyphs drawn many times), over the limit of " + std::to_string(lim_.operators) +
                      " (--max-operators)",
                  hint("--max-operators"));
    }
    page_ = 0;
  };
  visit(catalog.dictLookupNF("Pages"), Resources{});
  while (!stack.empty()) {
    Node& top = stack.back();
    if (top.next >= top.kids.arrayGetLength()) {
      stack.pop_back();
      continue;
    }
    const Object& kid = top.kids.arrayGetNF(top.next++);
    Resources inherited{top.res.dict.copy(), top.res.owner};
    visit(kid, inherited);  // (may push: `top` is not used after this)
  }
  // A page the tree names but whose object is lost (a damaged file whose cross-reference
  // table Poppler rebuilt): Poppler leaves it out and numbers the pages after it one lower,
  // libqpdf keeps it as an empty page, so the text of page 63 would be read as page 59's
  // and a translation drawn on the wrong slide. Nothing is read from such a file.
  if (!lost.empty()) {
    std::string which;
    for (size_t i = 0; i < lost.size() && i < 8; ++i) {
      which += (i == 0 ? "" : i + 1 == lost.size() ? " and " : ", ") + std::to_string(lost[i].first);
      if (lost[i].second != Ref::INVALID()) which += " (object " + ref_text(lost[i].second) + ")";
    }
    if (lost.size() > 8) which += ", ... (" + std::to_string(lost.size() - 8) + " more)";
    throw Error(Exit::bad_pdf, file_,
                "the PDF is damaged: " + std::to_string(lost.size()) + " of the " + std::to_string(out_.pages + static_cast<int>(lost.size())) +
                    " pages its page tree names cannot be read: " + (lost.size() == 1 ? "page " : "pages ") + which +
                    "; the pages after a lost one would be read out of place",
                "export the deck again from its application; 'qpdf --check " + file_ + "' lists the damage");
  }
  return out_;
}

struct FileKey {
  dev_t dev;
  ino_t ino;
  off_t size;
  long long mtime_ns;
  auto tie() const { return std::tie(dev, ino, size, mtime_ns); }
  bool operator<(const FileKey& o) const { return tie() < o.tie(); }
};

std::optional<FileKey> key_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return FileKey{st.st_dev, st.st_ino, st.st_size, static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec};
}


std::mutex g_scanned_mu;
std::set<FileKey> g_scanned;        // files scanned in this run (core/io.hpp, InputRun)
std::uint64_t g_scanned_run = 0;    // the input_run_generation() they were scanned in

// (holding g_scanned_mu) a new run forgets what the last one scanned
void new_run_check() {
  if (g_scanned_run != input_run_generation()) g_scanned.clear(), g_scanned_run = input_run_generation();
}

}  // namespace

BudgetScan scan_pdf_budgets(std::string_view data, const std::string& file, const std::string& password) {
  static std::once_flag params;
  quiet_poppler();  // Poppler's allocator's own lines off stderr (pdf_reader.cpp)
  std::call_once(params, [] {
    if (!globalParams) globalParams = std::make_unique<GlobalParams>();
    // Poppler's messages about a damaged file go to the debug log, never to stderr (as
    // poppler-cpp's go: pdf_reader.cpp, quiet_poppler)
    setErrorCallback([](ErrorCategory, Goffset, const char* msg) { poppler_message(msg); });
  });
  const auto t0 = std::chrono::steady_clock::now();
  const double cpu0 = thread_cpu_ms();
  std::optional<GooString> pw;
  if (!password.empty()) pw = GooString(password);
  auto* str = new MemStream(data.data(), 0, static_cast<Goffset>(data.size()), Object(objNull));
  PDFDoc doc(str, pw, pw);
  if (!doc.isOk()) return {};
  const double open_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  Scanner s(doc, file);
  BudgetScan r = s.run();
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  current_log().debug("{}: budget scan: {} pages, page tree {} deep, {} streams inflating to {} bytes, page {} draws the most ({} operators), {:.1f} ms ({:.1f} ms opening it; {:.1f} ms of CPU time)",
                file, r.pages, r.tree_depth, r.streams, r.inflated, r.max_operators_page, r.max_operators, ms, open_ms, thread_cpu_ms() - cpu0);
  return r;
}

void check_pdf_budgets(std::string_view data, const std::string& path, const std::string& password) {
  std::lock_guard lock(g_scanned_mu);  // (two stages scanning the same file at once: the second waits, then skips)
  new_run_check();
  const auto key = key_of(path);
  if (key && g_scanned.count(*key)) return;
  scan_pdf_budgets(data, path, password);
  if (key) g_scanned.insert(*key);
}

void check_pdf_budgets(const std::string& path, const std::string& password) {
  {
    std::lock_guard lock(g_scanned_mu);
    new_run_check();
    const auto key = key_of(path);
    if (key && g_scanned.count(*key)) return;
  }
  // (read_input: the bytes every other reader of the run takes, read once: a pipe or
  // /dev/stdin is read here and not again)
  const std::shared_ptr<const std::string> data = read_input(path);
  check_pdf_budgets(*data, path, password);
}

}  // namespace deckhand::extract

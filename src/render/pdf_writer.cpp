#include "render/pdf_writer.hpp"

#include "core/io.hpp"

#include <hb-subset.h>
#include <hb.h>
#include <hpdf.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <jpeglib.h>
#include <zlib.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <cstdio>
#include <map>
#include <unordered_set>

#include "core/parallel.hpp"
#include "core/direction.hpp"
#include "core/unicode.hpp"
#include "render/vector_frames.hpp"
#include "deckhand/version.hpp"

namespace deckhand::render {
namespace {

struct HaruError {
  HPDF_STATUS code = 0, detail = 0;
};

void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* data) {
  auto* e = static_cast<HaruError*>(data);
  if (e->code == 0) { e->code = code; e->detail = detail; }
}

void check(const HaruError& e, const std::string& what) {
  if (e.code != 0) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u)", unsigned(e.code), unsigned(e.detail));
    throw Error(Exit::failure, "", what + ": " + buf, "please report this with the input");
  }
}

// libharu 2.3.0 writes, for UTF-8 fonts, a ToUnicode CMap made of a `begincidrange`
// section, which is not allowed in a ToUnicode CMap (every Poppler tool warns). With the
// UTF-8 encoder the character codes are Unicode code points, so the right CMap is the
// identity over the BMP as bfrange lines. Rewrite the stream libharu created, with lines
// only for the characters `cps` the document draws in this font (the rest is never used).
void fix_to_unicode(HPDF_Font font, const std::set<char32_t>& cps) {
  HPDF_Dict tu = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(reinterpret_cast<HPDF_Dict>(font), "ToUnicode", HPDF_OCLASS_DICT));
  if (!tu || !tu->stream) return;
  HPDF_MemStream_FreeData(tu->stream);
  std::string s =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  // Arabic presentation forms (FB50-FDFF, FE70-FEFF: what shaping draws) map to the
  // letters they show, so that copied or extracted text is plain Arabic.
  auto presentation = [](int hi) { return hi == 0xFB || hi == 0xFC || hi == 0xFD || hi == 0xFE; };
  std::vector<int> his;
  std::set<int> used_hi;
  for (char32_t c : cps)
    if (c <= 0xFFFF) used_hi.insert(static_cast<int>(c >> 8));
  for (int hi : used_hi)
    if ((hi < 0xD8 || hi > 0xDF) && !presentation(hi)) his.push_back(hi);  // no surrogates
  for (size_t i = 0; i < his.size(); i += 100) {
    size_t n = std::min<size_t>(100, his.size() - i);
    s += std::to_string(n) + " beginbfrange\n";
    char line[40];
    for (size_t k = i; k < i + n; ++k) {
      std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", his[k], his[k], his[k]);
      s += line;
    }
    s += "endbfrange\n";
  }
  std::vector<std::string> chars;
  for (int hi : {0xFB, 0xFC, 0xFD, 0xFE})
    for (int lo = 0; lo < 256; ++lo) {
      char32_t code = static_cast<char32_t>(hi << 8 | lo);
      if (!cps.count(code)) continue;
      std::u32string to = unicode::decode(unicode::nfkc(unicode::encode(code)));
      if (to.empty() || to.size() > 4) to = std::u32string(1, code);
      // the content stream is in visual order (TextForm::shaped), so a ligature of
      // right-to-left letters (lam-alef) maps to them in visual order too: extractors that
      // reorder a right-to-left line (pdftotext) then give "لا", those that keep the visual
      // order (mutool) keep the line consistent
      if (to.size() > 1 && std::all_of(to.begin(), to.end(), [](char32_t c) { return direction::is_rtl(c); }))
        std::reverse(to.begin(), to.end());
      char line[64];
      std::snprintf(line, sizeof line, "<%04X> <", unsigned(code));
      std::string l = line;
      for (char32_t c : to) {  // BMP only here
        std::snprintf(line, sizeof line, "%04X", unsigned(c));
        l += line;
      }
      chars.push_back(l + ">\n");
    }
  for (size_t i = 0; i < chars.size(); i += 100) {
    size_t n = std::min<size_t>(100, chars.size() - i);
    s += std::to_string(n) + " beginbfchar\n";
    for (size_t k = i; k < i + n; ++k) s += chars[k];
    s += "endbfchar\n";
  }
  s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  HPDF_Stream_WriteStr(tu->stream, s.c_str());
}

std::vector<unsigned char> encode_jpeg(const Raster& r, int quality) {
  jpeg_compress_struct c;
  jpeg_error_mgr err;
  c.err = jpeg_std_error(&err);
  jpeg_create_compress(&c);
  unsigned char* buf = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&c, &buf, &size);
  c.image_width = static_cast<JDIMENSION>(r.w);
  c.image_height = static_cast<JDIMENSION>(r.h);
  c.input_components = 3;
  c.in_color_space = JCS_RGB;
  jpeg_set_defaults(&c);
  jpeg_set_quality(&c, quality, TRUE);
  jpeg_start_compress(&c, TRUE);
  while (c.next_scanline < c.image_height) {
    JSAMPROW row = const_cast<unsigned char*>(&r.rgb[static_cast<size_t>(c.next_scanline) * r.w * 3]);
    jpeg_write_scanlines(&c, &row, 1);
  }
  jpeg_finish_compress(&c);
  std::vector<unsigned char> out(buf, buf + size);
  jpeg_destroy_compress(&c);
  std::free(buf);
  return out;
}

std::vector<unsigned char> encode_flate(const Raster& r) {
  uLongf n = compressBound(static_cast<uLong>(r.rgb.size()));
  std::vector<unsigned char> out(n);
  compress2(out.data(), &n, r.rgb.data(), static_cast<uLong>(r.rgb.size()), 6);
  out.resize(n);
  return out;
}

struct Encoded {
  ImageCoding coding = ImageCoding::jpeg;
  int w = 0, h = 0;
  std::vector<unsigned char> bytes;
};

HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

HPDF_Image add_image(HPDF_Doc pdf, const Encoded& e) {
  if (e.coding == ImageCoding::jpeg) return HPDF_LoadJpegImageFromMem(pdf, e.bytes.data(), static_cast<HPDF_UINT>(e.bytes.size()));
  // A raw image object whose data we replace by our already-compressed bytes, so that
  // libharu holds the small compressed form, not the raw pixels, until it saves.
  std::vector<unsigned char> blank(static_cast<size_t>(e.w) * e.h * 3, 255);
  HPDF_Image img = HPDF_LoadRawImageFromMem(pdf, blank.data(), e.w, e.h, HPDF_CS_DEVICE_RGB, 8);
  if (!img) return img;
  auto* dict = reinterpret_cast<HPDF_Dict>(img);
  HPDF_MemStream_FreeData(dict->stream);
  HPDF_Stream_Write(dict->stream, e.bytes.data(), static_cast<HPDF_UINT>(e.bytes.size()));
  // libharu drops a /Filter entry of a stream it does not compress itself; its write_fn
  // hook adds ours to the dictionary as it is written.
  dict->filter = HPDF_STREAM_FILTER_NONE;
  if (!dict->write_fn) dict->write_fn = write_flate_filter;
  return img;
}

// libharu 2.3.0 subsets TrueType fonts itself but loses the parts of composite glyphs
// (many CJK characters come out half drawn). So deckhand subsets each font with
// HarfBuzz to the characters the document uses, and has libharu embed that small font
// whole (every glyph marked used).
std::string subset_font(const std::string& path, const std::set<char32_t>& cps, const std::string& out) {
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!blob) throw Error(Exit::layout, path, "cannot read the font file", "check the layout's fonts");
  hb_face_t* face = hb_face_create(blob, 0);
  hb_subset_input_t* in = hb_subset_input_create_or_fail();
  // no hinting instructions: a handout is printed or zoomed, not drawn on a pixel grid
  hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
  hb_set_t* uni = hb_subset_input_unicode_set(in);
  for (char32_t c : cps) hb_set_add(uni, c);
  hb_face_t* sub = hb_subset_or_fail(face, in);
  hb_subset_input_destroy(in);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  if (!sub) throw Error(Exit::layout, path, "HarfBuzz cannot subset this font", "use another TrueType font");
  hb_blob_t* data = hb_face_reference_blob(sub);
  unsigned len = 0;
  const char* bytes = hb_blob_get_data(data, &len);
  std::ofstream f(out, std::ios::binary);
  f.write(bytes, len);
  hb_blob_destroy(data);
  hb_face_destroy(sub);
  if (!f) throw Error(Exit::output, out, "cannot write a temporary font file", "check free space in the temporary folder");
  return out;
}

void embed_whole(HPDF_Font font) {
  auto* attr = static_cast<HPDF_FontAttr>(reinterpret_cast<HPDF_Dict>(font)->attr);
  if (!attr || !attr->fontdef || attr->fontdef->type != HPDF_FONTDEF_TYPE_TRUETYPE) return;
  auto* tt = static_cast<HPDF_TTFontDefAttr>(attr->fontdef->attr);
  if (!tt || !tt->glyph_tbl.flgs) return;
  for (HPDF_UINT i = 0; i < tt->num_glyphs; ++i) tt->glyph_tbl.flgs[i] = 1;
}



}  // namespace

ImageCoding choose_coding(const Raster& r) {
  std::unordered_set<uint32_t> colours;
  const size_t n = static_cast<size_t>(r.w) * r.h;
  // sample every pixel of small images, a grid of large ones
  size_t step = n > 400000 ? 3 : 1;
  for (size_t i = 0; i < n; i += step) {
    const unsigned char* p = &r.rgb[i * 3];
    colours.insert((uint32_t(p[0]) << 16) | (uint32_t(p[1]) << 8) | p[2]);
    if (colours.size() > 512) return ImageCoding::jpeg;
  }
  return ImageCoding::flate;
}

void write_pdf(const LaidOutDoc& doc, const RasterFn& raster, const WriteOptions& opts, const std::string& path) {
  HaruError err;
  HPDF_Doc pdf = HPDF_New(on_error, &err);
  if (!pdf) throw Error(Exit::failure, "", "libharu could not start", "out of memory?");
  struct Guard {
    HPDF_Doc p;
    ~Guard() { if (p) HPDF_Free(p); }
  } guard{pdf};
  HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(pdf);
  HPDF_SetCurrentEncoder(pdf, "UTF-8");
  check(err, "setting up the PDF");

  // one subset per font file (several ids may share a file), with every character the
  // document draws in it
  std::map<std::string, std::set<char32_t>> used;  // file -> characters
  for (const auto& p : doc.pages)
    for (const auto& t : p.texts) {
      auto f = doc.fonts.find(t.font);
      if (f == doc.fonts.end()) throw Error(Exit::failure, "", "text uses font id '" + t.font + "' that was not loaded", "a bug: please report it");
      for (char32_t c : unicode::decode(t.text)) used[f->second].insert(c);
    }
  TempDir tmp;
  std::map<std::string, HPDF_Font> by_file;
  for (const auto& [original, cps] : used) {
    std::string path = subset_font(original, cps, (std::filesystem::path(tmp.path()) / ("font" + std::to_string(by_file.size() + 1) + ".ttf")).string());
    const char* name = HPDF_LoadTTFontFromFile(pdf, path.c_str(), HPDF_TRUE);
    if (!name || err.code)
      throw Error(Exit::layout, original, "libharu cannot load this TrueType font", "use a .ttf font with glyph outlines (not CFF/.otf)");
    HPDF_Font f = HPDF_GetFont(pdf, name, "UTF-8");
    check(err, "loading font " + original);
    fix_to_unicode(f, cps);
    by_file[original] = f;
  }
  std::map<std::string, HPDF_Font> fonts;
  for (const auto& [id, file] : doc.fonts)
    if (by_file.count(file)) fonts[id] = by_file[file];

  HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, doc.title.c_str());
  HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, doc.subject.c_str());
  HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, (std::string("deckhand ") + kVersion).c_str());
  if (!doc.date.empty()) {
    HPDF_Date dt{};
    dt.year = std::stoi(doc.date.substr(0, 4));
    dt.month = std::stoi(doc.date.substr(5, 2));
    dt.day = std::stoi(doc.date.substr(8, 2));
    dt.ind = 'Z';
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, dt);
  }
  check(err, "document information");

  const int total = static_cast<int>(doc.pages.size());
  std::vector<HPDF_Page> pages;
  for (int pi = 0; pi < total; ++pi) {
    const LaidOutPage& lp = doc.pages[pi];
    // the page's raster pictures, rendered and encoded on all cores (vector frames are
    // placed by place_vector_frames, after)
    std::vector<ImageBox> rasters;
    for (const auto& ib : lp.images)
      if (ib.mode == PictureMode::raster) rasters.push_back(ib);
    std::vector<Encoded> enc(rasters.size());
    parallel_for(static_cast<int>(rasters.size()), opts.workers, [&](int i, unsigned w) {
      const ImageBox& ib = rasters[i];
      Raster r = raster(ib.page, ib.px_w, ib.px_h, w);
      enc[i].w = r.w;
      enc[i].h = r.h;
      // Flate (lossless) when it is at most 10% larger than JPEG: crisp text and lines;
      // JPEG for photographs and gradients, where it is much smaller.
      auto flate = encode_flate(r);
      bool few_colours = choose_coding(r) == ImageCoding::flate;
      std::vector<unsigned char> jpeg;
      if (!few_colours) jpeg = encode_jpeg(r, doc.image_quality);
      if (few_colours || flate.size() <= jpeg.size() * 11 / 10) {
        enc[i].coding = ImageCoding::flate;
        enc[i].bytes = std::move(flate);
      } else {
        enc[i].coding = ImageCoding::jpeg;
        enc[i].bytes = std::move(jpeg);
      }
    });
    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(lp.width));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(lp.height));
    // libharu writes an empty page's content as a Flate stream of zero bytes, which is not
    // valid Flate data (mutool: "premature end of data"): a blank page (a booklet's padding)
    // gets a no-op "q Q"
    if (lp.texts.empty() && lp.images.empty() && lp.fills.empty() && lp.boxes.empty() && lp.rules.empty()) {
      HPDF_Page_GSave(page);
      HPDF_Page_GRestore(page);
    }
    const double H = lp.height;
    for (const auto& f : lp.fills) {  // backgrounds first, beneath the rest
      HPDF_Page_SetRGBFill(page, HPDF_REAL(f.color.r), HPDF_REAL(f.color.g), HPDF_REAL(f.color.b));
      HPDF_Page_Rectangle(page, HPDF_REAL(f.x), HPDF_REAL(H - f.y - f.h), HPDF_REAL(f.w), HPDF_REAL(f.h));
      HPDF_Page_Fill(page);
    }
    for (size_t i = 0; i < rasters.size(); ++i) {
      HPDF_Image img = add_image(pdf, enc[i]);
      check(err, "adding a slide picture");
      const ImageBox& ib = rasters[i];
      HPDF_Page_DrawImage(page, img, HPDF_REAL(ib.x), HPDF_REAL(H - ib.y - ib.h), HPDF_REAL(ib.w), HPDF_REAL(ib.h));
      enc[i].bytes.clear();
      enc[i].bytes.shrink_to_fit();
    }
    for (const auto& b : lp.boxes) {
      HPDF_Page_SetLineWidth(page, HPDF_REAL(b.width));
      HPDF_Page_SetRGBStroke(page, HPDF_REAL(b.color.r), HPDF_REAL(b.color.g), HPDF_REAL(b.color.b));
      HPDF_Page_Rectangle(page, HPDF_REAL(b.x), HPDF_REAL(H - b.y - b.h), HPDF_REAL(b.w), HPDF_REAL(b.h));
      HPDF_Page_Stroke(page);
    }
    for (const auto& r : lp.rules) {
      HPDF_Page_SetLineWidth(page, HPDF_REAL(r.width));
      HPDF_Page_SetRGBStroke(page, HPDF_REAL(r.color.r), HPDF_REAL(r.color.g), HPDF_REAL(r.color.b));
      HPDF_Page_MoveTo(page, HPDF_REAL(r.x0), HPDF_REAL(H - r.y0));
      HPDF_Page_LineTo(page, HPDF_REAL(r.x1), HPDF_REAL(H - r.y1));
      HPDF_Page_Stroke(page);
    }
    for (const auto& t : lp.texts) {
      if (t.text.empty()) continue;
      if (t.form == TextForm::logical)  // reading order: drawable only when it needs no bidi or shaping
        for (char32_t c : unicode::decode(t.text))
          if (direction::is_rtl(c))
            throw Error(Exit::failure, "", "a text run in logical order holds right-to-left text (lay it out with the layout engine)",
                        "a bug: please report it");
      auto f = fonts.find(t.font);
      if (f == fonts.end()) throw Error(Exit::failure, "", "text uses font id '" + t.font + "' that was not loaded", "a bug: please report it");
      HPDF_Page_BeginText(page);
      HPDF_Page_SetFontAndSize(page, f->second, HPDF_REAL(t.size));
      HPDF_Page_SetRGBFill(page, HPDF_REAL(t.color.r), HPDF_REAL(t.color.g), HPDF_REAL(t.color.b));
      if (t.stroke) {  // synthetic bold
        HPDF_Page_SetRGBStroke(page, HPDF_REAL(t.color.r), HPDF_REAL(t.color.g), HPDF_REAL(t.color.b));
        HPDF_Page_SetLineWidth(page, HPDF_REAL(t.size * 0.035));
        HPDF_Page_SetTextRenderingMode(page, HPDF_FILL_THEN_STROKE);
      }
      HPDF_Page_TextOut(page, HPDF_REAL(t.x), HPDF_REAL(H - t.y), t.text.c_str());
      if (t.stroke) HPDF_Page_SetTextRenderingMode(page, HPDF_FILL);
      HPDF_Page_EndText(page);
    }
    check(err, "drawing page " + std::to_string(pi + 1));
    pages.push_back(page);
    if (opts.progress) opts.progress(pi + 1, total);
  }

  // bookmarks: one per slide, sections as parents
  HPDF_Encoder utf8 = HPDF_GetEncoder(pdf, "UTF-8");
  HPDF_Outline parent = nullptr;
  for (const auto& b : doc.bookmarks) {
    if (b.page < 0 || b.page >= total) continue;
    HPDF_Outline o = HPDF_CreateOutline(pdf, b.level == 1 ? parent : nullptr, b.title.c_str(), utf8);
    HPDF_Destination dst = HPDF_Page_CreateDestination(pages[b.page]);
    HPDF_Destination_SetFitH(dst, HPDF_REAL(std::min(doc.pages[b.page].height, doc.pages[b.page].height - b.y + 6)));
    HPDF_Outline_SetDestination(o, dst);
    if (b.level == 0) parent = o;
  }
  HPDF_AddPageLabel(pdf, 0, HPDF_PAGE_NUM_STYLE_DECIMAL, 1, "");
  check(err, "bookmarks and page labels");

  for (auto& [file, f] : by_file) embed_whole(f);
  // straight to the file: no second copy of the whole PDF in memory
  const bool vector = has_vector_frames(doc);
  // the steps after libharu, each from a temporary file: vector frames, print geometry,
  // imposition; the last writes `path`
  const bool post = doc.print.on || opts.impose;
  auto step = [&](const char* name) { return (std::filesystem::path(tmp.path()) / name).string(); };
  const std::string haru = vector || post ? step("handout.pdf") : path;
  HPDF_SaveToFile(pdf, haru.c_str());
  if (err.code) throw Error(Exit::output, haru, "cannot write the PDF (libharu error " + std::to_string(err.code) + ")",
                            "check free disk space and that the folder is writable");
  if (!vector && !post) return;
  HPDF_Free(guard.p);  // libharu's memory is not needed any more
  guard.p = nullptr;
  std::string cur = haru;
  if (vector) {
    std::string next = post ? step("vector.pdf") : path;
    place_vector_frames(doc, cur, opts.source, opts.password, next);
    cur = next;
  }
  if (doc.print.on) {
    std::string next = opts.impose ? step("print.pdf") : path;
    apply_print_geometry(doc.print, cur, next);
    cur = next;
  }
  if (opts.impose) {
    ImposeOptions io;
    io.creep = opts.creep;
    io.signature = opts.signature;
    io.rtl = opts.binding == 2 || (opts.binding == 0 && doc.rtl);
    io.marks = doc.print.on && doc.print.marks;
    io.mark_length = doc.print.mark_length;
    io.mark_offset = doc.print.mark_offset;
    io.mark_weight = doc.print.mark_weight;
    impose_booklet(cur, "", path, io);
  }
}

}  // namespace deckhand::render

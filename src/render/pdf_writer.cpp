#include "render/pdf_writer.hpp"

#include "core/io.hpp"

#include <hpdf.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <jpeglib.h>
#include <zlib.h>

#include <cerrno>
#include <cmath>
#include <functional>
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
#include "render/text_layer.hpp"
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

// libharu writes the file with stdio and does not check fclose, which writes the last
// buffer: a full disk there leaves a PDF without its end. So the file is checked: it ends
// with "startxref N %%EOF" where N is the offset of its "xref" table (as libharu writes it).
// False when it does not.
bool complete_pdf(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  bool ok = false;
  if (std::fseek(f, 0, SEEK_END) == 0) {
    const long size = std::ftell(f);
    const long tail = std::min(size, 1024L);
    std::string t(static_cast<size_t>(tail), '\0');
    if (size > 0 && std::fseek(f, size - tail, SEEK_SET) == 0 && std::fread(t.data(), 1, t.size(), f) == t.size()) {
      size_t sx = t.rfind("startxref");
      size_t eof = t.rfind("%%EOF");
      if (sx != std::string::npos && eof != std::string::npos && eof > sx && t.find_first_not_of("\r\n", eof + 5) == std::string::npos) {
        long off = std::strtol(t.c_str() + sx + 9, nullptr, 10);
        char head[4] = {0, 0, 0, 0};
        ok = off > 0 && off < size && std::fseek(f, off, SEEK_SET) == 0 && std::fread(head, 1, 4, f) == 4 &&
             std::string(head, 4) == "xref";
      }
    }
  }
  std::fclose(f);
  return ok;
}

void check(const HaruError& e, const std::string& what) {
  if (e.code != 0) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u)", unsigned(e.code), unsigned(e.detail));
    throw Error(Exit::failure, "", what + ": " + buf, "please report this with the input");
  }
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

namespace {
// The steps after libharu, each from the previous step's file: vector frames and text,
// print geometry, imposition; the last writes `path`.
void finish_steps(const LaidOutDoc& doc, const WriteOptions& opts, const std::string& haru, bool vector, const std::string& path,
                  const std::function<std::string(const char*)>& step);
}  // namespace

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

  TempDir tmp;  // the steps' scratch files
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
    // placed by finish_pages, after)
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
    // (text is drawn after, by finish_pages)
    if (rasters.empty() && lp.fills.empty() && lp.boxes.empty() && lp.rules.empty()) {
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

  // straight to the file: no second copy of the whole PDF in memory
  // libharu draws no text: finish_pages (libqpdf) adds it, and the vector frames
  const bool vector = has_vector_frames(doc) || has_text(doc);
  // the steps after libharu, each from a temporary file: vector frames, print geometry,
  // imposition; the last writes `path`
  const bool post = doc.print.on || opts.impose;
  auto step = [&](const char* name) { return (std::filesystem::path(tmp.path()) / name).string(); };
  const std::string haru = vector || post ? step("handout.pdf") : path;
  errno = 0;
  HPDF_SaveToFile(pdf, haru.c_str());
  int saved_errno = errno;  // (libharu keeps no errno: stdio's, when it set one of a write's)
  if (saved_errno != ENOSPC && saved_errno != EDQUOT && saved_errno != EFBIG && saved_errno != EIO && saved_errno != EROFS &&
      saved_errno != EACCES && saved_errno != EPERM)
    saved_errno = 0;
  if (err.code || !complete_pdf(haru)) throw_write_failed(haru, saved_errno);
  if (!vector && !post) return;
  HPDF_Free(guard.p);  // libharu's memory is not needed any more
  guard.p = nullptr;
  // qpdf's errors reading a scratch file are the source's damage (vector frames copy its
  // pages): named as the source's
  try {
    finish_steps(doc, opts, haru, vector, path, step);
  } catch (const Error& e) {
    if (e.code() == Exit::bad_pdf && e.file() != opts.source && !opts.source.empty())
      throw Error(Exit::bad_pdf, opts.source, e.message(), e.hint());
    throw;
  }
}

namespace {
void finish_steps(const LaidOutDoc& doc, const WriteOptions& opts, const std::string& haru, bool vector, const std::string& path,
                  const std::function<std::string(const char*)>& step) {
  const bool post = doc.print.on || opts.impose;
  std::string cur = haru;
  if (vector) {
    std::string next = post ? step("vector.pdf") : path;
    finish_pages(doc, cur, opts.source, opts.password, next);
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
    io.scratch = true;
    impose_booklet(cur, "", path, io);
  }
}
}  // namespace

}  // namespace deckhand::render

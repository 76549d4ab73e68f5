// The PDF backend (backend.hpp), built as the module xxgk-pdf.so: poppler-cpp for the text,
// graphics.cpp for the ruling lines. Nothing of xxgk's library here; pdf_reader.cpp turns the
// result into a document.

#include "backend.hpp"
#include "graphics.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <climits>
#include <memory>
#include <mutex>
#include <new>
#include <string_view>

namespace xxgk::document::pdf {

namespace {

void silent(const std::string& /*message*/, void* /*closure*/) {}

/// Poppler keeps global state (its parameters, the error callback): one PDF at a time.
std::mutex& poppler_mutex() {
  static std::mutex m;
  return m;
}

/// A character a Chinese report is made of: ASCII, Latin-1, general punctuation, letterlike and
/// number forms, enclosed numbers, shapes, CJK punctuation, CJK ideographs (the unified block),
/// full-width forms. Fonts without a Unicode map give private-use characters, U+FFFD, or their
/// glyph numbers taken as code points (Latin Extended, Cyrillic, Hangul, CJK Extension A …).
bool is_expected(char32_t c) {
  return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || (c >= 0xA0 && c <= 0xFF) ||
         (c >= 0x2000 && c <= 0x206F) || (c >= 0x2100 && c <= 0x218F) ||
         (c >= 0x2460 && c <= 0x24FF) || (c >= 0x2500 && c <= 0x25FF) ||
         (c >= 0x3000 && c <= 0x303F) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xFF00 && c <= 0xFFEF);
}

BackendStatus read(std::string_view bytes, const BackendLimits& limits, BackendResult& result) {
  using clock = std::chrono::steady_clock;
  const auto start = clock::now();
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    return BackendStatus::too_large;
  }
  const std::lock_guard<std::mutex> lock(poppler_mutex());
  poppler::set_debug_error_function(silent, nullptr);
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    return BackendStatus::damaged;
  }
  if (doc->is_locked()) {
    return BackendStatus::encrypted;
  }
  const int page_count = doc->pages();
  if (page_count <= 0) {
    return BackendStatus::no_pages;
  }
  if (static_cast<std::size_t>(page_count) > limits.max_pages) {
    result.number = static_cast<std::size_t>(page_count);
    return BackendStatus::too_many_pages;
  }
  const double seconds = limits.max_seconds;
  std::vector<PageGraphics> graphics; // read while `doc` lives
  if (const BackendStatus s =
          read_graphics(bytes, {limits.max_objects, seconds}, graphics, result.number);
      s != BackendStatus::ok) {
    return s;
  }
  for (const auto& g : graphics) {
    result.shown_chars += g.shown_chars;
  }
  result.pages.resize(static_cast<std::size_t>(page_count));
  std::size_t text_bytes = 0;
  for (int i = 0; i < page_count; ++i) {
    auto& out = result.pages[static_cast<std::size_t>(i)];
    if (static_cast<std::size_t>(i) < graphics.size()) {
      out.segments = std::move(graphics[static_cast<std::size_t>(i)].segments);
    }
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) {
      continue;
    }
    const poppler::rectf box = page->page_rect();
    const bool turned = page->orientation() == poppler::page::landscape ||
                        page->orientation() == poppler::page::seascape;
    out.width = turned ? box.height() : box.width();
    out.height = turned ? box.width() : box.height();
    std::array<std::size_t, 4> by_rotation{}; // characters per text direction
    for (const auto& word : page->text_list()) {
      by_rotation[static_cast<std::size_t>(word.rotation() & 3)] += word.text().size();
      const poppler::ustring text = word.text();
      const double size = word.get_font_size();
      std::size_t glyph = 0;
      for (std::size_t k = 0; k < text.size(); ++k) {
        char32_t c = text[k];
        if (c >= 0xD800 && c <= 0xDBFF && k + 1 < text.size() && text[k + 1] >= 0xDC00 &&
            text[k + 1] <= 0xDFFF) {
          c = 0x10000 + ((c - 0xD800) << 10) + (static_cast<char32_t>(text[k + 1]) - 0xDC00);
          ++k;
        }
        const poppler::rectf r = word.char_bbox(glyph++);
        Glyph g;
        g.c = c;
        g.x0 = r.left();
        g.y0 = r.top();
        g.x1 = r.right();
        g.y1 = r.bottom();
        g.size = size;
        out.glyphs.push_back(g);
        ++result.chars;
        result.unexpected += is_expected(c) ? 0 : 1;
        text_bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      }
      if (!out.glyphs.empty() && word.has_space_after()) {
        out.glyphs.back().space_after = true;
      }
    }
    // Most of the page's text runs this way: xxgk turns the page upright.
    out.rotation = static_cast<int>(std::max_element(by_rotation.begin(), by_rotation.end()) -
                                    by_rotation.begin());
    if (text_bytes > limits.max_text) {
      return BackendStatus::too_much_text;
    }
    if (clock::now() - start > std::chrono::duration<double>(seconds)) {
      return BackendStatus::too_slow;
    }
  }
  return BackendStatus::ok;
}

} // namespace

} // namespace xxgk::document::pdf

extern "C" {

__attribute__((visibility("default"))) void
xxgk_pdf_read(const char* bytes, std::size_t size, const xxgk::document::pdf::BackendLimits* limits,
              xxgk::document::pdf::BackendResult* out) noexcept {
  using xxgk::document::pdf::BackendStatus;
  try {
    out->status = xxgk::document::pdf::read({bytes, size}, *limits, *out);
  } catch (const std::bad_alloc&) {
    out->status = BackendStatus::out_of_memory;
  } catch (...) {
    out->status = BackendStatus::failed;
  }
}

__attribute__((visibility("default"))) void
xxgk_pdf_id(xxgk::document::pdf::BackendId* out) noexcept {
  *out = xxgk::document::pdf::backend_id();
}
}

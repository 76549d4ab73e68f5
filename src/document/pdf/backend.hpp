#pragma once
// The boundary between xxgk and its PDF backend, the loadable module xxgk-pdf.so (backend.cpp and
// graphics.cpp, the only files that see poppler). The module turns a PDF's bytes into characters
// with their boxes and ruling lines per page; everything else (the limits' messages, the text
// checks, the layout) stays in xxgk. The module is loaded (module.cpp) on the first PDF only:
// poppler and the ~24 libraries it brings took a third of xxgk's start (docs/performance.md).
//
// Only plain data crosses the boundary: the module uses nothing of xxgk's library, and xxgk
// nothing of poppler. Both are built from the same tree; xxgk refuses a module whose
// backend_id() differs from its own.

#include <cstddef>
#include <vector>

namespace xxgk::document::pdf {

/// An axis-parallel ruling line in page coordinates: points, origin at the top left of the
/// displayed (rotated) page, y growing downwards — the frame poppler-cpp's text boxes use.
struct Segment {
  bool horizontal = true;
  double at = 0;   ///< y of a horizontal line, x of a vertical one
  double from = 0; ///< start along the line (x or y), from <= to
  double to = 0;
};

/// One character with its box, in the page frame of Segment (points, y down).
struct Glyph {
  char32_t c = 0;
  double x0 = 0;
  double y0 = 0;
  double x1 = 0;
  double y1 = 0;
  double size = 0;          ///< font size
  bool space_after = false; ///< the last character of a word followed by a space
};

struct PageContent {
  double width = 0;
  double height = 0;
  std::vector<Glyph> glyphs; ///< in poppler's reading order
  std::vector<Segment> segments;
  /// The direction most of the page's text runs in (poppler's text_box::rotation(): 0 = left to
  /// right, 1 = top to bottom, 2 = upside down, 3 = bottom to top): turn_upright() undoes it.
  int rotation = 0;
};

struct BackendLimits {
  std::size_t max_pages = 0;
  std::size_t max_objects = 0; ///< objects in the xref table
  std::size_t max_text = 0;    ///< bytes of text (UTF-8)
  double max_seconds = 0;      ///< wall time for the whole document
};

/// What the backend made of a PDF. On anything but `ok` the pages are incomplete.
enum class BackendStatus : int {
  ok,
  internal,      ///< poppler's global parameters are missing
  parse_error,   ///< poppler cannot parse the file (`number`: poppler's error code)
  too_large,     ///< more bytes than poppler takes (INT_MAX)
  damaged,       ///< poppler cannot open it
  encrypted,     ///< it needs a password
  no_pages,      ///< it has none
  too_many_pages,   ///< `number`: its pages
  too_many_objects, ///< `number`: its objects
  too_much_text,    ///< more than max_text
  too_slow,         ///< past max_seconds
  out_of_memory,    ///< std::bad_alloc in the backend
  failed,           ///< any other exception in the backend
};

struct BackendResult {
  BackendStatus status = BackendStatus::ok;
  std::size_t number = 0; ///< see BackendStatus
  std::vector<PageContent> pages;
  std::size_t shown_chars = 0; ///< characters the text operators show (2-byte CID codes once)
  std::size_t chars = 0;       ///< characters poppler extracted
  std::size_t unexpected = 0;  ///< of them, outside the blocks a Chinese report is made of
};

/// What a module and the xxgk that loads it must agree on: this boundary's revision (raise it
/// whenever a type above changes meaning) and the sizes of its types.
struct BackendId {
  int revision = 0;
  std::size_t result_size = 0;
  std::size_t page_size = 0;
  std::size_t glyph_size = 0;
  std::size_t segment_size = 0;
  std::size_t limits_size = 0;
  friend bool operator==(const BackendId&, const BackendId&) = default;
};

inline constexpr int k_backend_revision = 1;

constexpr BackendId backend_id() {
  return {k_backend_revision, sizeof(BackendResult), sizeof(PageContent),
          sizeof(Glyph),      sizeof(Segment),       sizeof(BackendLimits)};
}

/// The module's entry points (extern "C", so that dlsym finds them by these names).
inline constexpr const char* k_backend_read_symbol = "xxgk_pdf_read";
inline constexpr const char* k_backend_id_symbol = "xxgk_pdf_id";
using BackendRead = void (*)(const char* bytes, std::size_t size, const BackendLimits* limits,
                             BackendResult* out) noexcept;
using BackendIdOf = void (*)(BackendId* out) noexcept;

} // namespace xxgk::document::pdf

extern "C" {
/// Reads the PDF in bytes[0, size) into *out (every exception caught: see BackendStatus).
void xxgk_pdf_read(const char* bytes, std::size_t size,
                   const xxgk::document::pdf::BackendLimits* limits,
                   xxgk::document::pdf::BackendResult* out) noexcept;
/// backend_id() as the module was built.
void xxgk_pdf_id(xxgk::document::pdf::BackendId* out) noexcept;
}

#pragma once
// The ruling lines of a PDF's pages, through poppler's private OutputDev API (graphics.cpp is
// the only file that sees libpoppler-private-dev: its API changes with every poppler release).

#include <xxgk/util/expected.hpp>

#include <cstddef>
#include <string_view>
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

struct PageGraphics {
  std::vector<Segment> segments;
  /// Characters the page's text operators show (2-byte codes of CID fonts counted once): what
  /// the text layer should hold, to tell unmapped fonts from a page without text.
  std::size_t shown_chars = 0;
};

struct GraphicsLimits {
  std::size_t max_objects = 0; ///< objects in the xref table
  double max_seconds = 0;      ///< wall time for all pages (the drawing is abandoned past it)
};

/// Collects the stroked lines and the thin filled rectangles (white fills ignored) of every page
/// of the PDF in `bytes`. The bytes must outlive the call. An Error names a breached limit or an
/// unreadable file.
util::Expected<std::vector<PageGraphics>> read_graphics(std::string_view bytes,
                                                        const GraphicsLimits& limits);

} // namespace xxgk::document::pdf

#pragma once
// The ruling lines of a PDF's pages, through poppler's private OutputDev API (graphics.cpp is
// the only file that sees libpoppler-private-dev: its API changes with every poppler release).
// Part of the PDF backend module (backend.hpp).

#include "backend.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace xxgk::document::pdf {

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
/// of the PDF in `bytes` into `pages`. The bytes must outlive the call. Not `ok`: a breached
/// limit or an unreadable file (`number` as BackendStatus says).
BackendStatus read_graphics(std::string_view bytes, const GraphicsLimits& limits,
                            std::vector<PageGraphics>& pages, std::size_t& number);

} // namespace xxgk::document::pdf

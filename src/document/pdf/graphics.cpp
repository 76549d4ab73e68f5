// Ruling lines through poppler's private OutputDev API (libpoppler-private-dev). This is the only
// file that includes poppler's internal headers; graphics.hpp is its whole interface. Part of the
// PDF backend module (backend.hpp): nothing of xxgk's library here.

#include "graphics.hpp"

#include <Gfx.h>
#include <GfxFont.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <XRef.h>
#include <goo/GooString.h>

#include <chrono>
#include <cmath>
#include <memory>

namespace xxgk::document::pdf {

namespace {

/// Lines at most this thick (points) are rulings; a filled rectangle at most this thin is one.
constexpr double k_max_rule_width = 3.0;
/// A stroked segment this far off the axis (points) is not a ruling line.
constexpr double k_axis_slack = 1.0;
/// Shorter segments are glyph strokes or dots, not borders.
constexpr double k_min_length = 2.0;

bool is_white(const GfxRGB& rgb) {
  return colToDbl(rgb.r) > 0.9 && colToDbl(rgb.g) > 0.9 && colToDbl(rgb.b) > 0.9;
}

class RulingCollector final : public OutputDev {
public:
  explicit RulingCollector(PageGraphics& page) : m_out(page.segments), m_shown(page.shown_chars) {}

  bool upsideDown() override { return true; }
  bool useDrawChar() override { return false; }
  bool interpretType3Chars() override { return false; }
  bool needCharCount() override { return false; }

  void stroke(GfxState* state) override {
    if (state->getStrokeOpacity() <= 0.05) {
      return;
    }
    GfxRGB rgb;
    state->getStrokeRGB(&rgb);
    if (is_white(rgb) || state->getTransformedLineWidth() > k_max_rule_width) {
      return;
    }
    const GfxPath* path = state->getPath();
    for (int i = 0; i < path->getNumSubpaths(); ++i) {
      const GfxSubpath* sub = path->getSubpath(i);
      const int n = sub->getNumPoints();
      for (int k = 0; k + 1 < n; ++k) {
        if (sub->getCurve(k + 1)) {
          continue;
        }
        add_line(state, sub->getX(k), sub->getY(k), sub->getX(k + 1), sub->getY(k + 1));
      }
      if (sub->isClosed() && n > 2) {
        add_line(state, sub->getX(n - 1), sub->getY(n - 1), sub->getX(0), sub->getY(0));
      }
    }
  }

  void beginString(GfxState* state, const GooString* s) override {
    if (s == nullptr) {
      return;
    }
    const auto bytes = static_cast<std::size_t>(std::max(0, s->getLength()));
    const GfxFont* font = state->getFont().get();
    m_shown += font != nullptr && font->isCIDFont() ? bytes / 2 : bytes;
  }

  void fill(GfxState* state) override { fill_rects(state); }
  void eoFill(GfxState* state) override { fill_rects(state); }

private:
  void add_line(GfxState* state, double x0, double y0, double x1, double y1) {
    double ax = 0;
    double ay = 0;
    double bx = 0;
    double by = 0;
    state->transform(x0, y0, &ax, &ay);
    state->transform(x1, y1, &bx, &by);
    add_device_line(ax, ay, bx, by);
  }

  void add_device_line(double ax, double ay, double bx, double by) {
    if (!std::isfinite(ax) || !std::isfinite(ay) || !std::isfinite(bx) || !std::isfinite(by)) {
      return;
    }
    if (std::abs(ay - by) <= k_axis_slack && std::abs(ax - bx) >= k_min_length) {
      m_out.push_back({true, (ay + by) / 2, std::min(ax, bx), std::max(ax, bx)});
    } else if (std::abs(ax - bx) <= k_axis_slack && std::abs(ay - by) >= k_min_length) {
      m_out.push_back({false, (ax + bx) / 2, std::min(ay, by), std::max(ay, by)});
    }
  }

  /// A filled axis-parallel rectangle thinner than a rule is a line; a white one hides, never
  /// draws, a border.
  void fill_rects(GfxState* state) {
    if (state->getFillOpacity() <= 0.05) {
      return;
    }
    GfxRGB rgb;
    state->getFillRGB(&rgb);
    if (is_white(rgb)) {
      return;
    }
    const GfxPath* path = state->getPath();
    for (int i = 0; i < path->getNumSubpaths(); ++i) {
      const GfxSubpath* sub = path->getSubpath(i);
      const int n = sub->getNumPoints();
      if (n < 4 || n > 5) {
        continue;
      }
      double x0 = INFINITY;
      double y0 = INFINITY;
      double x1 = -INFINITY;
      double y1 = -INFINITY;
      bool curved = false;
      for (int k = 0; k < n; ++k) {
        curved = curved || sub->getCurve(k);
        double x = 0;
        double y = 0;
        state->transform(sub->getX(k), sub->getY(k), &x, &y);
        x0 = std::min(x0, x);
        y0 = std::min(y0, y);
        x1 = std::max(x1, x);
        y1 = std::max(y1, y);
      }
      if (curved || !std::isfinite(x0) || !std::isfinite(y0) || !std::isfinite(x1) ||
          !std::isfinite(y1)) {
        continue;
      }
      const double w = x1 - x0;
      const double h = y1 - y0;
      if (h <= k_max_rule_width && w >= k_min_length && w > h) {
        m_out.push_back({true, (y0 + y1) / 2, x0, x1});
      } else if (w <= k_max_rule_width && h >= k_min_length && h > w) {
        m_out.push_back({false, (x0 + x1) / 2, y0, y1});
      }
    }
  }

  std::vector<Segment>& m_out;
  std::size_t& m_shown;
};

struct Deadline {
  std::chrono::steady_clock::time_point end;
  bool passed = false;
};

bool abort_check(void* data) {
  auto* d = static_cast<Deadline*>(data);
  if (std::chrono::steady_clock::now() > d->end) {
    d->passed = true;
  }
  return d->passed;
}

} // namespace

BackendStatus read_graphics(std::string_view bytes, const GraphicsLimits& limits,
                            std::vector<PageGraphics>& pages, std::size_t& number) {
  if (!globalParams) {
    // poppler-cpp's document owns poppler's global parameters: backend.cpp keeps one open.
    return BackendStatus::internal;
  }
  Object dict;
  auto* stream =
      new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), std::move(dict));
  PDFDoc doc(stream); // owns the stream
  if (!doc.isOk()) {
    number = static_cast<std::size_t>(std::max(0, doc.getErrorCode()));
    return BackendStatus::parse_error;
  }
  const auto objects = static_cast<std::size_t>(std::max(0, doc.getXRef()->getNumObjects()));
  if (objects > limits.max_objects) {
    number = objects;
    return BackendStatus::too_many_objects;
  }
  Deadline deadline{std::chrono::steady_clock::now() +
                        std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                            std::chrono::duration<double>(limits.max_seconds)),
                    false};
  pages.assign(static_cast<std::size_t>(std::max(0, doc.getNumPages())), PageGraphics{});
  for (std::size_t p = 0; p < pages.size(); ++p) {
    RulingCollector collector(pages[p]);
    // The same frame as poppler::page::text_list(): 72 dpi, the page's own rotation, crop box.
    doc.displayPage(&collector, static_cast<int>(p) + 1, 72, 72, 0, false, false, false,
                    abort_check, &deadline);
    if (deadline.passed) {
      return BackendStatus::too_slow;
    }
  }
  return BackendStatus::ok;
}

} // namespace xxgk::document::pdf

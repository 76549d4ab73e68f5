#pragma once
// The parts of the word-position tables (internal to src/document/pdf/; words.cpp builds the
// tables): the words of a line, the label fragments joined down their cells, and the short list
// of template labels that start a table — the only template text this reader knows (document/
// cannot see the schema, so keep that list short and here).

#include "text_lines.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::document::pdf {

enum class Kind { None, Two, Three, Four };

/// The leading labels that start a table, by the template table they begin: the only template
/// text the word-position reader knows (document/ cannot see the schema, so keep this short).
/// 二: a block's caption and header; 三: its header and first row; 四: its header.
struct Start {
  std::string_view label;
  Kind kind;
};
constexpr std::array<Start, 7> k_starts = {{{"第二十条第", Kind::Two},
                                            {"信息内容", Kind::Two},
                                            {"申请人情况", Kind::Three},
                                            {"本列数据的勾稽关系", Kind::Three},
                                            {"一、本年新收", Kind::Three},
                                            {"行政复议", Kind::Four},
                                            {"行政诉讼", Kind::Four}}};

std::string_view strip_open(std::string_view t);

Kind start_kind(std::string_view text);

/// A block of 二 starts at its caption (or, without one, at its header).
bool starts_block(std::string_view text);

/// A section heading of the report (二、主动公开政府信息情况 …), not a row label
/// (三、本年度办理结果).
bool is_heading(std::string_view text);

struct Word {
  std::string text;
  double x0 = 0;
  double x1 = 0;
  double y0 = 0; ///< with the pages of a span stacked (words.cpp)
  double y1 = 0;
  double size = 0;
  bool number = false;
  double cx() const { return (x0 + x1) / 2; }
  double cy() const { return (y0 + y1) / 2; }
};

/// A figure: digits with separators and an optional sign.
bool is_figure(std::string_view text);

/// The words of a line: characters split where the gap exceeds about half a character.
std::vector<Word> words_of(const Line& l, double offset);

bool has_figure(const std::vector<Word>& words);

/// Running text: a line across most of the text column, its words nearly touching (a table's
/// lines have gaps between their cells).
bool is_prose(const Line& l, double text_width);

/// Label cells being built from fragments on successive lines.
struct TextCell {
  std::vector<const Word*> parts;
  double x0 = 0;
  double x1 = 0;
  double y0 = 0;
  double y1 = 0;
  double last_cy = 0;
  std::size_t last_line = 0;
  bool row_label = false;               ///< the rightmost stub text of a data line
  std::optional<std::size_t> data_line; ///< the first data line holding a fragment
  std::size_t row = 0;                  ///< the data row it belongs to

  void add(const Word& w, std::size_t line) {
    if (parts.empty()) {
      x0 = w.x0;
      x1 = w.x1;
      y0 = w.y0;
      y1 = w.y1;
    }
    parts.push_back(&w);
    x0 = std::min(x0, w.x0);
    x1 = std::max(x1, w.x1);
    y0 = std::min(y0, w.y0);
    y1 = std::max(y1, w.y1);
    last_cy = w.cy();
    last_line = line;
  }
  std::string text() const {
    std::string out;
    for (const Word* w : parts) {
      join_wrapped(out, w->text);
    }
    return out;
  }
};

/// The cell a fragment on `line` would continue: the nearest whose last part is on an earlier
/// line just above (within 1.5 font sizes, centre to centre) and overlaps it horizontally.
TextCell* above(std::vector<TextCell>& cells, const Word& w, std::size_t line);

/// A header fragment continues a header cell: the next line, the same centre or left edge, and
/// not a column's own header below one that spans several (`spans` counts the columns a word
/// stands over).
template <typename Spans>
TextCell* header_above(std::vector<TextCell>& cells, const Word& w, std::size_t line,
                       const Spans& spans) {
  TextCell* best = nullptr;
  for (auto& c : cells) {
    const Word& last = *c.parts.back();
    if (spans(*c.parts.front()) > 1 && spans(w) <= 1) {
      continue;
    }
    const bool aligned =
        std::abs(w.cx() - last.cx()) <= 0.5 * w.size || std::abs(w.x0 - last.x0) <= 0.5 * w.size;
    if (c.last_line >= line || w.cy() - c.last_cy > 1.1 * w.size || !aligned ||
        w.x1 - w.x0 > last.x1 - last.x0 + w.size) {
      continue;
    }
    if (best == nullptr || c.last_cy > best->last_cy) {
      best = &c;
    }
  }
  return best;
}

/// A label that opens the first item of a group: 1. or （一）.
bool first_item(std::string_view text);

} // namespace xxgk::document::pdf

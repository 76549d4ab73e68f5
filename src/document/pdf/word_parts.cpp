// The parts of the word-position tables (word_parts.hpp).

#include "word_parts.hpp"

#include <algorithm>

namespace xxgk::document::pdf {

std::string_view strip_open(std::string_view t) {
  for (std::string_view open : {"（", "("}) {
    if (t.starts_with(open)) {
      return t.substr(open.size());
    }
  }
  return t;
}

Kind start_kind(std::string_view text) {
  const std::string_view t = strip_open(text);
  for (const auto& s : k_starts) {
    if (t.starts_with(s.label)) {
      return s.kind;
    }
  }
  return Kind::None;
}

/// A block of 二 starts at its caption (or, without one, at its header).
bool starts_block(std::string_view text) {
  const std::string_view t = strip_open(text);
  return t.starts_with(k_starts[0].label) || t.starts_with(k_starts[1].label);
}

/// A section heading of the report (二、主动公开政府信息情况 …), not a row label
/// (三、本年度办理结果).
bool is_heading(std::string_view text) {
  static constexpr std::array<std::string_view, 6> k_numbers = {"一、", "二、", "三、",
                                                                "四、", "五、", "六、"};
  const bool numbered = std::any_of(k_numbers.begin(), k_numbers.end(),
                                    [&](std::string_view n) { return text.starts_with(n); });
  return numbered && (text.find("情况") != std::string_view::npos ||
                      text.find("事项") != std::string_view::npos);
}

/// A figure: digits with separators and an optional sign.
bool is_figure(std::string_view text) {
  if (text.starts_with("+")) {
    text.remove_prefix(1);
  }
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
         is_number_text(std::string(text));
}

/// The words of a line: characters split where the gap exceeds about half a character.
std::vector<Word> words_of(const Line& l, double offset) {
  std::vector<Word> out;
  const double size = std::max(l.size, 1.0);
  const Glyph* prev = nullptr;
  for (const Glyph* g : l.glyphs) {
    // A gap of a third of a character (the wider of the two) splits: cells of narrow columns
    // stand that close; characters of a word touch.
    const double wide = prev == nullptr ? 0 : std::max(prev->x1 - prev->x0, g->x1 - g->x0);
    if (prev == nullptr || g->x0 - prev->x1 > 0.35 * std::min(wide, size)) {
      Word w;
      w.x0 = g->x0;
      w.x1 = g->x1;
      w.y0 = g->y0 + offset;
      w.y1 = g->y1 + offset;
      w.size = size;
      out.push_back(std::move(w));
    }
    Word& w = out.back();
    append_utf8(w.text, g->c);
    w.x1 = std::max(w.x1, g->x1);
    w.y0 = std::min(w.y0, g->y0 + offset);
    w.y1 = std::max(w.y1, g->y1 + offset);
    prev = g;
  }
  for (auto& w : out) {
    w.number = is_figure(w.text);
  }
  return out;
}

bool has_figure(const std::vector<Word>& words) {
  return std::any_of(words.begin(), words.end(), [](const Word& w) { return w.number; });
}

/// Running text: a line across most of the text column, its words nearly touching (a table's
/// lines have gaps between their cells).
bool is_prose(const Line& l, double text_width) {
  const double width = l.x1 - l.x0;
  if (width < 0.6 * text_width || width <= 0) {
    return false;
  }
  double covered = 0;
  for (const auto& w : words_of(l, 0)) {
    covered += w.x1 - w.x0;
  }
  return covered >= 0.9 * width;
}

/// The cell a fragment on `line` would continue: the nearest whose last part is on an earlier
/// line just above (within 1.5 font sizes, centre to centre) and overlaps it horizontally.
TextCell* above(std::vector<TextCell>& cells, const Word& w, std::size_t line) {
  TextCell* best = nullptr;
  for (auto& c : cells) {
    if (c.last_line >= line || w.cy() - c.last_cy > 1.2 * w.size || w.x0 >= c.x1 || w.x1 <= c.x0) {
      continue;
    }
    if (best == nullptr || c.last_cy > best->last_cy) {
      best = &c;
    }
  }
  return best;
}

/// A label that opens the first item of a group: 1. or （一）.
bool first_item(std::string_view text) {
  const std::string_view t = strip_open(text);
  if (t.size() != text.size()) {
    return t.starts_with("一）") || t.starts_with("一)");
  }
  return t.starts_with("1.") || t.starts_with("1、") || t.starts_with("1．");
}

} // namespace xxgk::document::pdf

// The quick paths of text form detection and of the Tika reader against the plain definitions
// they shortcut: the same answers on generated texts made of the pieces the forms are told by.

#include <xxgk/document/text_forms.hpp>
#include <xxgk/document/text_reader.hpp>
#include <xxgk/util/text.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using namespace xxgk;
using namespace xxgk::document;

namespace {

// --- the definitions, written plainly --------------------------------------------------------

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

/// Run-on text: four of the labels each followed (after spaces) by a digit somewhere.
bool plain_runon(std::string_view text) {
  static constexpr std::string_view k_labels[] = {"本年新收政府信息公开申请数量",
                                                  "上年结转政府信息公开申请数量",
                                                  "属于国家秘密",
                                                  "重复申请",
                                                  "总计",
                                                  "结转下年度继续办理"};
  int hits = 0;
  for (const auto l : k_labels) {
    for (std::size_t p = text.find(l); p != std::string_view::npos; p = text.find(l, p + 1)) {
      std::size_t i = p + l.size();
      while (i < text.size() && text[i] == ' ') {
        ++i;
      }
      if (i < text.size() && is_digit(text[i])) {
        ++hits;
        break;
      }
    }
  }
  return hits >= 4;
}

/// Layout text: four lines of a label (the first of the list in the line) and five numbers.
bool plain_layout(std::string_view text) {
  static constexpr std::string_view k_labels[] = {"本年新收政府信息公开申请数量",
                                                  "上年结转政府信息公开申请数量",
                                                  "予以公开",
                                                  "属于国家秘密",
                                                  "重复申请",
                                                  "总计",
                                                  "结转下年度继续办理"};
  int hits = 0;
  for (const auto line : util::split_lines(text)) {
    for (const auto l : k_labels) {
      const std::size_t p = line.find(l);
      if (p == std::string_view::npos) {
        continue;
      }
      int numbers = 0;
      bool in_number = false;
      bool clean = true;
      for (std::size_t i = p + l.size(); i < line.size(); ++i) {
        if (is_digit(line[i])) {
          numbers += in_number ? 0 : 1;
          in_number = true;
        } else if (line[i] == ' ' || line[i] == '\r') {
          in_number = false;
        } else {
          clean = false;
          break;
        }
      }
      hits += clean && numbers >= 5 ? 1 : 0;
      break;
    }
  }
  return hits >= 4;
}

/// TSV: at least two lines of cells, more than the lines of one TAB-led cell.
bool plain_tsv(std::string_view text) {
  std::size_t rows = 0;
  std::size_t one_cell = 0;
  for (const auto line : util::split_lines(text)) {
    const auto tabs = std::count(line.begin(), line.end(), '\t');
    if (tabs == 0 || util::trim_view(line).empty()) {
      continue;
    }
    if (tabs == 1 && line.front() == '\t') {
      ++one_cell;
    } else {
      ++rows;
    }
  }
  return rows >= 2 && rows > one_cell;
}

/// A page number such as "- 3 -", on the folded line.
bool plain_page_number(std::string_view line) {
  const std::string t = util::nfkc(util::trim(line));
  std::size_t i = 0;
  auto skip_dashes = [&] {
    bool any = false;
    while (i < t.size()) {
      if (t[i] == '-') {
        ++i;
      } else if (t.compare(i, 3, "\xE2\x80\x94") == 0 || t.compare(i, 3, "\xE2\x80\x93") == 0) {
        i += 3;
      } else {
        break;
      }
      any = true;
    }
    return any;
  };
  auto skip_spaces = [&] {
    while (i < t.size() && t[i] == ' ') {
      ++i;
    }
  };
  if (!skip_dashes()) {
    return false;
  }
  skip_spaces();
  const std::size_t digits = i;
  while (i < t.size() && is_digit(t[i])) {
    ++i;
  }
  if (i == digits || i - digits > 4) {
    return false;
  }
  skip_spaces();
  return skip_dashes() && i == t.size();
}

// --- generated texts -------------------------------------------------------------------------

constexpr std::array<std::string_view, 46> k_pieces = {
    "总计3",
    "重复申请 0",
    "属于国家秘密12",
    "\n总计 1 2 3 4 5\n",
    "\n予以公开 0 0 0 0 0\n",
    "\n重复申请 1 2 3 4 5 \r\n",
    "本年新收政府信息公开申请数量",
    "上年结转政府信息公开申请数量",
    "予以公开",
    "属于国家秘密",
    "重复申请",
    "总计",
    "结转下年度继续办理",
    "正文",
    "（一）",
    "“",
    "【",
    "、",
    "\xE3\x80\x80", // U+3000
    "\xC2\xA0",     // NBSP
    "\xE2\x80\x8B", // ZERO WIDTH SPACE
    "\xEF\xBC\x8D", // FULLWIDTH HYPHEN-MINUS
    "\xE2\x80\x94", // EM DASH
    "\xE2\x80\x93", // EN DASH
    "\xEF\xBC\x93", // FULLWIDTH DIGIT THREE
    "\xFF",         // not UTF-8
    "0",
    "12",
    "3456",
    " ",
    "  ",
    "\t",
    "\t\t",
    "\n",
    "\n",
    "\r\n",
    "\r",
    "|",
    "---",
    "-",
    "+--+",
    "#",
    "# ",
    "a",
    "。",
    "- 3 -",
};

std::vector<std::string> generated_texts(std::size_t count, std::size_t pieces) {
  std::mt19937 rng(18);
  std::uniform_int_distribution<std::size_t> pick(0, k_pieces.size() - 1);
  std::uniform_int_distribution<std::size_t> length(1, pieces);
  std::vector<std::string> out;
  for (std::size_t n = 0; n < count; ++n) {
    std::string text;
    for (std::size_t k = length(rng); k > 0; --k) {
      text += k_pieces[pick(rng)];
    }
    out.push_back(std::move(text));
  }
  return out;
}

} // namespace

TEST_CASE("run-on and layout detection answer as the label-by-label search") {
  std::size_t runon = 0;
  std::size_t layout = 0;
  for (const auto& text : generated_texts(4000, 80)) {
    CAPTURE(text);
    CHECK(looks_like_runon_text(text) == plain_runon(text));
    CHECK(looks_like_layout_text(text) == plain_layout(text));
    runon += plain_runon(text) ? 1 : 0;
    layout += plain_layout(text) ? 1 : 0;
  }
  // The generated texts hold both answers.
  CHECK(runon > 0);
  CHECK(layout > 0);
  const std::string rows = "总计 1 2 3 4 5\n予以公开 0 0 0 0 0 \n重复申请1 2 3 4 5\r\n"
                           "属于国家秘密  7 7 7 7 7\n";
  CHECK(looks_like_layout_text(rows) == plain_layout(rows));
  CHECK(looks_like_layout_text(rows));
  CHECK_FALSE(looks_like_layout_text(rows.substr(0, rows.rfind("属于"))));
  const std::string runs = "总计  12重复申请3属于国家秘密 0 本年新收政府信息公开申请数量\n9";
  CHECK(looks_like_runon_text(runs) == plain_runon(runs));
  CHECK_FALSE(looks_like_runon_text(runs)); // a line break is no space
  CHECK(looks_like_runon_text(runs.substr(0, runs.size() - 2) + "9"));
}

TEST_CASE("TSV detection and blank lines answer as the plain definitions") {
  std::size_t tsv = 0;
  for (const auto& text : generated_texts(4000, 60)) {
    CAPTURE(text);
    CHECK(looks_like_tsv_text(text) == plain_tsv(text));
    tsv += plain_tsv(text) ? 1 : 0;
    for (const auto line : util::split_lines(text)) {
      CHECK(is_blank_line(line) == util::trim_view(line).empty());
    }
  }
  CHECK(tsv > 0);
  CHECK(is_blank_line(" \t\xE3\x80\x80\xC2\xA0"));
  CHECK_FALSE(is_blank_line(" \t\xE3\x80\x80x"));
  CHECK_FALSE(is_blank_line("\t\xFF"));
}

TEST_CASE("page numbers are told from the first character as on the folded line") {
  std::size_t pages = 0;
  for (const auto& text : generated_texts(3000, 6)) {
    for (const auto line : util::split_lines(text)) {
      CAPTURE(line);
      CHECK(is_page_number_line(line) == plain_page_number(line));
      pages += plain_page_number(line) ? 1 : 0;
    }
  }
  CHECK(pages > 0);
  CHECK(is_page_number_line("\xEF\xBC\x8D 3 \xEF\xBC\x8D")); // fullwidth hyphen-minus folds
  CHECK(is_page_number_line("\xE3\x80\x80— 12 —"));
  CHECK_FALSE(is_page_number_line("（一）- 3 -"));
}

TEST_CASE("a dash table starts only next to a possible dash line") {
  CHECK(maybe_dash_line("---  ----"));
  CHECK(maybe_dash_line(" ---\r"));
  CHECK_FALSE(maybe_dash_line("-- --"));
  CHECK_FALSE(maybe_dash_line("---a"));
  CHECK_FALSE(maybe_dash_line(""));
  const std::vector<std::string_view> lines = {"", "名称  数量", "----  ----", "规章  3", ""};
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const bool near =
        maybe_dash_line(lines[i]) || (i + 1 < lines.size() && maybe_dash_line(lines[i + 1]));
    CHECK((!dash_table_at(lines, i) || near));
  }
  CHECK(dash_table_at(lines, 1));
  CHECK(looks_like_markdown(lines));
  CHECK(detect_text_form("标题\n\n名称  数量\n----  ----\n规章  3\n") == "markdown");
}

TEST_CASE("Tika cells point at their first visible character, after any white space") {
  // U+3000 before the text; a U+3000 before text that starts with the same byte (U+3001 、) is
  // located at the first byte like it, as the reader always did.
  const Document d =
      read_tika_text("\t\xE3\x80\x80规章\t 0 \t\xE3\x80\x80、注\n[bookmark: x]\t6\n");
  std::vector<const Cell*> cells;
  for (const auto& b : d.blocks) {
    for (const auto& r : std::get<Table>(b).rows) {
      for (const auto& c : r.cells) {
        cells.push_back(&c);
      }
    }
  }
  REQUIRE(cells.size() == 4);
  CHECK(cells[0]->text == "规章");
  CHECK(cells[0]->where.column == 3);
  CHECK(cells[1]->text == "0");
  CHECK(cells[1]->where.column == 7);
  CHECK(cells[2]->text == "、注");
  CHECK(cells[2]->where.column == 10);
  CHECK(cells[3]->text == "6");
  CHECK(cells[3]->where.line == 2);
  CHECK(cells[3]->where.column == 15);
}

TEST_CASE("the text forms read the same from the text and from its lines") {
  for (const std::string_view text :
       {std::string_view("标题\n\t规章\n\t0\n\n\t规范性文件\t0\t0\n正文\n"),
        std::string_view("# 标题\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"),
        std::string_view("总计 1 2 3 4 5\n")}) {
    const auto lines = util::split_lines(text);
    CHECK(detect_text_form(text) == detect_text_form(text, lines));
    for (const auto& name : text_form_names()) {
      const auto a = read_text_form(name, text);
      const auto b = read_text_form(name, text, lines);
      REQUIRE(a);
      REQUIRE(b);
      CHECK(a->blocks.size() == b->blocks.size());
      CHECK(a->format == b->format);
    }
  }
}

TEST_CASE("Tika cells are trimmed of every kind of white space, as util::trim does") {
  std::size_t trimmed = 0;
  for (const auto& text : generated_texts(3000, 8)) {
    std::string content;
    for (const char c : text) {
      if (c != '\t' && c != '\n' && c != '\r') {
        content += c;
      }
    }
    if (is_page_number_line("\t" + content)) {
      continue;
    }
    CAPTURE(content);
    const Document d = read_tika_text("\t" + content + "\n");
    REQUIRE(d.blocks.size() == 1);
    const auto& cells = std::get<Table>(d.blocks[0]).rows.at(0).cells;
    REQUIRE(cells.size() == 1);
    CHECK(cells[0].text == util::trim(content));
    trimmed += cells[0].text.size() < content.size() ? 1 : 0;
  }
  CHECK(trimmed > 0);
}

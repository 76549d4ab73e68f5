// pandoc's simple and multiline tables (pandoc -t markdown, its default), aligned on display
// columns where a CJK character takes two.

#include <xxgk/document/text_forms.hpp>
#include <xxgk/util/text.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace xxgk;

namespace {

std::optional<document::Table> parse(const std::string& text, std::size_t first,
                                     std::size_t* next_out = nullptr) {
  const auto lines = util::split_lines(text);
  std::size_t next = 0;
  auto t = document::parse_dash_table(lines, first, next);
  if (next_out != nullptr) {
    *next_out = next;
  }
  return t;
}

std::vector<std::string> texts(const document::Row& row) {
  std::vector<std::string> out;
  for (const auto& c : row.cells) {
    out.push_back(c.text);
  }
  return out;
}

} // namespace

TEST_CASE("a multiline table: header under a full dash line, rows between blank lines") {
  const std::string md = "  ------------------------------------------\n"
                         "  第二十条第（一）项                      \n"
                         "  -------------------- ------- -----------\n"
                         "  信息内容             本年新  对外公开\n"
                         "                       制作数量 总数量\n"
                         "\n"
                         "  规章                 0       0\n"
                         "\n"
                         "  规范性文件           3       21\n"
                         "  ------------------------------------------\n"
                         "\n"
                         "后文\n";
  const auto lines = util::split_lines(md);
  CHECK(document::dash_table_at(lines, 0));
  std::size_t next = 0;
  const auto t = parse(md, 0, &next);
  REQUIRE(t);
  CHECK(next == 10);
  REQUIRE(t->rows.size() == 4);
  CHECK(texts(t->rows[0]) == std::vector<std::string>{"第二十条第（一）项", "", ""});
  CHECK(texts(t->rows[1]) ==
        std::vector<std::string>{"信息内容", "本年新\n制作数量", "对外公开\n总数量"});
  CHECK(texts(t->rows[2]) == std::vector<std::string>{"规章", "0", "0"});
  CHECK(texts(t->rows[3]) == std::vector<std::string>{"规范性文件", "3", "21"});
  CHECK(t->rows[3].cells[2].where.line == 9);
}

TEST_CASE("a simple table ends at a blank line; a headerless one at its closing dash line") {
  const std::string simple = "信息内容   处理决定数量\n"
                             "---------- ------------\n"
                             "行政许可   36\n"
                             "行政处罚   5\n"
                             "\n"
                             "正文段落。\n";
  std::size_t next = 0;
  auto t = parse(simple, 0, &next);
  REQUIRE(t);
  CHECK(t->rows.size() == 3);
  CHECK(next == 4);
  CHECK(texts(t->rows[2]) == std::vector<std::string>{"行政处罚", "5"});

  const std::string headerless = "\n"
                                 "  ---------- ------- ------\n"
                                 "  结果维持   结果\\   总计\n"
                                 "             纠正\n"
                                 "\n"
                                 "  1          0       1\n"
                                 "                          \n"
                                 "  ---------- ------- ------\n";
  t = parse(headerless, 1, &next);
  REQUIRE(t);
  CHECK(next == 8);
  REQUIRE(t->rows.size() == 3);
  CHECK(texts(t->rows[0]) == std::vector<std::string>{"结果维持", "结果\n纠正", "总计"});
  CHECK(texts(t->rows[1]) == std::vector<std::string>{"1", "0", "1"});
  CHECK(texts(t->rows[2]) == std::vector<std::string>{"", "", ""}); // a row of empty cells
}

TEST_CASE("dash lines in prose are not tables") {
  const std::string prose = "正文。\n\n---------- ----------\n\n后文没有结尾的虚线。\n";
  const auto lines = util::split_lines(prose);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    CHECK_FALSE(document::dash_table_at(lines, i));
  }
  const std::string rule = "正文。\n\n--------------------\n\n后文。\n";
  const auto rule_lines = util::split_lines(rule);
  for (std::size_t i = 0; i < rule_lines.size(); ++i) {
    CHECK_FALSE(document::dash_table_at(rule_lines, i));
  }
}

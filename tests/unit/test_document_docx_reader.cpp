#include <xxgk/document/read.hpp>
#include <xxgk/document/word_reader.hpp>
#include <xxgk/io/file.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

using namespace xxgk;
using namespace xxgk::document;

namespace {

constexpr const char* k_w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A bare document.xml with the given body content, declaring the usual w/mc/v/w14 prefixes.
std::string doc_xml(const std::string& body) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n") +
         "<w:document xmlns:w=\"" + k_w +
         "\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
         " xmlns:v=\"urn:schemas-microsoft-com:vml\""
         " xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\""
         " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">\n"
         "<w:body>\n" +
         body + "\n</w:body>\n</w:document>\n";
}

std::string p(const std::string& text) {
  return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>";
}

/// A cell: optional tcPr content and paragraphs.
std::string tc(const std::string& text, const std::string& props = "") {
  return "<w:tc>" + (props.empty() ? std::string() : "<w:tcPr>" + props + "</w:tcPr>") +
         (text.empty() ? std::string("<w:p/>") : p(text)) + "</w:tc>";
}

std::string tr(const std::string& cells, const std::string& props = "") {
  return "<w:tr>" + (props.empty() ? std::string() : "<w:trPr>" + props + "</w:trPr>") + cells +
         "</w:tr>";
}

std::string tbl(const std::string& rows, int grid_cols) {
  std::string grid = "<w:tblGrid>";
  for (int i = 0; i < grid_cols; ++i) {
    grid += "<w:gridCol w:w=\"1000\"/>";
  }
  grid += "</w:tblGrid>";
  return "<w:tbl><w:tblPr/>" + grid + rows + "</w:tbl>";
}

Document read_ok(const std::string& xml) {
  auto d = read_wordml_part(xml, "word/document.xml", "word-xml");
  if (!d) {
    FAIL("unexpected error: " << d.error().message);
  }
  return std::move(*d);
}

Document read_body(const std::string& body) {
  return read_ok(doc_xml(body));
}

std::vector<const Paragraph*> paragraphs(const Document& d) {
  std::vector<const Paragraph*> out;
  for (const auto& b : d.blocks) {
    if (const auto* x = std::get_if<Paragraph>(&b)) {
      out.push_back(x);
    }
  }
  return out;
}

std::vector<const Table*> tables(const Document& d) {
  std::vector<const Table*> out;
  for (const auto& b : d.blocks) {
    if (const auto* x = std::get_if<Table>(&b)) {
      out.push_back(x);
    }
  }
  return out;
}

/// A copy, so that `const Table& t = only_table(read_body(…))` stays valid.
Table only_table(const Document& d) {
  const auto ts = tables(d);
  REQUIRE(ts.size() == 1);
  return *ts.front();
}

std::vector<std::string> row_texts(const Row& r) {
  std::vector<std::string> out;
  for (const auto& c : r.cells) {
    out.push_back(c.text);
  }
  return out;
}

std::string error_of(const util::Expected<Document>& d) {
  REQUIRE_FALSE(d.has_value());
  return d.error().message;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A minimal zip writer (stored entries) so that tests can build .docx files in memory.
std::uint32_t crc32(const std::string& data) {
  static const auto table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) {
        c = (c & 1u) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      }
      t[i] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : data) {
    c = table[(c ^ b) & 0xFFu] ^ (c >> 8);
  }
  return c ^ 0xFFFFFFFFu;
}

void put16(std::string& s, std::uint32_t v) {
  s += static_cast<char>(v & 0xFFu);
  s += static_cast<char>((v >> 8) & 0xFFu);
}
void put32(std::string& s, std::uint32_t v) {
  put16(s, v & 0xFFFFu);
  put16(s, v >> 16);
}

std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out;
  std::string central;
  for (const auto& [name, data] : entries) {
    const auto offset = static_cast<std::uint32_t>(out.size());
    const std::uint32_t crc = crc32(data);
    const auto size = static_cast<std::uint32_t>(data.size());
    const auto name_len = static_cast<std::uint32_t>(name.size());
    put32(out, 0x04034b50u);
    put16(out, 20);
    put16(out, 0);
    put16(out, 0); // stored
    put16(out, 0);
    put16(out, 0);
    put32(out, crc);
    put32(out, size);
    put32(out, size);
    put16(out, name_len);
    put16(out, 0);
    out += name;
    out += data;
    put32(central, 0x02014b50u);
    put16(central, 20);
    put16(central, 20);
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put32(central, crc);
    put32(central, size);
    put32(central, size);
    put16(central, name_len);
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put32(central, 0);
    put32(central, offset);
    central += name;
  }
  const auto cd_offset = static_cast<std::uint32_t>(out.size());
  out += central;
  put32(out, 0x06054b50u);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put16(out, static_cast<std::uint32_t>(entries.size()));
  put32(out, static_cast<std::uint32_t>(central.size()));
  put32(out, cd_offset);
  put16(out, 0);
  return out;
}

const char* k_rels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
    "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "officeDocument\" Target=\"word/document.xml\"/></Relationships>";

std::string make_docx(const std::string& document_xml) {
  return make_zip({{"[Content_Types].xml", "<Types/>"},
                   {"_rels/.rels", k_rels},
                   {"word/document.xml", document_xml}});
}

std::string data_file(const std::string& relative) {
  auto bytes = io::read_file(std::string(XXGK_SOURCE_DIR) + "/tests/data/" + relative);
  REQUIRE_MESSAGE(bytes.has_value(), relative);
  return *bytes;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Body structure and locations

TEST_CASE("a Word body gives paragraphs and tables in body order with their locations") {
  const Document d =
      read_body(p("标题") + "<w:p/>" + p("一、总体情况") + tbl(tr(tc("a") + tc("b")), 2) +
                p("二、主动公开政府信息情况") + tbl(tr(tc("c")), 1));
  CHECK(d.format == "word-xml");
  REQUIRE(d.blocks.size() == 5);
  const auto ps = paragraphs(d);
  REQUIRE(ps.size() == 3);
  CHECK(ps[0]->text == "标题");
  CHECK(ps[0]->where.paragraph == 0);
  CHECK(ps[0]->where.part == "word/document.xml");
  CHECK(ps[0]->where.xml_line == 4);
  CHECK(ps[1]->where.paragraph == 2); // the blank paragraph is counted, not emitted
  CHECK(ps[2]->where.paragraph == 3);
  const auto ts = tables(d);
  REQUIRE(ts.size() == 2);
  CHECK(ts[0]->where.table == 0);
  CHECK(ts[1]->where.table == 1);
  CHECK(ts[0]->structure == RowStructure::Reliable);
  const Cell& b = ts[0]->rows[0].cells[1];
  CHECK(b.text == "b");
  CHECK(b.where.table == 0);
  CHECK(b.where.row == 0);
  CHECK(b.where.cell == 1);
  CHECK(b.where.part == "word/document.xml");
  CHECK(b.where.xml_line > 0);
  CHECK(d.diagnostics.empty());
}

TEST_CASE("XML line numbers follow the pretty-printed source") {
  const Document d = read_body(p("first") + "\n\n" + p("second") + "\n" + "<w:tbl><w:tr>\n<w:tc>" +
                               p("cell") + "</w:tc></w:tr></w:tbl>");
  const auto ps = paragraphs(d);
  REQUIRE(ps.size() == 2);
  CHECK(ps[0]->where.xml_line == 4);
  CHECK(ps[1]->where.xml_line == 6);
  const Table& t = only_table(d);
  CHECK(t.where.xml_line == 7);
  CHECK(t.rows[0].cells[0].where.xml_line == 8);
}

TEST_CASE("namespace prefixes are resolved by URI, not by the name w") {
  const std::string xml = std::string("<x:document xmlns:x=\"") + k_w +
                          "\"><x:body><x:p><x:r><x:t>甲</x:t></x:r></x:p>"
                          "<x:tbl><x:tr><x:tc><x:p><x:r><x:t>乙</x:t></x:r></x:p></x:tc></x:tr>"
                          "</x:tbl></x:body></x:document>";
  const Document d = read_ok(xml);
  REQUIRE(paragraphs(d).size() == 1);
  CHECK(paragraphs(d)[0]->text == "甲");
  CHECK(only_table(d).rows[0].cells[0].text == "乙");
}

TEST_CASE("a default namespace and the strict OOXML namespace are understood") {
  const std::string def = std::string("<document xmlns=\"") + k_w +
                          "\"><body><p><r><t>默认</t></r></p></body></document>";
  CHECK(paragraphs(read_ok(def))[0]->text == "默认");
  const std::string strict =
      "<w:document xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"><w:body>"
      "<w:p><w:r><w:t>严格</w:t></w:r></w:p></w:body></w:document>";
  CHECK(paragraphs(read_ok(strict))[0]->text == "严格");
}

TEST_CASE("elements of a foreign namespace that reuses the prefix w are not Word elements") {
  const std::string xml = std::string("<w:document xmlns:w=\"") + k_w +
                          "\"><w:body><w:p><w:r><w:t>正文</w:t></w:r>"
                          "<w:r xmlns:w=\"urn:other\"><w:t>别的</w:t></w:r></w:p></w:body>"
                          "</w:document>";
  CHECK(paragraphs(read_ok(xml))[0]->text == "正文");
}

TEST_CASE("a body with namespace declarations inside reads like one without them") {
  // Without any "xmlns" inside the body the walker skips looking for declarations; an unused
  // declaration, or the word in text, must not change what is read.
  const std::string content =
      p("段落") + tbl(tr(tc("甲", "<w:gridSpan w:val=\"2\"/>")) + tr(tc("乙") + tc("丙")), 2) +
      "<w:p><w:pPr><w:rPr><w:del w:id=\"1\"/></w:rPr></w:pPr><w:r><w:t>合</w:t></w:r></w:p>" +
      p("并");
  const Document plain = read_body(content);
  const Document declared =
      read_body("<w:customXml xmlns:u=\"urn:unused\">" + content + "</w:customXml>");
  const Document mentioned = read_body(content + p("xmlns"));
  for (const Document* d : {&declared, &mentioned}) {
    const auto a = paragraphs(plain);
    const auto b = paragraphs(*d);
    REQUIRE(b.size() >= a.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      CHECK(b[i]->text == a[i]->text);
    }
    const Table& ta = only_table(plain);
    const Table& tb = only_table(*d);
    REQUIRE(ta.rows.size() == tb.rows.size());
    for (std::size_t r = 0; r < ta.rows.size(); ++r) {
      REQUIRE(ta.rows[r].cells.size() == tb.rows[r].cells.size());
      for (std::size_t c = 0; c < ta.rows[r].cells.size(); ++c) {
        CHECK(ta.rows[r].cells[c].text == tb.rows[r].cells[c].text);
        CHECK(ta.rows[r].cells[c].col_span == tb.rows[r].cells[c].col_span);
      }
    }
  }
  REQUIRE(paragraphs(plain).size() == 2);
  CHECK(paragraphs(plain)[1]->text == "合并");
}

TEST_CASE("a prefix redeclared for the W namespace inside the body is followed") {
  const std::string xml = std::string("<w:document xmlns:w=\"") + k_w +
                          "\"><w:body><w:p><w:r><w:t>甲</w:t></w:r></w:p>"
                          "<q:p xmlns:q=\"" +
                          k_w +
                          "\"><q:r><q:t>乙</q:t><w:t>丙</w:t></q:r></q:p></w:body></w:document>";
  const Document d = read_ok(xml);
  REQUIRE(paragraphs(d).size() == 2);
  CHECK(paragraphs(d)[1]->text == "乙丙");
}

// ---------------------------------------------------------------------------------------------
// Tables

TEST_CASE("gridSpan becomes the cell's column span") {
  const Table& t = only_table(
      read_body(tbl(tr(tc("第二十条第（五）项", "<w:gridSpan w:val=\"4\"/>")) +
                        tr(tc("信息内容") + tc("本年处理决定数量", "<w:gridSpan w:val=\"3\"/>")),
                    4)));
  REQUIRE(t.rows.size() == 2);
  REQUIRE(t.rows[0].cells.size() == 1);
  CHECK(t.rows[0].cells[0].col_span == 4);
  REQUIRE(t.rows[1].cells.size() == 2);
  CHECK(t.rows[1].cells[1].col_span == 3);
}

TEST_CASE("vMerge restart and continue give a row span and empty continuation cells") {
  const Table& t = only_table(read_body(
      tbl(tr(tc("三、本年度办理结果", "<w:vMerge w:val=\"restart\"/>") + tc("（一）予以公开")) +
              tr(tc("ignored", "<w:vMerge/>") + tc("（二）部分公开")) +
              tr(tc("", "<w:vMerge w:val=\"continue\"/>") + tc("（三）不予公开")) +
              tr(tc("四、结转下年度继续办理") + tc("x")),
          2)));
  REQUIRE(t.rows.size() == 4);
  const Cell& origin = t.rows[0].cells[0];
  CHECK(origin.text == "三、本年度办理结果");
  CHECK(origin.row_span == 3);
  CHECK_FALSE(origin.merged_continuation);
  CHECK(t.rows[1].cells[0].merged_continuation);
  CHECK(t.rows[1].cells[0].text.empty());
  CHECK(t.rows[2].cells[0].merged_continuation);
  CHECK_FALSE(t.rows[3].cells[0].merged_continuation);
  CHECK(t.rows[3].cells[0].row_span == 1);
}

TEST_CASE("vertical merges are matched by grid column, also under spanned cells") {
  // 表三's header: the note spans 3 columns and 3 rows; 自然人 spans 2 rows.
  const Table& t = only_table(
      read_body(tbl(tr(tc("说明", "<w:gridSpan w:val=\"3\"/><w:vMerge w:val=\"restart\"/>") +
                       tc("申请人情况", "<w:gridSpan w:val=\"2\"/>")) +
                        tr(tc("", "<w:gridSpan w:val=\"3\"/><w:vMerge/>") +
                           tc("自然人", "<w:vMerge w:val=\"restart\"/>") + tc("法人")) +
                        tr(tc("", "<w:gridSpan w:val=\"3\"/><w:vMerge/>") + tc("", "<w:vMerge/>") +
                           tc("商业企业")),
                    5)));
  CHECK(t.rows[0].cells[0].row_span == 3);
  CHECK(t.rows[0].cells[0].col_span == 3);
  CHECK(t.rows[1].cells[1].row_span == 2);
  CHECK(t.rows[2].cells[1].merged_continuation);
  CHECK(t.rows[2].cells[0].merged_continuation);
}

TEST_CASE("a vMerge continue without a cell above starts a merge of its own") {
  const Table& t =
      only_table(read_body(tbl(tr(tc("孤", "<w:vMerge/>")) + tr(tc("", "<w:vMerge/>")), 1)));
  CHECK_FALSE(t.rows[0].cells[0].merged_continuation);
  CHECK(t.rows[0].cells[0].text == "孤");
  CHECK(t.rows[0].cells[0].row_span == 2);
  CHECK(t.rows[1].cells[0].merged_continuation);
}

TEST_CASE("gridBefore, gridAfter and short rows are filled with placeholder cells") {
  const Table& t = only_table(read_body(
      tbl(tr(tc("a") + tc("b") + tc("c") + tc("d")) +
              tr(tc("x") + tc("y"), "<w:gridBefore w:val=\"1\"/><w:gridAfter w:val=\"1\"/>") +
              tr(tc("short")),
          4)));
  REQUIRE(t.rows.size() == 3);
  CHECK(row_texts(t.rows[1]) == std::vector<std::string>{"", "x", "y", ""});
  CHECK(t.rows[1].cells[0].col_span == 1);
  CHECK(t.rows[1].cells[1].where.cell == 1);
  CHECK(row_texts(t.rows[2]) == std::vector<std::string>{"short", ""});
  CHECK(t.rows[2].cells[1].col_span == 3);
  // The vertical-merge columns stay aligned after a late start.
  const Table& m =
      only_table(read_body(tbl(tr(tc("a") + tc("b", "<w:vMerge w:val=\"restart\"/>")) +
                                   tr(tc("", "<w:vMerge/>"), "<w:gridBefore w:val=\"1\"/>"),
                               2)));
  CHECK(m.rows[0].cells[1].row_span == 2);
  CHECK(m.rows[1].cells[1].merged_continuation);
}

TEST_CASE("legacy hMerge continuation cells widen the cell before them") {
  const Table& t = only_table(read_body(
      tbl(tr(tc("合并", "<w:hMerge w:val=\"restart\"/>") + tc("", "<w:hMerge/>") + tc("z")), 3)));
  REQUIRE(t.rows[0].cells.size() == 2);
  CHECK(t.rows[0].cells[0].col_span == 2);
  CHECK(t.rows[0].cells[1].text == "z");
}

TEST_CASE("a cell's paragraphs are joined with newlines and its padding is kept") {
  const Table& t =
      only_table(read_body(tbl(tr("<w:tc><w:p/><w:p/>" + p("商业") + p("企业") + "<w:p/></w:tc>" +
                                  "<w:tc>" + p("\xE3\x80\x80\xE3\x80\x80") + "</w:tc>" + "<w:tc>" +
                                  p("\xC2\xA0"
                                    "12\xC2\xA0") +
                                  "</w:tc>"),
                               3)));
  CHECK(t.rows[0].cells[0].text == "商业\n企业");
  CHECK(t.rows[0].cells[1].text == "\xE3\x80\x80\xE3\x80\x80"); // U+3000 padding kept
  CHECK(t.rows[0].cells[2].text == "\xC2\xA0"
                                   "12\xC2\xA0");
}

TEST_CASE("a nested table's text goes into the containing cell, one line per paragraph") {
  const Table& t = only_table(
      read_body(tbl(tr(tc("外") + "<w:tc>" + p("前") +
                       tbl(tr(tc("内1") + tc("内2")) +
                               tr(tc("内3", "<w:vMerge w:val=\"restart\"/>") + tc("内4")) +
                               tr(tc("", "<w:vMerge/>") + tc("内5")),
                           2) +
                       p("后") + "</w:tc>"),
                    2)));
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].cells[1].text == "前\n内1\n内2\n内3\n内4\n内5\n后");
  CHECK(t.where.table == 0);
}

TEST_CASE("a one-cell layout table around tables is read as body content") {
  const Document d = read_body(
      p("标题") + tbl(tr("<w:tc>" + p("框内") + tbl(tr(tc("a") + tc("b")), 2) + "</w:tc>"), 1) +
      tbl(tr(tc("c")), 1));
  REQUIRE(d.blocks.size() == 4);
  CHECK(std::get<Paragraph>(d.blocks[1]).text == "框内");
  CHECK(std::get<Paragraph>(d.blocks[1]).where.paragraph == 1);
  const auto ts = tables(d);
  REQUIRE(ts.size() == 2);
  CHECK(row_texts(ts[0]->rows[0]) == std::vector<std::string>{"a", "b"});
  CHECK(ts[0]->where.table == 0);
  CHECK(ts[1]->where.table == 1);
}

// ---------------------------------------------------------------------------------------------
// Wrappers and run content

TEST_CASE("content controls around blocks, rows, cells and runs are read through") {
  const std::string sdt_open = "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent>";
  const std::string sdt_close = "</w:sdtContent></w:sdt>";
  const Document d =
      read_body(sdt_open + p("块级") + sdt_close +
                tbl(sdt_open + tr(tc("a") + sdt_open + tc("b") + sdt_close) + sdt_close +
                        tr("<w:tc><w:p><w:r><w:t>值</w:t></w:r>" + sdt_open +
                           "<w:r><w:t>12</w:t></w:r>" + sdt_close + "</w:p></w:tc>" + tc("c")),
                    2));
  REQUIRE(paragraphs(d).size() == 1);
  CHECK(paragraphs(d)[0]->text == "块级");
  const Table& t = only_table(d);
  REQUIRE(t.rows.size() == 2);
  CHECK(row_texts(t.rows[0]) == std::vector<std::string>{"a", "b"});
  CHECK(t.rows[1].cells[0].text == "值12");
}

TEST_CASE("an inline content control showing its placeholder prompt reads as empty") {
  const Document d = read_body(
      "<w:p><w:r><w:t>金额：</w:t></w:r><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr>"
      "<w:sdtContent><w:r><w:t>单击或点击此处输入文字。</w:t></w:r></w:sdtContent></w:sdt></w:p>");
  CHECK(paragraphs(d)[0]->text == "金额：");
}

TEST_CASE("smartTag, customXml and hyperlink wrappers keep their text") {
  const Document d = read_body(
      "<w:customXml w:element=\"report\"><w:p><w:smartTag w:uri=\"u\" w:element=\"date\">"
      "<w:r><w:t>2023</w:t></w:r></w:smartTag><w:r><w:t>年</w:t></w:r>"
      "<w:hyperlink r:id=\"rId9\" xmlns:r=\"urn:r\"><w:r><w:t>链接</w:t></w:r></w:hyperlink>"
      "<w:customXml w:element=\"n\"><w:r><w:t>!</w:t></w:r></w:customXml></w:p></w:customXml>");
  CHECK(paragraphs(d)[0]->text == "2023年链接!");
}

TEST_CASE("fields keep their result and drop their code") {
  const Document d = read_body(
      "<w:p><w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>7</w:t></w:r></w:fldSimple></w:p>"
      "<w:p><w:r><w:t>共</w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
      "<w:r><w:instrText xml:space=\"preserve\"> =SUM(ABOVE) </w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>42</w:t></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t>件</w:t></w:r></w:p>"
      // A nested field inside the code of another: only the outer result shows.
      "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>IF </w:instrText>"
      "</w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText>"
      "</w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:instrText> = 1 \"a\"</w:instrText>"
      "</w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>外</w:t></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");
  const auto ps = paragraphs(d);
  REQUIRE(ps.size() == 3);
  CHECK(ps[0]->text == "7");
  CHECK(ps[1]->text == "共42件");
  CHECK(ps[2]->text == "外");
}

TEST_CASE("an unfinished field code does not hide the following paragraphs") {
  const Document d = read_body(
      "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>X</w:instrText>"
      "</w:r></w:p>" +
      p("后文"));
  REQUIRE(paragraphs(d).size() == 1);
  CHECK(paragraphs(d)[0]->text == "后文");
}

TEST_CASE("tabs are spaces in cells and tabs in body text; breaks are newlines; symbols decode") {
  const Document d = read_body(
      "<w:p><w:r><w:t>一</w:t><w:tab/><w:t>二</w:t><w:br/><w:t>三</w:t>"
      "<w:sym w:font=\"Wingdings\" w:char=\"2713\"/><w:noBreakHyphen/><w:softHyphen/></w:r></w:p>" +
      tbl(tr("<w:tc><w:p><w:r><w:t>商业</w:t><w:tab/><w:t>企业</w:t><w:cr/><w:t>x</w:t></w:r>"
             "</w:p></w:tc>"),
          1));
  CHECK(paragraphs(d)[0]->text == "一\t二\n三\xE2\x9C\x93-");
  CHECK(only_table(d).rows[0].cells[0].text == "商业 企业\nx");
}

TEST_CASE("text whose only child is white space is kept") {
  const Document d =
      read_body("<w:p><w:r><w:t>a</w:t></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"
                "<w:r><w:t>b</w:t></w:r></w:p>");
  CHECK(paragraphs(d)[0]->text == "a b");
}

// ---------------------------------------------------------------------------------------------
// Tracked changes

TEST_CASE("tracked changes are read as accepted with one warning") {
  const Document d = read_body(
      "<w:p><w:r><w:t>收到</w:t></w:r><w:ins w:id=\"1\" w:author=\"a\"><w:r><w:t>12</w:t></w:r>"
      "</w:ins><w:del w:id=\"2\" w:author=\"a\"><w:r><w:delText>11</w:delText></w:r></w:del>"
      "<w:r><w:t>件</w:t></w:r><w:moveFrom w:id=\"3\"><w:r><w:t>旧</w:t></w:r></w:moveFrom>"
      "<w:moveTo w:id=\"4\"><w:r><w:t>新</w:t></w:r></w:moveTo></w:p>" +
      tbl(tr(tc("保留")) + tr(tc("删除的行"), "<w:del w:id=\"5\" w:author=\"a\"/>") +
              tr("<w:tc><w:p><w:r><w:delText>9</w:delText></w:r><w:ins w:id=\"6\"><w:r><w:t>10"
                 "</w:t></w:r></w:ins></w:p></w:tc>"),
          1));
  CHECK(paragraphs(d)[0]->text == "收到12件新");
  const Table& t = only_table(d);
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].cells[0].text == "保留");
  CHECK(t.rows[1].cells[0].text == "10");
  CHECK(t.rows[1].cells[0].where.row == 1);
  REQUIRE(d.diagnostics.size() == 1);
  const auto& diag = d.diagnostics.front();
  CHECK(diag.rule == "READ-REVISIONS");
  CHECK(diag.severity == diag::Severity::Warning);
  CHECK(diag.message == "文档含有未接受的修订，已按接受全部修订读取");
  CHECK(diag.location.part == "word/document.xml");
  CHECK(diag.location.xml_line == 4);
}

TEST_CASE("a deleted paragraph mark joins the paragraph with the next one") {
  const Document d = read_body(
      "<w:p><w:pPr><w:rPr><w:del w:id=\"1\" w:author=\"a\"/></w:rPr></w:pPr><w:r><w:t>前半</w:t>"
      "</w:r></w:p>" +
      p("后半") + p("另一段"));
  const auto ps = paragraphs(d);
  REQUIRE(ps.size() == 2);
  CHECK(ps[0]->text == "前半后半");
  CHECK(ps[0]->where.paragraph == 0);
  CHECK(ps[1]->where.paragraph == 2);
  CHECK(d.diagnostics.size() == 1);
}

TEST_CASE("formatting-only revisions do not trigger the revisions warning") {
  const Document d = read_body(
      "<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id=\"1\" w:author=\"a\"><w:rPr/></w:rPrChange>"
      "</w:rPr><w:t>粗体</w:t></w:r></w:p>");
  CHECK(paragraphs(d)[0]->text == "粗体");
  CHECK(d.diagnostics.empty());
}

// ---------------------------------------------------------------------------------------------
// What is not body text

TEST_CASE("mc:AlternateContent is read from one branch only") {
  const Document d = read_body(
      "<w:p><w:r><w:t>前</w:t></w:r><mc:AlternateContent><mc:Choice Requires=\"w14\">"
      "<w:r><w:t>选</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>备</w:t></w:r></mc:Fallback>"
      "</mc:AlternateContent></w:p>"
      "<mc:AlternateContent><mc:Fallback>" +
      p("仅备") + "</mc:Fallback></mc:AlternateContent>");
  const auto ps = paragraphs(d);
  REQUIRE(ps.size() == 2);
  CHECK(ps[0]->text == "前选");
  CHECK(ps[1]->text == "仅备");
}

TEST_CASE("text boxes, drawings and note references are not body text") {
  const Document d = read_body(
      "<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:drawing><wps:wsp><wps:txbx><w:txbxContent>" +
      p("文本框") +
      "</w:txbxContent></wps:txbx></wps:wsp></w:drawing></w:r>"
      "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>" +
      p("旧文本框") +
      "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
      "<w:r><w:footnoteReference w:id=\"1\"/></w:r><w:r><w:t>完</w:t></w:r></w:p>"
      "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId1\" xmlns:r=\"urn:r\"/>"
      "</w:sectPr>");
  REQUIRE(paragraphs(d).size() == 1);
  CHECK(paragraphs(d)[0]->text == "正文完");
}

// ---------------------------------------------------------------------------------------------
// The other XML forms

TEST_CASE("a Flat OPC package is read from its main document part") {
  const std::string xml =
      std::string(
          "<?xml version=\"1.0\" standalone=\"yes\"?>\n"
          "<?mso-application progid=\"Word.Document\"?>\n"
          "<pkg:package xmlns:pkg=\"http://schemas.microsoft.com/office/2006/xmlPackage\">\n"
          "<pkg:part pkg:name=\"/_rels/.rels\" "
          "pkg:contentType=\"application/vnd.openxmlformats-package.relationships+xml\">"
          "<pkg:xmlData>") +
      k_rels +
      "</pkg:xmlData></pkg:part>\n"
      "<pkg:part pkg:name=\"/word/media/image1.png\" pkg:contentType=\"image/png\" "
      "pkg:compression=\"store\"><pkg:binaryData>iVBORw0KGgoAAAANSUhEUgAAAAE=\n"
      "AAAA</pkg:binaryData></pkg:part>\n"
      "<pkg:part pkg:name=\"/word/document.xml\" pkg:contentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"><pkg:xmlData>\n" +
      "<w:document xmlns:w=\"" + k_w + "\"><w:body>\n" + p("扁平") + tbl(tr(tc("a") + tc("b")), 2) +
      "</w:body></w:document></pkg:xmlData></pkg:part></pkg:package>";
  CHECK(sniff_word_xml(xml) == WordXmlForm::FlatOpc);
  auto d = read(xml);
  REQUIRE(d.has_value());
  CHECK(d->format == "flat-opc");
  const auto ps = paragraphs(*d);
  REQUIRE(ps.size() == 1);
  CHECK(ps[0]->text == "扁平");
  CHECK(ps[0]->where.part == "word/document.xml");
  CHECK(ps[0]->where.xml_line == 9);
  CHECK(only_table(*d).rows[0].cells[1].text == "b");
}

TEST_CASE("a Flat OPC package without a document part is an error") {
  const std::string xml =
      "<pkg:package xmlns:pkg=\"http://schemas.microsoft.com/office/2006/xmlPackage\">"
      "<pkg:part pkg:name=\"/word/styles.xml\"><pkg:xmlData><x/></pkg:xmlData></pkg:part>"
      "</pkg:package>";
  CHECK(error_of(read(xml)) == "no /word/document.xml part in the Flat OPC package");
}

TEST_CASE("Word 2003 XML is read with its own merge, revision and wrapper elements") {
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<?mso-application progid=\"Word.Document\"?>\n"
      "<w:wordDocument xmlns:w=\"http://schemas.microsoft.com/office/word/2003/wordml\" "
      "xmlns:wx=\"http://schemas.microsoft.com/office/word/2003/auxHint\" "
      "xmlns:aml=\"http://schemas.microsoft.com/aml/2001/core\" "
      "xmlns:st1=\"urn:schemas-microsoft-com:office:smarttags\">"
      "<w:docPr/><w:body><wx:sect><w:p><w:r><w:t>二〇〇三</w:t></w:r>"
      "<st1:chsdate><w:r><w:t>年</w:t></w:r></st1:chsdate>"
      "<aml:annotation w:type=\"Word.Insertion\"><aml:content><w:r><w:t>增</w:t></w:r>"
      "</aml:content></aml:annotation><aml:annotation w:type=\"Word.Deletion\"><aml:content>"
      "<w:r><w:delText>删</w:delText></w:r></aml:content></aml:annotation>"
      "<aml:annotation w:type=\"Word.Comment\"><aml:content><w:p><w:r><w:t>批注</w:t></w:r>"
      "</w:p></aml:content></aml:annotation>"
      "<w:hlink w:dest=\"http://x\"><w:r><w:t>链</w:t></w:r></w:hlink></w:p>"
      "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
      "<w:tr><w:tc><w:tcPr><w:vmerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>合</w:t></w:r>"
      "</w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>"
      "<w:tr><w:tc><w:tcPr><w:vmerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>2</w:t></w:r>"
      "</w:p></w:tc></w:tr></w:tbl><wx:sub-section><w:p><w:r><w:t>小节</w:t></w:r></w:p>"
      "</wx:sub-section><w:sectPr/></wx:sect></w:body></w:wordDocument>";
  CHECK(sniff_word_xml(xml) == WordXmlForm::Word2003Xml);
  auto d = read(xml);
  REQUIRE(d.has_value());
  CHECK(d->format == "word2003-xml");
  const auto ps = paragraphs(*d);
  REQUIRE(ps.size() == 2);
  CHECK(ps[0]->text == "二〇〇三年增链");
  CHECK(ps[1]->text == "小节");
  const Table& t = only_table(*d);
  CHECK(t.rows[0].cells[0].row_span == 2);
  CHECK(t.rows[1].cells[0].merged_continuation);
  REQUIRE(d->diagnostics.size() == 1);
  CHECK(d->diagnostics[0].rule == "READ-REVISIONS");
}

TEST_CASE("a bare document.xml is sniffed after a BOM and white space, also in UTF-16") {
  const std::string xml = doc_xml(p("文"));
  CHECK(sniff_word_xml("\xEF\xBB\xBF \n" + xml) == WordXmlForm::DocumentXml);
  CHECK(sniff_word_xml("<!-- c --><root/>") == WordXmlForm::None);
  CHECK(sniff_word_xml("plain text") == WordXmlForm::None);
  auto d = read("\xEF\xBB\xBF\n" + xml);
  REQUIRE(d.has_value());
  CHECK(d->format == "word-xml");
  CHECK(paragraphs(*d)[0]->text == "文");

  // UTF-16LE with BOM: ASCII markup widened, "文" is U+6587.
  std::string utf16 = "\xFF\xFE";
  const std::string ascii = std::string("<w:document xmlns:w=\"") + k_w +
                            "\"><w:body><w:p><w:r><w:t>@</w:t></w:r></w:p></w:body></w:document>";
  for (char c : ascii) {
    if (c == '@') {
      utf16 += "\x87\x65";
    } else {
      utf16 += c;
      utf16 += '\0';
    }
  }
  CHECK(sniff_word_xml(utf16) == WordXmlForm::DocumentXml);
  auto d16 = read(utf16);
  REQUIRE(d16.has_value());
  CHECK(paragraphs(*d16)[0]->text == "文");
}

TEST_CASE("the Word forms are listed among the input formats and can be forced") {
  const auto& names = input_formats();
  for (const char* name : {"docx", "word-xml", "flat-opc", "word2003-xml"}) {
    CHECK(std::find(names.begin(), names.end(), name) != names.end());
  }
  ReadOptions o;
  o.input_format = "flat-opc";
  CHECK(error_of(read(doc_xml(p("x")), o)) == "not a Flat OPC package (pkg:package)");
  o.input_format = "docx";
  CHECK(error_of(read(doc_xml(p("x")), o)) == "not a .docx file (no zip signature)");
  o.input_format = "word-xml";
  CHECK(read(doc_xml(p("x")), o).has_value());
}

// ---------------------------------------------------------------------------------------------
// Malformed XML

TEST_CASE("malformed XML is an error naming the part and the line") {
  const auto d =
      read_wordml_part(doc_xml("<w:p><w:r><w:t>未闭合</w:r></w:p>"), "word/document.xml", "docx");
  const std::string msg = error_of(d);
  CHECK(contains(msg, "malformed XML in word/document.xml at line 4: "));
  CHECK(msg.find('\n') == std::string::npos);
  CHECK(contains(error_of(read(doc_xml(p("a")).substr(0, 200))), "malformed XML"));
}

TEST_CASE("lines are the same whether the XML has few newlines or very many") {
  // Few newlines: parsed in place, lines from the newlines' offsets taken before; a newline
  // every few bytes: parsed from a copy, lines counted in the text.
  const std::string body = p("一") + "\n" + tbl(tr(tc("甲") + "\n" + tc("乙")), 2) + "\n" + p("二");
  for (const std::string& filler : {std::string(400, ' '), std::string(400, '\n')}) {
    const Document d = read_ok(doc_xml(filler + body));
    const int shift = static_cast<int>(std::count(filler.begin(), filler.end(), '\n'));
    const auto ps = paragraphs(d);
    REQUIRE(ps.size() == 2);
    CHECK(ps[0]->where.xml_line == 4 + shift);
    CHECK(ps[1]->where.xml_line == 7 + shift);
    const Table& t = only_table(d);
    CHECK(t.where.xml_line == 5 + shift);
    CHECK(t.rows[0].cells[1].where.xml_line == 6 + shift);
    const std::string broken = doc_xml(filler + "\n<w:p><w:r><w:t>未闭合</w:r></w:p>");
    CHECK(contains(error_of(read_wordml_part(broken, "word/document.xml", "docx")),
                   "at line " + std::to_string(5 + shift) + ": "));
  }
}

TEST_CASE("XML that is not valid UTF-8 is an error") {
  const std::string xml = doc_xml(p("bad \xFF byte"));
  CHECK(error_of(read(xml)) ==
        "malformed XML: not valid UTF-8 (byte offset " + std::to_string(xml.find('\xFF')) + ")");
}

TEST_CASE("a document.xml without a body or with another root is an error") {
  CHECK(error_of(read(std::string("<w:document xmlns:w=\"") + k_w + "\"/>")) ==
        "no w:body: the document has no body text");
  CHECK(error_of(read_wordml_part("<root/>", "word/document.xml", "docx")) ==
        "word/document.xml is not a WordprocessingML document (root element <root>)");
}

TEST_CASE("absurdly deep XML is refused instead of exhausting the stack") {
  std::string body;
  for (int i = 0; i < 300; ++i) {
    body += "<w:customXml>";
  }
  body += p("深");
  for (int i = 0; i < 300; ++i) {
    body += "</w:customXml>";
  }
  CHECK(contains(error_of(read(doc_xml(body))), "nested deeper than 256 levels"));
  // 100 levels of wrappers are fine.
  std::string ok;
  for (int i = 0; i < 100; ++i) {
    ok += "<w:sdt><w:sdtContent>";
  }
  ok += p("深");
  for (int i = 0; i < 100; ++i) {
    ok += "</w:sdtContent></w:sdt>";
  }
  auto d = read(doc_xml(ok));
  REQUIRE(d.has_value());
  CHECK(paragraphs(*d)[0]->text == "深");
}

// ---------------------------------------------------------------------------------------------
// .docx and its failure modes

TEST_CASE("a .docx built in memory is sniffed and read") {
  const std::string docx = make_docx(doc_xml(p("压缩包") + tbl(tr(tc("1") + tc("2")), 2)));
  auto d = read(docx);
  REQUIRE(d.has_value());
  CHECK(d->format == "docx");
  CHECK(paragraphs(*d)[0]->text == "压缩包");
  CHECK(paragraphs(*d)[0]->where.part == "word/document.xml");
  CHECK(row_texts(only_table(*d).rows[0]) == std::vector<std::string>{"1", "2"});
}

TEST_CASE("the main part is found through _rels/.rels and names match case-insensitively") {
  std::string rels = k_rels;
  rels.replace(rels.find("word/document.xml"), 17, "/word/main.xml");
  const std::string docx = make_zip({{"_rels/.rels", rels}, {"Word/Main.xml", doc_xml(p("别名"))}});
  auto d = read(docx);
  REQUIRE(d.has_value());
  CHECK(paragraphs(*d)[0]->text == "别名");
  CHECK(paragraphs(*d)[0]->where.part == "word/main.xml");
}

TEST_CASE("a zip without word/document.xml is not a .docx") {
  CHECK(error_of(read(make_zip({{"a.txt", "x"}}))) ==
        "no word/document.xml in the zip archive: not a Word .docx document");
  CHECK(error_of(read(make_zip({{"xl/workbook.xml", "<x/>"}}))) ==
        "an Excel workbook (.xlsx), not a Word .docx document");
  CHECK(error_of(read(make_zip(
            {{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", "<x/>"}}))) ==
        "an OpenDocument file (.odt), not a Word .docx document; save it as .docx");
}

TEST_CASE("a truncated zip is an error, wherever it is cut") {
  const std::string docx = make_docx(doc_xml(p("完整")));
  for (std::size_t cut :
       {std::size_t{4}, std::size_t{30}, docx.size() / 2, docx.size() - 30, docx.size() - 1}) {
    CAPTURE(cut);
    const std::string msg = error_of(read(docx.substr(0, cut)));
    CHECK(contains(msg, "truncated or damaged .docx"));
  }
}

TEST_CASE("a zip entry that would inflate past the limit is refused") {
  const std::string docx = make_docx(doc_xml(p(std::string(5000, 'x'))));
  ReadOptions o;
  o.max_inflated = 4096;
  CHECK(error_of(read(docx, o)) ==
        "word/document.xml inflates to more than 4096 bytes (limit max_inflated); not read");
  CHECK(read(docx).has_value());
}

TEST_CASE("a zip with a wrong CRC is reported as damaged") {
  std::string docx = make_docx(doc_xml(p("校验")));
  const std::size_t at = docx.find("校验");
  REQUIRE(at != std::string::npos);
  docx[at] = 'X'; // the content no longer matches its CRC
  CHECK(contains(error_of(read(docx)), "truncated or damaged .docx: cannot inflate"));
}

TEST_CASE("OLE compound files are explained: encrypted documents and legacy .doc") {
  const std::string magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  auto utf16 = [](const std::string& s) {
    std::string out;
    for (char c : s) {
      out += c;
      out += '\0';
    }
    return out;
  };
  CHECK(error_of(read(magic + std::string(100, '\0') + utf16("EncryptedPackage"))) ==
        "an encrypted or password-protected Office document (OLE compound file); remove the "
        "password and save it as .docx");
  CHECK(error_of(read(magic + std::string(100, '\0') + utf16("WordDocument"))) ==
        "a legacy Word 97-2003 .doc file (OLE compound file), not .docx; save it as .docx");
  CHECK(contains(error_of(read(magic + std::string(100, '\0'))),
                 "an OLE compound file: an encrypted or password-protected document, or a "
                 "legacy .doc"));
}

TEST_CASE("the generated malformed .docx fixtures give errors, never crashes") {
  struct Case {
    const char* file;
    const char* message;
  };
  const Case cases[] = {
      // max_inflate_ratio or max_inflated, whichever trips first.
      {"docx/malformed/bomb.docx", "word/document.xml inflates to more than "},
      {"docx/malformed/lying-sizes.docx", "word/document.xml inflates to more than "},
      {"docx/malformed/truncated.docx", "truncated or damaged .docx"},
      {"docx/malformed/no-document.docx", "no word/document.xml in the zip archive"},
      {"docx/malformed/malformed-xml.docx", "malformed XML in word/document.xml at line"},
      {"docx/malformed/encrypted.docx", "an encrypted or password-protected Office document"},
      {"docx/malformed/legacy-doc.docx", "a legacy Word 97-2003 .doc file"},
  };
  for (const Case& c : cases) {
    const std::string file = c.file;
    CAPTURE(file);
    const std::string msg = error_of(read(data_file(c.file)));
    CHECK(contains(msg, c.message));
  }
}

// ---------------------------------------------------------------------------------------------
// The real WPS template

TEST_CASE("the real WPS 2021 template reads as three tables with its merged cells") {
  auto d = read(data_file("template-2021-wps.docx"));
  REQUIRE(d.has_value());
  CHECK(d->format == "docx");
  CHECK(d->diagnostics.empty());
  const auto ts = tables(*d);
  REQUIRE(ts.size() == 3);

  // 表二: caption rows span the 4 grid columns; value cells keep their U+3000 padding.
  const Table& t2 = *ts[0];
  REQUIRE(t2.rows.size() == 14);
  CHECK(t2.rows[0].cells[0].text == "第二十条第（一）项");
  CHECK(t2.rows[0].cells[0].col_span == 4);
  CHECK(row_texts(t2.rows[1]) ==
        std::vector<std::string>{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"});
  CHECK(t2.rows[2].cells[1].text == "\xE3\x80\x80\xE3\x80\x80");
  CHECK(t2.rows[5].cells[1].col_span == 3);

  // 表三: 3 header rows under a note spanning 3×3; 28 rows of 8 or 10 cells.
  const Table& t3 = *ts[1];
  REQUIRE(t3.rows.size() == 28);
  const Cell& note = t3.rows[0].cells[0];
  CHECK(contains(note.text, "本列数据的勾稽关系"));
  CHECK(note.col_span == 3);
  CHECK(note.row_span == 3);
  CHECK(t3.rows[1].cells[0].merged_continuation);
  CHECK(t3.rows[1].cells[1].text == "自然人");
  CHECK(t3.rows[1].cells[1].row_span == 2);
  CHECK(t3.rows[1].cells[2].text == "法人或其他组织");
  CHECK(t3.rows[1].cells[2].col_span == 5);
  CHECK(t3.rows[2].cells[2].text == "商业\n企业");
  const Cell& group = t3.rows[5].cells[0];
  CHECK(group.text == "三、本年度办理结果");
  CHECK(group.row_span == 22);
  CHECK(t3.rows[7].cells[1].text == "（三）不予公开");
  CHECK(t3.rows[7].cells[1].row_span == 8);
  CHECK(t3.rows[26].cells[0].merged_continuation);
  CHECK(t3.rows[26].cells[1].text == "（七）总计");
  CHECK(t3.rows[27].cells[0].text == "四、结转下年度继续办理");
  CHECK(t3.rows[27].cells[0].where.table == 1);
  CHECK(t3.rows[27].cells[0].where.row == 27);

  // 表四: 3 header rows and one row of 15 values.
  const Table& t4 = *ts[2];
  REQUIRE(t4.rows.size() == 4);
  CHECK(t4.rows[0].cells[1].text == "行政诉讼");
  CHECK(t4.rows[0].cells[1].col_span == 10);
  CHECK(t4.rows[1].cells[4].text == "总计");
  CHECK(t4.rows[1].cells[4].row_span == 2);
  CHECK(t4.rows[3].cells.size() == 15);

  const auto ps = paragraphs(*d);
  REQUIRE_FALSE(ps.empty());
  CHECK(ps[0]->text == "政府信息公开工作年度报告格式模板");
}

// ---------------------------------------------------------------------------------------------
// The generated fixtures (scripts/gen_docx_fixtures.py)

namespace {
/// Paragraph texts and table cells (text, spans, continuation): what extraction sees.
std::string dump(const Document& d) {
  std::string out;
  for (const auto& b : d.blocks) {
    if (const auto* p = std::get_if<Paragraph>(&b)) {
      out += "P " + p->text + "\n";
      continue;
    }
    out += "T\n";
    for (const auto& r : std::get<Table>(b).rows) {
      out += " R";
      for (const auto& c : r.cells) {
        out += " [" + c.text + "|" + std::to_string(c.col_span) + "x" + std::to_string(c.row_span) +
               (c.merged_continuation ? "|cont" : "") + "]";
      }
      out += "\n";
    }
  }
  return out;
}
} // namespace

TEST_CASE("every Word form of a generated report reads to the same paragraphs and cells") {
  for (const std::string base : {"hongxing-2021", "lishui-bureau-2020", "qingshan-county-2022"}) {
    CAPTURE(base);
    auto reference = read(data_file("docx/" + base + ".docx"));
    REQUIRE(reference.has_value());
    CHECK(tables(*reference).size() == 3);
    const std::string expected = dump(*reference);
    std::vector<std::pair<std::string, std::string>> forms = {{"-wps.docx", "docx"},
                                                              {"-libreoffice.docx", "docx"},
                                                              {".flat.xml", "flat-opc"},
                                                              {".word2003.xml", "word2003-xml"},
                                                              {".document.xml", "word-xml"}};
    if (base != "qingshan-county-2022") {
      for (const char* special : {"-tracked.docx", "-sdt.docx", "-fields.docx", "-nested.docx"}) {
        forms.emplace_back(special, "docx");
      }
    }
    for (const auto& [suffix, format] : forms) {
      const std::string file = "docx/" + base + suffix;
      CAPTURE(file);
      auto d = read(data_file(file));
      REQUIRE(d.has_value());
      CHECK(d->format == format);
      CHECK(dump(*d) == expected);
      CHECK(d->diagnostics.size() == (suffix == "-tracked.docx" ? 1u : 0u));
    }
  }
}

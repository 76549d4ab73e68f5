// The detection step of document::read: which form's reader runs for given bytes, name and
// --input-format, and the shared helpers the readers build cells and paragraphs with.

#include <xxgk/document/cell_text.hpp>
#include <xxgk/document/read.hpp>
#include <xxgk/document/text_forms.hpp>

#include <doctest/doctest.h>

#include <string>
#include <variant>

using namespace xxgk::document;

namespace {

ReadOptions asked(std::string format, std::string file_name = {}) {
  ReadOptions o;
  o.input_format = std::move(format);
  o.file_name = std::move(file_name);
  return o;
}

} // namespace

TEST_CASE("read: the form is detected from the bytes, or the asked form's reader runs") {
  const std::string page = "<!DOCTYPE html><html><body><p>正文</p></body></html>";
  auto html = read(page);
  REQUIRE(html);
  CHECK(html->format == "html");
  auto as_text = read(page, asked("text-plain"));
  REQUIRE(as_text);
  CHECK(as_text->format == "text-plain");

  auto tsv = read("规章\t0\t0\t0\n规范性文件\t1\t0\t1\n");
  REQUIRE(tsv);
  CHECK(tsv->format == "text-tsv");

  // A .html name makes a page of loose elements HTML; the same bytes named .txt are text.
  const std::string loose = "标题\n正文<br>\n<span>第二段</span>\n";
  auto named = read(loose, asked("", "report.htm"));
  REQUIRE(named);
  CHECK(named->format == "html");
  auto unnamed = read(loose, asked("", "report.txt"));
  REQUIRE(unnamed);
  CHECK(unnamed->format != "html");
}

TEST_CASE("read: bytes no reader can read are refused whatever form is asked") {
  const std::string binary("abc\0def", 7);
  auto detected = read(binary);
  REQUIRE_FALSE(detected);
  CHECK(detected.error().message.find("binary data") != std::string::npos);
  auto as_text = read(binary, asked("text-plain"));
  REQUIRE_FALSE(as_text);
  CHECK(as_text.error().message.find("binary data") != std::string::npos);
  // An asked form that reads bytes with NULs (HTML in UTF-16) is not refused as binary.
  auto as_html = read(binary, asked("html"));
  CHECK((as_html || as_html.error().message.find("binary data") == std::string::npos));

  auto not_pdf = read("plain text", asked("pdf"));
  REQUIRE_FALSE(not_pdf);
  CHECK(not_pdf.error().message == "not a PDF file (no %PDF- signature)");
  auto not_docx = read("plain text", asked("docx"));
  REQUIRE_FALSE(not_docx);
  CHECK(not_docx.error().message == "not a .docx file (no zip signature)");
  auto unknown = read("plain text", asked("rtf"));
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().message == "unknown input format 'rtf'");
}

TEST_CASE("join_cell_lines drops empty lines at the ends only") {
  CHECK(join_cell_lines({}) == "");
  CHECK(join_cell_lines({"", ""}) == "");
  CHECK(join_cell_lines({"", "a", "", "b", ""}) == "a\n\nb");
  CHECK(join_cell_lines({"a"}) == "a");
}

TEST_CASE("add_line_paragraph: the trimmed line, at its first non-space character") {
  Document doc;
  add_line_paragraph(doc, "  　正文 ", 4);
  REQUIRE(doc.blocks.size() == 1);
  const auto& p = std::get<Paragraph>(doc.blocks[0]);
  CHECK(p.where.line == 5);
  CHECK(p.text == "正文");
  CHECK(p.where.column == 4);
}

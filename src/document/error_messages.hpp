#pragma once
// The wording of the readers' fatal errors (a file that cannot be read at all), Chinese and
// English side by side, one entry per message ID. The findings of a read document are in
// messages.hpp.

#include <xxgk/diag/message.hpp>
#include <xxgk/util/expected.hpp>

#include <utility>
#include <vector>

namespace xxgk::document::err {

/// An error of `kind` worded by `tpl`.
inline util::Error make(util::ErrorKind kind, const diag::MessageTemplate& tpl,
                        std::vector<diag::Arg> args = {}) {
  return util::Error::of(kind, {&tpl, std::move(args)});
}

// Forms and detection (read.cpp, word/package_kind.cpp).
inline constexpr diag::MessageTemplate k_empty{"error.read.empty", "文件为空", "the file is empty"};
inline constexpr diag::MessageTemplate k_input_too_large{
    "error.read.input_too_large", "输入有 {0} 字节，超过上限 {1}（max_input）",
    "the input is {0} bytes, more than the limit of {1} (max_input)"};
inline constexpr diag::MessageTemplate k_not_pdf{"error.read.not_pdf",
                                                 "不是 PDF 文件（没有 %PDF- 标记）",
                                                 "not a PDF file (no %PDF- signature)"};
inline constexpr diag::MessageTemplate k_not_zip{"error.read.not_zip",
                                                 "不是 .docx 文件（没有 zip 标记）",
                                                 "not a .docx file (no zip signature)"};
inline constexpr diag::MessageTemplate k_unknown_form{
    "error.read.unknown_form", "未知的输入格式「{0}」", "unknown input format '{0}'"};
inline constexpr diag::MessageTemplate k_binary{
    "error.read.binary", "二进制数据：不是受支持格式的报告文档",
    "binary data: not a report document in a supported form"};
inline constexpr diag::MessageTemplate k_ole_encrypted{
    "error.read.ole_encrypted",
    "加密或设有密码的 Office 文档（OLE 复合文件）；请去掉密码并另存为 .docx",
    "an encrypted or password-protected Office document (OLE compound file); remove the "
    "password and save it as .docx"};
inline constexpr diag::MessageTemplate k_ole_doc{
    "error.read.ole_doc", "旧版 Word 97-2003 .doc 文件（OLE 复合文件），不是 .docx；请另存为 .docx",
    "a legacy Word 97-2003 .doc file (OLE compound file), not .docx; save it as .docx"};
inline constexpr diag::MessageTemplate k_ole_other{
    "error.read.ole_other",
    "OLE 复合文件：加密或设有密码的文档，或旧版 .doc；请另存为不设密码的 .docx",
    "an OLE compound file: an encrypted or password-protected document, or a legacy .doc; "
    "save it as .docx without a password"};
inline constexpr diag::MessageTemplate k_xlsx{
    "error.read.xlsx", "Excel 工作簿（.xlsx），不是 Word .docx 文档",
    "an Excel workbook (.xlsx), not a Word .docx document"};
inline constexpr diag::MessageTemplate k_pptx{
    "error.read.pptx", "PowerPoint 演示文稿（.pptx），不是 Word .docx 文档",
    "a PowerPoint presentation (.pptx), not a Word .docx document"};
inline constexpr diag::MessageTemplate k_odt{
    "error.read.odt", "OpenDocument 文件（.odt），不是 Word .docx 文档；请另存为 .docx",
    "an OpenDocument file (.odt), not a Word .docx document; save it as .docx"};
inline constexpr diag::MessageTemplate k_no_main_part{
    "error.read.no_main_part", "zip 压缩包中没有 word/document.xml：不是 Word .docx 文档",
    "no word/document.xml in the zip archive: not a Word .docx document"};

// Limits (limits.cpp).
inline constexpr diag::MessageTemplate k_limit_syntax{"error.limit.syntax",
                                                      "上限的写法是 NAME=VALUE，不是「{0}」",
                                                      "a limit is NAME=VALUE, not '{0}'"};
inline constexpr diag::MessageTemplate k_limit_unknown{"error.limit.unknown",
                                                       "未知的上限「{0}」（{1}可用的上限：{2}）",
                                                       "unknown limit '{0}' ({1}limits: {2})"};
inline constexpr diag::MessageTemplate k_limit_suggest{"error.limit.suggest", "是否想用「{0}」？",
                                                       "did you mean '{0}'?; "};
inline constexpr diag::MessageTemplate k_limit_value{
    "error.limit.value", "上限 {0}：「{1}」不是正整数（K、M、G 表示 KiB、MiB、GiB）",
    "limit {0}: '{1}' is not a positive whole number (K, M, G for KiB, MiB, GiB)"};
inline constexpr diag::MessageTemplate k_limit_depth{
    "error.limit.depth", "上限 max_xml_depth：最多为 {0}", "limit max_xml_depth: at most {0}"};
inline constexpr diag::MessageTemplate k_table_cells{
    "error.limit.table_cells",
    "第 {0} 个表格{1}有 {2} 个单元格，超过上限 {3}（max_cells_per_table）",
    "table {0}{1} has {2} cells, more than the limit of {3} (max_cells_per_table)"};
inline constexpr diag::MessageTemplate k_at_line{"error.limit.at_line", "（第 {0} 行）",
                                                 " (line {0})"};
inline constexpr diag::MessageTemplate k_document_cells{
    "error.limit.document_cells", "文档有 {0} 个单元格和段落，超过上限 {1}（max_cells）",
    "the document has {0} cells and paragraphs, more than the limit of {1} (max_cells)"};
inline constexpr diag::MessageTemplate k_line_bytes{
    "error.limit.line_bytes", "第 {0} 行长 {1} 字节，超过上限 {2}（max_line_bytes）",
    "line {0} is {1} bytes long, more than the limit of {2} (max_line_bytes)"};
inline constexpr diag::MessageTemplate k_text_marks{
    "error.limit.text_marks",
    "文本有 {0} 个换行、TAB 和「|」（每个都可能构成单元格或段落），超过上限 {1}（max_cells）",
    "the text has {0} lines, TABs and '|' (each can make a cell or paragraph), more than the "
    "limit of {1} (max_cells)"};
inline constexpr diag::MessageTemplate k_markup_tags{
    "error.limit.markup_tags", "{0}有 {1} 个标签，超过上限 {2}（max_xml_tags）",
    "{0} has {1} tags, more than the limit of {2} (max_xml_tags)"};
inline constexpr diag::MessageTemplate k_html_page{"error.read.the_html_page", "网页",
                                                   "the HTML page"};
inline constexpr diag::MessageTemplate k_the_xml{"error.read.the_xml", "XML", "the XML"};

// Word forms (word/).
inline constexpr diag::MessageTemplate k_flat_opc_no_main{
    "error.word.flat_opc_no_main", "Flat OPC 包中没有 /word/document.xml 部件",
    "no /word/document.xml part in the Flat OPC package"};
inline constexpr diag::MessageTemplate k_flat_opc_not_xml{
    "error.word.flat_opc_not_xml", "Flat OPC 包的 {0} 部件中没有 w:document XML",
    "the {0} part of the Flat OPC package holds no w:document XML"};
inline constexpr diag::MessageTemplate k_xml_utf8{
    "error.word.xml_utf8", "XML{0}格式错误：不是有效的 UTF-8（字节偏移 {1}）",
    "malformed XML{0}: not valid UTF-8 (byte offset {1})"};
inline constexpr diag::MessageTemplate k_xml_parse{
    "error.word.xml_parse", "XML{0}格式错误，第 {1} 行：{2}", "malformed XML{0} at line {1}: {2}"};
inline constexpr diag::MessageTemplate k_xml_depth{
    "error.word.xml_depth", "XML{0}嵌套超过 {1} 层（上限 max_xml_depth）；不是 Word 文档",
    "XML{0} is nested deeper than {1} levels (limit max_xml_depth); not a Word document"};
inline constexpr diag::MessageTemplate k_in_part{"error.word.in_part", "（{0}）", " in {0}"};
inline constexpr diag::MessageTemplate k_no_body{"error.word.no_body",
                                                 "没有 w:body{0}：文档没有正文",
                                                 "no w:body{0}: the document has no body text"};
inline constexpr diag::MessageTemplate k_not_wordml{
    "error.word.not_wordml", "{0}不是 WordprocessingML 文档（根元素为 {1}）",
    "{0}not a WordprocessingML document (root element {1})"};
inline constexpr diag::MessageTemplate k_part_is{"error.word.part_is", "{0} ", "{0} is "};
inline constexpr diag::MessageTemplate k_no_root{"error.word.no_root", "无", "none"};
inline constexpr diag::MessageTemplate k_not_word_xml_root{
    "error.word.not_word_xml_root",
    "不是 Word XML 文档：根元素不是 w:document、pkg:package 或 w:wordDocument",
    "not a Word XML document: the root element is not w:document, pkg:package or w:wordDocument"};
inline constexpr diag::MessageTemplate k_not_form{"error.word.not_form", "不是{0}", "not {0}"};
inline constexpr diag::MessageTemplate k_form_document_xml{
    "error.word.form_document_xml", "WordprocessingML document.xml（w:document）",
    "a WordprocessingML document.xml (w:document)"};
inline constexpr diag::MessageTemplate k_form_flat_opc{
    "error.word.form_flat_opc", "Flat OPC 包（pkg:package）", "a Flat OPC package (pkg:package)"};
inline constexpr diag::MessageTemplate k_form_word2003{"error.word.form_word2003",
                                                       "Word 2003 XML 文档（w:wordDocument）",
                                                       "a Word 2003 XML document (w:wordDocument)"};
inline constexpr diag::MessageTemplate k_form_word_xml{"error.word.form_word_xml", "Word XML 文档",
                                                       "Word XML"};
inline constexpr diag::MessageTemplate k_not_word_xml{
    "error.word.not_word_xml", "不是 Word XML 文档", "not a Word XML document"};
inline constexpr diag::MessageTemplate k_zip_read{"error.zip.read", "无法读取 zip 压缩包（{0}）",
                                                  "cannot read the zip archive ({0})"};
inline constexpr diag::MessageTemplate k_zip_no_directory{
    "error.zip.no_directory", ".docx 不完整或已损坏：zip 压缩包没有可读的中央目录",
    "truncated or damaged .docx: the zip archive has no readable central directory"};
inline constexpr diag::MessageTemplate k_zip_inconsistent{
    "error.zip.inconsistent", ".docx 不完整或已损坏：zip 压缩包前后不一致（{0}）",
    "truncated or damaged .docx: inconsistent zip archive ({0})"};
inline constexpr diag::MessageTemplate k_zip_multidisk{
    "error.zip.multidisk", "分卷 zip 压缩包，不是 .docx", "a multi-disk zip archive, not a .docx"};
inline constexpr diag::MessageTemplate k_zip_open{"error.zip.open", "无法打开 zip 压缩包（{0}）",
                                                  "cannot open the zip archive ({0})"};
inline constexpr diag::MessageTemplate k_zip_encrypted{
    "error.zip.encrypted", "zip 压缩包中的 {0} 已加密", "{0} is encrypted inside the zip archive"};
inline constexpr diag::MessageTemplate k_zip_method{
    "error.zip.method", "{0} 的压缩方法本程序无法解压",
    "{0} is compressed with a method this build cannot inflate"};
inline constexpr diag::MessageTemplate k_zip_entry_open{"error.zip.entry_open",
                                                        "无法打开 zip 压缩包中的 {0}（{1}）",
                                                        "cannot open {0} in the zip archive ({1})"};
inline constexpr diag::MessageTemplate k_zip_inflate{
    "error.zip.inflate", ".docx 不完整或已损坏：无法解压 {0}（{1}）",
    "truncated or damaged .docx: cannot inflate {0} ({1})"};
inline constexpr diag::MessageTemplate k_zip_inflated_limit{
    "error.zip.inflated_limit", "{0} 解压后超过 {1}（上限 max_inflated）；未读取",
    "{0} inflates to more than {1} (limit max_inflated); not read"};
inline constexpr diag::MessageTemplate k_zip_bomb{
    "error.zip.bomb",
    "{0} 解压后超过其压缩大小 {2} 字节的 {1} 倍（上限 max_inflate_ratio）：是 zip 炸弹，不是 Word "
    "文档；未读取",
    "{0} inflates to more than {1} times its compressed size of {2} bytes (limit "
    "max_inflate_ratio): a zip bomb, not a Word document; not read"};

// HTML (html/parse.cpp).
inline constexpr diag::MessageTemplate k_html_too_large{
    "error.html.too_large", "网页太大，HTML 解析器无法处理（最多 2 GiB）",
    "the page is too large for the HTML parser (2 GiB at most)"};
inline constexpr diag::MessageTemplate k_html_parser{"error.html.parser", "无法创建 HTML 解析器",
                                                     "cannot create an HTML parser"};
inline constexpr diag::MessageTemplate k_html_unreadable{
    "error.html.unreadable", "不是可读的 HTML 网页", "not a readable HTML page"};

// Text encodings (encoding.cpp).
inline constexpr diag::MessageTemplate k_encoding_unknown_suggest{
    "error.encoding.unknown_suggest", "未知的编码「{0}」（是否想用「{1}」？可用的编码：{2}）",
    "unknown encoding '{0}' (did you mean '{1}'?; known: {2})"};
inline constexpr diag::MessageTemplate k_encoding_unknown{"error.encoding.unknown",
                                                          "未知的编码「{0}」（可用的编码：{1}）",
                                                          "unknown encoding '{0}' (known: {1})"};
inline constexpr diag::MessageTemplate k_iconv_missing{"error.encoding.iconv_missing",
                                                       "本系统的 iconv 无法解码 {0}",
                                                       "this system's iconv cannot decode {0}"};
inline constexpr diag::MessageTemplate k_iconv_failed{
    "error.encoding.iconv_failed", "iconv 解码 {0} 失败", "iconv failed decoding {0}"};
inline constexpr diag::MessageTemplate k_not_text{
    "error.encoding.not_text", "不是有效的 UTF-8 或 GB18030 文本（字节偏移 {0} 处有无效字节序列）",
    "not valid UTF-8 or GB18030 text (invalid byte sequence at byte offset {0})"};

// PDF (pdf/).
inline constexpr diag::MessageTemplate k_pdf_internal{"error.pdf.internal",
                                                      "内部错误：poppler 未初始化",
                                                      "internal error: poppler is not initialised"};
inline constexpr diag::MessageTemplate k_pdf_parse{"error.pdf.parse",
                                                   "无法解析 PDF（poppler 错误 {0}）",
                                                   "the PDF cannot be parsed (poppler error {0})"};
inline constexpr diag::MessageTemplate k_pdf_objects{
    "error.pdf.objects", "PDF 有 {0} 个对象，超过上限 {1}（max_pdf_objects）",
    "the PDF has {0} objects, more than the limit of {1} (max_pdf_objects)"};
inline constexpr diag::MessageTemplate k_pdf_seconds{
    "error.pdf.seconds", "读取 PDF 超过 {0} 秒（max_pdf_seconds）",
    "reading the PDF took more than {0} seconds (max_pdf_seconds)"};
inline constexpr diag::MessageTemplate k_pdf_too_large{
    "error.pdf.too_large", "PDF 太大，poppler 无法处理", "the PDF is too large for poppler"};
inline constexpr diag::MessageTemplate k_pdf_damaged{
    "error.pdf.damaged", "PDF 已损坏或不完整：poppler 无法打开",
    "the PDF is damaged or truncated: poppler cannot open it"};
inline constexpr diag::MessageTemplate k_pdf_encrypted{
    "error.pdf.encrypted",
    "PDF 已加密，需要密码：请另存一份不加密的副本，或改用报告的 .docx 或网页",
    "the PDF is encrypted and needs a password: save an unprotected copy, or use the report's "
    ".docx or web page"};
inline constexpr diag::MessageTemplate k_pdf_no_pages{"error.pdf.no_pages", "PDF 没有页面",
                                                      "the PDF has no pages"};
inline constexpr diag::MessageTemplate k_pdf_pages{
    "error.pdf.pages", "PDF 有 {0} 页，超过上限 {1}（max_pages）",
    "the PDF has {0} pages, more than the limit of {1} (max_pages)"};
inline constexpr diag::MessageTemplate k_pdf_text{
    "error.pdf.text", "PDF 的文字超过 {0} 字节（max_pdf_text）",
    "the PDF's text is more than {0} bytes (max_pdf_text)"};
inline constexpr diag::MessageTemplate k_pdf_unmapped_shown{
    "error.pdf.unmapped_shown",
    "PDF 的字体没有 Unicode 映射：显示的 {1} 个字符中有 {0} 个无法读取（乱码）；请改用报告的 .docx "
    "或网页，或嵌入 Unicode 字体另存的 PDF",
    "the PDF's fonts have no Unicode map: {0} of the {1} characters it shows cannot be read "
    "(garbled text); use the report's .docx or web page, or a PDF saved with embedded Unicode "
    "fonts"};
inline constexpr diag::MessageTemplate k_pdf_no_text{
    "error.pdf.no_text",
    "PDF 没有文字层（扫描图像？）：请先做 OCR 文字识别，或改用报告的 .docx 或网页",
    "the PDF has no text layer (a scanned image?): run OCR on it first, or use the report's "
    ".docx or web page"};
inline constexpr diag::MessageTemplate k_pdf_module{
    "error.pdf.module",
    "无法加载 PDF 读取模块 xxgk-pdf.so（请重新安装 xxgk，或用环境变量 XXGK_PDF_MODULE "
    "指定其路径）：{0}",
    "the PDF reader module xxgk-pdf.so cannot be loaded (reinstall xxgk, or set XXGK_PDF_MODULE "
    "to its path): {0}"};
inline constexpr diag::MessageTemplate k_pdf_failed{
    "error.pdf.failed", "PDF 读取模块意外出错", "the PDF reader module failed unexpectedly"};
inline constexpr diag::MessageTemplate k_pdf_unmapped{
    "error.pdf.unmapped",
    "PDF 的字体没有 Unicode 映射：{1} 个字符中有 {0} "
    "个是未映射的字形或字形编号（乱码）；请改用报告的 "
    ".docx 或网页，或嵌入 Unicode 字体另存的 PDF",
    "the PDF's fonts have no Unicode map: {0} of its {1} characters are unmapped glyphs or "
    "glyph numbers (garbled text); use the report's .docx or web page, or a PDF saved with "
    "embedded Unicode fonts"};

} // namespace xxgk::document::err

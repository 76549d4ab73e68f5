#include "messages.hpp"

#include <xxgk/document/reader_rules.hpp>

namespace xxgk::document {

const std::vector<diag::RuleEntry>& reader_rules() {
  static const std::vector<diag::RuleEntry> k_rules = {
      {.id = "READ-ENCODING",
       .severity = diag::Severity::Warning,
       .title = "文本中有无法解码的字节",
       .title_en = "Undecodable bytes in the text",
       .description = "文本文件中有不符合其编码的字节，已替换为 U+FFFD；附近的数字可能读错。",
       .fix = "用 UTF-8 或 GB18030 重新保存文件，或用 --encoding 指定正确的编码。"},
      {.id = "READ-REVISIONS",
       .severity = diag::Severity::Warning,
       .title = "文档含有未接受的修订",
       .title_en = "The document has unaccepted revisions",
       .description = "Word 文档中有尚未接受或拒绝的修订（插入、删除）；已按接受全部修订读取。",
       .fix = "在 Word 中接受或拒绝全部修订后另存。",
       .example = "tests/data/docx/hongxing-2021-tracked.docx"},
      {.id = "READ-DIGITRUN",
       .severity = diag::Severity::Info,
       .title = "表格数字连成一串，已拆分",
       .title_en = "Table figures run together, split back into cells",
       .description =
           "网页抓取的文本丢失了单元格分隔，一行的数字连成一串（如「640020470」）。每行按模板的勾稽"
           "关系拆分：表三先按本行（六类申请人之和等于总计），表四按每组（四项结果之和等于总计）；"
           "只有一行仍有几种拆法时，才用列的关系（办理结果各行之和等于（七）总计，一加二等于（七）"
           "加四）选择，绝不改动唯一的拆法，所以报告本身的列错误照样报告。表二没有勾稽关系，只在"
           "拆法唯一时读取。仍有几种拆法的行不读取，并在此列出；拆分读出的单元格在 JSON 的 "
           "\"recovered\" 中标明。",
       .fix = "核对原报告（PDF 或网页表格）中列出的行，必要时把这些数字用空格隔开后重新检查。",
       .example = "tests/data/web/pingtan-touzicujinju-2025.txt"},
  };
  return k_rules;
}

const std::vector<const diag::MessageTemplate*>& messages() {
  static const std::vector<const diag::MessageTemplate*> k_all = {
      &msg::k_invalid_bytes,      &msg::k_invalid_bytes_count, &msg::k_charset_unsupported,
      &msg::k_charset_mismatch,   &msg::k_revisions,           &msg::k_digitrun_recovered,
      &msg::k_digitrun_unsplit,   &msg::k_digitrun_both,       &msg::k_digitrun_unique,
      &msg::k_digitrun_identities};
  return k_all;
}

} // namespace xxgk::document

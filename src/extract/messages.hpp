#pragma once
// The wording of extraction's findings (EXTRACT-*), Chinese and English side by side (one entry
// per message ID). Inline variables: every file of extract/ refers to the same template object.
// Table arguments are diag::Arg::table (二 in Chinese, 2 in English); labels and text quoted from
// the report stay as written.

#include <xxgk/diag/message.hpp>

namespace xxgk::extract::msg {
inline constexpr diag::MessageTemplate k_fuzzy{
    "extract.fuzzy", "标签「{0}」与模板不完全一致，按「{1}」识别",
    "label 「{0}」 differs from the template; read as 「{1}」"};
inline constexpr diag::MessageTemplate k_unknown_number{
    "extract.unknown.number", "表{0}中的数字「{1}」不在任何已识别的行中，未计入",
    "the number 「{1}」 in table {0} is in no recognised row; not counted"};
inline constexpr diag::MessageTemplate k_unknown_row{
    "extract.unknown.row", "表{0}中的行「{1}」不是模板中的行，其数字未计入",
    "row 「{1}」 in table {0} is not a row of the template; its figures are not counted"};
inline constexpr diag::MessageTemplate k_unknown_many{
    "extract.unknown.many", "表{0}中有{1}处内容不在任何已识别的行或栏中，其{2}个数字未计入：{3}",
    "table {0} has {1} items in no recognised row or column; their {2} figures are not counted: "
    "{3}"};
/// The items of k_unknown_many's list, joined by 、 (Chinese) or ", " (English).
inline constexpr diag::MessageTemplate k_item_number{"extract.unknown.item_number", "数字「{0}」",
                                                     "number 「{0}」"};
inline constexpr diag::MessageTemplate k_item_row{"extract.unknown.item_row", "行「{0}」",
                                                  "row 「{0}」"};
inline constexpr diag::MessageTemplate k_item_more{"extract.unknown.item_more", "等{0}处",
                                                   " … ({0} in all)"};
inline constexpr diag::MessageTemplate k_unknown_table{
    "extract.unknown.table", "这个表格不是表二、表三或表四（找不到模板的标签），其数字未计入",
    "this table is not table 2, 3 or 4 (none of the template's labels is in it); its figures are "
    "not counted"};
inline constexpr diag::MessageTemplate k_duplicate{
    "extract.duplicate", "表{0}的行「{1}」出现了不止一次，只采用第一次的数字",
    "row 「{1}」 of table {0} appears more than once; only its first figures are used"};
inline constexpr diag::MessageTemplate k_column{
    "extract.column", "表{0}的行「{1}」应有{2}个数值单元格，找到{3}个；该行未读取",
    "row 「{1}」 of table {0} should have {2} value cells, found {3}; the row was not read"};
inline constexpr diag::MessageTemplate k_column_unsplit{
    "extract.column.unsplit",
    "表{0}的行「{1}」的数字连成一串，无法唯一地分到{2}个单元格；该行未读取",
    "the figures of row 「{1}」 of table {0} run together and split into its {2} cells more than "
    "one way; the row was not read"};
inline constexpr diag::MessageTemplate k_row_missing{"extract.row", "表{0}中找不到行「{1}」",
                                                     "table {0} has no row 「{1}」"};
inline constexpr diag::MessageTemplate k_block_row_missing{
    "extract.row.block", "表{0}中找不到{1}的行「{2}」", "table {0} has no row 「{2}」 under {1}"};
inline constexpr diag::MessageTemplate k_typo{
    "extract.typo", "表{0}的行标签「{1}」与模板不一致，按位置和字形最接近的行「{2}」读取",
    "the row label 「{1}」 of table {0} differs from the template; read as the closest row in its "
    "place, 「{2}」"};
inline constexpr diag::MessageTemplate k_group_row{
    "extract.group_row", "表{0}的「{1}」只有一行合计，没有分列子行{2}；按该组合计读取，子行留空",
    "「{1}」 of table {0} is one total row without its sub-rows {2}; read as the group's total, "
    "the sub-rows left blank"};
inline constexpr diag::MessageTemplate k_note{
    "extract.note",
    "表{0}「{1}」{2}的单元格「{3}」在数字后附有说明，按 {4} 读取，说明「{5}」未计入",
    "cell 「{3}」 (table {0}, 「{1}」 {2}) has a note after its number; read as {4}, the note "
    "「{5}」 is not counted"};
inline constexpr diag::MessageTemplate k_layout{
    "extract.layout", "表{0}应有{1}个数值单元格，找到{2}个；表{0}未读取",
    "table {0} should have {1} value cells, found {2}; table {0} was not read"};
inline constexpr diag::MessageTemplate k_subtotal{
    "extract.subtotal", "报告自加的小计「{0}」为 {1}，其组成部分之和为 {2}（小计不计入模板的合计）",
    "the report's own subtotal 「{0}」 is {1}, its parts add up to {2} (subtotals are not counted "
    "in the template's totals)"};
/// {0}: the expected form of a title, “<机关名称><年份>年政府信息公开工作年度报告”.
inline constexpr diag::MessageTemplate k_no_title{
    "extract.title.missing", "找不到报告标题（应为{0}）", "no report title found (expected {0})"};
inline constexpr diag::MessageTemplate k_title_no_year{
    "extract.title.no_year", "标题「{0}」中没有四位数的报告年份",
    "the title 「{0}」 has no four-digit report year"};
inline constexpr diag::MessageTemplate k_title_no_agency{
    "extract.title.no_agency", "标题「{0}」中没有机关名称", "the title 「{0}」 names no agency"};
inline constexpr diag::MessageTemplate k_table_missing{"extract.table", "找不到表{0}（{1}）",
                                                       "table {0} not found ({1})"};
} // namespace xxgk::extract::msg

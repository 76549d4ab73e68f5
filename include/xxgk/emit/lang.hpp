#pragma once
// Message language (--lang). A finding carries its message as an ID and arguments (diag::Message);
// English output renders the English wording of that template, after the rule's English title
// unless the wording opens with the title itself. Cell labels quoted from the template stay
// Chinese.

#include <xxgk/diag/diagnostic.hpp>
#include <xxgk/emit/results.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace xxgk::emit {

using diag::Lang;
using diag::parse_lang;

/// The rule's title in `lang` (the Chinese title when it has no English one).
std::string rule_title(const RuleInfo& rule, Lang lang);
/// The finding's message in `lang`. `rule` may be nullptr (unknown rule: no title before it).
std::string localized_message(const diag::Diagnostic& d, const RuleInfo* rule, Lang lang);
/// The table/row/column a location names, e.g. 表三「一、本年新收政府信息公开申请数量」总计
/// (English: table 3, row 「…」, column 「总计」); empty when it names none.
std::string cell_name(const diag::SourceLocation& where, Lang lang);
/// Where a finding is in a Word input: the cell name, then part and indices in parentheses,
/// e.g. 表三「…」总计 (word/document.xml, 第2个表格, 第3行, 第8个单元格); English with --lang en.
std::string logical_location(const diag::SourceLocation& where, Lang lang);
/// 二 → 2 (English table numbers); other names unchanged.
std::string table_number(std::string_view name, Lang lang);

/// The message templates of the logical location's parts (the catalogue lists them).
const std::vector<const diag::MessageTemplate*>& location_messages();

} // namespace xxgk::emit

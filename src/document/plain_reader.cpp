#include <xxgk/document/text_forms.hpp>
#include <xxgk/util/text.hpp>

namespace xxgk::document {

Document read_plain_text(std::string_view text) {
  Document doc;
  doc.format = "text-plain";
  const auto lines = util::split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    const std::string trimmed = util::trim(line);
    if (trimmed.empty() || is_page_number_line(line)) {
      continue;
    }
    Paragraph p;
    p.text = trimmed;
    p.where.line = static_cast<int>(i) + 1;
    p.where.column = column_of(line, line.find(trimmed));
    doc.blocks.emplace_back(std::move(p));
  }
  return doc;
}

} // namespace xxgk::document

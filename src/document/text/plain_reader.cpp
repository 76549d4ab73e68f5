// Plain text without a table form xxgk recognizes: one paragraph per non-blank line.

#include <xxgk/document/text_forms.hpp>
#include <xxgk/util/text.hpp>

namespace xxgk::document {

Document read_plain_text(std::string_view text) {
  Document doc;
  doc.format = "text-plain";
  const auto lines = util::split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (util::trim_view(line).empty() || is_page_number_line(line)) {
      continue;
    }
    add_line_paragraph(doc, line, i);
  }
  return doc;
}

} // namespace xxgk::document

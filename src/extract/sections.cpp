// The report's sections: paragraphs matched to the template's headings, the text under each,
// and the section each table stands in.

#include "detail.hpp"

#include <algorithm>

namespace xxgk::extract::detail {

void Extractor::find_sections() {
  std::string current;
  report::Section* current_section = nullptr; ///< m_report.sections[current or "preamble"]
  m_exact_heading.assign(m_doc.blocks.size(), false);
  const std::size_t longest = std::max(m_index.longest_heading, k_max_heading);
  for (std::size_t i = 0; i < m_doc.blocks.size(); ++i) {
    const auto& block = m_doc.blocks[i];
    if (const auto* p = std::get_if<document::Paragraph>(&block)) {
      const schema::Section* hit = nullptr;
      bool variant = false;
      // Most paragraphs are prose: one whose key cannot start as a heading's key does, or is
      // longer than any heading (exactly or approximately), is not normalized at all.
      const char32_t start = util::label_key_start(p->text);
      const bool maybe_heading =
          (m_index.heading_starts.empty() || start == util::k_key_start_unknown ||
           (start != 0 && std::find(m_index.heading_starts.begin(), m_index.heading_starts.end(),
                                    start) != m_index.heading_starts.end())) &&
          util::label_key_min_length(p->text, longest) <= longest;
      const TextKeys k = maybe_heading ? label_keys_of(p->text) : TextKeys{};
      for (const auto& sec : m_tmpl.sections) {
        if (matches_exactly(k, sec.label)) {
          hit = &sec;
          variant = k.key != util::label_key(sec.label.text);
          m_exact_heading[i] = true;
          break;
        }
      }
      if (hit == nullptr && maybe_heading && util::count_codepoints(p->text) <= k_max_heading) {
        // A numbered heading worded a little differently: "五、存在问题和改进情况".
        for (const auto& sec : m_tmpl.sections) {
          if (k.key.rfind(sec.number, 0) == 0 && matches_approximately(k, sec.label)) {
            hit = &sec;
            variant = true;
            break;
          }
        }
      }
      if (hit != nullptr) {
        m_report.headings.push_back({hit->key, p->text, p->where, variant});
        auto& out = m_report.sections[hit->key];
        if (!out.found) {
          out.found = true;
          out.heading = p->text;
          out.where = p->where;
        }
        current = hit->key;
        current_section = &out;
        continue;
      }
      {
        // Paragraphs before the first heading (title, preamble) are kept under "preamble".
        if (current_section == nullptr) {
          current_section = &m_report.sections[current.empty() ? "preamble" : current];
        }
        auto& out = *current_section;
        if (!out.text.empty()) {
          out.text += '\n';
        }
        out.text += p->text;
        out.paragraphs.push_back({p->text, p->where});
      }
    } else if (const auto* t = std::get_if<document::Table>(&block)) {
      m_table_section[t] = current;
    }
  }
}

} // namespace xxgk::extract::detail

// The report's part of a page: the smallest element holding all section headings and report
// tables, minus site chrome and link lists, with the title before it (see html_reader.hpp).

#include "page_reader.hpp"

#include "markup.hpp"

#include <xxgk/document/cell_text.hpp>
#include <xxgk/document/text_forms.hpp>
#include <xxgk/util/text.hpp>

#include <algorithm>
#include <climits>
#include <utility>

namespace xxgk::document::html {

bool has_year(std::string_view text) {
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    if (std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i),
                    text.begin() + static_cast<std::ptrdiff_t>(i + 4),
                    [](char c) { return c >= '0' && c <= '9'; }) &&
        (i == 0 || text[i - 1] < '0' || text[i - 1] > '9') && text.compare(i + 4, 3, "年") == 0) {
      return true;
    }
  }
  return false;
}

bool looks_like_title(std::string_view text) {
  const std::string t = util::nfkc(text);
  return util::count_codepoints(t) <= k_max_title &&
         (t.find("报告") != std::string::npos || t.find("年报") != std::string::npos) &&
         has_year(t);
}

bool is_report_label(std::string_view text) {
  const std::string key = util::label_key(text);
  return key.find("政府信息公开申请") != std::string::npos || key.starts_with("第二十条") ||
         key == "行政复议" || key == "申请人情况" || key == "信息内容";
}

bool Reader::is_inside(const xmlNode* n, const xmlNode* ancestor) {
  for (; n != nullptr; n = n->parent) {
    if (n == ancestor) {
      return true;
    }
  }
  return false;
}

bool Reader::is_core_hit(const RawBlock& b) {
  if (const auto* p = std::get_if<Paragraph>(&b.block)) {
    return !b.link && looks_like_section_heading(p->text);
  }
  const auto& t = std::get<Table>(b.block);
  for (const auto& row : t.rows) {
    for (const auto& cell : row.cells) {
      if (is_report_label(cell.text)) {
        return true;
      }
    }
  }
  return false;
}

bool Reader::is_title_block(const RawBlock& b) {
  const auto* p = std::get_if<Paragraph>(&b.block);
  return p != nullptr && !b.link && looks_like_title(p->text);
}

std::size_t Reader::visible_chars(const RawBlock& b) {
  if (const auto* p = std::get_if<Paragraph>(&b.block)) {
    return b.link ? 0 : util::count_codepoints(p->text);
  }
  std::size_t n = 0;
  for (const auto& row : std::get<Table>(b.block).rows) {
    for (const auto& cell : row.cells) {
      n += util::count_codepoints(cell.text);
    }
  }
  return n;
}

bool Reader::is_chrome_cached(const xmlNode* n) {
  const auto [it, added] = m_chrome.try_emplace(n, false);
  if (added) {
    it->second = is_chrome(n);
  }
  return it->second;
}

std::vector<RawBlock> Reader::choose(const xmlNode* root) {
  std::vector<const xmlNode*> hits;
  for (const auto& b : m_blocks) {
    if (b.anchor != nullptr && is_core_hit(b)) {
      hits.push_back(b.anchor);
    }
  }
  const xmlNode* container = hits.empty() ? root : common_ancestor(hits);
  if (std::find(hits.begin(), hits.end(), container) != hits.end() &&
      container->parent != nullptr && is_element(container->parent)) {
    container = container->parent; // one table or heading: its surroundings are the report
  }
  // Chrome never holds a report heading or table, nor most of the page's text (ASP.NET pages
  // wrap everything in one <form>).
  std::unordered_set<const xmlNode*> holds_hit;
  for (const xmlNode* h : hits) {
    for (const xmlNode* n = h; n != nullptr; n = n->parent) {
      holds_hit.insert(n);
    }
  }
  std::unordered_map<const xmlNode*, std::size_t> text_under;
  std::size_t total = 0;
  for (const auto& b : m_blocks) {
    const std::size_t n = visible_chars(b);
    total += n;
    for (const xmlNode* a = b.anchor; a != nullptr; a = a->parent) {
      text_under[a] += n;
    }
  }
  auto chrome = [&](const xmlNode* n) {
    return is_element(n) && !holds_hit.contains(n) && text_under[n] * 2 <= total &&
           is_chrome_cached(n);
  };
  // Chrome between a block and the container (or, outside it, the container's ancestors).
  auto in_chrome = [&](const xmlNode* n) {
    for (; n != nullptr && !is_inside(container, n); n = n->parent) {
      if (chrome(n)) {
        return true;
      }
    }
    return false;
  };

  std::vector<RawBlock> chosen;
  std::optional<std::size_t> first_index;
  for (std::size_t i = 0; i < m_blocks.size(); ++i) {
    const RawBlock& b = m_blocks[i];
    // Link paragraphs are navigation even inside the report: 上一篇/下一篇, a table of
    // contents, attachment lists.
    if (b.anchor == nullptr || b.link || !is_inside(b.anchor, container) ||
        in_chrome_below(b.anchor, container, chrome)) {
      continue;
    }
    if (!first_index) {
      first_index = i;
    }
    chosen.push_back(b);
  }

  // The title: among the report's first paragraphs, else the nearest before it that is not
  // a link or chrome, else the page's <title>.
  for (const auto& b : chosen) {
    if (std::holds_alternative<Table>(b.block)) {
      break;
    }
    if (is_title_block(b)) {
      return chosen;
    }
  }
  const std::size_t end = first_index.value_or(m_blocks.size());
  for (std::size_t i = end; i > 0 && end - i < k_title_lookback;) {
    --i;
    const RawBlock& b = m_blocks[i];
    if (is_title_block(b) && !in_chrome(b.anchor)) {
      chosen.insert(chosen.begin(), b);
      return chosen;
    }
  }
  if (auto title = page_title(root)) {
    chosen.insert(chosen.begin(), std::move(*title));
  }
  return chosen;
}

const xmlNode* Reader::common_ancestor(const std::vector<const xmlNode*>& nodes) {
  std::vector<const xmlNode*> common;
  for (const xmlNode* n = nodes.front(); n != nullptr; n = n->parent) {
    common.insert(common.begin(), n);
  }
  for (std::size_t k = 1; k < nodes.size(); ++k) {
    std::vector<const xmlNode*> chain;
    for (const xmlNode* n = nodes[k]; n != nullptr; n = n->parent) {
      chain.insert(chain.begin(), n);
    }
    std::size_t same = 0;
    while (same < common.size() && same < chain.size() && common[same] == chain[same]) {
      ++same;
    }
    common.resize(same);
  }
  // Walk up to an element (the chains start at the document node).
  while (!common.empty() && !is_element(common.back())) {
    common.pop_back();
  }
  return common.empty() ? nodes.front() : common.back();
}

std::optional<RawBlock> Reader::page_title(const xmlNode* root) const {
  for (const xmlNode* head = root->children; head != nullptr; head = head->next) {
    if (!is_element(head) || name_of(head) != "head") {
      continue;
    }
    for (const xmlNode* t = head->children; t != nullptr; t = t->next) {
      if (!is_element(t) || name_of(t) != "title") {
        continue;
      }
      xmlChar* content = xmlNodeGetContent(t);
      if (content == nullptr) {
        return std::nullopt;
      }
      const std::string full = collapse_white_space(reinterpret_cast<const char*>(content));
      xmlFree(content);
      std::string_view rest = full;
      while (!rest.empty()) {
        std::size_t cut = rest.size();
        std::size_t skip = 0;
        for (const std::string_view sep : {"_", "|", " - ", "——", "－", "--"}) {
          const std::size_t at = rest.find(sep);
          if (at < cut) {
            cut = at;
            skip = sep.size();
          }
        }
        const std::string part = util::trim(rest.substr(0, cut));
        if (looks_like_title(part)) {
          Paragraph p;
          p.text = part;
          p.where = location_of(t);
          RawBlock raw;
          raw.block = std::move(p);
          raw.anchor = t;
          return raw;
        }
        rest.remove_prefix(std::min(rest.size(), cut + skip));
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

} // namespace xxgk::document::html

// The report's title, year and agency from the document's first paragraphs.

#include "detail.hpp"

#include <string>

namespace xxgk::extract {

using detail::k_max_label_bytes;

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

constexpr std::size_t k_max_title = 80;

/// The title with its year in plain digits: spaces inside and after a year dropped
/// ("2 0 2 4 年", "2024 年" → "2024年") and a year in Chinese numerals ("二〇二四年") converted.
std::string title_year_digits(const std::string& text) {
  static constexpr std::string_view k_cn[] = {"〇", "一", "二", "三", "四",
                                              "五", "六", "七", "八", "九"};
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    // Four Chinese numerals then 年.
    std::string digits;
    std::size_t j = i;
    while (digits.size() < 4 && j < text.size()) {
      // Every numeral's UTF-8 starts with E3, E4, E5 or E9: most bytes are none of them.
      const auto lead = static_cast<unsigned char>(text[j]);
      if (lead != 0xE3 && lead != 0xE4 && lead != 0xE5 && lead != 0xE9) {
        break;
      }
      bool hit = false;
      for (std::size_t d = 0; d < 10; ++d) {
        if (text.compare(j, k_cn[d].size(), k_cn[d]) == 0 ||
            (d == 0 && text.compare(j, 3, "零") == 0)) {
          digits.push_back(static_cast<char>('0' + d));
          j += 3;
          hit = true;
          break;
        }
      }
      if (!hit) {
        break;
      }
    }
    if (digits.size() == 4 && text.compare(j, 3, "年") == 0) {
      out += digits;
      i = j;
      continue;
    }
    if (text[i] == ' ' && !out.empty() && is_digit(out.back()) &&
        (i + 1 < text.size() && (is_digit(text[i + 1]) || text.compare(i + 1, 3, "年") == 0))) {
      ++i; // a space inside or after a number
      continue;
    }
    out.push_back(text[i]);
    ++i;
  }
  return out;
}

} // namespace

TitleInfo find_title(const document::Document& doc) {
  TitleInfo info;
  std::optional<TitleInfo> fallback;
  int looked = 0;
  for (const auto& block : doc.blocks) {
    const auto* p = std::get_if<document::Paragraph>(&block);
    if (p == nullptr) {
      break; // the title comes before the first table
    }
    if (++looked > 8) {
      break;
    }
    if (p->text.size() > k_max_label_bytes) {
      continue;
    }
    std::string raw = util::trim(p->text);
    // A crawler's header line `标题: …` (format.md §7 item 14): the title is its value.
    for (std::string_view key : {"标题:", "标题："}) {
      if (raw.rfind(key, 0) == 0) {
        raw = util::trim(std::string_view(raw).substr(key.size()));
      }
    }
    const std::string text = title_year_digits(util::nfkc(raw));
    // A title is short and names the report; the first such paragraph is the title.
    // "工作告年度报" (a garbled title, format.md §2) still names 政府信息公开.
    const bool titled =
        util::count_codepoints(text) <= k_max_title &&
        (text.find("年报") != std::string::npos || text.find("报告") != std::string::npos ||
         text.find("政府信息公开") != std::string::npos);
    if (!titled) {
      continue;
    }
    // The report year: the first 4-digit number 1990–2099 followed by 年.
    for (std::size_t i = 0; i + 4 < text.size() + 1; ++i) {
      if (i + 4 <= text.size() && is_digit(text[i]) && is_digit(text[i + 1]) &&
          is_digit(text[i + 2]) && is_digit(text[i + 3]) && (i == 0 || !is_digit(text[i - 1])) &&
          text.compare(i + 4, 3, "年") == 0) {
        const int y = std::stoi(text.substr(i, 4));
        if (y < 1990 || y > 2099) {
          continue;
        }
        info.title = raw;
        info.where = p->where;
        info.year = y;
        std::string agency = util::trim(text.substr(0, i));
        for (std::string_view suffix : {"关于", "的"}) {
          if (agency.size() >= suffix.size() &&
              agency.compare(agency.size() - suffix.size(), suffix.size(), suffix) == 0) {
            agency.erase(agency.size() - suffix.size());
          }
        }
        if (agency.empty()) {
          // "2023年东方红乡政府信息公开年报": the agency follows the year.
          std::string rest = text.substr(i + 7);
          if (rest.rfind("度", 0) == 0) {
            rest.erase(0, 3);
          }
          const auto end = rest.find("政府信息公开");
          agency = util::trim(rest.substr(0, end));
        }
        if (!agency.empty()) {
          info.agency = agency;
        }
        return info;
      }
    }
    // A title without a year, such as a page header (页眉：政府信息公开工作年度报告) exported
    // before the real title: kept unless a later paragraph names the report with its year.
    if (!fallback) {
      fallback = TitleInfo{};
      fallback->title = raw;
      fallback->where = p->where;
    }
  }
  return fallback ? *fallback : info;
}

} // namespace xxgk::extract

// Scanning run-on text: crawler header lines, digit runs, the numbering before a label and
// labels wrapped over several lines (see runon.hpp).

#include "runon.hpp"

namespace xxgk::document::runon {

std::optional<std::string> wrapper_value(std::string_view line, std::string_view& key) {
  const std::string t = util::trim(line);
  for (const auto k : k_wrapper_keys) {
    if (!std::string_view(t).starts_with(k)) {
      continue;
    }
    std::string_view rest = std::string_view(t).substr(k.size());
    if (rest.starts_with(":")) {
      rest.remove_prefix(1);
    } else if (rest.starts_with("：")) {
      rest.remove_prefix(3);
    } else {
      continue;
    }
    key = k;
    return util::trim(rest);
  }
  return std::nullopt;
}

bool is_rule_line(std::string_view line) {
  const std::string t = util::trim(line);
  return t.size() >= 6 && (t.starts_with("====") || t.starts_with("----")) &&
         (t.ends_with("====") || t.ends_with("----"));
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_run_space(std::string_view s, std::size_t i, std::size_t& width) {
  if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f') {
    width = 1;
    return true;
  }
  if (s.compare(i, 3, "\xE3\x80\x80") == 0 || s.compare(i, 2, "\xC2\xA0") == 0) {
    width = s[i] == '\xC2' ? 2 : 3; // ideographic space, no-break space
    return true;
  }
  return false;
}

Run first_run(std::string_view s, std::size_t from, std::size_t to, bool decimals) {
  Run r;
  std::size_t i = from;
  while (i < to && !is_digit(s[i]) && !(s[i] == '-' && i + 1 < to && is_digit(s[i + 1]))) {
    ++i;
  }
  if (i >= to) {
    return r;
  }
  r.begin = i;
  std::size_t last = i;
  while (i < to) {
    std::size_t w = 1;
    if (is_digit(s[i]) || s[i] == '-' ||
        (decimals && s[i] == '.' && i + 1 < to && is_digit(s[i + 1]))) {
      r.text.push_back(s[i]);
      last = i + 1;
      ++i;
    } else if (is_run_space(s, i, w)) {
      r.text.push_back(' ');
      i += w;
    } else {
      break;
    }
  }
  while (!r.text.empty() && r.text.back() == ' ') {
    r.text.pop_back();
  }
  r.end = last;
  return r;
}

std::size_t numbering_suffix(std::string_view s) {
  std::size_t end = s.size();
  std::size_t w = 0;
  while (end > 0) {
    if (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\n' || s[end - 1] == '\r') {
      --end;
    } else if (end >= 3 && is_run_space(s, end - 3, w) && w == 3) {
      end -= 3;
    } else {
      break;
    }
  }
  const std::string_view t = s.substr(0, end);
  auto ends = [&](std::string_view x) { return t.ends_with(x); };
  static constexpr std::string_view k_seps[] = {".", "、", "．", "，"};
  for (const auto sep : k_seps) {
    if (ends(sep) && t.size() > sep.size() && is_digit(t[t.size() - sep.size() - 1])) {
      return s.size() - (t.size() - sep.size() - 1);
    }
  }
  static constexpr std::string_view k_numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八"};
  for (const auto n : k_numerals) {
    if (ends(std::string(n) + "、")) {
      return s.size() - (t.size() - n.size() - 3);
    }
    for (const auto& [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"},
                                      {"(", ")"},
                                      {"（", ")"},
                                      {"(", "）"}}) {
      const std::string p = std::string(open) + std::string(n) + std::string(close);
      if (ends(p)) {
        return s.size() - (t.size() - p.size());
      }
    }
  }
  return 0;
}

bool is_white(std::string_view s, std::size_t i, std::size_t& width) {
  if (s[i] == '\f') {
    width = 1;
    return true;
  }
  return is_run_space(s, i, width);
}

std::size_t find_loose(std::string_view s, std::string_view key, std::size_t from,
                       std::size_t& end) {
  if (key.empty() || from >= s.size()) {
    return std::string_view::npos;
  }
  std::size_t first_len = 1;
  while (first_len < key.size() && (static_cast<unsigned char>(key[first_len]) & 0xC0) == 0x80) {
    ++first_len;
  }
  const std::string_view first = key.substr(0, first_len);
  for (std::size_t p = s.find(first, from); p != std::string_view::npos; p = s.find(first, p + 1)) {
    std::size_t i = p;
    std::size_t k = 0;
    while (k < key.size() && i < s.size()) {
      if (s[i] == key[k]) {
        ++i;
        ++k;
        continue;
      }
      std::size_t w = 0;
      // White space only between whole characters of the key.
      if (k > 0 && (static_cast<unsigned char>(key[k]) & 0xC0) != 0x80 && is_white(s, i, w)) {
        i += w;
        continue;
      }
      break;
    }
    if (k == key.size()) {
      end = i;
      return p;
    }
  }
  return std::string_view::npos;
}

std::size_t find_loose(std::string_view s, std::string_view key, std::size_t from) {
  std::size_t end = 0;
  return find_loose(s, key, from, end);
}

bool is_group_label(std::string_view find) {
  return find == "本年度办理结果" || find == "不予公开" || find == "无法提供" || find == "不予处理";
}

} // namespace xxgk::document::runon

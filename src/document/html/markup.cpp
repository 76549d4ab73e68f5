// ASCII-level scanning of HTML source (see markup.hpp).

#include "markup.hpp"

#include <algorithm>

namespace xxgk::document::html {

namespace {

constexpr std::string_view k_bom_utf8 = "\xEF\xBB\xBF";
constexpr std::string_view k_bom_utf16le = "\xFF\xFE";
constexpr std::string_view k_bom_utf16be = "\xFE\xFF";

} // namespace

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) { return ascii_lower(c); });
  return out;
}

bool iequal_at(std::string_view s, std::size_t pos, std::string_view word) {
  if (pos > s.size() || s.size() - pos < word.size()) {
    return false;
  }
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (ascii_lower(s[pos + i]) != word[i]) {
      return false;
    }
  }
  return true;
}

bool tag_at(std::string_view s, std::size_t pos, std::string_view name) {
  if (pos >= s.size() || s[pos] != '<' || !iequal_at(s, pos + 1, name)) {
    return false;
  }
  const std::size_t after = pos + 1 + name.size();
  return after >= s.size() || is_ascii_space(s[after]) || s[after] == '/' || s[after] == '>';
}

bool contains_tag(std::string_view s, std::string_view name) {
  for (auto pos = s.find('<'); pos != std::string_view::npos; pos = s.find('<', pos + 1)) {
    if (tag_at(s, pos, name)) {
      return true;
    }
  }
  return false;
}

std::string ascii_prefix(std::string_view bytes, std::size_t limit) {
  const bool le = bytes.starts_with(k_bom_utf16le);
  const bool be = bytes.starts_with(k_bom_utf16be);
  if (!le && !be) {
    if (bytes.starts_with(k_bom_utf8)) {
      bytes.remove_prefix(k_bom_utf8.size());
    }
    return std::string(bytes.substr(0, limit));
  }
  std::string out;
  for (std::size_t i = 2; i + 1 < bytes.size() && out.size() < limit; i += 2) {
    const char low = le ? bytes[i] : bytes[i + 1];
    const char high = le ? bytes[i + 1] : bytes[i];
    out.push_back(high == '\0' && static_cast<unsigned char>(low) < 0x80 ? low : '\x80');
  }
  return out;
}

} // namespace xxgk::document::html
